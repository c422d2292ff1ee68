import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import type { Article } from '../article.ts';
import { ArticleCache } from '../cache/article-cache.ts';
import { fileStamp, type KnownFile } from '../cache/file-stamp.ts';
import { formatBytes, parseArticleFile } from '../parse/parse-article-file.ts';
import type { ParseErrorKind } from '../parse/parse-outcome.ts';
import type { CountedPassages } from '../search/count-passages.ts';

/** A file that was not loaded, and why. */
export interface SkippedFile {
  file: string;
  kind: ParseErrorKind;
  reason: string;
}

/**
 * What reading one file came to. Plain data (strings, arrays, plain
 * objects), so that it crosses from a worker thread by structured clone.
 * - `parsed`: its articles and warnings (`hash` is '' and `stamp` null
 *   when not asked for), and with them, from a worker asked to count
 *   terms, each article's passages counted for the index;
 * - `unchanged`: its stamp or the hash of its bytes is what the cache
 *   knows, so it was not parsed; the caller takes the articles from the cache;
 * - `skipped`: missing, unreadable, oversized or broken, with the reason.
 */
export type FileOutcome =
  | { status: 'parsed'; hash: string; stamp: string | null; articles: Article[]; warnings: string[]; counted?: CountedPassages[] }
  | { status: 'unchanged'; hash: string; stamp: string | null }
  | { status: 'skipped'; skipped: SkippedFile };

/** How {@link readAndParseFile} reads a file. */
export interface ReadFileOptions {
  maxBytes: number;
  /** Hash the bytes and stamp the file (for the article cache). */
  hashing: boolean;
  /** What the cache knows of this file: an equal stamp is not read, equal bytes are not parsed. */
  known?: KnownFile | undefined;
}

/**
 * Reads and parses one article file of the folder (a path relative to it,
 * with forward slashes). Never throws. Synchronous on purpose: for files in
 * the page cache, one open/fstat/read/close costs about a twentieth of the
 * CPU of the promise-based calls (measured on 10,000 files: 0.08 s against
 * 1.3-2.0 s), and the caller runs it in a worker thread or yields between
 * batches.
 */
export function readAndParseFile(folder: string, file: string, options: ReadFileOptions): FileOutcome {
  // The file's path as listed (forward slashes, which every platform's file calls take): path.join, which
  // also normalises, cost a warm start at 100,000 files 0.1 s.
  const path = `${folder}/${file}`;
  const known = options.known;
  if (known?.stamp && options.hashing && stampOf(path) === known.stamp) return { status: 'unchanged', hash: known.hash, stamp: known.stamp };
  const read = readBytes(path, options.maxBytes);
  if ('error' in read) {
    const reason = read.error === 'too-large' ? `is ${formatBytes(read.size)}, over the ${formatBytes(options.maxBytes)} limit` : `cannot be read (${describeFsError(read.cause)})`;
    return { status: 'skipped', skipped: { file, kind: read.error, reason } };
  }
  const bytes = read.bytes;
  // Stamped before hashing, from the fstat taken before reading: a write during the read changes the stamp.
  const stamp = options.hashing ? fileStamp(read.stats) : null;
  const hash = options.hashing ? ArticleCache.hash(bytes) : '';
  if (known !== undefined && known.hash === hash) return { status: 'unchanged', hash, stamp };
  const outcome = parseArticleFile(bytes, file, { maxBytes: options.maxBytes });
  if (!outcome.ok) return { status: 'skipped', skipped: { file, kind: outcome.error.kind, reason: outcome.error.message } };
  const parse = { articles: outcome.articles, warnings: outcome.warnings };
  return { status: 'parsed', hash, stamp, ...parse };
}

/** The stamp of the file at `path`, or null when it is not a readable regular file or too fresh to stamp. */
function stampOf(path: string): string | null {
  try {
    const stats = statSync(path);
    return stats.isFile() ? fileStamp(stats) : null;
  } catch {
    return null;
  }
}

type ReadBytes = { bytes: Uint8Array; stats: Stats } | { error: 'too-large'; size: number } | { error: 'unreadable'; cause: unknown };

function readBytes(path: string, maxBytes: number): ReadBytes {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (cause) {
    return { error: 'unreadable', cause };
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return { error: 'unreadable', cause: Object.assign(new Error('is a folder'), { code: 'EISDIR' }) };
    if (info.size > maxBytes) return { error: 'too-large', size: info.size };
    // One byte more than the size says, to notice a file that grew since fstat.
    let buffer = Buffer.allocUnsafe(info.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { error: 'too-large', size: length };
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger);
        buffer = larger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) return { bytes: buffer.subarray(0, length), stats: info };
      length += n;
    }
  } catch (cause) {
    return { error: 'unreadable', cause };
  } finally {
    closeSync(fd);
  }
}

/** A file system error as a few words for the report. */
export function describeFsError(error: unknown, what: 'file' | 'folder' = 'file'): string {
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
    case 'EEXIST':
      // Making a folder where a file is (a cache path under a file).
      return 'a file is in the way';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
