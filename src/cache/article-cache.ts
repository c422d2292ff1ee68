import { createHash } from 'node:crypto';
import { ArticleSchema, isCanonicalArticle, type Article } from '../article.ts';
import { escapeNonAscii, readJsonLines, writeJsonLines, type JsonLinesProblem } from './json-lines.ts';
import type { KnownFile } from './file-stamp.ts';

/**
 * Bumped whenever parsing would turn the same bytes into different articles
 * (a parser fix, a new field), or the file layout changes: a cache written by
 * another version is rebuilt.
 */
export const ARTICLE_CACHE_VERSION = 5;
const CACHE_FORMAT = { format: 'news-desk-bot/article-cache', version: ARTICLE_CACHE_VERSION };

/** What a file parsed into: its articles and warnings. Failed files are not cached: they are cheap to fail again. */
export interface CachedParse {
  articles: Article[];
  warnings: string[];
}

interface Entry {
  hash: string;
  /** The file's {@link fileStamp} when its bytes were hashed, or null when it was too fresh to trust. */
  stamp: string | null;
  articles: unknown[];
  warnings: string[];
}

/**
 * One body line per file, `[file, hash, stamp, articles, warnings]`: a line
 * is as long as one file's parse, whatever the size of the cache.
 */
function entryLine(file: string, entry: Entry): string {
  return escapeNonAscii(JSON.stringify([file, entry.hash, entry.stamp, entry.articles, entry.warnings]));
}

function toEntry(line: unknown): [string, Entry] {
  if (!Array.isArray(line) || line.length !== 5) throw new Error('not a cache entry');
  const [file, hash, stamp, articles, warnings] = line as unknown[];
  if (
    typeof file !== 'string' ||
    typeof hash !== 'string' ||
    (stamp !== null && typeof stamp !== 'string') ||
    !Array.isArray(articles) ||
    !Array.isArray(warnings) ||
    !warnings.every((w) => typeof w === 'string')
  ) {
    throw new Error('not a cache entry');
  }
  return [file, { hash, stamp, articles, warnings }];
}

/** Why a cache file was not used. */
export type CacheProblem = JsonLinesProblem;

/**
 * Parsed articles kept between runs, keyed by each file's path and the
 * SHA-256 of its bytes, so that a restart parses only the files that
 * changed. Beside the hash, each entry keeps the file's stamp (size, times
 * and inode, see fileStamp): a file whose stamp is unchanged is not read
 * again, the way git trusts its index for files whose stat data holds.
 * Nothing read from disk is trusted: a missing, corrupt or foreign
 * file starts an empty cache (a checksum over the file catches edits and
 * truncation), and every cached article is validated again against the
 * Article schema before use (a failure is a miss).
 */
export class ArticleCache {
  #entries = new Map<string, Entry>();
  #used = new Set<string>();
  #changed = false;
  #hits = 0;

  private constructor(readonly path: string, readonly problem: CacheProblem | null) {}

  /** Opens the cache file at `path` (it need not exist). Never throws. */
  static async open(path: string): Promise<ArticleCache> {
    // Entries are kept aside until the checksum at the end of the file holds.
    const entries = new Map<string, Entry>();
    const problem = await readJsonLines(path, CACHE_FORMAT, (line) => {
      const [file, entry] = toEntry(line);
      entries.set(file, entry);
    });
    const cache = new ArticleCache(path, problem);
    if (problem === null) cache.#entries = entries;
    return cache;
  }

  /** The hash files are keyed by. */
  static hash(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('base64url');
  }

  /** How many files were served from the cache since it was opened. */
  get hits(): number {
    return this.#hits;
  }

  /** How many files the cache holds. */
  get size(): number {
    return this.#entries.size;
  }

  /** What the cache knows of this file (the hash and stamp of the bytes it holds a parse of), if anything: a worker compares them without the entry. */
  known(file: string): KnownFile | undefined {
    const entry = this.#entries.get(file);
    return entry && { hash: entry.hash, stamp: entry.stamp };
  }

  /**
   * The cached parse of this file if its bytes are unchanged and every
   * article is still valid. `stamp` is the file's stamp now: a file touched
   * but not changed gets its new stamp, so that it is not read next time.
   */
  get(file: string, hash: string, stamp: string | null = null): CachedParse | undefined {
    const entry = this.#entries.get(file);
    if (!entry || entry.hash !== hash) return undefined;
    const articles: Article[] = [];
    for (const candidate of entry.articles) {
      // Cached articles were written as the schema outputs them: the quick
      // check accepts those, and anything else goes through the schema.
      const checked = isCanonicalArticle(candidate) ? { success: true as const, data: candidate } : ArticleSchema.safeParse(candidate);
      if (!checked.success || checked.data.file !== file) return undefined;
      articles.push(checked.data);
    }
    this.#used.add(file);
    this.#hits++;
    if (stamp !== null && stamp !== entry.stamp) {
      entry.stamp = stamp;
      this.#changed = true;
    }
    return { articles, warnings: entry.warnings };
  }

  /** Records a file's parse. */
  set(file: string, known: KnownFile, parse: CachedParse): void {
    this.#entries.set(file, { hash: known.hash, stamp: known.stamp, articles: parse.articles, warnings: parse.warnings });
    this.#used.add(file);
    this.#changed = true;
  }

  /**
   * Writes the cache, keeping only the files used since it was opened (files
   * that left the folder are forgotten). Written to a temporary file and
   * renamed, so a crash never leaves half a cache.
   */
  async save(): Promise<void> {
    for (const file of this.#entries.keys()) {
      if (!this.#used.has(file)) {
        this.#entries.delete(file);
        this.#changed = true;
      }
    }
    if (!this.#changed && this.problem === null) return;
    const entries = this.#entries;
    function* lines(): Generator<string> {
      for (const [file, entry] of entries) yield entryLine(file, entry);
    }
    await writeJsonLines(this.path, CACHE_FORMAT, lines());
    this.#changed = false;
  }
}
