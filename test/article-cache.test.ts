import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ARTICLE_CACHE_VERSION, ArticleCache } from '../src/cache/article-cache.ts';
import { fileStamp } from '../src/cache/file-stamp.ts';
import { escapeNonAscii } from '../src/cache/json-lines.ts';
import { readAndParseFile } from '../src/load/read-and-parse.ts';
import { loadArticles } from '../src/load-articles.ts';
import { paragraphCount, type Article } from '../src/article.ts';
import { makeArticle } from './helpers/make-article.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'articles');
let work: string;
let folder: string;
let cachePath: string;

async function load() {
  const cache = await ArticleCache.open(cachePath);
  const result = await loadArticles(folder, { cache });
  return { cache, ...result };
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'article-cache-'));
  folder = join(work, 'articles');
  cpSync(fixtures, folder, { recursive: true });
  cachePath = join(work, 'cache', 'articles.json');
});

afterEach(() => {
  vi.useRealTimers();
  rmSync(work, { recursive: true, force: true });
});

const HEADER = { format: 'news-desk-bot/article-cache', version: ARTICLE_CACHE_VERSION };

/** A cache file in the current layout, checksum included: a header, one line per entry, the trailer. */
function cacheFile(lines: unknown[]): string {
  return rawCacheFile(lines.map((line) => JSON.stringify(line)));
}

/** {@link cacheFile} of lines as they are written. */
function rawCacheFile(lines: string[]): string {
  const body = lines.map((line) => `${line}\n`).join('');
  return `${body}${JSON.stringify({ checksum: createHash('sha256').update(body).digest('base64url') })}\n`;
}

/** A file's texts as the texts file holds them: `[[paragraphs, captions], ...]`, ASCII. */
function textsOf(articles: Article[]): string {
  return escapeNonAscii(JSON.stringify(articles.map((article) => [article.paragraphs, article.captions])));
}

/**
 * An entry line: `[file, hash, stamp, [[head, paragraphCount], ...], warnings, [textsName, offset, length, digest]]`,
 * its texts (`texts`, as written) at `offset` of the texts file.
 */
function entryLine(file: string, hash: string, stamp: string | null, articles: Article[], warnings: string[], location: { name: string; offset: number; texts?: string }): string {
  const heads = articles.map(({ paragraphs, captions, ...head }) => [head, paragraphs.length]);
  const texts = location.texts ?? textsOf(articles);
  const digest = createHash('sha256').update(Buffer.from(texts, 'latin1')).digest('base64url');
  return escapeNonAscii(JSON.stringify([file, hash, stamp, heads, warnings, [location.name, location.offset, texts.length, digest]]));
}

/** The texts files beside the cache file. */
function textsFiles(): string[] {
  return readdirSync(join(work, 'cache')).filter((name) => name.startsWith('articles.json.texts-'));
}

describe('the article cache', () => {
  test('a restart reuses every unchanged file and gives the same articles', async () => {
    const first = await load();
    expect(first.cache.problem).toBe('missing');
    expect(first.report.fromCache).toBe(0);
    const second = await load();
    expect(second.cache.problem).toBeNull();
    expect(second.report.fromCache).toBe(first.report.filesRead);
    expect(second.articles).toEqual(first.articles);
  });

  test('only changed files are parsed again, and removed files are forgotten', async () => {
    await load();
    writeFileSync(join(folder, 'formats/plain-utf8.txt'), 'Harbour stays closed\n\nThe harbour will stay closed until May.\n');
    rmSync(join(folder, 'formats/heading-title.md'));
    const second = await load();
    expect(second.report.fromCache).toBe(second.report.filesRead - 1);
    expect(second.articles.find((a) => a.file === 'formats/plain-utf8.txt')?.title).toBe('Harbour stays closed');
    expect(second.cache.size).toBe(second.report.filesRead);
  });

  for (const [name, content, problem] of [
    ['corrupt (not JSON)', '{"format": "news-desk-bot/article-cache", "vers', 'corrupt'],
    ['corrupt (wrong shape)', rawCacheFile([JSON.stringify(HEADER), '[1,2]\t[]']), 'corrupt'],
    ['corrupt (no texts after a tab)', cacheFile([HEADER, ['reference.txt', 'hash', null, [], []]]), 'corrupt'],
    ['corrupt (an entry without warnings)', rawCacheFile([JSON.stringify(HEADER), '["reference.txt","hash",null,[]]\t[]']), 'corrupt'],
    ['corrupt (a stamp that is not a string)', rawCacheFile([JSON.stringify(HEADER), '["reference.txt","hash",12,[],[]]\t[]']), 'corrupt'],
    ['corrupt (no checksum)', `${JSON.stringify(HEADER)}\n`, 'corrupt'],
    ['foreign (another program)', cacheFile([{ format: 'something-else', version: 1 }]), 'foreign'],
    ['foreign (another version)', cacheFile([{ ...HEADER, version: 999 }]), 'foreign'],
    ['foreign (the one-document layout of version 3)', JSON.stringify({ format: 'news-desk-bot/article-cache', version: 3, checksum: 'x', entries: {} }), 'foreign'],
  ] as const) {
    test(`a ${name} cache is rebuilt, never trusted`, async () => {
      mkdirSync(join(work, 'cache'), { recursive: true });
      writeFileSync(cachePath, content);
      const { cache, articles, report } = await load();
      expect(cache.problem).toBe(problem);
      expect(report.fromCache).toBe(0);
      expect(articles.length).toBeGreaterThan(0);
      expect((await ArticleCache.open(cachePath)).problem).toBeNull();
    });
  }

  test('an edited cache is corrupt: its articles are parsed again', async () => {
    await load();
    const text = readFileSync(cachePath, 'utf8');
    expect(text).toContain('"title":"Russia claims');
    writeFileSync(cachePath, text.replace('"title":"Russia claims', '"title":"Tampered claims'));
    const { cache, articles, report } = await load();
    expect(cache.problem).toBe('corrupt');
    expect(report.fromCache).toBe(0);
    expect(articles.find((a) => a.file === 'reference.txt')?.title).toBe('Russia claims to have killed Islamic State leader Abu Bakr al-Baghdadi');
  });

  test('the file holds a header, one line per file and a checksum', async () => {
    const { report } = await load();
    const lines = readFileSync(cachePath, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(report.filesRead - report.skipped.length + 2);
    expect(JSON.parse(lines[0]!)).toEqual(HEADER);
    expect(Object.keys(JSON.parse(lines.at(-1)!))).toEqual(['checksum']);
    const entries = lines.slice(1, -1).map((line) => JSON.parse(line) as [string, ...unknown[]]);
    expect(new Set(entries.map((entry) => entry[0])).size).toBe(entries.length);
    // Every line names the one texts file beside it, and their texts follow one another in it.
    expect(textsFiles()).toHaveLength(1);
    const locations = entries.map((entry) => entry[5] as [string, number, number, string]);
    expect(new Set(locations.map(([name]) => name))).toEqual(new Set(textsFiles()));
    let offset = 0;
    for (const [, start, length] of locations) {
      expect(start).toBe(offset);
      offset += length;
    }
    expect(statSync(join(work, 'cache', textsFiles()[0]!)).size).toBe(offset);
  });

  test('a save replaces the texts file; articles handed out before keep reading theirs', async () => {
    const first = await load();
    const [before] = textsFiles();
    // Read after the next save, which removes the texts file they came from.
    const kept = first.articles.find((a) => a.file === 'reference.txt')!;
    const cache = await ArticleCache.open(cachePath);
    const lazy = cache.get('reference.txt', cache.known('reference.txt')!.hash)!.articles[0]!;
    cache.set('extra.txt', { hash: 'hash-extra', stamp: null }, { articles: [makeArticle('extra.txt', 'Extra', ['Extra text.'])], warnings: [] });
    await cache.save();
    expect(textsFiles()).toHaveLength(1);
    expect(textsFiles()[0]).not.toBe(before);
    expect(lazy.paragraphs).toEqual(kept.paragraphs);
    const reopened = await ArticleCache.open(cachePath);
    expect(reopened.get('extra.txt', 'hash-extra')!.articles[0]!.paragraphs).toEqual(['Extra text.']);
  });

  test('a save does not copy a damaged text into the new texts file: that file is parsed again next time', async () => {
    await load();
    const texts = join(work, 'cache', textsFiles()[0]!);
    const bytes = readFileSync(texts, 'latin1');
    const at = bytes.indexOf('Russia claims it killed');
    expect(at).toBeGreaterThan(-1);
    writeFileSync(texts, `${bytes.slice(0, at)}Tampered claims ${bytes.slice(at + 'Tampered claims '.length)}`, 'latin1');
    const cache = await ArticleCache.open(cachePath);
    expect(cache.problem).toBeNull();
    // Every file taken from the cache (the damaged one too: its head is sound), then a save.
    const { articles: before } = await loadArticles(folder, { cache, saveCache: false });
    expect(() => before.find((a) => a.file === 'reference.txt')!.paragraphs).toThrow(/delete the cache file/);
    cache.set('extra.txt', { hash: 'hash-extra', stamp: null }, { articles: [makeArticle('extra.txt', 'Extra', ['Extra text.'])], warnings: [] });
    await cache.save();
    const reopened = await ArticleCache.open(cachePath);
    expect(reopened.problem).toBeNull();
    expect(reopened.known('reference.txt')).toBeUndefined();
    expect(reopened.size).toBe(cache.size);
    const { report, articles } = await load();
    expect(report.fromCache).toBe(report.filesRead - report.skipped.length - 1);
    expect(articles.find((a) => a.file === 'reference.txt')!.paragraphs[0]).toMatch(/^Russia claims it killed/);
  });

  test('a missing or short texts file makes the cache corrupt: it is rebuilt', async () => {
    await load();
    const texts = join(work, 'cache', textsFiles()[0]!);
    writeFileSync(texts, readFileSync(texts).subarray(0, 100));
    expect((await ArticleCache.open(cachePath)).problem).toBe('corrupt');
    // A line naming any other file than one of this cache's own texts files, beside it, is not followed.
    for (const name of ['../articles.json.texts-x', 'other.json.texts-x', 'articles.json.texts-x/../../etc']) {
      writeFileSync(cachePath, rawCacheFile([JSON.stringify(HEADER), entryLine('a.txt', 'hash-a', null, [makeArticle('a.txt', 'A', ['Text.'])], [], { name, offset: 0 })]));
      expect((await ArticleCache.open(cachePath)).problem).toBe('corrupt');
    }
    rmSync(texts);
    const { cache, report } = await load();
    expect(cache.problem).toBe('corrupt');
    expect(report.fromCache).toBe(0);
    expect((await ArticleCache.open(cachePath)).problem).toBeNull();
  });

  for (const [name, cut] of [
    ['in the middle of a line', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['at a line boundary (no checksum)', (text: string) => text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1)],
    ['at a line boundary (no checksum, one entry less)', (text: string) => {
      const lines = text.split('\n');
      return `${lines.slice(0, -3).join('\n')}\n`;
    }],
  ] as const) {
    test(`a cache cut short ${name} is corrupt`, async () => {
      await load();
      writeFileSync(cachePath, cut(readFileSync(cachePath, 'utf8')));
      const { cache, report } = await load();
      expect(cache.problem).toBe('corrupt');
      expect(report.fromCache).toBe(0);
      expect((await ArticleCache.open(cachePath)).problem).toBeNull();
    });
  }

  test('round trip: many files, one line each, none longer than its own entry', async () => {
    const cache = await ArticleCache.open(cachePath);
    const files = Array.from({ length: 3000 }, (_, i) => `desk-${i % 7}/story-${i}.json`);
    const parses = files.map((file, i) => ({
      articles: [makeArticle(file, `Story ${i}`, Array.from({ length: 1 + (i % 9) }, (_, p) => `Paragraph ${p} of story ${i}, with "quotes" and ünïcödé.`))],
      warnings: i % 5 === 0 ? [`warning ${i}`] : [],
    }));
    files.forEach((file, i) => cache.set(file, { hash: `hash-${i}`, stamp: i % 2 === 0 ? `stamp-${i}` : null }, parses[i]!));
    await cache.save();
    const lines = readFileSync(cachePath, 'latin1').split('\n').slice(1, -2);
    expect(lines).toHaveLength(files.length);
    const [name] = textsFiles();
    let offset = 0;
    lines.forEach((line, i) => {
      const expected = entryLine(files[i]!, `hash-${i}`, i % 2 === 0 ? `stamp-${i}` : null, parses[i]!.articles, parses[i]!.warnings, { name: name!, offset });
      expect(line).toBe(expected);
      offset += textsOf(parses[i]!.articles).length;
    });
    const reopened = await ArticleCache.open(cachePath);
    expect(reopened.problem).toBeNull();
    expect(reopened.size).toBe(files.length);
    files.forEach((file, i) => expect(reopened.known(file)).toMatchObject({ hash: `hash-${i}`, stamp: i % 2 === 0 ? `stamp-${i}` : null }));
    files.forEach((file, i) => expect(reopened.get(file, `hash-${i}`)).toEqual(parses[i]));
    expect(reopened.get(files[0]!, 'another hash')).toBeUndefined();
  });

  test('parsed texts are kept for the files read last only: reading every article does not keep a second copy', async () => {
    const cache = await ArticleCache.open(cachePath);
    const files = Array.from({ length: 4200 }, (_, i) => `story-${i}.json`);
    files.forEach((file, i) => cache.set(file, { hash: `hash-${i}`, stamp: null }, { articles: [makeArticle(file, `Story ${i}`, [`Paragraph of story ${i}.`])], warnings: [] }));
    await cache.save();
    const reopened = await ArticleCache.open(cachePath);
    const articles = files.map((file, i) => reopened.get(file, `hash-${i}`)!.articles[0]!);
    const first = articles[0]!.paragraphs;
    expect(articles[0]!.paragraphs).toBe(first); // kept while recent
    for (const article of articles.slice(1)) expect(article.paragraphs).toHaveLength(1);
    expect(articles[0]!.paragraphs).not.toBe(first); // let go, parsed again from the bytes
    expect(articles[0]!.paragraphs).toEqual(['Paragraph of story 0.']);
    // Each opened cache keeps its own: another one's reads (a reload's) neither hold nor push out these.
    const kept = articles[0]!.paragraphs;
    const other = await ArticleCache.open(cachePath);
    files.forEach((file, i) => other.get(file, `hash-${i}`)!.articles[0]!.paragraphs);
    expect(articles[0]!.paragraphs).toBe(kept);
  });

  test('a cached article that fails validation is a miss, even with a valid checksum', async () => {
    const cache = await ArticleCache.open(cachePath);
    const bytes = readFileSync(join(folder, 'reference.txt'));
    const hash = ArticleCache.hash(bytes);
    const broken = { ...makeArticle('reference.txt', 'Title', ['Text.']), title: '' };
    cache.set('reference.txt', { hash, stamp: null }, { articles: [broken], warnings: [] });
    await cache.save();
    const reopened = await ArticleCache.open(cachePath);
    expect(reopened.problem).toBeNull();
    expect(reopened.get('reference.txt', hash)).toBeUndefined();
  });

  test('texts are read when first needed: a damaged one is found then, with a message that says what to do', async () => {
    const good = makeArticle('a.txt', 'Harbour closed', ['The harbour closed on Monday.', 'It reopens in May.']);
    const texts = textsOf([good]);
    const name = 'articles.json.texts-test';
    mkdirSync(join(work, 'cache'), { recursive: true });
    const withTexts = (written: string, line = entryLine('a.txt', 'hash-a', null, [good], [], { name, offset: 0, texts: written })) => {
      writeFileSync(join(work, 'cache', name), written, 'latin1');
      writeFileSync(cachePath, rawCacheFile([JSON.stringify(HEADER), line]));
    };
    const damaged = [
      () => withTexts(texts.replace('"The harbour closed on Monday.",', '')), // one paragraph fewer than its head says
      () => withTexts(texts.replace('"It reopens in May."', '" padded "')), // not what the schema outputs
      () => withTexts(texts.slice(0, -3)), // not JSON
      () => withTexts(texts.replace('Monday', 'Sunday'), entryLine('a.txt', 'hash-a', null, [good], [], { name, offset: 0 })), // not the bytes the line's digest was taken of
    ];
    for (const write of damaged) {
      write();
      const reopened = await ArticleCache.open(cachePath);
      expect(reopened.problem).toBeNull();
      const [article] = reopened.get('a.txt', 'hash-a')!.articles;
      expect(article!.title).toBe('Harbour closed');
      expect(paragraphCount(article!)).toBe(2);
      expect(() => article!.paragraphs).toThrow(/article cache .* a\.txt.*delete the cache file and restart/);
    }
    withTexts(texts);
    const [article] = (await ArticleCache.open(cachePath)).get('a.txt', 'hash-a')!.articles;
    expect(article).toEqual(good);
    expect(JSON.stringify(article)).toBe(JSON.stringify(good));
  });

  describe('file stamps (size, times, inode): unchanged files are not read again', () => {
    // The fixtures were copied a moment ago, too fresh to stamp: the clock is set ahead, as if the copy were old.
    const clockAhead = () => vi.useFakeTimers({ now: Date.now() + 60_000, toFake: ['Date'] });
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    test('a file changed less than 2 s before it is read gets no stamp', () => {
      const path = join(folder, 'reference.txt');
      const stats = statSync(path);
      expect(fileStamp(stats, Math.max(stats.mtimeMs, stats.ctimeMs) + 1_000)).toBeNull();
      expect(fileStamp(stats, Math.max(stats.mtimeMs, stats.ctimeMs) + 3_000)).toBe(`${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`);
    });

    test('a file whose stamp is what the cache knows is neither read nor hashed', () => {
      clockAhead();
      const stamp = fileStamp(statSync(join(folder, 'reference.txt')));
      expect(stamp).not.toBeNull();
      const options = { maxBytes: 5_000_000, hashing: true };
      // The cache's hash is taken on trust: a hash no bytes have shows the file was not read.
      expect(readAndParseFile(folder, 'reference.txt', { ...options, known: { hash: 'not the hash', stamp } })).toEqual({ status: 'unchanged', hash: 'not the hash', stamp });
      expect(readAndParseFile(folder, 'reference.txt', { ...options, known: { hash: 'not the hash', stamp: `${stamp}0` } }).status).toBe('parsed');
      expect(readAndParseFile(folder, 'reference.txt', { ...options, known: { hash: 'not the hash', stamp: null } }).status).toBe('parsed');
    });

    test('a restart with stamps gives the same articles, all from the cache', async () => {
      clockAhead();
      const first = await load();
      expect([...first.articles.map((a) => first.cache.known(a.file)?.stamp)].every((stamp) => typeof stamp === 'string')).toBe(true);
      const second = await load();
      expect(second.report.fromCache).toBe(first.report.filesRead - first.report.skipped.length);
      expect(second.articles).toEqual(first.articles);
    });

    test('a file rewritten at the same size, its modification time put back, is read again', async () => {
      clockAhead();
      const path = join(folder, 'formats/plain-utf8.txt');
      await load();
      const before = statSync(path);
      const text = readFileSync(path, 'utf8');
      await sleep(30); // past the file system's time granularity, so that the change time moves
      const edited = text.replace('three weeks', 'three years');
      expect(edited).not.toBe(text);
      writeFileSync(path, edited);
      utimesSync(path, before.atime, before.mtime);
      expect(statSync(path).size).toBe(before.size);
      const second = await load();
      expect(second.report.fromCache).toBe(second.report.filesRead - second.report.skipped.length - 1);
      expect(second.articles.find((a) => a.file === 'formats/plain-utf8.txt')?.paragraphs.join('\n')).toContain('three years of repairs');
    });

    test('a file touched but not changed is taken from the cache, and gets its new stamp', async () => {
      const path = join(folder, 'reference.txt');
      await load(); // no stamps yet: the files are fresh
      expect((await ArticleCache.open(cachePath)).known('reference.txt')?.stamp).toBeNull();
      clockAhead();
      const second = await load();
      expect(second.report.fromCache).toBe(second.report.filesRead - second.report.skipped.length);
      expect((await ArticleCache.open(cachePath)).known('reference.txt')?.stamp).toBe(fileStamp(statSync(path)));
    });
  });
});
