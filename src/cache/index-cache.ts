import { createHash } from 'node:crypto';
import { endianness } from 'node:os';
import type { Article } from '../article.ts';
import { ArticleIndex, type SavedIndex } from '../search/article-index.ts';
import { readJsonLines, writeJsonLines, type JsonLinesProblem } from './json-lines.ts';

/**
 * Bumped whenever indexing changes (terms, fields, boosts) or the file layout
 * does: an index saved by another version is rebuilt.
 */
export const INDEX_CACHE_VERSION = 4;
// Typed arrays are saved as their bytes: a file from a machine of the other byte order is foreign.
const CACHE_FORMAT = { format: `news-desk-bot/index-cache-${endianness()}`, version: INDEX_CACHE_VERSION };

// Items of the lists (terms, fingerprints...)
// are gathered into lines of about this many characters: one JSON.parse per
// item would cost more than the item, and one line per collection could
// outgrow a string.
const LINE_CHARS = 64 * 1024;

/** How an index was obtained at start-up. */
export interface IndexLoad {
  index: ArticleIndex;
  /** Articles that came from the saved index (0 when it was rebuilt). */
  reused: number;
  /** Articles the saved index held that were removed or changed since (their passages were dropped). */
  dropped: number;
  /** Why the saved index was not used, or null when it was. */
  problem: 'missing' | 'corrupt' | 'foreign' | null;
  /** Fingerprints already computed (of the reused articles), for {@link saveIndex}. */
  fingerprints: ReadonlyMap<string, string>;
}

/** What an article's passages were built from: any change to it changes the fingerprint. */
export function fingerprintArticle(article: Article): string {
  return createHash('sha256').update(article.id).update('\u0000').update(article.title).update('\u0000').update(article.paragraphs.join('\n')).digest('base64url');
}

/**
 * Restores the index saved at `path` for the articles it holds unchanged,
 * indexes new and changed ones on top and drops what it held of changed and
 * removed ones; when the file is missing, corrupt or from another version,
 * indexes everything again. `indexArticle` is how a fresh or extended index
 * is fed, so that the caller can yield and report progress.
 */
export async function loadIndex(path: string, articles: readonly Article[], indexArticle: IndexArticle): Promise<IndexLoad> {
  return useSavedIndex(await readIndexFile(path), articles, indexArticle);
}

/**
 * {@link loadIndex} for a saved index already read with {@link readIndexFile}
 * (read before the articles are loaded, to know whether they need indexing).
 */
export async function useSavedIndex(saved: SavedIndexRead, articles: readonly Article[], indexArticle: IndexArticle): Promise<IndexLoad> {
  if (!saved.ok) return rebuild(articles, indexArticle, saved.problem);
  const { fingerprints } = saved.file;
  // Articles indexed as they are now are restored; new and changed ones are indexed on top, and what the
  // saved index holds of changed and removed ones is dropped.
  const unchanged: Article[] = [];
  const toIndex: Article[] = [];
  const known = new Map<string, string>();
  for (const article of articles) {
    // New articles are not hashed here: nothing to compare them with.
    const fingerprint = fingerprints.get(article.id);
    if (fingerprint !== undefined && fingerprint === fingerprintArticle(article)) {
      unchanged.push(article);
      known.set(article.id, fingerprint);
    } else {
      toIndex.push(article);
    }
  }
  let index: ArticleIndex;
  try {
    index = ArticleIndex.restore(saved.file.index, unchanged);
  } catch {
    // A file that passed the shape check but does not load is corrupt too.
    return rebuild(articles, indexArticle, 'corrupt');
  }
  for (const [i, article] of toIndex.entries()) await indexArticle(index, article, unchanged.length + i + 1);
  index.compact();
  return { index, reused: unchanged.length, dropped: fingerprints.size - unchanged.length, problem: null, fingerprints: known };
}

async function rebuild(articles: readonly Article[], indexArticle: IndexArticle, problem: IndexLoad['problem']): Promise<IndexLoad> {
  return { index: await indexArticles(articles, indexArticle), reused: 0, dropped: 0, problem, fingerprints: new Map() };
}

/** How an article is added to an index being built: the caller's hook to yield and report progress (`done` counts from 1). */
export type IndexArticle = (index: ArticleIndex, article: Article, done: number) => Promise<void>;

/** A new index of these articles, fed one by one through `indexArticle`. */
export async function indexArticles(articles: readonly Article[], indexArticle: IndexArticle): Promise<ArticleIndex> {
  const index = new ArticleIndex();
  for (const [i, article] of articles.entries()) await indexArticle(index, article, i + 1);
  index.compact();
  return index;
}

/** A saved index as read back: what it was built from, and the index itself. */
interface SavedFile {
  /** Article id → fingerprint of what was indexed. */
  fingerprints: Map<string, string>;
  index: SavedIndex;
}

/*
 * The file is JSON Lines (see json-lines.ts); every body line is an array
 * `[section, ...items]`, and a section may take many lines:
 *   ["fingerprints", [articleId, fingerprint], ...]
 *   ["terms", term, ...]                       the vocabulary, in term-number order
 *   ["array", name, type, length]              then its bytes:
 *   ["bytes", name, base64]                    one line per 768 KiB
 *   ["firstPassages", [articleId, n], ...]
 *   ["counts", {passageCount, termCount}]
 * The typed arrays of the postings (tens of millions of items at 100,000
 * articles) are written as their bytes in the machine's byte order, which
 * the header of the file names: read back with one copy, not parsed.
 */

// Base64 of this many bytes is a line of 1 MiB.
const BYTES_PER_LINE = 768 * 1024;
type ArrayType = 'int32' | 'uint8';
const ARRAY_FIELDS = {
  passageFrequency: 'int32',
  offsets: 'int32',
  postings: 'int32',
  frequencies: 'uint8',
  passageLength: 'int32',
  alive: 'uint8',
} as const satisfies Record<string, ArrayType>;
type ArrayField = keyof typeof ARRAY_FIELDS;
const isArrayField = (name: unknown): name is ArrayField => typeof name === 'string' && Object.hasOwn(ARRAY_FIELDS, name);

function* indexLines(articles: readonly Article[], saved: SavedIndex, known: ReadonlyMap<string, string>): Generator<string> {
  yield* chunkLines('fingerprints', fingerprintsOf(articles, known));
  const { postings } = saved;
  yield* chunkLines('terms', postings.terms);
  for (const name of Object.keys(ARRAY_FIELDS) as ArrayField[]) {
    const array = postings[name];
    yield JSON.stringify(['array', name, ARRAY_FIELDS[name], array.length]);
    const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    for (let at = 0; at < bytes.length; at += BYTES_PER_LINE) {
      yield JSON.stringify(['bytes', name, bytes.subarray(at, at + BYTES_PER_LINE).toString('base64')]);
    }
  }
  yield* chunkLines('firstPassages', saved.firstPassages);
  yield JSON.stringify(['counts', { passageCount: postings.passageCount, termCount: postings.termCount }]);
}

function* fingerprintsOf(articles: readonly Article[], known: ReadonlyMap<string, string>): Generator<[string, string]> {
  for (const article of articles) yield [article.id, known.get(article.id) ?? fingerprintArticle(article)];
}

/** `[section, ...items]` lines of about LINE_CHARS characters (longer only for a longer item). */
function* chunkLines(section: string, items: Iterable<unknown>): Generator<string> {
  const head = `[${JSON.stringify(section)}`;
  let line = head;
  for (const item of items) {
    line += `,${JSON.stringify(item)}`;
    if (line.length >= LINE_CHARS) {
      yield `${line}]`;
      line = head;
    }
  }
  if (line !== head) yield `${line}]`;
}

const isCount = (value: unknown, min: number): value is number => Number.isInteger(value) && (value as number) >= min;
const isPair = (value: unknown): value is [unknown, unknown] => Array.isArray(value) && value.length === 2;

/** An array being read back: its declared length, and its bytes so far. */
interface ArrayInProgress {
  type: ArrayType;
  bytes: Uint8Array<ArrayBuffer>;
  filled: number;
}

/** A saved index file as read back: what it holds, or why it cannot be used. */
export type SavedIndexRead = { ok: true; file: SavedFile } | { ok: false; problem: JsonLinesProblem };

/** Reads a saved index back line by line; anything out of shape makes it corrupt. */
export async function readIndexFile(path: string): Promise<SavedIndexRead> {
  const fingerprints = new Map<string, string>();
  const firstPassages: Array<[string, number]> = [];
  const terms: string[] = [];
  const arrays = new Map<ArrayField, ArrayInProgress>();
  let counts: { passageCount: number; termCount: number } | undefined;
  const problem = await readJsonLines(path, CACHE_FORMAT, (line) => {
    if (!Array.isArray(line) || typeof line[0] !== 'string') throw new Error('not an index line');
    const section = line[0];
    const pairs = (check: (pair: [unknown, unknown]) => boolean, add: (pair: [unknown, unknown]) => void) => {
      for (let i = 1; i < line.length; i++) {
        const item: unknown = line[i];
        if (!isPair(item) || !check(item)) throw new Error(`not a ${section} item`);
        add(item);
      }
    };
    switch (section) {
      case 'fingerprints':
        pairs(([id, fingerprint]) => typeof id === 'string' && typeof fingerprint === 'string', ([id, fingerprint]) => fingerprints.set(id as string, fingerprint as string));
        return;
      case 'firstPassages':
        pairs(([id, n]) => typeof id === 'string' && isCount(n, 0), (pair) => firstPassages.push(pair as [string, number]));
        return;
      case 'terms':
        for (let i = 1; i < line.length; i++) {
          if (typeof line[i] !== 'string') throw new Error('not a term');
          terms.push(line[i] as string);
        }
        return;
      case 'array': {
        const [, name, type, length] = line as unknown[];
        if (line.length !== 4 || !isArrayField(name) || type !== ARRAY_FIELDS[name] || !isCount(length, 0) || arrays.has(name)) throw new Error('bad array header');
        arrays.set(name, { type: ARRAY_FIELDS[name], bytes: new Uint8Array(length * (type === 'int32' ? 4 : 1)), filled: 0 });
        return;
      }
      case 'bytes': {
        const [, name, base64] = line as unknown[];
        const array = isArrayField(name) ? arrays.get(name) : undefined;
        if (line.length !== 3 || array === undefined || typeof base64 !== 'string') throw new Error('bad array bytes');
        const bytes = Buffer.from(base64, 'base64');
        if (array.filled + bytes.length > array.bytes.length) throw new Error('array longer than declared');
        array.bytes.set(bytes, array.filled);
        array.filled += bytes.length;
        return;
      }
      case 'counts': {
        const value = line[1] as { passageCount?: unknown; termCount?: unknown } | undefined;
        if (counts !== undefined || line.length !== 2 || typeof value !== 'object' || value === null) throw new Error('bad counts');
        if (!isCount(value.passageCount, 0) || !isCount(value.termCount, 0)) throw new Error('bad counts');
        counts = { passageCount: value.passageCount, termCount: value.termCount };
        return;
      }
      default:
        throw new Error(`unknown section ${section}`);
    }
  });
  if (problem !== null) return { ok: false, problem };
  if (counts === undefined || arrays.size !== Object.keys(ARRAY_FIELDS).length) return { ok: false, problem: 'corrupt' };
  for (const array of arrays.values()) if (array.filled !== array.bytes.length) return { ok: false, problem: 'corrupt' };
  const int32 = (name: ArrayField) => new Int32Array(arrays.get(name)!.bytes.buffer);
  const uint8 = (name: ArrayField) => arrays.get(name)!.bytes;
  const postings = {
    terms,
    passageFrequency: int32('passageFrequency'),
    offsets: int32('offsets'),
    postings: int32('postings'),
    frequencies: uint8('frequencies'),
    passageLength: int32('passageLength'),
    alive: uint8('alive'),
    ...counts,
  };
  return { ok: true, file: { fingerprints, index: { postings, firstPassages } } };
}

/**
 * Saves the index for the next start-up, streamed line by line (see
 * json-lines.ts), atomically (temporary file, then rename). `known` holds
 * fingerprints already computed for these very articles (see
 * {@link IndexLoad.fingerprints}); the others are computed here.
 *
 * @throws Error when the file cannot be written.
 */
export async function saveIndex(path: string, index: ArticleIndex, articles: readonly Article[], known: ReadonlyMap<string, string> = new Map()): Promise<void> {
  await writeJsonLines(path, CACHE_FORMAT, indexLines(articles, index.save(), known));
}
