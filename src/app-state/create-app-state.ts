import type { Article } from '../article.ts';
import { ARTICLE_CACHE_VERSION, ArticleCache } from '../cache/article-cache.ts';
import { fingerprintArticle, readIndexFile, saveIndex, useSavedIndex, type FingerprintOf, type IndexArticle } from '../cache/index-cache.ts';
import { createAnswerEngine, type AnswerEngine } from '../answer/create-answer-engine.ts';
import { formatLoadReport, listArticleFiles, loadArticles, type LoadReport } from '../load-articles.ts';
import { describeFsError } from '../load/read-and-parse.ts';
import { ArticleIndex } from '../search/article-index.ts';
import type { CountedPassages } from '../search/count-passages.ts';
import { shortHash } from '../short-hash.ts';

/** Where the articles are and how big a file may be. */
export interface AppStateOptions {
  articlesDir: string;
  maxArticleBytes?: number;
  /** The cache file of parsed articles; none when absent. */
  cachePath?: string;
  /** Hears how far start-up has come: files read and parsed, then articles indexed. */
  onProgress?: (progress: LoadProgress) => void;
}

/** How far a load has come. */
export interface LoadProgress {
  phase: 'reading' | 'indexing';
  done: number;
  total: number;
  elapsedMs: number;
}

/**
 * Everything the commands work from, built once at start-up and again on
 * /reload: the articles, newest first, the answer engine over them, and the
 * load report. Immutable: a reload builds a new one and swaps it in.
 */
export interface AppState {
  /** Newest first by publication date; undated articles last; ties by title. */
  readonly articles: readonly Article[];
  readonly engine: AnswerEngine;
  readonly report: LoadReport;
  /** The report as people read it: a summary line, then one line per skipped file or warning. */
  readonly reportLines: readonly string[];
  /** The article with this id, or with this {@link articleKey}. */
  article(idOrKey: string): Article | undefined;
  /**
   * Resolves once the caches this start-up changed are written, to the
   * problems met (an empty list when all went well); never rejects. They
   * are written after the state is ready, so that the first answer does not
   * wait for them: at 100,000 articles, rewriting both caches after one
   * file changed took a restart from 6 s to 21 s.
   */
  readonly cachesSaved: Promise<readonly string[]>;
}

// Indexing is synchronous CPU work (about 3 s for 400 articles); yielding to
// the event loop between batches keeps a running bot answering interactions
// and heartbeats while /reload rebuilds the index.
const INDEX_BATCH = 25;

/**
 * The short key of an article id (10 characters), used where Discord allows
 * only 100 characters: button ids and autocomplete values of long ids.
 */
export function articleKey(articleId: string): string {
  return shortHash(articleId);
}

/**
 * Loads the articles folder and builds the answer engine: the one start-up
 * step shared by the bot and the console, and re-run by /reload.
 *
 * @throws Error only when the folder itself cannot be read (broken files are reported and skipped).
 */
export async function createAppState(options: AppStateOptions): Promise<AppState> {
  const started = performance.now();
  const progress = (phase: LoadProgress['phase'], done: number, total: number) =>
    options.onProgress?.({ phase, done, total, elapsedMs: performance.now() - started });
  const indexPath = options.cachePath === undefined ? undefined : indexCachePath(options.cachePath);
  // The folder is listed while the caches are read (its waits for the disk leave this thread to parse
  // them: 0.3 s of a warm start at 100,000 files); a folder that cannot be read rejects it at once,
  // handled here so that it is reported by loadArticles below, not as an unhandled rejection meanwhile.
  const listing = listArticleFiles(options.articlesDir);
  listing.catch(() => undefined);
  // Both caches are read at once: each one's waits for the disk leave this thread to parse the other.
  const [cache, saved] = await Promise.all([
    options.cachePath === undefined ? undefined : ArticleCache.open(options.cachePath),
    indexPath === undefined ? undefined : readIndexFile(indexPath),
  ]);
  // With no saved index to restore, articles are indexed as they load: this thread indexes the first
  // files while worker threads still parse the last ones (100,000 articles: see README, Scale).
  const streamed = saved?.ok ? undefined : new ArticleIndex();
  // An article is what its file's bytes parse into, and the article cache holds the hash of those bytes:
  // a fingerprint for the saved index that costs nothing (hashing 450 MB of article text again cost a
  // warm start at 100,000 articles 0.6 s).
  const fingerprintOf: FingerprintOf = (article) => {
    const hash = cache?.known(article.file)?.hash;
    return hash === undefined ? fingerprintArticle(article) : `file/${ARTICLE_CACHE_VERSION}/${hash}`;
  };
  const { articles, report } = await loadArticles(options.articlesDir, {
    ...(options.maxArticleBytes === undefined ? {} : { maxBytes: options.maxArticleBytes }),
    ...(cache ? { cache, saveCache: false } : {}),
    listing,
    // Worker threads count the words of what they parse in the index's numbering, so that this thread
    // does not read them all again (at 100,000 articles it did, and set the pace of a cold start).
    ...(streamed ? { onArticle: (article: Article, counted?: CountedPassages) => streamed.add(article, counted), numberTerm: (term: string) => streamed.numberTerm(term) } : {}),
    onProgress: (done, total) => progress('reading', done, total),
  });
  if (streamed) {
    streamed.compact();
    progress('indexing', articles.length, articles.length);
    if (indexPath !== undefined) report.indexFromCache = 0;
    const saving = saveCaches(cache, indexPath === undefined ? undefined : { path: indexPath, index: streamed, articles, fingerprintOf });
    return buildAppState(articles, createAnswerEngine(streamed), report, saving);
  }
  const indexArticle: IndexArticle = async (index, article, done) => {
    index.add(article);
    if (done % INDEX_BATCH === 0 || done === articles.length) {
      progress('indexing', done, articles.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const loaded = await useSavedIndex(saved!, articles, indexArticle, fingerprintOf);
  report.indexFromCache = loaded.reused;
  const indexChanged = loaded.problem !== null || loaded.reused < articles.length || loaded.dropped > 0;
  const saving = saveCaches(cache, indexChanged ? { path: indexPath!, index: loaded.index, articles, fingerprintOf } : undefined);
  return buildAppState(articles, createAnswerEngine(loaded.index), report, saving);
}

/** An index to save, and how its articles are fingerprinted. */
interface IndexToSave {
  path: string;
  index: ArticleIndex;
  articles: readonly Article[];
  fingerprintOf: FingerprintOf;
}

/**
 * Writes the article cache (if anything in it changed) and the index (if
 * given), once the caller has its state: started on the next turn of the
 * event loop, and yielding to it as the files take their lines, so that a
 * running bot answers meanwhile. Resolves to the problems met.
 */
async function saveCaches(cache: ArticleCache | undefined, index: IndexToSave | undefined): Promise<readonly string[]> {
  await new Promise((resolve) => setImmediate(resolve));
  const problems: string[] = [];
  if (cache) {
    try {
      await cache.save();
    } catch (error) {
      // A cache that cannot be written costs the next start-up time, not this one its articles.
      problems.push(`article cache ${cache.path} not saved (${describeFsError(error)})`);
    }
  }
  if (index) {
    try {
      await saveIndex(index.path, index.index, index.articles, index.fingerprintOf);
    } catch (error) {
      problems.push(`index cache ${index.path} not saved (${describeFsError(error)})`);
    }
  }
  return problems;
}

/** Where the saved index lives: beside the article cache (`.cache/articles.json` → `.cache/articles.index.json`). */
export function indexCachePath(articleCachePath: string): string {
  return articleCachePath.replace(/(\.json)?$/u, '.index.json');
}

/** An app state over articles already in memory (tests, and {@link createAppState}). */
export function createAppStateFromArticles(articles: readonly Article[], report?: LoadReport): AppState {
  return buildAppState(articles, createAnswerEngine(articles), report ?? emptyReport(articles.length));
}

/** The state after live changes to its (shared, already updated) index: new article list and report. */
export function rebuildAppState(previous: AppState, articles: readonly Article[], report: LoadReport): AppState {
  return buildAppState(articles, previous.engine, report);
}

function buildAppState(articles: readonly Article[], engine: AnswerEngine, report: LoadReport, cachesSaved: Promise<readonly string[]> = Promise.resolve([])): AppState {
  const sorted = [...articles].sort(newestFirst);
  const byId = new Map(sorted.map((a) => [a.id, a]));
  // Keys are looked up only for button clicks and long ids in autocomplete: built on the first such
  // lookup, not at start-up (a SHA-256 per article, about 0.3 s at 100,000).
  let byKey: Map<string, Article> | undefined;
  const keyed = () => (byKey ??= new Map(sorted.map((a) => [articleKey(a.id), a])));
  return Object.freeze({
    articles: Object.freeze(sorted),
    engine,
    report,
    reportLines: Object.freeze(formatLoadReport(report)),
    article: (idOrKey: string) => byId.get(idOrKey) ?? keyed().get(idOrKey),
    cachesSaved,
  });
}

function newestFirst(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

function emptyReport(articlesLoaded: number): LoadReport {
  return { folder: '(in memory)', filesRead: articlesLoaded, articlesLoaded, skipped: [], warnings: [], ignored: [], elapsedMs: 0 };
}

/**
 * Why the articles folder could not be read, in a few words and without the
 * path: "no such folder", "permission denied", "not a folder".
 */
export function describeFolderError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'not a folder';
    default: {
      // The loader's own message: "Cannot read the articles folder <path>: <reason>".
      const message = error instanceof Error ? error.message : '';
      return /^Cannot read the articles folder .*: (?<reason>[^:]+)$/u.exec(message)?.groups?.reason ?? 'it cannot be read';
    }
  }
}
