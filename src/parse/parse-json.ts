import { z } from 'zod';
import type { ArticleDraft } from '../article.ts';
import { normalizeIsoDate } from '../text/iso-date.ts';
import { shorten } from './build-article.ts';
import type { ParseError } from './parse-outcome.ts';

const optionalText = z.string().nullish();

/**
 * One article in JSON, in the Article's own field names. `title` and
 * `paragraphs` are required; `date` (YYYY-MM-DD), `source`, `url`, `author`
 * and `captions` are optional. Derived fields (`id`, `file`, `format`,
 * `sentences`) are ignored if present, so the bot's own JSON output can be
 * read back.
 */
export const JsonArticleSchema = z.object({
  title: z.string(),
  date: z.union([z.string(), z.null()]).optional(),
  source: optionalText,
  url: optionalText,
  author: optionalText,
  paragraphs: z.array(z.string()).min(1, 'needs at least one paragraph'),
  captions: z.array(z.string()).optional(),
});

/** One record of a JSON or JSONL file: a draft, or why that record was rejected. */
export interface JsonRecord {
  /** 1-based: the array index + 1, or the JSONL line number. */
  position: number;
  result: { draft: ArticleDraft; warnings: string[] } | ParseError;
}

/**
 * Parses a JSON file holding one article object or an array of them.
 * Returns a ParseError for malformed JSON or a top level of the wrong shape.
 */
export function parseJsonRecords(text: string): JsonRecord[] | ParseError {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: 'malformed-json', message: `is not valid JSON (${errorMessage(error)})` };
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'empty', message: 'is an empty JSON array' };
    return value.map((item, index) => ({ position: index + 1, result: toDraft(item) }));
  }
  if (value !== null && typeof value === 'object') return [{ position: 1, result: toDraft(value) }];
  return { kind: 'wrong-shape', message: `holds a JSON ${value === null ? 'null' : typeof value}, expected an article object or an array of them` };
}

/** Parses JSON Lines: one article object per non-blank line. */
export function parseJsonLinesRecords(text: string): JsonRecord[] | ParseError {
  const records: JsonRecord[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      records.push({ position: index + 1, result: { kind: 'malformed-json', message: `is not valid JSON (${errorMessage(error)})` } });
      continue;
    }
    records.push({ position: index + 1, result: toDraft(value) });
  }
  if (records.length === 0) return { kind: 'empty', message: 'has no JSON lines' };
  return records;
}

function toDraft(value: unknown): { draft: ArticleDraft; warnings: string[] } | ParseError {
  const parsed = JsonArticleSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'article';
    return { kind: 'wrong-shape', message: `wrong shape at "${field}": ${issue?.message ?? 'unexpected value'}` };
  }
  const article = parsed.data;
  const warnings: string[] = [];
  let date: string | null = null;
  if (typeof article.date === 'string' && article.date.trim() !== '') {
    date = normalizeIsoDate(article.date);
    if (date === null) warnings.push(`date "${shorten(article.date)}" is not a real YYYY-MM-DD date; left unknown`);
  }
  return {
    draft: {
      title: article.title,
      date,
      source: article.source ?? null,
      url: article.url ?? undefined,
      author: article.author ?? undefined,
      paragraphs: article.paragraphs,
      captions: article.captions ?? [],
    },
    warnings,
  };
}

function errorMessage(error: unknown): string {
  return shorten(error instanceof Error ? error.message : String(error), 80);
}
