import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { Article } from './article.ts';
import { ARTICLE_EXTENSIONS, DEFAULT_MAX_ARTICLE_BYTES, formatBytes, parseArticleFile } from './parse/parse-article-file.ts';
import type { ParseErrorKind } from './parse/parse-outcome.ts';
import { ArticleCache } from './cache/article-cache.ts';

/** A file that was not loaded, and why. */
export interface SkippedFile {
  file: string;
  kind: ParseErrorKind;
  reason: string;
}

/** Something doubtful about a file that was loaded anyway. */
export interface LoadWarning {
  file: string;
  message: string;
}

/** What loading a folder did: every file is accounted for. */
export interface LoadReport {
  folder: string;
  /** Article files read (each may hold several articles). */
  filesRead: number;
  articlesLoaded: number;
  skipped: SkippedFile[];
  warnings: LoadWarning[];
  /** Files not in an article format (images, stylesheets, …) and README/LICENSE files, by path. */
  ignored: string[];
  /** Files whose parse came from the cache (unchanged since the last run). */
  fromCache?: number;
  /** Articles whose index entries came from the saved index. */
  indexFromCache?: number;
  elapsedMs: number;
}

/** The articles loaded from a folder and the report of how it went. */
export interface LoadResult {
  articles: Article[];
  report: LoadReport;
}

/** Options of {@link loadArticles}. */
export interface LoadOptions {
  /** Files larger than this are skipped. Default 5 MB. */
  maxBytes?: number;
  /** Called after each file, for progress displays. */
  onProgress?: (done: number, total: number) => void;
  /** Parsed articles from earlier runs: unchanged files are not parsed again. Saved at the end of the load. */
  cache?: ArticleCache;
}

// Files a folder of articles commonly holds that are about the articles, not articles.
const NOT_ARTICLES = /^(readme|license|licence|credits|notice|changelog)(\.[a-z]+)?$/i;
const READ_CONCURRENCY = 16;

/**
 * Loads every article file under `folder`, recursively, following symbolic
 * links but never a loop. One bad file never stops the others: it is
 * skipped with a one-line reason in the report. The same article twice (same
 * title, date, outlet and text) is loaded once; two versions of one story
 * (same title, date and outlet, different text) are both loaded, with a warning. Articles come sorted by file path.
 *
 * @throws Error only when `folder` itself cannot be read.
 */
export async function loadArticles(folder: string, options: LoadOptions = {}): Promise<LoadResult> {
  const started = performance.now();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const { files, ignored, unreadable } = await listArticleFiles(folder);
  const skipped: SkippedFile[] = [...unreadable];
  const warnings: LoadWarning[] = [];
  const parsed: Article[][] = new Array(files.length);

  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      parsed[index] = await loadOneFile(folder, file, maxBytes, skipped, warnings, options.cache);
      options.onProgress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));

  const articles: Article[] = [];
  const firstByKey = new Map<string, Article>();
  for (const article of parsed.flat()) {
    const key = duplicateKey(article);
    const first = firstByKey.get(key);
    if (first === undefined) {
      firstByKey.set(key, article);
    } else if (sameText(first, article)) {
      skipped.push({ file: article.id, kind: 'duplicate', reason: `is the same article as ${first.id} (same title, date, outlet and text)` });
      continue;
    } else {
      // Another version of the same story (an update, a correction): keeping
      // both loses nothing, and the reader is told.
      warnings.push({ file: article.id, message: `has the same title, date and outlet as ${first.id} but a different text; both loaded` });
    }
    articles.push(article);
  }
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  if (options.cache) {
    try {
      await options.cache.save();
    } catch (error) {
      // A cache that cannot be written costs the next start-up time, not this one its articles.
      warnings.push({ file: options.cache.path, message: `cache not saved (${describeFsError(error)})` });
    }
  }
  return {
    articles,
    report: {
      folder,
      filesRead: files.length,
      articlesLoaded: articles.length,
      skipped,
      warnings,
      ignored,
      ...(options.cache ? { fromCache: options.cache.hits } : {}),
      elapsedMs: performance.now() - started,
    },
  };
}

async function loadOneFile(
  folder: string,
  file: string,
  maxBytes: number,
  skipped: SkippedFile[],
  warnings: LoadWarning[],
  cache: ArticleCache | undefined,
): Promise<Article[]> {
  const result = await readArticleFile(folder, file, maxBytes, cache);
  if (!result.ok) {
    skipped.push(result.skipped);
    return [];
  }
  for (const message of result.warnings) warnings.push({ file, message });
  return result.articles;
}

/** One file read and parsed: its articles and warnings, or why it was skipped. */
export type FileReadResult = { ok: true; articles: Article[]; warnings: string[] } | { ok: false; skipped: SkippedFile };

/**
 * Reads and parses one article file of the folder (a path relative to it,
 * with forward slashes). Never throws: a missing, unreadable, oversized or
 * broken file comes back as a skip with its reason.
 */
export async function readArticleFile(folder: string, file: string, maxBytes = DEFAULT_MAX_ARTICLE_BYTES, cache?: ArticleCache): Promise<FileReadResult> {
  const path = join(folder, ...file.split('/'));
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.size > maxBytes) {
      return { ok: false, skipped: { file, kind: 'too-large', reason: `is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit` } };
    }
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, skipped: { file, kind: 'unreadable', reason: `cannot be read (${describeFsError(error)})` } };
  }
  const hash = cache ? ArticleCache.hash(bytes) : '';
  const cached = cache?.get(file, hash);
  if (cached) return { ok: true, ...cached };
  const outcome = parseArticleFile(bytes, file, { maxBytes });
  if (!outcome.ok) return { ok: false, skipped: { file, kind: outcome.error.kind, reason: outcome.error.message } };
  cache?.set(file, hash, { articles: outcome.articles, warnings: outcome.warnings });
  return { ok: true, articles: outcome.articles, warnings: outcome.warnings };
}

/** True for a path (relative, forward slashes) the loader would read as an article file. */
export function isArticleFile(file: string): boolean {
  const name = file.split('/').pop() ?? '';
  if (file.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) return false;
  return !NOT_ARTICLES.test(name) && ARTICLE_EXTENSIONS.includes(extname(name).toLowerCase());
}

function sameText(a: Article, b: Article): boolean {
  return a.paragraphs.length === b.paragraphs.length && a.paragraphs.every((p, i) => p === b.paragraphs[i]);
}

/** The identity of an article for duplicate detection: title, date and outlet, case and spacing aside. */
function duplicateKey(article: Article): string {
  const fold = (value: string | null) => (value ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  return `${fold(article.title)}\u0000${article.date ?? ''}\u0000${fold(article.source)}`;
}

interface FileListing {
  files: string[];
  ignored: string[];
  unreadable: SkippedFile[];
}

/** Lists article files under `folder` (relative, forward slashes, sorted), surviving symlink loops. */
async function listArticleFiles(folder: string): Promise<FileListing> {
  const listing: FileListing = { files: [], ignored: [], unreadable: [] };
  let root: string;
  try {
    root = await realpath(folder);
  } catch (error) {
    throw new Error(`Cannot read the articles folder ${folder}: ${describeFsError(error, 'folder')}`);
  }
  const visitedDirectories = new Set<string>([root]);
  const walk = async (directory: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      if (directory === folder) throw new Error(`Cannot read the articles folder ${folder}: ${describeFsError(error, 'folder')}`);
      listing.unreadable.push({ file: toRelative(folder, directory) + '/', kind: 'unreadable', reason: `folder cannot be read (${describeFsError(error)})` });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(directory, entry.name);
      const file = toRelative(folder, path);
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          const target = await realpath(path);
          isDirectory = (await stat(target)).isDirectory();
          if (isDirectory) {
            if (visitedDirectories.has(target)) continue; // a loop, or a folder already read
            visitedDirectories.add(target);
          }
        } catch (error) {
          listing.unreadable.push({ file, kind: 'unreadable', reason: `is a broken link (${describeFsError(error)})` });
          continue;
        }
      } else if (isDirectory) {
        visitedDirectories.add(await realpath(path));
      }
      if (isDirectory) await walk(path);
      else if (!isArticleFile(file)) listing.ignored.push(file);
      else listing.files.push(file);
    }
  };
  await walk(folder);
  listing.files.sort();
  listing.ignored.sort();
  return listing;
}

function toRelative(folder: string, path: string): string {
  return relative(folder, path).split(sep).join('/');
}

function describeFsError(error: unknown, what: 'file' | 'folder' = 'file'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOTDIR':
      return 'not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return `no such ${what}`;
    case 'EISDIR':
      return 'is a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/**
 * The report as people read it at start-up: one summary line, then one line
 * per skipped file and per warning.
 *
 * @example formatLoadReport(report)[0] // "Loaded 427 articles from 428 files in 1.2 s; 1 skipped, 0 warnings."
 */
export function formatLoadReport(report: LoadReport): string[] {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const seconds = (report.elapsedMs / 1000).toFixed(1);
  const lines = [
    `Loaded ${plural(report.articlesLoaded, 'article')} from ${plural(report.filesRead, 'file')} in ${seconds} s; ` +
      `${report.skipped.length} skipped, ${plural(report.warnings.length, 'warning')}` +
      (report.ignored.length > 0 ? `, ${report.ignored.length} other files ignored` : '') +
      (report.fromCache ? ` (${report.fromCache} unchanged files from the cache${report.indexFromCache ? `, ${report.indexFromCache} articles from the saved index` : ''}).` : '.'),
  ];
  for (const skip of report.skipped) lines.push(`  skipped ${skip.file}: ${skip.reason}`);
  for (const warning of report.warnings) lines.push(`  warning ${warning.file}: ${warning.message}`);
  return lines;
}
