import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Article } from './article.ts';
import { ARTICLE_EXTENSIONS, DEFAULT_MAX_ARTICLE_BYTES } from './parse/parse-article-file.ts';
import type { ArticleCache } from './cache/article-cache.ts';
import type { CountedPassages } from './search/count-passages.ts';
import { defaultWorkerCount, parseInWorkers } from './load/parse-in-workers.ts';
import { describeFsError, readAndParseFile, type FileOutcome, type SkippedFile } from './load/read-and-parse.ts';

export type { SkippedFile } from './load/read-and-parse.ts';

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
  /** Parsed articles from earlier runs: unchanged files are not parsed again. Saved at the end of the load, unless `saveCache` is false. */
  cache?: ArticleCache;
  /** False: the caller saves the cache (the app does, once it is answering). Default true. */
  saveCache?: boolean;
  /**
   * The folder's listing ({@link listArticleFiles}), when the caller started
   * it already: the app lists the folder while its caches are read.
   */
  listing?: Promise<FileListing>;
  /**
   * Worker threads to read and parse in; 0 parses in this thread. Default:
   * none when fewer than 20,000 files need parsing (files the cache does not
   * know), else one per core (at most 4). The articles, report and order are
   * the same either way.
   */
  workers?: number;
  /**
   * Called with each article as soon as it and every article before it are
   * settled, in the order of the result: the caller can index the first
   * files while workers still parse the last ones. `counted` is its
   * passages counted by a worker, when `numberTerm` was given.
   */
  onArticle?: (article: Article, counted?: CountedPassages) => void;
  /**
   * The index's number of a term (see ArticleIndex.numberTerm). Given with
   * `onArticle`, worker threads also count the passages of what they parse,
   * so that this thread does not read every word again to index it.
   */
  numberTerm?: (term: string) => number;
}

// Files a folder of articles commonly holds that are about the articles, not articles.
const NOT_ARTICLES = /^(readme|license|licence|credits|notice|changelog)(\.[a-z]+)?$/i;
// The in-thread path reads and parses synchronously; it gives the event loop
// a turn this often, so a running bot keeps answering during a /reload.
const YIELD_EVERY_MS = 20;

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
  const { files, ignored, unreadable } = await (options.listing ?? listArticleFiles(folder));
  const skipped: SkippedFile[] = [...unreadable];
  const warnings: LoadWarning[] = [];
  const cache = options.cache;
  const readOptions = { maxBytes, hashing: cache !== undefined };
  const known = (file: string) => cache?.known(file);

  let done = 0;
  const progress = () => options.onProgress?.(++done, files.length);
  const articles: Article[] = [];
  const duplicateWarnings: LoadWarning[] = [];
  const firstByKey = new Map<string, Article>();
  const outcomes: Array<FileOutcome | undefined> = new Array(files.length);
  let settled = 0;
  // Files are settled in the listing's order, as soon as every file before them is, so that the
  // report and the articles read the same on every run, and onArticle sees the final order.
  const settleReady = () => {
    for (; settled < files.length && outcomes[settled] !== undefined; settled++) {
      const outcome = outcomes[settled]!;
      // A parsed file settles into its own articles, in order, beside the workers' counts of them.
      const counts = outcome.status === 'parsed' ? outcome.counted : undefined;
      settleFile(files[settled]!, outcome).forEach((article, i) => keepUnlessDuplicate(article, counts?.[i]));
      // Indexed once settled: the counts (a quarter of a gigabyte at 100,000 articles) are let go.
      outcomes[settled] = undefined;
      if (outcome.status === 'parsed') delete outcome.counted;
    }
  };
  const settleFile = (file: string, read: FileOutcome): Article[] => {
    const result = settleRead(folder, file, read, readOptions, cache);
    if (!result.ok) {
      skipped.push(result.skipped);
      return [];
    }
    for (const message of result.warnings) warnings.push({ file, message });
    return result.articles;
  };
  const keepUnlessDuplicate = (article: Article, counted: CountedPassages | undefined) => {
    const key = duplicateKey(article);
    const first = firstByKey.get(key);
    if (first === undefined) {
      firstByKey.set(key, article);
    } else if (sameText(first, article)) {
      skipped.push({ file: article.id, kind: 'duplicate', reason: `is the same article as ${first.id} (same title, date, outlet and text)` });
      return;
    } else {
      // Another version of the same story (an update, a correction): keeping
      // both loses nothing, and the reader is told.
      duplicateWarnings.push({ file: article.id, message: `has the same title, date and outlet as ${first.id} but a different text; both loaded` });
    }
    articles.push(article);
    options.onArticle?.(article, counted);
  };

  // Workers pay for themselves on parsing only: files the cache knows are
  // only stamped (or, when changed, read and hashed), which this thread does
  // faster than workers start (a warm start at 100,000 files, before stamps:
  // 3.9-4.5 s of CPU here, 6.4 s with two workers).
  const workers = options.workers ?? defaultWorkerCount(cache ? files.filter((file) => cache.known(file) === undefined).length : files.length);
  if (workers > 0 && files.length > 0) {
    await parseInWorkers(files, {
      folder,
      ...readOptions,
      workers,
      known,
      ...(options.onArticle && options.numberTerm ? { numberTerm: options.numberTerm } : {}),
      onOutcome: (i, outcome) => {
        outcomes[i] = outcome;
        progress();
        settleReady();
      },
    });
  } else {
    let lastYield = performance.now();
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      outcomes[i] = readAndParseFile(folder, file, { ...readOptions, known: known(file) });
      progress();
      settleReady();
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
    }
  }
  if (settled < files.length) throw new Error(`files were left unread: ${files.length - settled} of ${files.length}`);
  warnings.push(...duplicateWarnings);
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  if (options.cache && options.saveCache !== false) {
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

/** One file read and parsed: its articles and warnings, or why it was skipped. */
export type FileReadResult = { ok: true; articles: Article[]; warnings: string[] } | { ok: false; skipped: SkippedFile };

/**
 * Reads and parses one article file of the folder (a path relative to it,
 * with forward slashes). Never throws: a missing, unreadable, oversized or
 * broken file comes back as a skip with its reason.
 */
export async function readArticleFile(folder: string, file: string, maxBytes = DEFAULT_MAX_ARTICLE_BYTES, cache?: ArticleCache): Promise<FileReadResult> {
  const readOptions = { maxBytes, hashing: cache !== undefined };
  return settleRead(folder, file, readAndParseFile(folder, file, { ...readOptions, known: cache?.known(file) }), readOptions, cache);
}

/**
 * A file's read settled against the cache: the cached entry of an unchanged
 * file (parsed again when the entry no longer validates), or a fresh parse,
 * stored in the cache, or why the file was skipped.
 */
function settleRead(folder: string, file: string, read: FileOutcome, readOptions: { maxBytes: number; hashing: boolean }, cache: ArticleCache | undefined): FileReadResult {
  let outcome = read;
  if (outcome.status === 'unchanged') {
    const cached = cache?.get(file, outcome.hash, outcome.stamp);
    if (cached) return { ok: true, ...cached };
    // A cached entry that no longer validates is a miss: parse the file after all.
    outcome = readAndParseFile(folder, file, readOptions);
  }
  if (outcome.status === 'skipped') return { ok: false, skipped: outcome.skipped };
  // Cannot happen (a read without a cached entry is never 'unchanged'); a skip, not a trusted entry, if it did.
  if (outcome.status === 'unchanged') return { ok: false, skipped: { file, kind: 'unreadable', reason: 'changed while being read' } };
  cache?.set(file, { hash: outcome.hash, stamp: outcome.stamp }, { articles: outcome.articles, warnings: outcome.warnings });
  return { ok: true, articles: outcome.articles, warnings: outcome.warnings };
}

/** True for a path (relative, forward slashes) the loader would read as an article file. */
export function isArticleFile(file: string): boolean {
  const parts = file.split('/');
  return parts.every((part) => !isHidden(part)) && isArticleName(parts.at(-1) ?? '');
}

/** A file or folder the loader never looks into: hidden ones, and installed packages. */
function isHidden(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** True for a file name (no folder) in an article format that is not a README, LICENSE and the like. */
function isArticleName(name: string): boolean {
  return ARTICLE_EXTENSIONS.includes(extname(name).toLowerCase()) && !NOT_ARTICLES.test(name);
}

function sameText(a: Article, b: Article): boolean {
  return a.paragraphs.length === b.paragraphs.length && a.paragraphs.every((p, i) => p === b.paragraphs[i]);
}

// White space that folding changes: anything but a lone ASCII space.
const SPACE_TO_FOLD = /[^\S ]| {2}/;

/** The identity of an article for duplicate detection: title, date and outlet, case and spacing aside. */
function duplicateKey(article: Article): string {
  const fold = (value: string | null) => {
    const lower = (value ?? '').toLowerCase();
    // Titles and outlets are normalised already: replacing each single space by itself only built a new string.
    return (SPACE_TO_FOLD.test(lower) ? lower.replace(/\s+/g, ' ') : lower).trim();
  };
  return `${fold(article.title)}\u0000${article.date ?? ''}\u0000${fold(article.source)}`;
}

/** The article files of a folder, the other files, and what could not be read. */
export interface FileListing {
  files: string[];
  ignored: string[];
  unreadable: SkippedFile[];
}

/** Lists article files under `folder` (relative, forward slashes, sorted), surviving symlink loops. */
export async function listArticleFiles(folder: string): Promise<FileListing> {
  const listing: FileListing = { files: [], ignored: [], unreadable: [] };
  let root: string;
  try {
    root = await realpath(folder);
  } catch (error) {
    throw new Error(`Cannot read the articles folder ${folder}: ${describeFsError(error, 'folder')}`);
  }
  const visitedDirectories = new Set<string>([root]);
  // Level by level, each level's folders read at once: one after another, each waited for its turn on
  // the thread pool, 100 folders of 1,000 files took 0.3 s, mostly waiting. Relative paths are built as
  // the walk goes down (`relative` from the root, per file, was a tenth of a warm start's listing).
  let level: Array<{ directory: string; relativeDirectory: string }> = [{ directory: folder, relativeDirectory: '' }];
  while (level.length > 0) {
    const read = await Promise.all(level.map(({ directory }) => readdir(directory, { withFileTypes: true }).catch((error: unknown) => ({ error }))));
    const branches: Array<{ path: string; file: string; isLink: boolean }> = [];
    level.forEach(({ directory, relativeDirectory }, i) => {
      const entries = read[i]!;
      if ('error' in entries) {
        if (directory === folder) throw new Error(`Cannot read the articles folder ${folder}: ${describeFsError(entries.error, 'folder')}`);
        listing.unreadable.push({ file: `${relativeDirectory}/`, kind: 'unreadable', reason: `folder cannot be read (${describeFsError(entries.error)})` });
        return;
      }
      for (const entry of entries) {
        if (isHidden(entry.name)) continue;
        const file = relativeDirectory === '' ? entry.name : `${relativeDirectory}/${entry.name}`;
        if (entry.isDirectory() || entry.isSymbolicLink()) branches.push({ path: join(directory, entry.name), file, isLink: entry.isSymbolicLink() });
        else if (isArticleName(entry.name)) listing.files.push(file);
        else listing.ignored.push(file);
      }
    });
    // Where the folders and links lead, found at once, then settled in listing order, folders before
    // links: which name a folder is read under never depends on which answer came first.
    const targets = await Promise.all(branches.map(({ path, isLink }) => whereItLeads(path, isLink)));
    const next: typeof level = [];
    for (const pass of [false, true]) {
      branches.forEach(({ path, file, isLink }, i) => {
        if (isLink !== pass) return;
        const target = targets[i]!;
        if ('error' in target) {
          listing.unreadable.push({ file, kind: 'unreadable', reason: isLink ? `is a broken link (${describeFsError(target.error)})` : `folder cannot be read (${describeFsError(target.error)})` });
        } else if (!target.isDirectory) {
          (isArticleName(basename(file)) ? listing.files : listing.ignored).push(file);
        } else if (!visitedDirectories.has(target.realPath)) {
          // Not a loop, nor a folder already read under another name.
          visitedDirectories.add(target.realPath);
          next.push({ directory: path, relativeDirectory: file });
        }
      });
    }
    level = next;
  }
  listing.files.sort();
  listing.ignored.sort();
  listing.unreadable.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return listing;
}

/** The real path of a folder or link, and whether it is (or leads to) a folder. */
async function whereItLeads(path: string, isLink: boolean): Promise<{ realPath: string; isDirectory: boolean } | { error: unknown }> {
  try {
    const realPath = await realpath(path);
    return { realPath, isDirectory: isLink ? (await stat(realPath)).isDirectory() : true };
  } catch (error) {
    return { error };
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
