/**
 * The worker thread of {@link parseInWorkers}: reads and parses the chunks of
 * files the main thread sends, one at a time, and posts each chunk's
 * outcomes back in the order of its files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readAndParseFile } from './read-and-parse.ts';
import type { ChunkRequest, ChunkReply, WorkerSetup } from './parse-in-workers.ts';

const setup = workerData as WorkerSetup;
parentPort!.on('message', (request: ChunkRequest) => {
  const outcomes = request.files.map((file, i) =>
    readAndParseFile(setup.folder, file, { maxBytes: setup.maxBytes, hashing: setup.hashing, known: request.known[i] ?? undefined }),
  );
  const reply: ChunkReply = { start: request.start, outcomes };
  parentPort!.postMessage(reply);
});
