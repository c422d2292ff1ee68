import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { KnownFile } from '../cache/file-stamp.ts';
import { readAndParseFile, type FileOutcome } from './read-and-parse.ts';

/** What every worker is told once, when it starts. */
export interface WorkerSetup {
  folder: string;
  maxBytes: number;
  hashing: boolean;
}

/** A run of consecutive files of the listing, for one worker. */
export interface ChunkRequest {
  start: number;
  files: string[];
  /** For each file, what the article cache knows of it, or null. */
  known: (KnownFile | null)[];
}

/** The outcomes of a {@link ChunkRequest}, in the order of its files. */
export interface ChunkReply {
  start: number;
  outcomes: FileOutcome[];
}

/** Options of {@link parseInWorkers}. */
export interface ParseInWorkersOptions extends WorkerSetup {
  /** How many worker threads; at least 1. */
  workers: number;
  /** What the article cache knows of a file, if anything. */
  known?: (file: string) => KnownFile | undefined;
  /** Called as outcomes arrive, once per file, in no particular order. */
  onOutcome?: (index: number, outcome: FileOutcome) => void;
  /** Hears why a worker failed (its chunks are done elsewhere); for logs and tests. */
  onWorkerError?: (error: unknown) => void;
  /** The workers' entry module; tests point it at one that fails. Default: parse-worker beside this file. */
  entry?: URL;
}

// Big enough that a message costs little next to its parsing (about 0.05 ms a
// file), small enough that the workers finish together and progress moves.
const CHUNK_FILES = 128;
// Each worker has this many chunks in hand, so it never waits for the main
// thread between chunks.
const CHUNKS_IN_FLIGHT = 2;

/**
 * How many worker threads a load of `files` files should use. None below
 * 20,000 files: a worker takes about 0.85 s of CPU to start (it loads tsx and
 * the parsers), and handing articles back by structured clone costs the main
 * thread too, so at 10,000 files (1.5 s of parsing) workers cost more CPU
 * than they save in wall time. Above, one per core, at most 4.
 */
export function defaultWorkerCount(files: number): number {
  if (files < 20_000) return 0;
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Reads and parses `files` (relative to `folder`) in worker threads: chunks
 * of consecutive files go to whichever worker is free, and outcomes land at
 * their file's index, so the result is in the listing's order whatever the
 * timing. A worker that fails (it cannot start, or dies) is dropped and its
 * chunks are done by another, or in this thread when none is left: the
 * result is the same as {@link readAndParseFile} file by file.
 */
export async function parseInWorkers(files: readonly string[], options: ParseInWorkersOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  const queue: ChunkRequest[] = [];
  for (let start = 0; start < files.length; start += CHUNK_FILES) {
    const chunk = files.slice(start, start + CHUNK_FILES);
    queue.push({ start, files: chunk, known: chunk.map((file) => options.known?.(file) ?? null) });
  }
  const setup: WorkerSetup = { folder: options.folder, maxBytes: options.maxBytes, hashing: options.hashing };
  const accept = (reply: ChunkReply) => {
    reply.outcomes.forEach((outcome, i) => {
      outcomes[reply.start + i] = outcome;
      options.onOutcome?.(reply.start + i, outcome);
    });
  };

  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const inFlight = new Map<number, ChunkRequest>();
      let settled = false;
      const worker = startWorker(setup, options.entry);
      const send = () => {
        while (inFlight.size < CHUNKS_IN_FLIGHT && queue.length > 0) {
          const request = queue.shift()!;
          inFlight.set(request.start, request);
          worker.postMessage(request);
        }
        if (inFlight.size === 0) finish();
      };
      const finish = () => {
        if (settled) return;
        settled = true;
        // Chunks a failed worker held go back for the others (or this thread).
        queue.push(...inFlight.values());
        void worker.terminate();
        resolve();
      };
      worker.on('message', (reply: ChunkReply) => {
        inFlight.delete(reply.start);
        accept(reply);
        send();
      });
      worker.on('error', (error) => {
        options.onWorkerError?.(error);
        finish();
      });
      worker.on('exit', finish);
      send();
    });

  // No more workers than chunks: a worker with nothing to do costs its start-up all the same.
  await Promise.all(Array.from({ length: Math.min(Math.max(1, options.workers), queue.length) }, runWorker));
  // Whatever no worker could do is done here, so a load never fails for want of threads.
  for (const request of queue.splice(0)) {
    accept({
      start: request.start,
      outcomes: request.files.map((file, i) =>
        readAndParseFile(options.folder, file, { maxBytes: options.maxBytes, hashing: options.hashing, known: request.known[i] ?? undefined }),
      ),
    });
  }
  return outcomes;
}

function startWorker(setup: WorkerSetup, entryUrl?: URL): Worker {
  const entry = (entryUrl ?? new URL(`./parse-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url)).href;
  if (!entry.endsWith('.ts')) return new Worker(new URL(entry), { workerData: setup });
  // The project runs its TypeScript through tsx, whose hooks Node 20 does not
  // apply to a worker's own entry (nodejs/node#47747, tsx#354), even when the
  // worker inherits `--import tsx`. So the worker starts from a line of
  // JavaScript that registers tsx in it and then imports the entry.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: setup });
}
