import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { articleKey, createAppState, type AppState } from '../src/app-state/create-app-state.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'articles');
let work: string;
let folder: string;
let cachePath: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'app-state-caches-'));
  folder = join(work, 'articles');
  cpSync(fixtures, folder, { recursive: true });
  cachePath = join(work, '.cache', 'articles.json');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

async function start(path = cachePath): Promise<AppState> {
  const state = await createAppState({ articlesDir: folder, cachePath: path });
  expect(await state.cachesSaved).toEqual([]);
  return state;
}

const QUESTION = 'How many fighters were killed in the raid?';
const quotes = (state: AppState, question: string) => state.engine.ask(question).citations.map((c) => `${c.articleId}:${c.paragraph}:${c.quote}`);

describe('the app restarts from its caches', () => {
  test('a folder that is gone while caches exist is the folder error, after the caches are read (the folder is listed meanwhile)', async () => {
    await start();
    rmSync(folder, { recursive: true });
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      await expect(createAppState({ articlesDir: folder, cachePath })).rejects.toThrow(`Cannot read the articles folder ${folder}: no such folder`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    expect(rejections).toEqual([]);
  });

  test('the first start writes both caches (after it is ready); a restart takes everything from them and answers the same', async () => {
    const first = await start();
    expect(first.report).toMatchObject({ fromCache: 0, indexFromCache: 0 });
    expect(readdirSync(join(work, '.cache')).sort()).toEqual(['articles.index.bin', 'articles.index.json', 'articles.json', expect.stringMatching(/^articles\.json\.texts-[0-9a-f]+$/)]);
    const second = await start();
    const loaded = second.articles.length;
    expect(second.report.fromCache).toBe(second.report.filesRead - second.report.skipped.length);
    expect(second.report.indexFromCache).toBe(loaded);
    expect(second.articles).toEqual(first.articles);
    expect(quotes(second, QUESTION)).toEqual(quotes(first, QUESTION));
    expect(quotes(second, QUESTION).length).toBeGreaterThan(0);
  });

  test('after one file is edited, only its article is parsed and indexed again, and answers follow the new text', async () => {
    await start();
    writeFileSync(join(folder, 'formats', 'plain-utf8.txt'), 'Lighthouse keeper retires\n\nThe lighthouse keeper retired after forty-one years on the rock.\n');
    const edited = await start();
    expect(edited.report.fromCache).toBe(edited.report.filesRead - edited.report.skipped.length - 1);
    expect(edited.report.indexFromCache).toBe(edited.articles.length - 1);
    const answer = edited.engine.ask('How many years did the lighthouse keeper serve?');
    expect(answer.citations[0]?.quote).toContain('forty-one years');
    expect(edited.engine.ask('When did the harbour at Port Ellis reopen?').citations.some((c) => c.articleId === 'formats/plain-utf8.txt')).toBe(false);
    // Saved again, the next start restores everything.
    const again = await start();
    expect(again.report.indexFromCache).toBe(again.articles.length);
    expect(again.engine.ask('How many years did the lighthouse keeper serve?').citations[0]?.quote).toContain('forty-one years');
  });

  test('caches that cannot be written are reported once the app runs, and cost it nothing', async () => {
    writeFileSync(join(work, 'not-a-folder'), 'a file where the cache folder should be');
    const state = await createAppState({ articlesDir: folder, cachePath: join(work, 'not-a-folder', 'articles.json') });
    expect(quotes(state, QUESTION).length).toBeGreaterThan(0);
    const problems = await state.cachesSaved;
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/article cache .* not saved \(a file is in the way\)/u);
    expect(problems.join('\n')).toMatch(/index cache .* not saved/u);
    expect(existsSync(join(work, 'not-a-folder', 'articles.json'))).toBe(false);
  });

  test('an article is found by its id and by its short key (looked up for buttons, built on the first such lookup)', async () => {
    const state = await start();
    const article = state.articles[7]!;
    expect(state.article(article.id)).toBe(article);
    expect(state.article(articleKey(article.id))).toBe(article);
    expect(state.article('no such article')).toBeUndefined();
  });
});
