import { createHash } from 'node:crypto';
import { ArticleHeadSchema, isCanonicalArticleHead, isCanonicalBody, withLazyBody, type Article, type ArticleBody, type ArticleTexts } from '../article.ts';
import { escapeNonAscii, readJsonLineBytes, writeJsonLines, type JsonLinesProblem } from './json-lines.ts';
import type { KnownFile } from './file-stamp.ts';

/**
 * Bumped whenever parsing would turn the same bytes into different articles
 * (a parser fix, a new field), or the file layout changes: a cache written by
 * another version is rebuilt.
 */
export const ARTICLE_CACHE_VERSION = 6;
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
  warnings: string[];
  /** The file's articles: parsed in this run, or as read from the cache file (see StoredArticles). */
  articles: Article[] | StoredArticles;
}

/**
 * A file's articles as the cache file holds them: each one's head (all but
 * its text) with its paragraph count, checked when the file is looked up,
 * and where the JSON of their texts lies in the cache file's bytes, read
 * only when an article's text is first needed (see withLazyBody).
 */
interface StoredArticles {
  heads: unknown[];
  bytes: Buffer;
  start: number;
  end: number;
}

// Between a line's head and its texts: JSON never holds a raw tab (in a string it is written \t).
const TAB = 9;

/**
 * One body line per file: `[file, hash, stamp, [[head, paragraphCount], ...], warnings]`,
 * a tab, then `[[paragraphs, captions], ...]`, the texts of the same
 * articles. A line is as long as one file's parse, whatever the size of the
 * cache; the texts after the tab are not parsed when the cache is opened.
 */
function entryLine(file: string, entry: Entry): string {
  const { hash, stamp, warnings, articles } = entry;
  if (!Array.isArray(articles)) return `${escapeNonAscii(JSON.stringify([file, hash, stamp, articles.heads, warnings]))}\t${articles.bytes.toString('latin1', articles.start, articles.end)}`;
  const heads = articles.map(({ paragraphs, captions, ...head }) => [head, paragraphs.length]);
  const bodies = articles.map((article) => [article.paragraphs, article.captions]);
  return `${escapeNonAscii(JSON.stringify([file, hash, stamp, heads, warnings]))}\t${escapeNonAscii(JSON.stringify(bodies))}`;
}

function toEntry(bytes: Buffer, start: number, end: number): [string, Entry] {
  const tab = bytes.indexOf(TAB, start);
  if (tab === -1 || tab >= end) throw new Error('not a cache entry');
  const head: unknown = JSON.parse(bytes.toString('latin1', start, tab));
  if (!Array.isArray(head) || head.length !== 5) throw new Error('not a cache entry');
  const [file, hash, stamp, heads, warnings] = head as unknown[];
  if (
    typeof file !== 'string' ||
    typeof hash !== 'string' ||
    (stamp !== null && typeof stamp !== 'string') ||
    !Array.isArray(heads) ||
    !Array.isArray(warnings) ||
    !warnings.every((w) => typeof w === 'string')
  ) {
    throw new Error('not a cache entry');
  }
  return [file, { hash, stamp, warnings, articles: { heads, bytes, start: tab + 1, end } }];
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
 * Article schema before use: its head when its file is looked up (a failure
 * is a miss), its text when first read (see withLazyBody).
 */
export class ArticleCache {
  #entries = new Map<string, Entry>();
  #used = new Set<string>();
  #changed = false;
  #hits = 0;
  // The texts parsed last, of this cache's files only: a ring shared by every process-wide cache would keep an
  // old cache's bytes (a whole collection's text) alive after a reload until 4,096 other files were read.
  readonly #parsed = new ParsedTexts();

  private constructor(readonly path: string, readonly problem: CacheProblem | null) {}

  /** Opens the cache file at `path` (it need not exist). Never throws. */
  static async open(path: string): Promise<ArticleCache> {
    // Entries are kept aside until the checksum at the end of the file holds.
    const entries = new Map<string, Entry>();
    const problem = await readJsonLineBytes(path, CACHE_FORMAT, (bytes, start, end) => {
      const [file, entry] = toEntry(bytes, start, end);
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
    const articles = Array.isArray(entry.articles) ? entry.articles : this.#unpack(file, entry.articles);
    if (articles === undefined) return undefined;
    this.#used.add(file);
    this.#hits++;
    if (stamp !== null && stamp !== entry.stamp) {
      entry.stamp = stamp;
      this.#changed = true;
    }
    return { articles, warnings: entry.warnings };
  }

  /**
   * The articles of a stored entry, their heads checked now and their texts
   * when first read; undefined when a head is not an article's (a miss).
   */
  #unpack(file: string, stored: StoredArticles): Article[] | undefined {
    const articles: Article[] = [];
    const texts = new StoredTexts(this.path, file, stored, this.#parsed);
    const { heads } = stored;
    for (let i = 0; i < heads.length; i++) {
      const item = heads[i];
      if (!Array.isArray(item) || item.length !== 2) return undefined;
      const head: unknown = item[0];
      const count: unknown = item[1];
      if (typeof head !== 'object' || head === null || !Number.isSafeInteger(count) || (count as number) < 1) return undefined;
      const checked = isCanonicalArticleHead(head) ? { success: true as const, data: head } : ArticleHeadSchema.safeParse(head);
      if (!checked.success || checked.data.file !== file) return undefined;
      articles.push(withLazyBody(checked.data, count as number, texts, i));
    }
    return articles;
  }

  /** Records a file's parse. */
  set(file: string, known: KnownFile, parse: CachedParse): void {
    this.#entries.set(file, { hash: known.hash, stamp: known.stamp, warnings: parse.warnings, articles: parse.articles });
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

/**
 * The texts of one cached file's articles, parsed from the cache's bytes when
 * the first of them is read, and checked as the schema would check them.
 * One per file rather than a function per article: at 100,000 articles,
 * closures cost a warm start more than their share.
 */
class StoredTexts implements ArticleTexts {
  #bodies: ArticleBody[] | undefined;

  constructor(
    private readonly cachePath: string,
    private readonly file: string,
    private readonly stored: StoredArticles,
    private readonly parsed: ParsedTexts,
  ) {}

  text(index: number, paragraphs: number): ArticleBody {
    if (this.#bodies === undefined) {
      this.#bodies = this.#read();
      this.parsed.keep(this);
    }
    const body = this.#bodies[index];
    // The checksum over the file catches damage: texts that do not fit their heads were written by something else.
    if (body?.paragraphs.length !== paragraphs) throw this.#damaged('a text that does not fit its article');
    return body;
  }

  /** Lets the parsed texts go: the next read parses them again from the bytes, which stay. */
  forget(): void {
    this.#bodies = undefined;
  }

  #read(): ArticleBody[] {
    const { bytes, start, end, heads } = this.stored;
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('latin1', start, end));
    } catch {
      throw this.#damaged('a damaged text');
    }
    if (!Array.isArray(value) || value.length !== heads.length) throw this.#damaged('a damaged text');
    return value.map((item: unknown) => {
      if (!Array.isArray(item) || item.length !== 2 || !isCanonicalBody(item[0], item[1])) throw this.#damaged('a damaged text');
      return { paragraphs: item[0] as string[], captions: item[1] as string[] };
    });
  }

  #damaged(what: string): Error {
    return new Error(`The article cache ${this.cachePath} holds ${what} for ${this.file}: delete the cache file and restart.`);
  }
}

// How many files' parsed texts are kept at once, the most recently parsed: far more than a question or a
// summary reads, and few enough that reading every cached article once (indexing them all again when the
// saved index is gone) does not keep a second copy of the whole collection beside the cache's bytes.
const PARSED_FILES_KEPT = 4096;

/** The texts parsed last, at most PARSED_FILES_KEPT files' worth: the oldest are let go as new ones come. */
class ParsedTexts {
  readonly #files: Array<StoredTexts | undefined> = [];
  #next = 0;

  /** Remembers that these texts were parsed, letting go of the oldest beyond the limit. */
  keep(texts: StoredTexts): void {
    this.#files[this.#next]?.forget();
    this.#files[this.#next] = texts;
    this.#next = (this.#next + 1) % PARSED_FILES_KEPT;
  }
}
