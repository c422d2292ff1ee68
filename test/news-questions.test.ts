import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadNewsQuestions, NEWS_QUESTION_FILES } from '../eval/load-news-questions.ts';

const articlesFolder = join(import.meta.dirname, '..', 'articles');

describe.each(NEWS_QUESTION_FILES.map((file) => [file.name, file] as const))('the news questions of the eval, %s', async (_name, { file }) => {
  const set = await loadNewsQuestions(file);

  test('has answerable questions and questions no article answers', () => {
    expect(set.answerable.length).toBeGreaterThanOrEqual(50);
    expect(set.unanswerable.length).toBeGreaterThanOrEqual(5);
  });

  test('every gold answer is said, word for word, in the shipped article it names', () => {
    for (const question of set.answerable) {
      const text = readFileSync(join(articlesFolder, question.articleId), 'utf8');
      for (const gold of question.golds) expect(text, `${question.question} → ${gold}`).toContain(gold);
    }
  });
});

describe('the news question files', () => {
  test('ask about different articles', async () => {
    const articlesOf = await Promise.all(NEWS_QUESTION_FILES.map(async ({ file }) => new Set((await loadNewsQuestions(file)).answerable.map((q) => q.articleId))));
    for (const [i, a] of articlesOf.entries()) {
      for (const b of articlesOf.slice(i + 1)) expect([...a].filter((id) => b.has(id))).toEqual([]);
    }
  });

  test('a malformed line is reported with its number', async () => {
    const bad = join(import.meta.dirname, 'fixtures', 'bad-news-questions.jsonl');
    await expect(loadNewsQuestions(bad)).rejects.toThrow(/line 2/);
  });
});
