/**
 * The worker thread of {@link parseInWorkers}: reads and parses the chunks of
 * files the main thread sends, one at a time, and posts each chunk's
 * outcomes back in the order of its files; when asked, with each parsed
 * article's passages counted for the index, and the terms its numbers
 * introduced (see count-passages.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LocalPassageCounter } from '../search/count-passages.ts';
import { readAndParseFile } from './read-and-parse.ts';
import type { ChunkRequest, ChunkReply, WorkerSetup } from './parse-in-workers.ts';

const setup = workerData as WorkerSetup;
const counter = setup.countTerms ? new LocalPassageCounter() : undefined;
parentPort!.on('message', (request: ChunkRequest) => {
  const outcomes = request.files.map((file, i) =>
    readAndParseFile(setup.folder, file, { maxBytes: setup.maxBytes, hashing: setup.hashing, known: request.known[i] ?? undefined }),
  );
  if (!counter) {
    parentPort!.postMessage({ start: request.start, outcomes } satisfies ChunkReply);
    return;
  }
  const parsed = outcomes.flatMap((outcome) => (outcome.status === 'parsed' ? [outcome] : []));
  const { buffer, counts } = counter.countMany(parsed.flatMap((outcome) => outcome.articles));
  let next = 0;
  for (const outcome of parsed) outcome.counted = counts.slice(next, (next += outcome.articles.length));
  parentPort!.postMessage({ start: request.start, outcomes, newTerms: counter.takeNewTerms() } satisfies ChunkReply, [buffer]);
});
