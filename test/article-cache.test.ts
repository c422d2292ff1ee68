import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ARTICLE_CACHE_VERSION, ArticleCache } from '../src/cache/article-cache.ts';
import { loadArticles } from '../src/load-articles.ts';
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

afterEach(() => rmSync(work, { recursive: true, force: true }));

const HEADER = { format: 'news-desk-bot/article-cache', version: ARTICLE_CACHE_VERSION };

/** A cache file in the current layout, checksum included: a header, one line per entry, the trailer. */
function cacheFile(lines: unknown[]): string {
  const body = lines.map((line) => `${JSON.stringify(line)}\n`).join('');
  return `${body}${JSON.stringify({ checksum: createHash('sha256').update(body).digest('base64url') })}\n`;
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
    ['corrupt (wrong shape)', cacheFile([HEADER, [1, 2]]), 'corrupt'],
    ['corrupt (an entry without warnings)', cacheFile([HEADER, ['reference.txt', 'hash', []]]), 'corrupt'],
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
    const files = lines.slice(1, -1).map((line) => JSON.parse(line)[0]);
    expect(new Set(files).size).toBe(files.length);
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
    files.forEach((file, i) => cache.set(file, `hash-${i}`, parses[i]!));
    await cache.save();
    const lines = readFileSync(cachePath, 'utf8').split('\n').slice(1, -2);
    expect(lines).toHaveLength(files.length);
    lines.forEach((line, i) => expect(line.length).toBe(JSON.stringify([files[i], `hash-${i}`, parses[i]!.articles, parses[i]!.warnings]).length));
    const reopened = await ArticleCache.open(cachePath);
    expect(reopened.problem).toBeNull();
    expect(reopened.size).toBe(files.length);
    files.forEach((file, i) => expect(reopened.get(file, `hash-${i}`)).toEqual(parses[i]));
    expect(reopened.get(files[0]!, 'another hash')).toBeUndefined();
  });

  test('a cached article that fails validation is a miss, even with a valid checksum', async () => {
    const cache = await ArticleCache.open(cachePath);
    const bytes = readFileSync(join(folder, 'reference.txt'));
    const hash = ArticleCache.hash(bytes);
    const broken = { id: 'reference.txt', file: 'reference.txt', title: '' } as never;
    cache.set('reference.txt', hash, { articles: [broken], warnings: [] });
    await cache.save();
    const reopened = await ArticleCache.open(cachePath);
    expect(reopened.problem).toBeNull();
    expect(reopened.get('reference.txt', hash)).toBeUndefined();
  });
});
