import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Article } from '../src/article.ts';
import { INDEX_CACHE_VERSION, loadIndex, saveIndex } from '../src/cache/index-cache.ts';
import { makeArticle } from './helpers/make-article.ts';
import type { ArticleIndex } from '../src/search/article-index.ts';

const article = (id: string, title: string, paragraphs: string[]) => makeArticle(id, title, paragraphs);

const harbour = article('harbour', 'Harbour reopens', ['The harbour reopened after storm repairs.', 'Fishermen returned to the quay.']);
const election = article('election', 'Mayor re-elected', ['The mayor won a second term with 54% of the vote.']);
const ferry = article('ferry', 'Ferry delayed', ['The ferry was delayed by fog for six hours.']);

let dir: string;
let path: string;
const feed = async (index: ArticleIndex, a: Article) => index.add(a);
const ids = (index: ArticleIndex, query: string) => index.searchPassages(query).map((h) => `${h.articleId}:${h.paragraph}`);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'index-cache-'));
  path = join(dir, 'cache', 'articles.index.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the saved index', () => {
  test('restores an index that searches exactly as the one saved', async () => {
    const first = await loadIndex(path, [harbour, election], feed);
    expect(first.problem).toBe('missing');
    await saveIndex(path, first.index, [harbour, election]);
    const second = await loadIndex(path, [harbour, election], feed);
    expect(second).toMatchObject({ problem: null, reused: 2 });
    for (const query of ['fishermen quay', 'mayor vote', 'harbuor', 'storm']) expect(ids(second.index, query)).toEqual(ids(first.index, query));
    expect(second.index.idf('mayor')).toBe(first.index.idf('mayor'));
    expect(second.index.get('harbour')).toBe(harbour);
  });

  test('articles added since are indexed on top of it', async () => {
    await saveIndex(path, (await loadIndex(path, [harbour], feed)).index, [harbour]);
    const loaded = await loadIndex(path, [harbour, ferry], feed);
    expect(loaded).toMatchObject({ problem: null, reused: 1 });
    expect(ids(loaded.index, 'ferry fog')).toEqual(['ferry:0']);
  });

  for (const [name, articles] of [
    ['a changed article', [harbour, article('election', 'Mayor loses', ['The mayor lost to a newcomer.'])]],
    ['a removed article', [harbour]],
  ] as const) {
    test(`${name} makes it stale: everything is indexed again`, async () => {
      await saveIndex(path, (await loadIndex(path, [harbour, election], feed)).index, [harbour, election]);
      const loaded = await loadIndex(path, articles, feed);
      expect(loaded).toMatchObject({ problem: 'stale', reused: 0 });
      expect(ids(loaded.index, 'second term')).toEqual([]);
      expect(loaded.index.size).toBe(articles.length);
    });
  }

  for (const [name, content, problem] of [
    ['not JSON', '{"format":', 'corrupt'],
    ['the wrong shape', JSON.stringify({ format: 'news-desk-bot/index-cache', version: INDEX_CACHE_VERSION, fingerprints: {}, index: { search: 5 } }), 'corrupt'],
    ['a search index that does not load', JSON.stringify({ format: 'news-desk-bot/index-cache', version: INDEX_CACHE_VERSION, fingerprints: {}, index: { search: { nonsense: true }, firstPassages: [], passageFrequency: [], passageCount: 0, termCount: 0 } }), 'corrupt'],
    ['another version', JSON.stringify({ format: 'news-desk-bot/index-cache', version: 99 }), 'foreign'],
  ] as const) {
    test(`a file with ${name} is rebuilt, never trusted`, async () => {
      mkdirSync(join(dir, 'cache'), { recursive: true });
      writeFileSync(path, content);
      const loaded = await loadIndex(path, [harbour, election], feed);
      expect(loaded).toMatchObject({ problem, reused: 0 });
      expect(ids(loaded.index, 'mayor')).toEqual(['election:0']);
    });
  }
});
