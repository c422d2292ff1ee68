import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, createWriteStream, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { ArticleHeadSchema, isCanonicalArticleHead, isCanonicalBody, withLazyBody, type Article, type ArticleBody, type ArticleTexts } from '../article.ts';
import { escapeNonAscii, JsonLinesWriter, readJsonLines, temporaryFileFor, type JsonLinesProblem } from './json-lines.ts';
import type { KnownFile } from './file-stamp.ts';

/**
 * Bumped whenever parsing would turn the same bytes into different articles
 * (a parser fix, a new field), or the file layout changes: a cache written by
 * another version is rebuilt.
 */
export const ARTICLE_CACHE_VERSION = 7;
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
 * A file's articles as the cache holds them: each one's head (all but its
 * text) with its paragraph count, checked when the file is looked up, and
 * where the JSON of their texts lies in the texts file, read only when an
 * article's text is first needed (see withLazyBody) and checked against its
 * own SHA-256.
 */
interface StoredArticles {
  heads: unknown[];
  texts: TextsFile;
  offset: number;
  length: number;
  digest: string;
}

/** Where a file's texts lie: the texts file's name (beside the cache file), offset, length and SHA-256 of the bytes. */
type TextsLocation = [name: string, offset: number, length: number, digest: string];

/**
 * The cache is two files. The cache file proper (`articles.json`) holds a
 * line per article file: `[file, hash, stamp, [[head, paragraphCount], ...],
 * warnings, [textsName, offset, length, digest]]`, about 400 bytes an
 * article. The texts file (`articles.json.texts-<id>`, named in every line)
 * holds the JSON of their texts, `[[paragraphs, captions], ...]`, one file's
 * after another. A restart reads the first whole (a tenth of the bytes at
 * 100,000 articles) and the second only where an article's text is asked
 * for. A save writes a new texts file, then the cache file that names it (the
 * rename of which is the switch), then removes the texts files it replaced.
 */
function headLine(file: string, entry: Entry, heads: unknown[], location: TextsLocation): string {
  return escapeNonAscii(JSON.stringify([file, entry.hash, entry.stamp, heads, entry.warnings, location]));
}

/** A parsed file's articles as the cache stores them: their heads with their paragraph counts, and the JSON of their texts (ASCII). */
function storedForm(articles: readonly Article[]): { heads: unknown[]; texts: Buffer } {
  const heads = articles.map(({ paragraphs, captions, ...head }) => [head, paragraphs.length]);
  const texts = Buffer.from(escapeNonAscii(JSON.stringify(articles.map((article) => [article.paragraphs, article.captions]))), 'latin1');
  return { heads, texts };
}

/** The name texts files of the cache at `cachePath` take: the cache file's name, `.texts-`, an id. */
function textsPrefix(cachePath: string): string {
  return `${basename(cachePath)}.texts-`;
}

// The descriptor of a texts file is closed once nothing that may read it is left.
const closeWhenUnreachable = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Closed already; nothing to do.
  }
});

/**
 * A texts file, open for as long as articles read from the cache may be
 * asked for their text. Read through this descriptor, not by name: a save
 * (this process's, in the background, or another's) replaces the file, and
 * the articles already handed out keep reading the bytes they were written
 * with.
 */
class TextsFile {
  constructor(
    readonly fd: number,
    readonly size: number,
  ) {
    closeWhenUnreachable.register(this, fd);
  }

  /** Opens the texts file at `path`; undefined when it cannot be. */
  static open(path: string): TextsFile | undefined {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      const stats = fstatSync(fd);
      if (!stats.isFile()) throw new Error('not a file');
      return new TextsFile(fd, stats.size);
    } catch {
      if (fd !== undefined) closeSync(fd);
      return undefined;
    }
  }

  /** The `length` bytes at `offset`. @throws Error when the file is shorter. */
  read(offset: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    for (let got = 0; got < length; ) {
      const n = readSync(this.fd, bytes, got, length - got, offset + got);
      if (n === 0) throw new Error('texts file shorter than its cache says');
      got += n;
    }
    return bytes;
  }
}

/** An entry line read back: the file, its entry (its texts file not yet opened), and where its texts lie. */
function toEntry(value: unknown): [string, Omit<Entry, 'articles'> & { heads: unknown[] }, TextsLocation] {
  if (!Array.isArray(value) || value.length !== 6) throw new Error('not a cache entry');
  const [file, hash, stamp, heads, warnings, location] = value as unknown[];
  if (
    typeof file !== 'string' ||
    typeof hash !== 'string' ||
    (stamp !== null && typeof stamp !== 'string') ||
    !Array.isArray(heads) ||
    !Array.isArray(warnings) ||
    !warnings.every((w) => typeof w === 'string') ||
    !isTextsLocation(location)
  ) {
    throw new Error('not a cache entry');
  }
  return [file, { hash, stamp, warnings, heads }, location];
}

function isTextsLocation(value: unknown): value is TextsLocation {
  if (!Array.isArray(value) || value.length !== 4) return false;
  const [name, offset, length, digest] = value as unknown[];
  return typeof name === 'string' && Number.isSafeInteger(offset) && (offset as number) >= 0 && Number.isSafeInteger(length) && (length as number) > 0 && typeof digest === 'string';
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
 * cache starts empty (a checksum over the cache file catches edits and
 * truncation; a texts file that is missing or shorter than the lines say
 * makes it corrupt), and every cached article is validated again against the
 * Article schema before use: its head when its file is looked up (a failure
 * is a miss), its text when first read (see withLazyBody), after the SHA-256
 * of the bytes read is found to be the one written beside its head.
 */
export class ArticleCache {
  #entries = new Map<string, Entry>();
  #used = new Set<string>();
  #changed = false;
  #hits = 0;
  // The texts parsed last, of this cache's files only: a ring shared by every cache in the process would keep
  // an old cache's parsed texts and texts file alive after a reload until 4,096 other files were read.
  readonly #parsed = new ParsedTexts();

  private constructor(readonly path: string, readonly problem: CacheProblem | null) {}

  /**
   * Opens the cache file at `path` (it need not exist) and the texts file
   * it names. Never throws: a cache whose texts file is missing, or shorter
   * than its lines say, is corrupt.
   */
  static async open(path: string): Promise<ArticleCache> {
    // Entries are kept aside until the checksum at the end of the file holds.
    const read: Array<[string, Omit<Entry, 'articles'> & { heads: unknown[] }, TextsLocation]> = [];
    let problem = await readJsonLines(path, CACHE_FORMAT, (value) => void read.push(toEntry(value)));
    const entries = new Map<string, Entry>();
    if (problem === null && read.length > 0) {
      const name = read[0]![2][0];
      // Only a file of this cache's own, beside it: a line never makes the cache open another path.
      const texts = name.startsWith(textsPrefix(path)) && !/[\\/]/.test(name) ? TextsFile.open(join(dirname(path), name)) : undefined;
      for (const [file, { hash, stamp, warnings, heads }, [textsName, offset, length, digest]] of read) {
        if (texts === undefined || textsName !== name || offset + length > texts.size) {
          problem = 'corrupt';
          break;
        }
        entries.set(file, { hash, stamp, warnings, articles: { heads, texts, offset, length, digest } });
      }
    }
    const cache = new ArticleCache(path, problem);
    if (problem === null) cache.#entries = entries;
    return cache;
  }

  /** The hash files are keyed by: the same SHA-256 as a texts file's digests. */
  static hash(bytes: Uint8Array): string {
    return digestOf(bytes);
  }

  /** How many files were served from the cache since it was opened. */
  get hits(): number {
    return this.#hits;
  }

  /** How many files the cache holds. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * What the cache knows of this file (the hash and stamp of the bytes it
   * holds a parse of), if anything. It is the cache's entry itself, not a
   * copy (a copy for each of 100,000 files cost a warm start 0.05 s): read
   * it now, and copy the two fields to keep them or send them to a worker.
   */
  known(file: string): Readonly<KnownFile> | undefined {
    return this.#entries.get(file);
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
    const name = `${textsPrefix(this.path)}${randomBytes(6).toString('hex')}`;
    await this.#write(join(dirname(this.path), name), name);
    this.#changed = false;
    await removeOtherTexts(this.path, name);
  }

  /**
   * Writes every entry's texts into a new texts file at `textsPath` (named
   * `name` in the lines), the parses of this run and the bytes of those read
   * from the texts file they came from, and the cache file's lines beside them,
   * a file at a time; then renames the texts file into place, and the cache
   * file last. Nothing is renamed if anything fails.
   */
  async #write(textsPath: string, name: string): Promise<void> {
    // Made first: it makes the folder both files go in.
    const lines = await JsonLinesWriter.create(this.path, CACHE_FORMAT);
    const temporary = temporaryFileFor(textsPath);
    const texts = createWriteStream(temporary.path);
    let failure: unknown;
    texts.on('error', (error) => {
      failure ??= error;
    });
    let renamed = false;
    try {
      let offset = 0;
      // An entry deleted while the map is iterated is fine: iteration goes on with the next.
      for (const [file, entry] of this.#entries) {
        const { heads, texts: bytes } = Array.isArray(entry.articles)
          ? storedForm(entry.articles)
          : { heads: entry.articles.heads, texts: entry.articles.texts.read(entry.articles.offset, entry.articles.length) };
        const digest = digestOf(bytes);
        // Texts copied from the old file are checked as a read checks them: a damaged one is dropped (its file
        // is parsed again next time), not given a new digest.
        if (!Array.isArray(entry.articles) && digest !== entry.articles.digest) {
          this.#entries.delete(file);
          continue;
        }
        const textsTaken = texts.write(bytes);
        const lineTaken = lines.write(headLine(file, entry, heads, [name, offset, bytes.length, digest]));
        offset += bytes.length;
        if (!textsTaken) await once(texts, 'drain');
        if (!lineTaken) await lines.drained();
        if (failure !== undefined) throw failure;
      }
      texts.end();
      await finished(texts);
      if (failure !== undefined) throw failure;
      await rename(temporary.path, textsPath);
      renamed = true;
      temporary.release();
      await lines.finish();
    } catch (error) {
      texts.destroy();
      await rm(renamed ? textsPath : temporary.path, { force: true }).catch(() => undefined);
      temporary.release();
      await lines.abort();
      throw error;
    }
  }
}

/** The SHA-256 of bytes, as the cache's lines hold it: of an article file (its key), and of its texts. */
function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/**
 * Removes the texts files of the cache at `cachePath` but the one named
 * `keep`. Articles still reading an old one keep its bytes through their open
 * descriptor (where the system allows removing an open file; elsewhere it
 * stays until the next save). Never throws.
 */
async function removeOtherTexts(cachePath: string, keep: string): Promise<void> {
  const prefix = textsPrefix(cachePath);
  try {
    for (const name of await readdir(dirname(cachePath))) {
      if (name.startsWith(prefix) && name !== keep && !name.endsWith('.tmp')) await rm(join(dirname(cachePath), name), { force: true }).catch(() => undefined);
    }
  } catch {
    // A folder that cannot be listed keeps its old texts files: they cost disk space, not correctness.
  }
}

/**
 * The texts of one cached file's articles, read from the texts file and
 * parsed when the first of them is read, and checked as the schema would
 * check them.
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
    // The digest catches damage: texts that do not fit their heads were written by something else.
    if (body?.paragraphs.length !== paragraphs) throw this.#damaged('a text that does not fit its article');
    return body;
  }

  /** Lets the parsed texts go: the next read reads and parses them again. */
  forget(): void {
    this.#bodies = undefined;
  }

  #read(): ArticleBody[] {
    const { texts, offset, length, digest, heads } = this.stored;
    let value: unknown;
    try {
      const bytes = texts.read(offset, length);
      if (digestOf(bytes) !== digest) throw new Error('not the bytes the cache wrote');
      value = JSON.parse(bytes.toString('latin1'));
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
// saved index is gone) does not keep the whole collection's text in memory.
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
