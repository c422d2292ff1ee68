import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { XquadQuestion } from './load-xquad.ts';

/** Where the first news question set lives, beside this file. */
export const NEWS_QUESTIONS_FILE = new URL('./news-questions.jsonl', import.meta.url);

/** One news question set: its file beside this module and how it has been used, which says what its figures mean. */
export interface NewsQuestionFile {
  name: string;
  file: URL;
  /** Printed under its table. */
  use: string;
}

/**
 * The news question sets, each written by a helper reading the shipped
 * articles without seeing the engine, from its own articles (the files
 * numbered n % 9 == 0, 4 and 7 in name order). The first two were then used
 * to find and check changes; the third was measured once, at the end of
 * the session that wrote it, and is kept for measuring only.
 */
export const NEWS_QUESTION_FILES: readonly NewsQuestionFile[] = [
  { name: 'first set', file: NEWS_QUESTIONS_FILE, use: 'sessions 11-12 read its misses to find changes: no longer unseen' },
  { name: 'second set', file: new URL('./news-questions-b.jsonl', import.meta.url), use: 'session 12 read its misses to find changes, after measuring it once: no longer unseen' },
  { name: 'third set', file: new URL('./news-questions-unseen.jsonl', import.meta.url), use: 'kept for measuring only: no change was made by reading its questions' },
];

/**
 * The follow-up question sets: each question asked in a conversation whose current article is the one it names, as
 * a reader asks after reading it ("how many people died?"), naming no subject; some are questions that article does
 * not answer. Each written by a helper reading the shipped articles, without seeing the engine: the first from the
 * files numbered n % 9 == 2, then used to find and check changes (session 17); the second from n % 9 == 5, measured
 * once at the end of that session and kept for measuring only; the third from n % 9 == 3 (session 18), likewise.
 */
export const NEWS_FOLLOW_UP_FILES: readonly NewsQuestionFile[] = [
  { name: 'follow-ups', file: new URL('./news-followups.jsonl', import.meta.url), use: 'session 17 read its misses to find changes: no longer unseen' },
  { name: 'follow-ups, second set', file: new URL('./news-followups-unseen.jsonl', import.meta.url), use: 'kept for measuring only: no change was made by reading its questions' },
  { name: 'follow-ups, third set', file: new URL('./news-followups-c.jsonl', import.meta.url), use: 'written in session 18, measured on that session\'s first and last code; its questions never read' },
];

/**
 * The identity question sets: "who is Rami Abdel Rahman?", "what is the Syrian Observatory for Human Rights?", asked
 * of all the articles, each answered by any description the collection gives of the name (every one listed, word for
 * word), and names no article describes or names at all. Written by helpers reading the shipped articles, without
 * seeing the engine, in session 19: the first from the files numbered n % 9 == 1, then used to find and check changes;
 * the second from n % 9 == 6, measured on the code before and after the change and never read.
 */
export const NEWS_IDENTITY_FILES: readonly NewsQuestionFile[] = [
  { name: 'identity questions', file: new URL('./news-identity.jsonl', import.meta.url), use: 'session 19 read its answers to find changes: no longer unseen' },
  { name: 'identity questions, second set', file: new URL('./news-identity-unseen.jsonl', import.meta.url), use: 'kept for measuring only: no change was made by reading its questions' },
];

/**
 * The statement question sets: "what did Lavrov say about the ceasefires?", asked of all the articles, each answered
 * by what the named article reports as said (the clause or the quotation, word for word), and speakers no article
 * quotes on the topic. Written by a helper reading the shipped articles, without seeing the engine, in session 19:
 * the first from the files numbered n % 9 == 1, then used to find and check changes; the second from n % 9 == 6,
 * whose questions were never read (its totals were printed three times while the change was made).
 */
export const NEWS_STATEMENT_FILES: readonly NewsQuestionFile[] = [
  { name: 'statements', file: new URL('./news-statements.jsonl', import.meta.url), use: 'session 19 read its answers to find changes: no longer unseen' },
  { name: 'statements, second set', file: new URL('./news-statements-unseen.jsonl', import.meta.url), use: 'kept for measuring only: no change was made by reading its questions' },
];

/**
 * The "where is X?" sets: "where is Douma?", asked of all the articles, each answered by any location phrase the
 * collection gives for the place ("in the rebel-held Eastern Ghouta region", "east of Damascus"), and places no
 * article names. Written by a helper reading the shipped articles, without seeing the engine, in session 19: the
 * first from the files numbered n % 9 == 1, then read to check the change; the second from n % 9 == 6, never read.
 */
export const NEWS_WHERE_FILES: readonly NewsQuestionFile[] = [
  { name: 'where is', file: new URL('./news-where.jsonl', import.meta.url), use: 'session 19 read its answers to check the change: no longer unseen' },
  { name: 'where is, second set', file: new URL('./news-where-unseen.jsonl', import.meta.url), use: 'kept for measuring only: no change was made by reading its questions' },
];

/** The folder of the shipped articles the questions are about, relative to `articles/`. */
export const NEWS_ARTICLES_SUBFOLDER = 'fa-kes';

const NewsQuestionSchema = z.discriminatedUnion('answerable', [
  z.object({
    answerable: z.literal(true),
    file: z.string().min(1),
    question: z.string().min(1),
    answers: z.array(z.string().min(1)).min(1),
    type: z.string().optional(),
  }),
  z.object({
    answerable: z.literal(false),
    // The article a follow-up question is asked in the conversation of (see NEWS_FOLLOW_UP_FILES), which does not
    // answer it; null for a question no article answers.
    file: z.string().min(1).nullable(),
    question: z.string().min(1),
    answers: z.array(z.string()).max(0),
    type: z.string().optional(),
  }),
]);

/** The news question set: questions a reader would ask about the shipped articles, and questions none answers. */
export interface NewsQuestionSet {
  /** Each with the gold answers and the id of the article (in `articles/`) that answers it. */
  answerable: XquadQuestion[];
  /**
   * Questions no shipped article answers (`articleId` null), or, among follow-ups, that the article they are
   * asked about does not answer (its id): a trustworthy engine abstains on them.
   */
  unanswerable: { question: string; articleId: string | null }[];
}

/**
 * Reads the news questions (JSON Lines: `file`, `question`, `answers`,
 * `type`, `answerable`). Their answers are spans of the FA-KES articles
 * shipped in `articles/fa-kes/`; the questions were written for this project
 * by reading the articles, without looking at the engine. Throws with the
 * line number when a line is malformed.
 */
export async function loadNewsQuestions(path: URL | string = NEWS_QUESTIONS_FILE): Promise<NewsQuestionSet> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  const set: NewsQuestionSet = { answerable: [], unanswerable: [] };
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const parsed = NewsQuestionSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`loadNewsQuestions: line ${index + 1}: ${z.prettifyError(parsed.error)}`);
    const entry = parsed.data;
    if (entry.answerable) {
      set.answerable.push({ id: `news#${index + 1}`, question: entry.question, golds: entry.answers, articleId: `${NEWS_ARTICLES_SUBFOLDER}/${entry.file}` });
    } else {
      set.unanswerable.push({ question: entry.question, articleId: entry.file === null ? null : `${NEWS_ARTICLES_SUBFOLDER}/${entry.file}` });
    }
  }
  return set;
}
