import { expect, test } from 'vitest';
import { createProgressLog } from '../app/show-progress.ts';

test('the progress log writes at most one line per interval, and the last of each phase', () => {
  const lines: string[] = [];
  const log = createProgressLog((line) => lines.push(line), 5000);
  for (let done = 1; done <= 100_000; done += 1000) log({ phase: 'reading', done, total: 100_000, elapsedMs: done / 10 });
  log({ phase: 'reading', done: 100_000, total: 100_000, elapsedMs: 10_000 });
  log({ phase: 'indexing', done: 30_000, total: 100_000, elapsedMs: 12_400 });
  log({ phase: 'indexing', done: 40_000, total: 100_000, elapsedMs: 15_400 });
  expect(lines).toEqual(['read 50,001/100,000 files, 5 s', 'read 100,000/100,000 files, 10 s', 'indexed 40,000/100,000 articles, 15 s']);
});

test('a load that finishes within a second logs nothing', () => {
  const lines: string[] = [];
  const log = createProgressLog((line) => lines.push(line));
  log({ phase: 'reading', done: 10, total: 10, elapsedMs: 20 });
  log({ phase: 'indexing', done: 10, total: 10, elapsedMs: 40 });
  expect(lines).toEqual([]);
});
