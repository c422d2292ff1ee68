import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatLoadReport, listArticleFiles, loadArticles, type LoadResult } from '../src/load-articles.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'articles');
let folder: string;
let result: LoadResult;

const goodFiles = [
  'reference.txt',
  'formats/plain-utf8.txt',
  'formats/no-date-reference.txt',
  'formats/latin1.txt',
  'formats/windows-1252.txt',
  'formats/utf16-bom.txt',
  'formats/front-matter.md',
  'formats/heading-title.md',
  'formats/one-article.json',
];

/** Bad files, each with the kind of reason the report must give. */
const badFiles: Record<string, { content: string | Uint8Array; kind: string }> = {
  'bad/empty.txt': { content: '', kind: 'empty' },
  'bad/blank.md': { content: '\n   \n\t\n', kind: 'empty' },
  'bad/binary.txt': { content: Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]), kind: 'binary' },
  'bad/headline-only.txt': { content: 'A headline with nothing under it\n', kind: 'no-body' },
  'bad/malformed.json': { content: '{"title": "Unfinished", "paragraphs": ["a"', kind: 'malformed-json' },
  'bad/wrong-shape.json': { content: '{"name": "not an article"}', kind: 'wrong-shape' },
  'bad/deep/er/too-large.txt': { content: `Huge\n\n${'A sentence of padding text. '.repeat(200)}`, kind: 'too-large' },
  'later/copy-of-reference.txt': { content: '', kind: 'duplicate' },
};

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'load-articles-'));
  for (const file of goodFiles) cpSync(join(fixtures, file), join(folder, 'good', file));
  for (const [file, { content }] of Object.entries(badFiles)) {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), content);
  }
  // The same article under another name (and another subfolder) is a duplicate.
  cpSync(join(fixtures, 'reference.txt'), join(folder, 'later/copy-of-reference.txt'));
  writeFileSync(join(folder, 'good/bad-date.txt'), ' date 2017-13-45\n\nStorm delays ferry\n\nSource:\n\nIsland Post\n\nThe ferry was delayed by six hours.\n');
  writeFileSync(join(folder, 'README.md'), '# About these articles\n\nNot an article.\n');
  writeFileSync(join(folder, 'good/photo.png'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(folder, '.hidden.txt'), 'Hidden\n\nNot loaded.\n');
  symlinkSync(join(folder, 'good'), join(folder, 'good/loop')); // a symlink loop
  symlinkSync(join(folder, 'missing.txt'), join(folder, 'bad/broken-link.txt'));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('loadArticles over a folder of good and bad files', () => {
  beforeAll(async () => {
    result = await loadArticles(folder, { maxBytes: 4096 });
  });

  test('every good file is loaded, once, despite the symlink loop', () => {
    const files = result.articles.map((a) => a.file).sort();
    expect(files).toEqual([...goodFiles.map((f) => `good/${f}`), 'good/bad-date.txt'].sort());
  });

  test('every bad file is reported with its reason', () => {
    const reported = Object.fromEntries(result.report.skipped.map((s) => [s.file, s.kind]));
    for (const [file, { kind }] of Object.entries(badFiles)) expect(reported[file], file).toBe(kind);
    expect(reported['bad/broken-link.txt']).toBe('unreadable');
    expect(result.report.skipped).toHaveLength(Object.keys(badFiles).length + 1);
    for (const skip of result.report.skipped) expect(skip.reason).not.toContain('\n');
  });

  test('the duplicate names the file it repeats', () => {
    const duplicate = result.report.skipped.find((s) => s.kind === 'duplicate');
    expect(duplicate?.reason).toBe('is the same article as good/reference.txt (same title, date, outlet and text)');
  });

  test('an impossible date loads with a warning naming the file', () => {
    expect(result.report.warnings).toContainEqual({ file: 'good/bad-date.txt', message: 'date "2017-13-45" is not a real YYYY-MM-DD date; left unknown' });
    expect(result.articles.find((a) => a.file === 'good/bad-date.txt')?.date).toBeNull();
  });

  test('READMEs, images and hidden files are not articles', () => {
    expect(result.report.ignored).toEqual(['README.md', 'good/photo.png']);
    expect(result.articles.some((a) => a.file.includes('hidden'))).toBe(false);
  });

  test('the report is one summary line plus one line per reason', () => {
    const lines = formatLoadReport(result.report);
    expect(lines[0]).toMatch(/^Loaded 10 articles from 18 files in \d+\.\d s; 9 skipped, \d+ warnings?, 2 other files ignored\.$/);
    expect(lines).toContain('  skipped bad/empty.txt: is empty (0 bytes)');
    expect(lines.length).toBe(1 + result.report.skipped.length + result.report.warnings.length);
  });

  test('ids are unique and derived from the path', () => {
    const ids = result.articles.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const article of result.articles) expect(article.id.startsWith(article.file)).toBe(true);
  });
});

test('a missing folder is an error that names it', async () => {
  await expect(loadArticles(join(tmpdir(), 'no-such-folder-for-articles'))).rejects.toThrow(/no-such-folder-for-articles/);
});

test('progress is reported for every file', async () => {
  const calls: Array<[number, number]> = [];
  await loadArticles(join(fixtures, 'formats'), { onProgress: (done, total) => calls.push([done, total]) });
  expect(calls.at(-1)?.[0]).toBe(calls.at(-1)?.[1]);
  expect(calls.length).toBe(calls.at(-1)?.[1]);
});

test('two versions of one story (same title, date and outlet, different text) are both loaded, with a warning', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'versions-'));
  try {
    writeFileSync(join(dir, 'a.txt'), ' date 2020-01-01\n\nBridge closed\n\nSource:\n\nCity Post\n\nThe bridge closed on Monday.\n');
    writeFileSync(join(dir, 'b.txt'), ' date 2020-01-01\n\nBridge closed\n\nSource:\n\nCity Post\n\nThe bridge closed on Monday for repairs lasting a month.\n');
    const { articles, report } = await loadArticles(dir);
    expect(articles.map((a) => a.file)).toEqual(['a.txt', 'b.txt']);
    expect(report.warnings).toEqual([{ file: 'b.txt', message: 'has the same title, date and outlet as a.txt but a different text; both loaded' }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('listArticleFiles', () => {
  let tree: string;
  beforeAll(() => {
    tree = mkdtempSync(join(tmpdir(), 'list-articles-'));
    for (const file of ['top.txt', 'a/one.md', 'a/b/two.json', 'a/b/c/d/three.jsonl', 'z-real/four.txt', 'm/notes.csv', '.git/objects.txt', 'node_modules/pkg/readme.txt', 'a/.draft.txt']) {
      mkdirSync(join(tree, file, '..'), { recursive: true });
      writeFileSync(join(tree, file), 'x');
    }
    // Links to a folder that is read anyway, under its own name; one to a file; one to nothing.
    symlinkSync(join(tree, 'z-real'), join(tree, 'a-link'));
    symlinkSync(join(tree, 'z-real'), join(tree, 'a/b/deep-link'));
    symlinkSync(join(tree, 'top.txt'), join(tree, 'm/linked-file.txt'));
    symlinkSync(join(tree, 'nowhere'), join(tree, 'm/dangling'));
  });
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  test('lists every article file at every depth, sorted, without hidden folders and installed packages', async () => {
    const listing = await listArticleFiles(tree);
    expect(listing.files).toEqual(['a/b/c/d/three.jsonl', 'a/b/two.json', 'a/one.md', 'm/linked-file.txt', 'top.txt', 'z-real/four.txt']);
    expect(listing.ignored).toEqual(['m/notes.csv']);
    expect(listing.unreadable.map((u) => [u.file, u.reason.split(' (')[0]])).toEqual([['m/dangling', 'is a broken link']]);
  });

  test('a folder reached by a link and under its own name is read once, under its own name, on every run', async () => {
    for (let run = 0; run < 5; run++) {
      const listing = await listArticleFiles(tree);
      expect(listing.files.filter((file) => file.endsWith('four.txt'))).toEqual(['z-real/four.txt']);
    }
  });
});
