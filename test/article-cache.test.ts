import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ARTICLE_CACHE_VERSION, ArticleCache } from '../src/cache/article-cache.ts';
import { loadArticles } from '../src/load-articles.ts';

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
    ['corrupt (wrong shape)', JSON.stringify({ format: 'news-desk-bot/article-cache', version: ARTICLE_CACHE_VERSION, entries: [1, 2] }), 'corrupt'],
    ['foreign (another program)', JSON.stringify({ format: 'something-else', version: 1, entries: {} }), 'foreign'],
    ['foreign (another version)', JSON.stringify({ format: 'news-desk-bot/article-cache', version: 999, entries: {} }), 'foreign'],
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
    const json = JSON.parse(readFileSync(cachePath, 'utf8'));
    json.entries['reference.txt'].articles[0].title = 'Tampered title';
    writeFileSync(cachePath, JSON.stringify(json));
    const { cache, articles, report } = await load();
    expect(cache.problem).toBe('corrupt');
    expect(report.fromCache).toBe(0);
    expect(articles.find((a) => a.file === 'reference.txt')?.title).toBe('Russia claims to have killed Islamic State leader Abu Bakr al-Baghdadi');
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
