import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { escapeNonAscii, JsonLinesWriter, readJsonLineBytes, readJsonLines, writeJsonLines } from '../src/cache/json-lines.ts';

const FORMAT = { format: 'test/json-lines', version: 2 };
let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'json-lines-'));
  path = join(dir, 'sub', 'cache.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A file as writeJsonLines would write it, from the header and body values. */
function fileOf(lines: unknown[]): string {
  const body = lines.map((line) => `${JSON.stringify(line)}\n`).join('');
  return `${body}${JSON.stringify({ checksum: createHash('sha256').update(body).digest('base64url') })}\n`;
}

async function read(): Promise<{ problem: string | null; values: unknown[] }> {
  const values: unknown[] = [];
  const problem = await readJsonLines(path, FORMAT, (value) => values.push(value));
  return { problem, values };
}

describe('JSON Lines cache files', () => {
  test('round trip: every value comes back, in order, one line each', async () => {
    const values = [{ a: 1 }, 'line\nbreak and \u2028 separator', ['é', '😀', '\ud800'], null, 12.5, Array.from({ length: 1000 }, (_, i) => i)];
    await writeJsonLines(path, FORMAT, values.map((v) => JSON.stringify(v)));
    expect(await read()).toEqual({ problem: null, values });
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(values.length + 3); // header, body, trailer, final newline
    expect(readdirSync(join(dir, 'sub'))).toEqual(['cache.jsonl']);
    // Every byte is ASCII: what is beyond it is written as JSON escapes, and read back as Latin-1.
    expect(readFileSync(path).every((byte) => byte < 0x80)).toBe(true);
  });

  test('readJsonLineBytes hands each body line over as offsets into one buffer of the whole file, which may be kept', async () => {
    const lines = ['{"a":1}\t[2,3]', '"x"', `"${'y'.repeat(3_000_000)}"`, '[4]'];
    await writeJsonLines(path, FORMAT, lines);
    const seen: Array<{ bytes: Buffer; start: number; end: number }> = [];
    expect(await readJsonLineBytes(path, FORMAT, (bytes, start, end) => seen.push({ bytes, start, end }))).toBeNull();
    expect(seen.map(({ bytes, start, end }) => bytes.toString('latin1', start, end))).toEqual(lines);
    // One buffer for the file, lines longer than a read chunk included; its bytes are the file's.
    expect(new Set(seen.map((line) => line.bytes)).size).toBe(1);
    expect(seen[0]!.bytes.equals(readFileSync(path))).toBe(true);
  });

  test('lines escaped ahead (in worker threads) and lines escaped on writing read back the same', async () => {
    const values = ['Zürich', { title: 'Café 😀', text: ['naïve', '\u00e9 written out'] }, 'plain'];
    await writeJsonLines(path, FORMAT, values.map((v, i) => (i === 1 ? escapeNonAscii(JSON.stringify(v)) : JSON.stringify(v))));
    expect(await read()).toEqual({ problem: null, values });
  });

  test('escapeNonAscii keeps the value and leaves only ASCII', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        for (const json of [JSON.stringify(value), JSON.stringify(text)]) {
          const escaped = escapeNonAscii(json);
          expect(JSON.parse(escaped)).toEqual(JSON.parse(json));
          expect(/^[\x00-\x7f]*$/u.test(escaped)).toBe(true);
        }
      }),
    );
  });

  test('a writer fed a line at a time writes what writeJsonLines writes, and nothing is in place before it finishes', async () => {
    const values = Array.from({ length: 5000 }, (_, i) => ({ i, text: 'é'.repeat(i % 90) }));
    await writeJsonLines(path, FORMAT, values.map((v) => JSON.stringify(v)));
    const expected = readFileSync(path);
    rmSync(path);
    const writer = await JsonLinesWriter.create(path, FORMAT);
    for (const value of values) writer.write(JSON.stringify(value));
    await writer.drained();
    expect(readdirSync(join(dir, 'sub')).some((name) => name === 'cache.jsonl')).toBe(false);
    await writer.finish();
    expect(readFileSync(path)).toEqual(expected);
    expect(await read()).toEqual({ problem: null, values });
  });

  test('a temporary file still being written when the process exits is removed; a released one is not', () => {
    const script = (release: boolean) =>
      `import { writeFileSync } from 'node:fs';
       import { temporaryFileFor } from ${JSON.stringify(join(import.meta.dirname, '..', 'src', 'cache', 'json-lines.ts'))};
       const file = temporaryFileFor(${JSON.stringify(path)});
       writeFileSync(file.path, 'half a cache');
       ${release ? 'file.release();' : ''}
       process.stdout.write(file.path);
       process.exit(0);`;
    mkdirSync(join(dir, 'sub'), { recursive: true });
    for (const release of [false, true]) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(release)], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/cache\.jsonl\.\d+\.1\.tmp$/u);
      expect(existsSync(run.stdout)).toBe(release);
    }
  });

  test('lines longer than a read chunk are read whole', async () => {
    const values = ['a'.repeat(3_000_000), 'b', 'c'.repeat(1_500_000)];
    await writeJsonLines(path, FORMAT, values.map((v) => JSON.stringify(v)));
    expect(await read()).toEqual({ problem: null, values });
  });

  test('an empty body is a valid file', async () => {
    await writeJsonLines(path, FORMAT, []);
    expect(await read()).toEqual({ problem: null, values: [] });
  });

  test('is written whole or not at all: a failed write leaves the previous file and no temporary file', async () => {
    await writeJsonLines(path, FORMAT, ['1']);
    function* failing(): Generator<string> {
      yield '2';
      throw new Error('out of entries');
    }
    await expect(writeJsonLines(path, FORMAT, failing())).rejects.toThrow('out of entries');
    expect(await read()).toEqual({ problem: null, values: [1] });
    expect(readdirSync(join(dir, 'sub'))).toEqual(['cache.jsonl']);
  });

  test('a missing file, or a folder in its place, is missing', async () => {
    expect((await read()).problem).toBe('missing');
    mkdirSync(path, { recursive: true });
    expect((await read()).problem).toBe('missing');
  });

  describe('a damaged file is corrupt, never trusted', () => {
    const good = () => fileOf([FORMAT, { n: 1 }, { n: 2 }, { n: 3 }]);
    const lines = () => good().split('\n');
    for (const [name, content] of [
      ['empty', () => ''],
      ['a header only', () => `${JSON.stringify(FORMAT)}\n`],
      ['a header that is not JSON', () => `{"format":"test/json-lines","vers\n${good().split('\n').slice(1).join('\n')}`],
      ['a header that is not an object', () => fileOf([[FORMAT.format, FORMAT.version], { n: 1 }])],
      ['cut in the middle of a body line', () => good().slice(0, good().indexOf('{"n":2') + 4)],
      ['cut in the middle of the trailer', () => good().slice(0, -10)],
      ['cut before the final newline', () => good().slice(0, -1)],
      ['cut at a line boundary (no trailer)', () => `${lines().slice(0, -2).join('\n')}\n`],
      ['cut at a line boundary (no trailer, no last line)', () => `${lines().slice(0, -3).join('\n')}\n`],
      ['a line edited without fixing the checksum', () => good().replace('{"n":2}', '{"n":5}')],
      ['a line removed', () => good().replace('{"n":2}\n', '')],
      ['the header edited', () => good().replace('"version":2', '"version":2.0')],
      ['a body line that is not JSON', () => fileOf([FORMAT]).replace('\n', '\n{"n":\n')],
      ['an over-long first line', () => `${JSON.stringify({ ...FORMAT, padding: 'x'.repeat(100_000) })}\n`],
    ] as const) {
      test(name, async () => {
        mkdirSync(join(dir, 'sub'));
        writeFileSync(path, content());
        expect((await read()).problem).toBe('corrupt');
      });
    }

    test('a value its reader refuses', async () => {
      mkdirSync(join(dir, 'sub'));
      writeFileSync(path, good());
      const problem = await readJsonLines(path, FORMAT, (value) => {
        if ((value as { n: number }).n === 3) throw new Error('not a number I know');
      });
      expect(problem).toBe('corrupt');
    });
  });

  for (const [name, content] of [
    ['another version', fileOf([{ ...FORMAT, version: 3 }, { n: 1 }])],
    ['another format', fileOf([{ format: 'someone/else', version: 2 }])],
    ['another version, no newline', JSON.stringify({ ...FORMAT, version: 1 })],
    ['an older layout (one JSON document) of another version', JSON.stringify({ format: FORMAT.format, version: 1, checksum: 'x', entries: {} })],
    ['a large older layout, recognised from its beginning', JSON.stringify({ format: FORMAT.format, version: 1, checksum: 'x', entries: { a: 'x'.repeat(3_000_000) } })],
  ] as const) {
    test(`a file of ${name} is foreign`, async () => {
      mkdirSync(join(dir, 'sub'));
      writeFileSync(path, content);
      expect((await read()).problem).toBe('foreign');
    });
  }
});
