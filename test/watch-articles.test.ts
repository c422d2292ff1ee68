import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AppStore } from '../src/app-state/app-store.ts';
import type { ChangeSummary } from '../src/app-state/apply-file-changes.ts';
import { watchArticleFolder } from '../src/app-state/watch-article-folder.ts';

let folder: string;

function article(title: string, body: string, date = '2020-05-01'): string {
  return ` date ${date}\n\n${title}\n\nSource:\n\nValley Herald\n\n${body}\n`;
}

function write(file: string, content: string): void {
  mkdirSync(join(folder, file, '..'), { recursive: true });
  writeFileSync(join(folder, file), content);
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'watch-articles-'));
  write('bridge.txt', article('Bridge closes for repairs', 'The old bridge closed on Monday for six weeks of repairs.'));
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('AppStore.applyFileChanges', () => {
  test('added, changed and removed files are reflected in answers without a reload', async () => {
    const store = await AppStore.open({ articlesDir: folder });
    const indexBefore = store.current.engine.index;

    write('ferry.txt', article('Ferry service resumes', 'The island ferry resumed service on Tuesday after the storm.', '2020-06-02'));
    let summary = await store.applyFileChanges(['ferry.txt']);
    expect(summary.added).toEqual(['ferry.txt']);
    expect(store.current.articles[0]?.title).toBe('Ferry service resumes');
    expect(store.current.engine.ask('when did the ferry resume service').citations[0]?.articleId).toBe('ferry.txt');

    write('bridge.txt', article('Bridge closes for repairs', 'The old bridge closed on Monday for nine weeks of repairs.'));
    summary = await store.applyFileChanges(['bridge.txt']);
    expect(summary.updated).toEqual(['bridge.txt']);
    expect(store.current.engine.ask('how many weeks of repairs', { articleId: 'bridge.txt' }).answer).toBe('nine weeks');

    rmSync(join(folder, 'ferry.txt'));
    summary = await store.applyFileChanges(['ferry.txt']);
    expect(summary.removed).toEqual(['ferry.txt']);
    expect(store.current.articles.map((a) => a.id)).toEqual(['bridge.txt']);
    expect(store.current.engine.ask('when did the ferry resume service').answer).toBeNull();

    // Incremental: the same index, updated in place.
    expect(store.current.engine.index).toBe(indexBefore);
  });

  test('a file that becomes broken keeps its last good version and is reported', async () => {
    const store = await AppStore.open({ articlesDir: folder });
    write('bridge.txt', '');
    const summary = await store.applyFileChanges(['bridge.txt']);
    expect(summary.keptLastGood).toEqual([{ file: 'bridge.txt', kind: 'empty', reason: 'is empty (0 bytes)' }]);
    expect(store.current.article('bridge.txt')?.title).toBe('Bridge closes for repairs');
    expect(store.current.report.skipped.map((s) => s.file)).toContain('bridge.txt');
  });

  test('a new folder is read whole, and a removed folder takes its articles with it', async () => {
    const store = await AppStore.open({ articlesDir: folder });
    write('2021/a.txt', article('Market reopens', 'The covered market reopened on Friday.'));
    write('2021/b.txt', article('School roof fixed', 'The school roof was fixed in August.'));
    await store.applyFileChanges(['2021/a.txt', '2021/b.txt']);
    expect(store.current.articles).toHaveLength(3);
    rmSync(join(folder, '2021'), { recursive: true });
    const summary = await store.applyFileChanges(['2021']);
    expect(summary.removed.sort()).toEqual(['2021/a.txt', '2021/b.txt']);
    expect(store.current.articles.map((a) => a.id)).toEqual(['bridge.txt']);
  });

  test('a broken new file is reported and nothing else changes', async () => {
    const store = await AppStore.open({ articlesDir: folder });
    write('notes.json', '{"title": "x"');
    const summary = await store.applyFileChanges(['notes.json']);
    expect(summary.skipped.map((s) => s.kind)).toEqual(['malformed-json']);
    expect(store.current.articles).toHaveLength(1);
  });
});

describe('watching the folder', () => {
  test('a burst of files is handed over in a few batches, every file once', async () => {
    const seen = new Set<string>();
    let batches = 0;
    const done = new Promise<void>((resolve) => {
      const watch = watchArticleFolder(folder, (files) => {
        batches++;
        for (const file of files) seen.add(file);
        if ([...Array(200).keys()].every((i) => seen.has(`burst/${i}.txt`))) {
          watch.close();
          resolve();
        }
      });
      for (let i = 0; i < 200; i++) write(`burst/${i}.txt`, article(`Story ${i}`, `Body of story number ${i}.`));
    });
    await done;
    expect(batches).toBeLessThan(20);
  });

  test('AppStore.watch reflects a new file in answers', async () => {
    const store = await AppStore.open({ articlesDir: folder });
    const changed = new Promise<ChangeSummary>((resolve, reject) => {
      const watch = store.watch((summary) => {
        if (summary.added.includes('quay.txt')) {
          watch.close();
          resolve(summary);
        }
      }, reject, { quietMs: 50, maxWaitMs: 200 });
    });
    write('quay.txt', article('Quay extended', 'Engineers extended the fishing quay by forty metres.'));
    await changed;
    expect(store.current.engine.ask('how far was the fishing quay extended').citations[0]?.articleId).toBe('quay.txt');
  });
});
