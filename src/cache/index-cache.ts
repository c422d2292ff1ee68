import { createHash } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { endianness } from 'node:os';
import { dirname } from 'node:path';
import type { Article } from '../article.ts';
import { ArticleIndex, type SavedIndex } from '../search/article-index.ts';
import { startFileHashing } from './hash-in-worker.ts';
import { readJsonLines, temporaryFileFor, writeJsonLines, type JsonLinesProblem } from './json-lines.ts';

/**
 * Bumped whenever indexing changes (terms, fields, boosts) or the file layout
 * does: an index saved by another version is rebuilt.
 */
export const INDEX_CACHE_VERSION = 7;
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
}

/**
 * What identifies the version of an article that was indexed: the saved
 * index is kept for an article whose fingerprint is unchanged. The default,
 * {@link fingerprintArticle}, hashes the article; the app takes the hash of
 * its file's bytes from the article cache instead, which costs nothing.
 */
export type FingerprintOf = (article: Article) => string;

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
export async function loadIndex(path: string, articles: readonly Article[], indexArticle: IndexArticle, fingerprintOf: FingerprintOf = fingerprintArticle): Promise<IndexLoad> {
  return useSavedIndex(await readIndexFile(path), articles, indexArticle, fingerprintOf);
}

/**
 * {@link loadIndex} for a saved index already read with {@link readIndexFile}
 * (read before the articles are loaded, to know whether they need indexing).
 */
export async function useSavedIndex(saved: SavedIndexRead, articles: readonly Article[], indexArticle: IndexArticle, fingerprintOf: FingerprintOf = fingerprintArticle): Promise<IndexLoad> {
  if (!saved.ok) return rebuild(articles, indexArticle, saved.problem);
  const { fingerprints } = saved.file;
  // Articles indexed as they are now are restored; new and changed ones are indexed on top, and what the
  // saved index holds of changed and removed ones is dropped.
  const unchanged: Article[] = [];
  const toIndex: Article[] = [];
  for (const article of articles) {
    // New articles are not fingerprinted here: nothing to compare them with.
    const fingerprint = fingerprints.get(article.id);
    if (fingerprint !== undefined && fingerprint === fingerprintOf(article)) {
      unchanged.push(article);
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
  // A few changed articles are searched as they are; many are folded in now, not on the first question.
  index.compactIfLarge();
  return { index, reused: unchanged.length, dropped: fingerprints.size - unchanged.length, problem: null };
}

async function rebuild(articles: readonly Article[], indexArticle: IndexArticle, problem: IndexLoad['problem']): Promise<IndexLoad> {
  return { index: await indexArticles(articles, indexArticle), reused: 0, dropped: 0, problem };
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
 *   ["firstPassages", [articleId, n], ...]
 *   ["aliases", [articleId, name, alias], ...]  the names its articles define (see findAliasPairs)
 *   ["arrays", {bytes, checksum, layout: [[name, type, length, offset], ...]}]
 *   ["counts", {passageCount, termCount}]
 * The typed arrays of the postings (200 MB at 100,000 articles) are kept
 * apart, in a file of their own beside it (`.index.bin`): their bytes in the
 * machine's byte order, which the header names, each at an offset that is
 * a multiple of 8, read back with one read and no copy. The "arrays" line
 * holds that file's length and SHA-256, so a file of arrays from another
 * save is corrupt. (As base64 lines, decoding them was 1.2 s of a warm start.)
 */

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
const ARRAY_NAMES = Object.keys(ARRAY_FIELDS) as ArrayField[];
const BYTES_PER_ITEM: Record<ArrayType, number> = { int32: 4, uint8: 1 };
const ARRAY_ALIGNMENT = 8;

/** Where the arrays of the index saved at `path` are kept. */
export function indexArraysPath(path: string): string {
  return path.replace(/(\.json)?$/u, '.bin');
}

/** Where each array lies in the file of arrays, and what the whole file must be. */
interface ArraysLine {
  bytes: number;
  checksum: string;
  layout: Array<[ArrayField, ArrayType, number, number]>;
}

function* indexLines(articles: readonly Article[], saved: SavedIndex, fingerprintOf: FingerprintOf, arrays: ArraysLine): Generator<string> {
  yield* chunkLines('fingerprints', fingerprintsOf(articles, fingerprintOf));
  const { postings } = saved;
  yield* chunkLines('terms', postings.terms);
  yield* chunkLines('firstPassages', saved.firstPassages);
  yield* chunkLines('aliases', saved.aliases);
  yield JSON.stringify(['arrays', arrays]);
  yield JSON.stringify(['counts', { passageCount: postings.passageCount, termCount: postings.termCount }]);
}

/** The arrays' layout in their file: in ARRAY_NAMES order, each at the next multiple of 8. */
function layoutOf(postings: SavedIndex['postings']): { bytes: number; layout: ArraysLine['layout'] } {
  const layout: ArraysLine['layout'] = [];
  let offset = 0;
  for (const name of ARRAY_NAMES) {
    const array = postings[name];
    layout.push([name, ARRAY_FIELDS[name], array.length, offset]);
    offset += Math.ceil(array.byteLength / ARRAY_ALIGNMENT) * ARRAY_ALIGNMENT;
  }
  return { bytes: offset, layout };
}

/** Writes the arrays' file (temporary file, then rename) and returns what the index file says of it. */
async function writeArrays(path: string, postings: SavedIndex['postings']): Promise<ArraysLine> {
  const { bytes, layout } = layoutOf(postings);
  const hash = createHash('sha256');
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryFileFor(path);
  const handle = await open(temporary.path, 'w');
  try {
    for (const [name, , , offset] of layout) {
      const array = postings[name];
      const view = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
      const padding = Buffer.alloc(Math.ceil(view.length / ARRAY_ALIGNMENT) * ARRAY_ALIGNMENT - view.length);
      let position = offset;
      for (const part of [view, padding]) {
        hash.update(part);
        // A write may take less than it is given: write until all of it is down.
        for (let written = 0; written < part.length; ) written += (await handle.write(part, written, part.length - written, position + written)).bytesWritten;
        position += part.length;
      }
    }
    await handle.close();
    await rename(temporary.path, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary.path, { force: true });
    throw error;
  } finally {
    temporary.release();
  }
  return { bytes, checksum: hash.digest('base64url'), layout };
}

/** The file of arrays as read: its bytes and their SHA-256, or null when it cannot be read. */
type ArraysFile = { bytes: Buffer; checksum: string } | null;

/**
 * Reads the file of arrays whole, hashing it in a worker thread meanwhile
 * (see hash-in-worker.ts): started before the index file's lines are parsed,
 * both the read and the hash run while this thread parses.
 */
async function readArraysFile(path: string): Promise<ArraysFile> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const size = (await handle.stat()).size;
    const hashing = startFileHashing(handle.fd, size);
    hashing.extendTo(size);
    try {
      // One read for the whole file: readFile() reads 512 kB at a time, and each next read waits for
      // this thread's turn, which parsing the caches' lines holds (209 MB at 100,000 articles: it
      // finished 0.15-0.2 s after the lines).
      const bytes = Buffer.allocUnsafeSlow(size);
      for (let done = 0; done < size; ) {
        const { bytesRead } = await handle.read(bytes, done, size - done, done);
        if (bytesRead === 0) return null;
        done += bytesRead;
      }
      return { bytes, checksum: await hashing.finish(bytes.length) };
    } finally {
      hashing.stop();
    }
  } catch {
    return null;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** The arrays as views of the file's one buffer, if the file is the one `line` describes. */
function arraysFrom(file: ArraysFile, line: ArraysLine): Map<ArrayField, Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>> | null {
  if (file === null || file.bytes.length !== line.bytes || file.checksum !== line.checksum) return null;
  // A file read whole has a buffer of its own, at offset 0, so the views below are aligned; a pooled
  // buffer (a very small file) is copied out first.
  const bytes = file.bytes.byteOffset % ARRAY_ALIGNMENT === 0 ? file.bytes : Buffer.from(file.bytes);
  // Node's buffers never share memory with other threads: their buffer is an ArrayBuffer.
  const backing = bytes.buffer as ArrayBuffer;
  const arrays = new Map<ArrayField, Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>();
  for (const [name, type, length, offset] of line.layout) {
    if (offset % ARRAY_ALIGNMENT !== 0 || offset + length * BYTES_PER_ITEM[type] > bytes.length) return null;
    arrays.set(name, type === 'int32' ? new Int32Array(backing, bytes.byteOffset + offset, length) : new Uint8Array(backing, bytes.byteOffset + offset, length));
  }
  return arrays;
}

function isArraysLine(value: unknown): value is ArraysLine {
  if (typeof value !== 'object' || value === null) return false;
  const { bytes, checksum, layout } = value as Partial<ArraysLine>;
  if (!isCount(bytes, 0) || typeof checksum !== 'string' || !Array.isArray(layout) || layout.length !== ARRAY_NAMES.length) return false;
  return layout.every(
    (entry, i) => Array.isArray(entry) && entry.length === 4 && entry[0] === ARRAY_NAMES[i] && entry[1] === ARRAY_FIELDS[ARRAY_NAMES[i]!] && isCount(entry[2], 0) && isCount(entry[3], 0),
  );
}

function* fingerprintsOf(articles: readonly Article[], fingerprintOf: FingerprintOf): Generator<[string, string]> {
  for (const article of articles) yield [article.id, fingerprintOf(article)];
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

/** A saved index file as read back: what it holds, or why it cannot be used. */
export type SavedIndexRead = { ok: true; file: SavedFile } | { ok: false; problem: JsonLinesProblem };

/** Reads a saved index back line by line, then its arrays; anything out of shape makes it corrupt. */
export async function readIndexFile(path: string): Promise<SavedIndexRead> {
  const fingerprints = new Map<string, string>();
  const firstPassages: Array<[string, number]> = [];
  const aliases: Array<[string, string, string]> = [];
  const terms: string[] = [];
  let arraysLine: ArraysLine | undefined;
  let counts: { passageCount: number; termCount: number } | undefined;
  const arraysFile = readArraysFile(indexArraysPath(path));
  const problem = await readJsonLines(path, CACHE_FORMAT, (line) => {
    if (!Array.isArray(line) || typeof line[0] !== 'string') throw new Error('not an index line');
    const section = line[0];
    const items = (check: (item: unknown) => boolean, add: (item: unknown) => void) => {
      for (let i = 1; i < line.length; i++) {
        const item: unknown = line[i];
        if (!check(item)) throw new Error(`not a ${section} item`);
        add(item);
      }
    };
    const pairs = (check: (pair: [unknown, unknown]) => boolean, add: (pair: [unknown, unknown]) => void) =>
      items((item) => isPair(item) && check(item), (item) => add(item as [unknown, unknown]));
    switch (section) {
      case 'fingerprints':
        pairs(([id, fingerprint]) => typeof id === 'string' && typeof fingerprint === 'string', ([id, fingerprint]) => fingerprints.set(id as string, fingerprint as string));
        return;
      case 'firstPassages':
        pairs(([id, n]) => typeof id === 'string' && isCount(n, 0), (pair) => firstPassages.push(pair as [string, number]));
        return;
      case 'aliases':
        items((item) => Array.isArray(item) && item.length === 3 && item.every((part) => typeof part === 'string'), (item) => aliases.push(item as [string, string, string]));
        return;
      case 'terms':
        items((item) => typeof item === 'string', (item) => terms.push(item as string));
        return;
      case 'arrays':
        if (arraysLine !== undefined || line.length !== 2 || !isArraysLine(line[1])) throw new Error('bad arrays');
        arraysLine = line[1];
        return;
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
  // Awaited whatever the lines said, so that its file is closed before this returns.
  const file = await arraysFile;
  const arrays = arraysLine === undefined ? null : arraysFrom(file, arraysLine);
  if (problem !== null) return { ok: false, problem };
  if (counts === undefined || arrays === null) return { ok: false, problem: 'corrupt' };
  const int32 = (name: ArrayField) => arrays.get(name) as Int32Array<ArrayBuffer>;
  const uint8 = (name: ArrayField) => arrays.get(name) as Uint8Array<ArrayBuffer>;
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
  return { ok: true, file: { fingerprints, index: { postings, firstPassages, aliases } } };
}

/**
 * Saves the index for the next start-up, streamed line by line (see
 * json-lines.ts), atomically (temporary file, then rename), with each
 * article's fingerprint taken as {@link useSavedIndex} will take it.
 *
 * @throws Error when the file cannot be written.
 */
export async function saveIndex(path: string, index: ArticleIndex, articles: readonly Article[], fingerprintOf: FingerprintOf = fingerprintArticle): Promise<void> {
  const saved = index.save();
  // The arrays first: an index file is never renamed into place before the arrays it names.
  const arrays = await writeArrays(indexArraysPath(path), saved.postings);
  await writeJsonLines(path, CACHE_FORMAT, indexLines(articles, saved, fingerprintOf, arrays));
}
