import { extname } from 'node:path';
import type { Article, ArticleDraft, ArticleFormat } from '../article.ts';
import { decodeText } from '../text/decode-text.ts';
import { buildArticle } from './build-article.ts';
import { parseHtmlDraft } from './parse-html.ts';
import { parseJsonLinesRecords, parseJsonRecords, type JsonRecord } from './parse-json.ts';
import { parseMarkdownDraft } from './parse-markdown.ts';
import { rejected, type ParseError, type ParseOutcome } from './parse-outcome.ts';
import { parseTextDraft } from './parse-text.ts';

/** Files larger than this are refused unless the caller sets another limit. */
export const DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** Options of {@link parseArticleFile}. */
export interface ParseArticleOptions {
  /** Refuse files larger than this many bytes. Default {@link DEFAULT_MAX_ARTICLE_BYTES}. */
  maxBytes?: number;
}

type DetectedFormat = 'text' | 'markdown' | 'json' | 'jsonl' | 'html';

const FORMAT_BY_EXTENSION: Record<string, DetectedFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

/** The file extensions the loader reads. */
export const ARTICLE_EXTENSIONS: readonly string[] = Object.keys(FORMAT_BY_EXTENSION).filter((e) => e !== '');

/**
 * Parses one article file into articles. The format is chosen from the
 * extension and confirmed from the content (a `.txt` that is really HTML or
 * front-matter Markdown is read as such). Never throws: bad input comes back
 * as a typed {@link ParseError} with a one-line reason.
 *
 * @param bytes the file's content
 * @param file the path relative to the articles folder (forward slashes); it becomes the article id
 */
export function parseArticleFile(bytes: Uint8Array, file: string, options: ParseArticleOptions = {}): ParseOutcome {
  try {
    return parseUnsafe(bytes, file, options);
  } catch (error) {
    // A parser bug must cost one file, not the whole load; the message names it.
    const message = error instanceof Error ? error.message : String(error);
    return rejected('invalid', `could not be parsed (internal error: ${message.split('\n')[0]})`);
  }
}

function parseUnsafe(bytes: Uint8Array, file: string, options: ParseArticleOptions): ParseOutcome {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  if (bytes.length > maxBytes) {
    return rejected('too-large', `is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit`);
  }
  if (bytes.length === 0) return rejected('empty', 'is empty (0 bytes)');
  const decoded = decodeText(bytes);
  if (!decoded.ok) return rejected('binary', 'looks like a binary file, not text');
  const text = decoded.text;
  if (text.trim() === '') return rejected('empty', 'is empty (only white space)');
  const warnings = decoded.encoding === 'utf-8' || decoded.encoding.startsWith('utf-16') ? [] : [`read as ${decoded.encoding} (not UTF-8)`];

  const extension = extname(file).toLowerCase();
  const declared = FORMAT_BY_EXTENSION[extension];
  if (declared === undefined) return rejected('invalid', `has an unsupported extension "${extension}"`);
  const format = confirmFormat(declared, text);

  if (format === 'json' || format === 'jsonl') {
    const records = format === 'json' ? parseJsonRecords(text) : parseJsonLinesRecords(text);
    if ('kind' in records) return { ok: false, error: records };
    return buildRecords(records, file, format, warnings);
  }

  let draft: ArticleDraft;
  let articleFormat: ArticleFormat;
  if (format === 'html') {
    const result = parseHtmlDraft(text);
    if ('kind' in result) return { ok: false, error: result };
    draft = result;
    articleFormat = 'html';
  } else if (format === 'markdown') {
    const result = parseMarkdownDraft(text);
    if ('kind' in result) return { ok: false, error: result };
    draft = result.draft;
    warnings.push(...result.warnings);
    articleFormat = 'markdown';
  } else {
    const result = parseTextDraft(text);
    if ('kind' in result) return { ok: false, error: result };
    draft = result.draft;
    warnings.push(...result.warnings);
    articleFormat = result.format;
  }
  // The text parser's paragraphs and captions are normalised lines joined by one space (see splitNormalizedLines).
  const built = buildArticle(draft, { id: file, file, format: articleFormat }, format === 'text');
  if (!built.ok) return { ok: false, error: built.error };
  return { ok: true, articles: [built.article], warnings: [...warnings, ...built.warnings] };
}

/** Content wins over a misleading extension for the unambiguous cases. */
function confirmFormat(declared: DetectedFormat, text: string): DetectedFormat {
  if (declared !== 'text') return declared;
  const start = text.trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'html';
  if (/^(?:\ufeff)?---[ \t]*\r?\n/.test(text)) return 'markdown';
  return 'text';
}

function buildRecords(records: JsonRecord[], file: string, format: 'json' | 'jsonl', warnings: string[]): ParseOutcome {
  const articles: Article[] = [];
  const problems: string[] = [];
  const single = records.length === 1 && format === 'json';
  const label = format === 'json' ? 'item' : 'line';
  for (const record of records) {
    const id = single ? file : `${file}#${record.position}`;
    if ('kind' in record.result) {
      problems.push(`${label} ${record.position} ${record.result.message}`);
      continue;
    }
    const built = buildArticle(record.result.draft, { id, file, format });
    if (!built.ok) {
      problems.push(`${label} ${record.position} ${built.error.message}`);
      continue;
    }
    articles.push(built.article);
    warnings.push(...[...record.result.warnings, ...built.warnings].map((w) => (single ? w : `${label} ${record.position}: ${w}`)));
  }
  if (articles.length === 0) {
    const first = records[0]!.result;
    const kind: ParseError['kind'] = 'kind' in first ? first.kind : 'invalid';
    return rejected(kind, single ? (problems[0] ?? 'has no article') : `has no usable article: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}`);
  }
  return { ok: true, articles, warnings: [...warnings, ...problems.map((p) => `skipped ${p}`)] };
}

/** Formats a byte count for a message: "5 MB", "120 kB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}
