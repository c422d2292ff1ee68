import { z } from 'zod';
import { isValidIsoDate } from './text/iso-date.ts';

/** The formats an article file can be written in. */
export const ARTICLE_FORMATS = ['reference', 'plain', 'markdown', 'json', 'jsonl', 'html'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];

/**
 * A sentence of an article's body, located by offsets into one paragraph, so
 * that any quote can be cited and checked against the stored text:
 * `article.paragraphs[s.paragraph].slice(s.start, s.end)` is the sentence.
 * Sentences are found when first needed, see src/sentences.ts.
 */
export interface Sentence {
  paragraph: number;
  start: number;
  end: number;
}

const nonBlank = z.string().trim().min(1);

/**
 * A validated article: what every format is parsed into and everything else
 * (index, answers, summaries) works from.
 */
export const ArticleSchema = z
  .object({
    /** Stable and unique: the file's path relative to the articles folder, plus `#N` for the N-th article of a multi-article file. */
    id: nonBlank,
    title: nonBlank,
    /** ISO date (YYYY-MM-DD), or null when the file does not say. Never invented. */
    date: z.string().refine(isValidIsoDate, { message: 'not a real YYYY-MM-DD date' }).nullable(),
    /** The outlet (e.g. "Associated Press"), or null when the file does not say. */
    source: nonBlank.nullable(),
    url: z.url().optional(),
    author: nonBlank.optional(),
    /** Body paragraphs only: no title, captions or attribution lines. */
    paragraphs: z.array(nonBlank).min(1),
    /** Photo captions, each once, kept apart from the body. */
    captions: z.array(nonBlank),
    /** Path of the file, relative to the articles folder, with forward slashes. */
    file: nonBlank,
    format: z.enum(ARTICLE_FORMATS),
  });
export type Article = z.infer<typeof ArticleSchema>;

/** What a format parser extracts from a file, before ids and validation are added. */
export interface ArticleDraft {
  title: string;
  date: string | null;
  source: string | null;
  url?: string | undefined;
  author?: string | undefined;
  paragraphs: string[];
  captions: string[];
}

/** The text of one sentence, sliced from the stored paragraph. */
export function sentenceText(article: Pick<Article, 'paragraphs'>, sentence: Sentence): string {
  return (article.paragraphs[sentence.paragraph] ?? '').slice(sentence.start, sentence.end);
}
