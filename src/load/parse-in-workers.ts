import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { KnownFile } from '../cache/file-stamp.ts';
import { TermRenumbering } from '../search/count-passages.ts';
import { readAndParseFile, type FileOutcome } from './read-and-parse.ts';

/** What every worker is told once, when it starts. */
export interface WorkerSetup {
  folder: string;
  maxBytes: number;
  hashing: boolean;
  /** Count each parsed article's passages for the index (see count-passages.ts). */
  countTerms: boolean;
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
  /** When counting terms: the terms this chunk's counts numbered first, in the order of their numbers. */
  newTerms?: string[];
}

/** Options of {@link parseInWorkers}. */
export interface ParseInWorkersOptions extends Omit<WorkerSetup, 'countTerms'> {
  /** How many worker threads; at least 1. */
  workers: number;
  /** What the article cache knows of a file, if anything. */
  known?: (file: string) => KnownFile | undefined;
  /**
   * The index's number of a term (numbering it when new). When given, the
   * workers also count each parsed article's passages, and outcomes come
   * with the counts in these numbers (`counted`); outcomes of chunks done in
   * this thread come without.
   */
  numberTerm?: (term: string) => number;
  /** Called as outcomes arrive, once per file, in no particular order. */
  onOutcome?: (index: number, outcome: FileOutcome) => void;
  /** Hears why a worker failed (its chunks are done elsewhere); for logs and tests. */
  onWorkerError?: (error: unknown) => void;
  /** The workers' entry module; tests point it at one that fails. Default: parse-worker beside this file. */
  entry?: URL;
}

// Big enough that a message costs little next to its parsing (about 0.05 ms a file), small enough that
// the workers finish together, progress moves, and a chunk's articles seldom live long enough in a
// worker to reach its old generation (128 files: the workers' heaps grew to about 110 MB each, against
// 50 MB before they counted terms; with 32 and the heap limit below, peak RSS at 100,000 articles
// 1.55 -> 1.38 GB).
const CHUNK_FILES = 32;
// Each worker has this many chunks in hand, so it never waits for the main thread between chunks.
const CHUNKS_IN_FLIGHT = 2;
// A worker that dies (its heap limit reached on a chunk of huge files, say) is replaced at most this many
// times per worker asked for, each replacement with twice the heap limit of the worker it replaces.
const REPLACEMENTS = 2;

/**
 * The old-generation limit of a parsing worker, in MB: the garbage of parsing then never grows a
 * worker's heap far past what it holds, which is a chunk of files. Enough for a 5 MB HTML page (the
 * default largest file; it takes about 40 MB); files larger than that are allowed more. A worker
 * that reaches its limit dies, its chunks are parsed in the main thread, and its replacement may use
 * twice as much.
 */
function workerHeapMb(maxBytes: number): number {
  return Math.max(64, Math.ceil((12 * maxBytes) / (1024 * 1024)));
}

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
 * timing. A worker that fails (it cannot start, or dies) is replaced, a
 * couple of times at most, and the chunks it held are parsed in this thread
 * at once, as is whatever no worker could do: the result is the same as
 * {@link readAndParseFile} file by file.
 */
export async function parseInWorkers(files: readonly string[], options: ParseInWorkersOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  const queue: ChunkRequest[] = [];
  // Copied field by field: what the cache hands out is its own entry, which must not cross to a worker whole.
  const knownOf = (file: string): KnownFile | null => {
    const known = options.known?.(file);
    return known === undefined ? null : { hash: known.hash, stamp: known.stamp };
  };
  for (let start = 0; start < files.length; start += CHUNK_FILES) {
    const chunk = files.slice(start, start + CHUNK_FILES);
    queue.push({ start, files: chunk, known: chunk.map(knownOf) });
  }
  const setup: WorkerSetup = { folder: options.folder, maxBytes: options.maxBytes, hashing: options.hashing, countTerms: options.numberTerm !== undefined };
  const accept = (reply: ChunkReply) => {
    reply.outcomes.forEach((outcome, i) => {
      outcomes[reply.start + i] = outcome;
      options.onOutcome?.(reply.start + i, outcome);
    });
  };
  // Chunks a failed worker held are parsed here at once, not handed to another worker to fail on again,
  // nor left to the end: the caller settles files in order, and would hold every later outcome meanwhile.
  const parseHere = (request: ChunkRequest) =>
    accept({
      start: request.start,
      outcomes: request.files.map((file, i) =>
        readAndParseFile(options.folder, file, { maxBytes: options.maxBytes, hashing: options.hashing, known: request.known[i] ?? undefined }),
      ),
    });

  /** Runs one worker until the queue is empty (resolves true) or it fails (false). */
  const runWorker = (heapMb: number): Promise<boolean> =>
    new Promise((resolve) => {
      const inFlight = new Map<number, ChunkRequest>();
      // Each worker numbers terms its own way, and its replies arrive in order: they are renumbered as they come.
      const renumbering = options.numberTerm ? new TermRenumbering(options.numberTerm) : undefined;
      let settled = false;
      const worker = startWorker(setup, heapMb, options.entry);
      const send = () => {
        while (inFlight.size < CHUNKS_IN_FLIGHT && queue.length > 0) {
          const request = queue.shift()!;
          inFlight.set(request.start, request);
          worker.postMessage(request);
        }
        if (inFlight.size === 0) finish(true);
      };
      const finish = (done: boolean) => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        for (const request of inFlight.values()) parseHere(request);
        resolve(done);
      };
      worker.on('message', (reply: ChunkReply) => {
        // A reply from a worker already given up on: its chunks are being done in this thread.
        if (settled) return;
        const request = inFlight.get(reply.start);
        inFlight.delete(reply.start);
        if (renumbering) {
          try {
            renumber(reply, renumbering);
          } catch (error) {
            // Counts that do not fit what the worker said of its terms: a bug to hear of, and a chunk to do here.
            options.onWorkerError?.(error);
            if (request) parseHere(request);
            finish(false);
            return;
          }
        }
        accept(reply);
        send();
      });
      worker.on('error', (error) => {
        options.onWorkerError?.(error);
        finish(false);
      });
      worker.on('exit', () => finish(false));
      send();
    });
  const runWorkerSlot = async () => {
    const heapMb = workerHeapMb(setup.maxBytes);
    for (let replaced = 0; !(await runWorker(heapMb * 2 ** replaced)) && queue.length > 0 && replaced < REPLACEMENTS; replaced++);
  };

  // No more workers than chunks: a worker with nothing to do costs its start-up all the same.
  await Promise.all(Array.from({ length: Math.min(Math.max(1, options.workers), queue.length) }, runWorkerSlot));
  // Whatever no worker could do is done here, so a load never fails for want of threads.
  for (const request of queue.splice(0)) parseHere(request);
  return outcomes;
}

/** Puts a reply's counts into the index's term numbers (see {@link TermRenumbering}). */
function renumber(reply: ChunkReply, renumbering: TermRenumbering): void {
  renumbering.learn(reply.newTerms ?? []);
  for (const outcome of reply.outcomes) {
    if (outcome.status === 'parsed') for (const counted of outcome.counted ?? []) renumbering.apply(counted);
  }
}

function startWorker(setup: WorkerSetup, heapMb: number, entryUrl?: URL): Worker {
  const entry = (entryUrl ?? new URL(`./parse-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url)).href;
  const resourceLimits = { maxOldGenerationSizeMb: heapMb };
  if (!entry.endsWith('.ts')) return new Worker(new URL(entry), { workerData: setup, resourceLimits });
  // The project runs its TypeScript through tsx, whose hooks Node 20 does not
  // apply to a worker's own entry (nodejs/node#47747, tsx#354), even when the
  // worker inherits `--import tsx`. So the worker starts from a line of
  // JavaScript that registers tsx in it and then imports the entry.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: setup, resourceLimits });
}
