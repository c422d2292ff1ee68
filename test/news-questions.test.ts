import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadNewsQuestions, NEWS_FOLLOW_UP_FILES, NEWS_IDENTITY_FILES, NEWS_QUESTION_FILES, NEWS_STATEMENT_FILES, NEWS_WHERE_FILES } from '../eval/load-news-questions.ts';

const articlesFolder = join(import.meta.dirname, '..', 'articles');
// Every question file of the eval whose golds are in the article it names: the three sets, the follow-ups and the
// statements.
const ALL_FILES = [...NEWS_QUESTION_FILES, ...NEWS_FOLLOW_UP_FILES, ...NEWS_STATEMENT_FILES];
const FOLLOW_UPS = new Set(NEWS_FOLLOW_UP_FILES.map((f) => f.name));
const STATEMENTS = new Set(NEWS_STATEMENT_FILES.map((f) => f.name));

describe.each(ALL_FILES.map((file) => [file.name, file] as const))('the news questions of the eval, %s', async (name, { file }) => {
  const set = await loadNewsQuestions(file);

  test('has answerable questions and questions no article answers (for follow-ups: their article does not)', () => {
    expect(set.answerable.length).toBeGreaterThanOrEqual(STATEMENTS.has(name) ? 30 : 50);
    expect(set.unanswerable.length).toBeGreaterThanOrEqual(5);
    for (const { articleId } of set.unanswerable) {
      if (FOLLOW_UPS.has(name)) expect(existsSync(join(articlesFolder, articleId ?? ''))).toBe(true);
      else expect(articleId).toBeNull();
    }
  });

  test('every gold answer is said, word for word, in the shipped article it names', () => {
    for (const question of set.answerable) {
      const text = readFileSync(join(articlesFolder, question.articleId), 'utf8');
      for (const gold of question.golds) expect(text, `${question.question} → ${gold}`).toContain(gold);
    }
  });
});

describe.each([...NEWS_IDENTITY_FILES, ...NEWS_WHERE_FILES].map((file) => [file.name, file] as const))('the %s questions of the eval', async (name, { file }) => {
  const set = await loadNewsQuestions(file);
  const folder = join(articlesFolder, 'fa-kes');
  const texts = readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8'));

  test('ask who, what or where a name is, some of names no article describes or names', () => {
    expect(set.answerable.length).toBeGreaterThanOrEqual(30);
    expect(set.unanswerable.length).toBeGreaterThanOrEqual(5);
    for (const { question } of [...set.answerable, ...set.unanswerable]) expect(question).toMatch(name.startsWith('where') ? /^where (?:is|are) /i : /^(?:who|what) (?:is|was|are|were) /i);
    for (const { articleId } of set.unanswerable) expect(articleId).toBeNull();
  });

  test('every gold answer is said, word for word, in some shipped article', () => {
    for (const question of set.answerable) {
      for (const gold of question.golds) expect(texts.some((text) => text.includes(gold)), `${question.question} → ${gold}`).toBe(true);
    }
  });
});

test('the statement and "where is" sets ask about articles no news or follow-up set asks about', async () => {
  const asked = new Set((await Promise.all([...NEWS_QUESTION_FILES, ...NEWS_FOLLOW_UP_FILES].map(async ({ file }) => (await loadNewsQuestions(file)).answerable))).flat().map((q) => q.articleId));
  for (const { file } of [...NEWS_STATEMENT_FILES, ...NEWS_WHERE_FILES]) for (const question of (await loadNewsQuestions(file)).answerable) expect(asked.has(question.articleId)).toBe(false);
});

describe('the news question files', () => {
  // The statement sets were written from the identity sets' articles (another kind of question): apart from the rest.
  test('ask about different articles', async () => {
    const articlesOf = await Promise.all([...NEWS_QUESTION_FILES, ...NEWS_FOLLOW_UP_FILES, ...NEWS_IDENTITY_FILES].map(async ({ file }) => new Set((await loadNewsQuestions(file)).answerable.map((q) => q.articleId))));
    for (const [i, a] of articlesOf.entries()) {
      for (const b of articlesOf.slice(i + 1)) expect([...a].filter((id) => b.has(id))).toEqual([]);
    }
  });

  test('a malformed line is reported with its number', async () => {
    const bad = join(import.meta.dirname, 'fixtures', 'bad-news-questions.jsonl');
    await expect(loadNewsQuestions(bad)).rejects.toThrow(/line 2/);
  });
});
