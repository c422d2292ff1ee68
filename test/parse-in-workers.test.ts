import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ArticleCache } from '../src/cache/article-cache.ts';
import { parseInWorkers } from '../src/load/parse-in-workers.ts';
import { readAndParseFile, type FileOutcome } from '../src/load/read-and-parse.ts';
import { loadArticles, type LoadResult } from '../src/load-articles.ts';
import { ArticleIndex } from '../src/search/article-index.ts';
import type { CountedPassages } from '../src/search/count-passages.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'articles');
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'parse-in-workers-'));
  cpSync(fixtures, join(folder, 'fixtures'), { recursive: true });
  // Enough files for several chunks per worker, so that replies arrive out of order.
  for (let i = 0; i < 700; i++) {
    writeFileSync(join(folder, `story-${String(i).padStart(4, '0')}.txt`), ` date 2020-01-${String((i % 28) + 1).padStart(2, '0')}\n\nStory number ${i}\n\nSource:\n\nCity Post\n\nParagraph one of story ${i}.\n\nParagraph  two,\twith  messy   spacing.\n`);
  }
  writeFileSync(join(folder, 'rebels.txt'), ' date 2020-02-01\n\nRebels take village\n\nSource:\n\nCity Post\n\nThe Free Syrian Army (FSA) took the village.\n');
  writeFileSync(join(folder, 'bad-empty.txt'), '');
  writeFileSync(join(folder, 'bad-binary.txt'), Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
  writeFileSync(join(folder, 'bad-date.txt'), ' date 2017-13-45\n\nStorm delays ferry\n\nSource:\n\nIsland Post\n\nThe ferry was delayed.\n');
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * Outcomes without their file stamps: a file changed less than 2 s before it is read gets none (see file-stamp.ts),
 * so a stamp depends on when the file was read as well as on the file ("story-0003.txt" is rewritten by an earlier
 * test, and the workers may read it inside those 2 s and this thread after them).
 */
function withoutFileStamps(outcomes: readonly FileOutcome[]): unknown[] {
  return outcomes.map((outcome) => ('stamp' in outcome ? { ...outcome, stamp: 'left out' } : outcome));
}

/** A result without its timing, which differs from run to run. */
function comparable({ articles, report }: LoadResult) {
  const { elapsedMs: _elapsed, ...rest } = report;
  return { articles, report: rest };
}

describe('loading in worker threads', () => {
  test('the workers really start and parse (under this test runner too), in file order', async () => {
    const files = ['story-0001.txt', 'bad-empty.txt', 'story-0002.txt'];
    const options = { folder, maxBytes: 1024 * 1024, hashing: true };
    const errors: unknown[] = [];
    const outcomes = await parseInWorkers(files, { ...options, workers: 1, onWorkerError: (e) => errors.push(e) });
    expect(errors).toEqual([]);
    expect(outcomes.map(({ status }) => status)).toEqual(['parsed', 'skipped', 'parsed']);
  });

  test('gives the same articles, order, skips and warnings as loading in this thread', async () => {
    const inThread = await loadArticles(folder, { workers: 0 });
    const calls: number[] = [];
    const inWorkers = await loadArticles(folder, { workers: 2, onProgress: (done) => calls.push(done) });
    expect(comparable(inWorkers)).toEqual(comparable(inThread));
    expect(inThread.articles.length).toBeGreaterThan(700);
    expect(inThread.report.skipped.map((s) => s.kind)).toEqual(expect.arrayContaining(['binary', 'empty']));
    expect(inThread.report.warnings.some((w) => w.file === 'bad-date.txt')).toBe(true);
    // Progress counts every file once, up to the total.
    expect(calls).toEqual(Array.from({ length: inWorkers.report.filesRead }, (_, i) => i + 1));
  });

  test('hands each article on as soon as the files before it are settled, in the final order, duplicates left out', async () => {
    writeFileSync(join(folder, 'story-0003-copy.txt'), readFileSync(join(folder, 'story-0003.txt')));
    try {
      for (const workers of [0, 2]) {
        const seen: string[] = [];
        const loaded = await loadArticles(folder, { workers, onArticle: (article) => seen.push(article.id) });
        expect(seen).toEqual(loaded.articles.map((a) => a.id));
        expect(loaded.report.skipped.some((s) => s.kind === 'duplicate')).toBe(true);
      }
    } finally {
      rmSync(join(folder, 'story-0003-copy.txt'));
    }
  });

  test('with a cache: unchanged files come from it, and a second load equals the first', async () => {
    const work = mkdtempSync(join(tmpdir(), 'parse-in-workers-cache-'));
    try {
      const cachePath = join(work, 'articles.json');
      const first = await loadArticles(folder, { workers: 2, cache: await ArticleCache.open(cachePath) });
      writeFileSync(join(folder, 'story-0003.txt'), 'Story three, rewritten\n\nNew text.\n');
      const second = await loadArticles(folder, { workers: 2, cache: await ArticleCache.open(cachePath) });
      expect(second.report.fromCache).toBe(second.report.filesRead - 1 - second.report.skipped.length);
      expect(second.articles.find((a) => a.file === 'story-0003.txt')?.title).toBe('Story three, rewritten');
      const inThread = await loadArticles(folder, { workers: 0 });
      expect(second.articles).toEqual(inThread.articles);
      expect(first.articles.length).toBe(second.articles.length);
      // A cache filled from workers' parses is the cache this thread's parses fill.
      const inThreadCache = join(work, 'in-thread.json');
      await loadArticles(folder, { workers: 0, cache: await ArticleCache.open(inThreadCache) });
      const workersCache = join(work, 'workers.json');
      await loadArticles(folder, { workers: 2, cache: await ArticleCache.open(workersCache) });
      // Stamps aside: a file changed less than 2 s before it is read gets none, so they depend on when each load ran.
      // The texts file's name (an id of each save) aside too: the texts themselves are compared below.
      const withoutStamps = (path: string) =>
        readFileSync(path, 'latin1')
          .split('\n')
          .slice(1, -2)
          .map((line) => {
            // An entry (see article-cache.ts): [file, hash, stamp, heads, warnings, [textsName, offset, length, digest]].
            const entry = JSON.parse(line) as unknown[];
            return JSON.stringify(entry.with(2, null).with(5, (entry[5] as unknown[]).with(0, '')));
          });
      const textsOf = (path: string) => {
        const name = readdirSync(work).find((file) => file.startsWith(`${basename(path)}.texts-`));
        return readFileSync(join(work, name!), 'latin1');
      };
      expect(withoutStamps(workersCache)).toEqual(withoutStamps(inThreadCache));
      expect(textsOf(workersCache)).toBe(textsOf(inThreadCache));
      expect(withoutStamps(workersCache)).toHaveLength(first.report.filesRead - first.report.skipped.length);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  test('workers that cannot start leave the work to this thread, with the same outcomes', async () => {
    const files = ['story-0001.txt', 'bad-empty.txt', 'missing.txt', 'story-0002.txt'];
    const options = { folder, maxBytes: 1024 * 1024, hashing: true };
    const errors: unknown[] = [];
    const outcomes = await parseInWorkers(files, { ...options, workers: 2, entry: new URL('file:///no/such/worker-entry.mjs'), onWorkerError: (e) => errors.push(e) });
    expect(errors).toHaveLength(1); // one chunk, so one worker
    expect(withoutFileStamps(outcomes)).toEqual(withoutFileStamps(files.map((file) => readAndParseFile(folder, file, options))));
    expect(outcomes.map((o) => o.status)).toEqual(['parsed', 'skipped', 'skipped', 'parsed']);
  });

  test('workers count passages in the numbering of the index: the index built from their counts answers as one built here', async () => {
    const inThread = await loadArticles(folder, { workers: 0 });
    const direct = new ArticleIndex(inThread.articles);
    const fromCounts = new ArticleIndex();
    const counted: Array<CountedPassages | undefined> = [];
    const inWorkers = await loadArticles(folder, {
      workers: 2,
      numberTerm: (term) => fromCounts.numberTerm(term),
      onArticle: (article, count) => {
        counted.push(count);
        fromCounts.add(article, count);
      },
    });
    fromCounts.compact();
    expect(comparable(inWorkers)).toEqual(comparable(inThread));
    // Every article came with its counts (none was counted again here).
    expect(counted.filter((count) => count !== undefined)).toHaveLength(inThread.articles.length);
    for (const query of ['story number 123', 'messy spacing', 'paragraph two', 'ferry delayed', 'city post 699']) {
      expect(fromCounts.searchPassages(query)).toEqual(direct.searchPassages(query));
    }
    // The workers found the aliases the articles define, with their words.
    expect(fromCounts.aliasesOf('FSA')).toEqual(['Free Syrian Army']);
  });

  test('a worker that dies (its heap full) is replaced, and the chunks it held are parsed here', async () => {
    const files = Array.from({ length: 200 }, (_, i) => `story-${String(i).padStart(4, '0')}.txt`);
    const options = { folder, maxBytes: 1024 * 1024, hashing: true };
    const errors: unknown[] = [];
    const outcomes = await parseInWorkers(files, { ...options, workers: 1, entry: new URL('./fixtures/workers/memory-hog.mjs', import.meta.url), onWorkerError: (e) => errors.push(e) });
    // The first worker and its two replacements each died on their first chunks.
    expect(errors).toHaveLength(3);
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual(Array(3).fill('ERR_WORKER_OUT_OF_MEMORY'));
    expect(withoutFileStamps(outcomes)).toEqual(withoutFileStamps(files.map((file) => readAndParseFile(folder, file, options))));
  });

  test('counts that name terms a worker never gave are refused: its chunks are parsed here', async () => {
    const files = ['story-0001.txt', 'story-0002.txt', 'bad-empty.txt'];
    const options = { folder, maxBytes: 1024 * 1024, hashing: false };
    const errors: unknown[] = [];
    const outcomes = await parseInWorkers(files, {
      ...options,
      workers: 1,
      numberTerm: () => 0,
      entry: new URL('./fixtures/workers/bad-counts.mjs', import.meta.url),
      onWorkerError: (e) => errors.push(e),
    });
    expect(errors.map((e) => String(e))).toEqual([expect.stringMatching(/before its term was learnt/)]);
    expect(withoutFileStamps(outcomes)).toEqual(withoutFileStamps(files.map((file) => readAndParseFile(folder, file, options))));
  });
});

