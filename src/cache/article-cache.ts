import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { ArticleSchema, type Article } from '../article.ts';

/**
 * Bumped whenever parsing would turn the same bytes into different articles
 * (a parser fix, a new field): a cache written by another version is rebuilt.
 */
export const ARTICLE_CACHE_VERSION = 3;
const CACHE_FORMAT = 'news-desk-bot/article-cache';

/** What a file parsed into: its articles and warnings. Failed files are not cached: they are cheap to fail again. */
export interface CachedParse {
  articles: Article[];
  warnings: string[];
}

const EntrySchema = z.object({
  hash: z.string(),
  articles: z.array(z.unknown()),
  warnings: z.array(z.string()),
});
const CacheFileSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  version: z.literal(ARTICLE_CACHE_VERSION),
  /** SHA-256 of the serialised entries: an edited or truncated-and-repaired cache is corrupt. */
  checksum: z.string(),
  entries: z.record(z.string(), EntrySchema),
});

function checksumOf(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('base64url');
}

/** Why a cache file was not used. */
export type CacheProblem = 'missing' | 'corrupt' | 'foreign';

/**
 * Parsed articles kept between runs, keyed by each file's path and the
 * SHA-256 of its bytes, so that a restart parses only the files that
 * changed. Nothing read from disk is trusted: a missing, corrupt or foreign
 * file starts an empty cache (a checksum over the entries catches edits), and
 * every cached article is validated again against the Article schema before
 * use (a failure is a miss).
 */
export class ArticleCache {
  #entries = new Map<string, { hash: string; articles: unknown[]; warnings: string[] }>();
  #used = new Set<string>();
  #changed = false;
  #hits = 0;

  private constructor(readonly path: string, readonly problem: CacheProblem | null) {}

  /** Opens the cache file at `path` (it need not exist). Never throws. */
  static async open(path: string): Promise<ArticleCache> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return new ArticleCache(path, 'missing');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return new ArticleCache(path, 'corrupt');
    }
    const header = z.object({ format: z.string(), version: z.number() }).safeParse(json);
    if (!header.success) return new ArticleCache(path, 'corrupt');
    if (header.data.format !== CACHE_FORMAT || header.data.version !== ARTICLE_CACHE_VERSION) return new ArticleCache(path, 'foreign');
    const parsed = CacheFileSchema.safeParse(json);
    if (!parsed.success || checksumOf(JSON.stringify((json as { entries: unknown }).entries)) !== parsed.data.checksum) {
      return new ArticleCache(path, 'corrupt');
    }
    const cache = new ArticleCache(path, null);
    for (const [file, entry] of Object.entries(parsed.data.entries)) cache.#entries.set(file, entry);
    return cache;
  }

  /** The hash files are keyed by. */
  static hash(bytes: Uint8Array): string {
    return checksumOf(bytes);
  }

  /** How many files were served from the cache since it was opened. */
  get hits(): number {
    return this.#hits;
  }

  /** How many files the cache holds. */
  get size(): number {
    return this.#entries.size;
  }

  /** The cached parse of this file if its bytes are unchanged and every article is still valid. */
  get(file: string, hash: string): CachedParse | undefined {
    const entry = this.#entries.get(file);
    if (!entry || entry.hash !== hash) return undefined;
    const articles: Article[] = [];
    for (const candidate of entry.articles) {
      const checked = ArticleSchema.safeParse(candidate);
      if (!checked.success || checked.data.file !== file) return undefined;
      articles.push(checked.data);
    }
    this.#used.add(file);
    this.#hits++;
    return { articles, warnings: entry.warnings };
  }

  /** Records a file's parse. */
  set(file: string, hash: string, parse: CachedParse): void {
    this.#entries.set(file, { hash, articles: parse.articles, warnings: parse.warnings });
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
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    const entries = JSON.stringify(Object.fromEntries(this.#entries));
    await writeFile(temporary, `{"format":${JSON.stringify(CACHE_FORMAT)},"version":${ARTICLE_CACHE_VERSION},"checksum":"${checksumOf(entries)}","entries":${entries}}`);
    await rename(temporary, this.path);
    this.#changed = false;
  }
}
