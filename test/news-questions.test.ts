import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadNewsQuestions } from '../eval/load-news-questions.ts';

const articlesFolder = join(import.meta.dirname, '..', 'articles');

describe('the news questions of the eval', async () => {
  const set = await loadNewsQuestions();

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

  test('a malformed line is reported with its number', async () => {
    const bad = join(import.meta.dirname, 'fixtures', 'bad-news-questions.jsonl');
    await expect(loadNewsQuestions(bad)).rejects.toThrow(/line 2/);
  });
});
