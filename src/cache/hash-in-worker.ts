import { createHash } from 'node:crypto';
import { readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * The SHA-256 of the first bytes of an open file, computed while this thread
 * does other work: `extendTo` says how far the caller knows the bytes to
 * hash go (it learns it as it reads), `finish` how far they go in all, and
 * resolves to the digest (base64url).
 */
export interface FileHashing {
  extendTo(bytes: number): void;
  finish(bytes: number): Promise<string>;
  /** Stops the worker, if any (a read given up before `finish`). */
  stop(): void;
}

/** Files at least this large are hashed in a worker thread; smaller ones here, where it costs less than starting a thread. */
export const HASH_IN_WORKER_FROM_BYTES = 16 * 1024 * 1024;

// Plain JavaScript run with `eval`, so that the thread starts in milliseconds
// (no TypeScript loader): it needs nothing but fs and crypto. It reads the
// file through the caller's descriptor, at explicit positions, so it hashes
// the very file the caller is reading (not one renamed over it meanwhile),
// and its reads do not move the caller's.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readSync } = require('node:fs');
const { createHash } = require('node:crypto');
const hash = createHash('sha256');
const buffer = Buffer.allocUnsafe(1 << 20);
let hashed = 0;
parentPort.on('message', ({ upTo, final }) => {
  try {
    while (hashed < upTo) {
      const n = readSync(workerData.fd, buffer, 0, Math.min(buffer.length, upTo - hashed), hashed);
      if (n === 0) throw new Error('file shorter than expected');
      hash.update(buffer.subarray(0, n));
      hashed += n;
    }
    if (final) parentPort.postMessage({ digest: hash.digest('base64url') });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
});
`;

/**
 * Starts hashing the file open as `fd` (which must stay open until `finish`
 * resolves): in a worker thread when the file is `fileBytes` long or more
 * than `workerFromBytes`, else here, when `finish` is called. A worker that
 * cannot start or fails leaves the work to this thread: the digest is the
 * same either way.
 */
export function startFileHashing(fd: number, fileBytes: number, workerFromBytes = HASH_IN_WORKER_FROM_BYTES): FileHashing {
  const inThread: FileHashing = {
    extendTo: () => undefined,
    finish: async (bytes) => hashHere(fd, bytes),
    stop: () => undefined,
  };
  if (fileBytes < workerFromBytes) return inThread;
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { fd } });
  } catch {
    return inThread;
  }
  // Its answer, or why there is none: a failed worker is a reason to hash here, never a wrong digest.
  const answer = new Promise<string | null>((resolve) => {
    worker.once('message', (message: { digest?: string }) => resolve(message.digest ?? null));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  return {
    extendTo: (bytes) => worker.postMessage({ upTo: bytes, final: false }),
    finish: async (bytes) => {
      worker.postMessage({ upTo: bytes, final: true });
      const digest = await answer;
      void worker.terminate();
      return digest ?? hashHere(fd, bytes);
    },
    stop: () => void worker.terminate(),
  };
}

function hashHere(fd: number, bytes: number): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(Math.min(bytes, 1 << 20) || 1);
  for (let at = 0; at < bytes; ) {
    const n = readSync(fd, buffer, 0, Math.min(buffer.length, bytes - at), at);
    if (n === 0) throw new Error('file shorter than expected');
    hash.update(buffer.subarray(0, n));
    at += n;
  }
  return hash.digest('base64url');
}
