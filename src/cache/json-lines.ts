import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { constants as bufferConstants } from 'node:buffer';
import { finished } from 'node:stream/promises';
import { startFileHashing, type FileHashing } from './hash-in-worker.ts';

/**
 * The cache files of the bot are JSON Lines: a header line naming the format
 * and its version, body lines of one JSON value each, and a trailer line
 * with the SHA-256 of every byte before it. Every byte is ASCII: characters
 * beyond it are written as JSON escapes (\u00e9), so that lines are read
 * back as Latin-1, which Node decodes far faster than UTF-8 (the 480 MB
 * article cache of 100,000 articles, decoded and parsed: 1.25 s → 0.75 s).
 * A whole cache can be far larger than the longest string V8 can hold
 * (about 512 MiB), so it is never built or read as one string: it is
 * written line by line through a stream and read back a chunk at a time
 * into one buffer, and no string is longer than its longest line.
 */

/** What a cache file says it is, on its first line. */
export interface JsonLinesFormat {
  format: string;
  version: number;
}

/** Why a cache file was not used. */
export type JsonLinesProblem = 'missing' | 'corrupt' | 'foreign';

// Lines are gathered into writes of about this many characters: one write per
// line would cost a system call per small line (an index has millions).
const WRITE_BATCH_CHARS = 256 * 1024;
const READ_CHUNK_BYTES = 1024 * 1024;
const MAX_LENGTH = bufferConstants.MAX_LENGTH;
// A header is a few dozen bytes. An older single-line cache starts with its
// format and version but may be hundreds of megabytes long: it is recognised
// from its beginning, never read whole.
const MAX_HEADER_BYTES = 64 * 1024;
// Far above any line the caches write (an article file is at most a few MB),
// far below V8's string limit: a longer line can only be damage.
const MAX_LINE_BYTES = 256 * 1024 * 1024;
const OLD_HEADER = /^\s*\{\s*"format"\s*:\s*("(?:[^"\\]|\\.)*")\s*,\s*"version"\s*:\s*(-?\d+(?:\.\d+)?)/u;

// Two saves of the same file in one process must not share a temporary file.
let temporaryCount = 0;

/** A temporary file to write a cache into, before it is renamed into place. */
export interface TemporaryFile {
  readonly path: string;
  /** The file was renamed or removed: the process no longer removes it when it exits. */
  release(): void;
}

/**
 * A fresh temporary path beside `path`, removed if the process exits before
 * it is released: a bot stopped while it saves its caches in the background
 * leaves no file of hundreds of megabytes behind.
 */
export function temporaryFileFor(path: string): TemporaryFile {
  const temporary = `${path}.${process.pid}.${++temporaryCount}.tmp`;
  const removeOnExit = () => rmSync(temporary, { force: true });
  process.on('exit', removeOnExit);
  return { path: temporary, release: () => void process.off('exit', removeOnExit) };
}

/**
 * Writes a JSON Lines cache file: the header, the body `lines` (each JSON
 * text without a newline, as `JSON.stringify` makes it) and the checksum
 * trailer. The lines are pulled as the file takes them, so a lazy iterable
 * is never held whole in memory. Written to a temporary file and renamed,
 * so a crash never leaves half a file.
 *
 * @throws Error when the file cannot be written (the temporary file is removed).
 */
export async function writeJsonLines(path: string, header: JsonLinesFormat, lines: Iterable<string>): Promise<void> {
  const writer = await JsonLinesWriter.create(path, header);
  try {
    for (const line of lines) {
      if (!writer.write(line)) await writer.drained();
    }
    await writer.finish();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/**
 * A JSON Lines cache file being written a line at a time, into a temporary
 * file: lines are gathered into batches, each encoded, hashed and written
 * as it fills. {@link finish} adds the checksum and renames the file into
 * place; {@link abort} removes it.
 */
export class JsonLinesWriter {
  readonly #hash = createHash('sha256');
  #batch = '';
  #failure: unknown;

  private constructor(
    private readonly path: string,
    private readonly temporary: TemporaryFile,
    private readonly out: WriteStream,
  ) {
    out.on('error', (error) => {
      this.#failure ??= error;
    });
  }

  /** Opens the temporary file and writes the header. @throws Error when the folder cannot be made. */
  static async create(path: string, header: JsonLinesFormat): Promise<JsonLinesWriter> {
    await mkdir(dirname(path), { recursive: true });
    const temporary = temporaryFileFor(path);
    const writer = new JsonLinesWriter(path, temporary, createWriteStream(temporary.path));
    writer.write(JSON.stringify({ format: header.format, version: header.version }));
    return writer;
  }

  /** Adds a body line (a JSON text without a newline); false when the file is behind, see {@link drained}. */
  write(line: string): boolean {
    // Lines are gathered into writes of about WRITE_BATCH_CHARS: one write per line would cost a system call per small line.
    if (this.#batch.length > 0 && this.#batch.length + line.length + 1 > WRITE_BATCH_CHARS) return this.#flush(`${line}\n`);
    this.#batch += `${line}\n`;
    return true;
  }

  /** Resolves when the file has taken what it was given (a lazy writer waits for it, so as not to hold much). */
  async drained(): Promise<void> {
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
  }

  /** Writes the checksum, closes the file and renames it into place. @throws Error when anything could not be written. */
  async finish(): Promise<void> {
    this.#flush('');
    this.out.end(Buffer.from(`${JSON.stringify({ checksum: this.#hash.digest('base64url') })}\n`, 'utf8'));
    await finished(this.out);
    if (this.#failure !== undefined) throw this.#failure;
    await rename(this.temporary.path, this.path);
    this.temporary.release();
  }

  /** Gives the file up: closes and removes it. Never throws. */
  async abort(): Promise<void> {
    // The file is removed once the stream has closed: a stream destroyed while it was still opening its
    // file would otherwise create it after the removal.
    if (!this.out.closed) {
      const closed = once(this.out, 'close').catch(() => undefined);
      this.out.destroy();
      await closed;
    }
    await rm(this.temporary.path, { force: true }).catch(() => undefined);
    this.temporary.release();
  }

  /** Writes the batch gathered so far, then starts the next with `next`. */
  #flush(next: string): boolean {
    const batch = this.#batch;
    this.#batch = next;
    if (batch.length === 0) return true;
    // Encoded once: hashing the string and then writing it encoded it twice, and hashing a string
    // (flattened, then encoded) cost 4-5 s of the 100,000-article cache's save against 0.5 s for its bytes.
    let bytes = Buffer.from(batch, 'utf8');
    // More bytes than characters: something beyond ASCII, to escape (lines escaped already cost nothing here).
    if (bytes.length !== batch.length) bytes = Buffer.from(escapeNonAscii(batch), 'latin1');
    this.#hash.update(bytes);
    return this.out.write(bytes);
  }
}

// Without the u flag on purpose: a character beyond the Basic Multilingual Plane is matched as its two
// UTF-16 halves, each escaped on its own (\ud83d\ude00), which is how JSON writes it.
const NON_ASCII = /[^\x00-\x7f]/g;

/**
 * A JSON text with every character beyond ASCII escaped (`"café"` →
 * `"caf\u00e9"`): the same value to JSON.parse. The writers escape what
 * they are given; a caller may escape its lines itself.
 */
export function escapeNonAscii(json: string): string {
  NON_ASCII.lastIndex = 0;
  return NON_ASCII.test(json) ? json.replace(NON_ASCII, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/**
 * Reads a file written by {@link writeJsonLines}, handing each body line's
 * value to `onLine`, in order. Resolves to null when the file was read to its
 * end and its checksum holds; otherwise to why it cannot be used: 'missing'
 * (cannot be opened), 'foreign' (another format or version, as its header
 * says: the rest is not read) or 'corrupt' (anything else, including an
 * `onLine` that throws). Never throws.
 *
 * `onLine` sees lines before the checksum at the end is checked: keep what it
 * builds aside until this resolves to null.
 */
export async function readJsonLines(
  path: string,
  expected: JsonLinesFormat,
  onLine: (value: unknown) => void,
  options: { hashInWorkerFromBytes?: number } = {},
): Promise<JsonLinesProblem | null> {
  return readJsonLineBytes(path, expected, (bytes, start, end) => onLine(JSON.parse(bytes.toString('latin1', start, end))), options);
}

/**
 * {@link readJsonLines}, handing each body line over as where it lies in
 * the file's bytes (ASCII; `end` is its newline), for the caller to parse as
 * much of as it needs and keep the rest as bytes: the whole file is read
 * into one buffer, never reused, that a caller may keep. (One buffer rather
 * than one per chunk read: V8 counts each as memory outside its heap, and
 * 460 of them kept, a megabyte each, set off collections of the heap that
 * cost an article cache of 100,000 articles 0.35 s to open.) A file larger
 * than Node's largest buffer (4 GB) is 'corrupt': it is rebuilt.
 */
export async function readJsonLineBytes(
  path: string,
  expected: JsonLinesFormat,
  onLine: (bytes: Buffer, start: number, end: number) => void,
  options: { hashInWorkerFromBytes?: number } = {},
): Promise<JsonLinesProblem | null> {
  let handle: FileHandle | undefined;
  let size: number;
  try {
    handle = await open(path, 'r');
    const stats = await handle.stat();
    if (!stats.isFile()) {
      await handle.close();
      return 'missing';
    }
    size = stats.size;
  } catch {
    await handle?.close().catch(() => undefined);
    return 'missing';
  }
  if (size > MAX_LENGTH) {
    await handle.close().catch(() => undefined);
    return 'corrupt';
  }
  // The checksum is computed in a worker thread as the lines are parsed here (the 480 MB article cache of
  // 100,000 articles: 0.35 s of SHA-256 off this thread), on the same open file.
  const hashing = startFileHashing(handle.fd, size, options.hashInWorkerFromBytes);
  try {
    return await readLines(handle, size, expected, onLine, hashing);
  } catch {
    return 'corrupt';
  } finally {
    hashing.stop();
    await handle.close().catch(() => undefined);
  }
}

async function readLines(handle: FileHandle, size: number, expected: JsonLinesFormat, onLine: (bytes: Buffer, start: number, end: number) => void, hashing: FileHashing): Promise<JsonLinesProblem | null> {
  const bytes = Buffer.allocUnsafeSlow(size);
  let filled = 0;
  // Where the next line starts; the header is the first line.
  let lineStart = 0;
  let headerSeen = false;
  // The last complete line is held back until another follows: the last line of all is the trailer.
  let pending: [number, number] | undefined;
  // The next read is under way while this thread parses what the last one brought.
  let reading = size > 0 ? handle.read(bytes, 0, Math.min(READ_CHUNK_BYTES, size), 0) : undefined;
  while (reading !== undefined) {
    const { bytesRead } = await reading;
    // A file that shrank since it was measured was cut short (or is being replaced): not to be trusted.
    if (bytesRead === 0) return 'corrupt';
    filled += bytesRead;
    reading = filled < size ? handle.read(bytes, filled, Math.min(READ_CHUNK_BYTES, size - filled), filled) : undefined;
    // Searched only in what was read: the rest of the buffer is not yet the file's.
    const read = bytes.subarray(0, filled);
    for (let end = read.indexOf(10, lineStart); end !== -1; end = read.indexOf(10, lineStart)) {
      if (!headerSeen) {
        headerSeen = true;
        const problem = checkHeader(bytes.subarray(lineStart, end), expected);
        if (problem !== null) return problem;
      } else {
        if (pending !== undefined) onLine(bytes, pending[0], pending[1]);
        pending = [lineStart, end];
      }
      lineStart = end + 1;
    }
    // Every line but the last (the trailer) is covered by the checksum: the bytes before the line held back.
    hashing.extendTo(pending === undefined ? lineStart : pending[0]);
    if (!headerSeen && filled - lineStart > MAX_HEADER_BYTES) return checkHeader(bytes.subarray(0, filled), expected) ?? 'corrupt';
    if (filled - lineStart > MAX_LINE_BYTES) return 'corrupt';
  }
  // A file that does not end with a newline was cut short (or is not ours: its header says which).
  if (lineStart < size) return headerSeen ? 'corrupt' : (checkHeader(bytes.subarray(0, size), expected) ?? 'corrupt');
  if (pending === undefined) return 'corrupt';
  const trailer: unknown = JSON.parse(bytes.toString('latin1', pending[0], pending[1]));
  const checksum = typeof trailer === 'object' && trailer !== null ? (trailer as { checksum?: unknown }).checksum : undefined;
  return checksum === (await hashing.finish(pending[0])) ? null : 'corrupt';
}

/** Null when the header names the expected format and version. */
function checkHeader(line: Buffer, expected: JsonLinesFormat): JsonLinesProblem | null {
  let format: unknown;
  let version: unknown;
  if (line.length > MAX_HEADER_BYTES) {
    const old = OLD_HEADER.exec(line.toString('utf8', 0, MAX_HEADER_BYTES));
    if (!old) return 'corrupt';
    format = JSON.parse(old[1]!);
    version = Number(old[2]);
  } else {
    let header: unknown;
    try {
      header = JSON.parse(line.toString('utf8'));
    } catch {
      return 'corrupt';
    }
    if (typeof header !== 'object' || header === null) return 'corrupt';
    ({ format, version } = header as { format?: unknown; version?: unknown });
  }
  if (typeof format !== 'string' || typeof version !== 'number') return 'corrupt';
  return format === expected.format && version === expected.version ? null : 'foreign';
}
