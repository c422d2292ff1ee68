import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startFileHashing } from '../src/cache/hash-in-worker.ts';
import { readJsonLines, writeJsonLines } from '../src/cache/json-lines.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hash-in-worker-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64url');

describe('hashing a file in a worker thread', () => {
  const bytes = randomBytes(3 * 1024 * 1024 + 17);

  for (const [where, workerFromBytes] of [
    ['in a worker', 0],
    ['in this thread (a small file)', Number.POSITIVE_INFINITY],
  ] as const) {
    test(`${where}: the digest of the first bytes, however far they were announced`, async () => {
      const path = join(dir, 'file.bin');
      writeFileSync(path, bytes);
      const fd = openSync(path, 'r');
      try {
        for (const upTo of [0, 1, 1024 * 1024, bytes.length - 5, bytes.length]) {
          const hashing = startFileHashing(fd, bytes.length, workerFromBytes);
          for (let at = 0; at < upTo; at += 700_000) hashing.extendTo(at);
          expect(await hashing.finish(upTo)).toBe(sha256(bytes.subarray(0, upTo)));
        }
      } finally {
        closeSync(fd);
      }
    });
  }

  test('a file shorter than announced is an error, not a digest', async () => {
    const path = join(dir, 'short.bin');
    writeFileSync(path, bytes.subarray(0, 1000));
    const fd = openSync(path, 'r');
    try {
      await expect(startFileHashing(fd, 1000, 0).finish(2000)).rejects.toThrow();
    } finally {
      closeSync(fd);
    }
  });

  test('cache files checked in a worker: whole ones pass, damaged ones are corrupt', async () => {
    const path = join(dir, 'cache.jsonl');
    const format = { format: 'test/hash-in-worker', version: 1 };
    const values = Array.from({ length: 3000 }, (_, i) => ({ i, text: `line ${i} ${'x'.repeat(i % 700)} é` }));
    await writeJsonLines(path, format, values.map((v) => JSON.stringify(v)));
    const read: unknown[] = [];
    expect(await readJsonLines(path, format, (v) => read.push(v), { hashInWorkerFromBytes: 0 })).toBeNull();
    expect(read).toEqual(values);
    const text = readFileSync(path, 'latin1');
    writeFileSync(path, text.replace('line 1234 ', 'line 4321 '), 'latin1');
    expect(await readJsonLines(path, format, () => undefined, { hashInWorkerFromBytes: 0 })).toBe('corrupt');
  });
});
