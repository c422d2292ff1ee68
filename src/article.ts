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

// The keys of a stored article, in the order ArticleSchema outputs them:
// without an address (never taken on trust here), with and without an author.
const KEYS_WITH_AUTHOR = ['id', 'title', 'date', 'source', 'author', 'paragraphs', 'captions', 'file', 'format'];
const KEYS_WITHOUT_AUTHOR = KEYS_WITH_AUTHOR.filter((key) => key !== 'author');
const HEAD_KEYS_WITH_AUTHOR = KEYS_WITH_AUTHOR.filter((key) => key !== 'paragraphs' && key !== 'captions');
const HEAD_KEYS_WITHOUT_AUTHOR = HEAD_KEYS_WITH_AUTHOR.filter((key) => key !== 'author');
const FORMATS: ReadonlySet<unknown> = new Set(ARTICLE_FORMATS);

/**
 * True only when `value` is an article exactly as {@link ArticleSchema}
 * outputs one: the schema would accept it and give back an equal object,
 * keys in the same order. A quick check for values that were validated once
 * already (the article cache): about a tenth of the cost of the schema,
 * which re-validating 100,000 cached articles paid in full (1 s). Anything
 * it is not sure of (an address, which needs the URL parser; an unknown or
 * misplaced key) is false, and the caller validates with the schema.
 */
export function isCanonicalArticle(value: unknown): value is Article {
  return hasCanonicalFields(value, KEYS_WITH_AUTHOR, KEYS_WITHOUT_AUTHOR) && isCanonicalBody(value.paragraphs, value.captions);
}

/**
 * {@link isCanonicalArticle} for an article's head, as {@link ArticleHeadSchema}
 * outputs it: every key but the paragraphs and captions.
 */
export function isCanonicalArticleHead(value: unknown): value is ArticleHead {
  return hasCanonicalFields(value, HEAD_KEYS_WITH_AUTHOR, HEAD_KEYS_WITHOUT_AUTHOR);
}

function hasCanonicalFields(value: unknown, keysWithAuthor: readonly string[], keysWithoutAuthor: readonly string[]): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const article = value as Record<string, unknown>;
  const keys = Object.keys(article);
  const expected = 'author' in article ? keysWithAuthor : keysWithoutAuthor;
  if (keys.length !== expected.length || keys.some((key, i) => key !== expected[i])) return false;
  return (
    isTrimmedText(article.id) &&
    isTrimmedText(article.title) &&
    (article.date === null || (typeof article.date === 'string' && isValidIsoDate(article.date))) &&
    (article.source === null || isTrimmedText(article.source)) &&
    (!('author' in article) || isTrimmedText(article.author)) &&
    isTrimmedText(article.file) &&
    FORMATS.has(article.format)
  );
}

/**
 * True when these are an article's body as {@link ArticleSchema} outputs
 * it: one paragraph or more and any captions, each trimmed, non-empty text.
 */
export function isCanonicalBody(paragraphs: unknown, captions: unknown): paragraphs is string[] {
  return isTextList(paragraphs) && (paragraphs as unknown[]).length > 0 && isTextList(captions);
}

/** An article without its text: what must be known of every article from the start. */
export const ArticleHeadSchema = ArticleSchema.omit({ paragraphs: true, captions: true });
export type ArticleHead = z.infer<typeof ArticleHeadSchema>;

/** An article's text. */
export interface ArticleBody {
  paragraphs: string[];
  captions: string[];
}

/**
 * Where articles made by {@link withLazyBody} read their text: the
 * index-th article's, of so many paragraphs. Asked at every read of an
 * article's paragraphs or captions: it keeps what it parsed as long as it
 * sees fit.
 */
export interface ArticleTexts {
  text(index: number, paragraphs: number): ArticleBody;
}

/** How an article made by {@link withLazyBody} gets its text: from its texts, each time it is asked for. */
interface LazyBody {
  count: number;
  texts: ArticleTexts;
  index: number;
}

// Where an article keeps its LazyBody: a property no one else sees (not enumerable, so not copied, compared
// or written out). A WeakMap measured as quick to fill, but is one more weak table of 100,000 entries for
// every full collection to go through.
const LAZY_BODY = Symbol('lazy body');

function bodyOf(article: object): ArticleBody {
  const lazy = (article as { [LAZY_BODY]: LazyBody })[LAZY_BODY];
  return lazy.texts.text(lazy.index, lazy.count);
}

// The same two getters for every article: V8 shares one hidden class between objects only when their
// accessors are the same functions (a closure per article made 100,000 classes, 1.6 s and 200 MB).
const LAZY_PARAGRAPHS: PropertyDescriptor = {
  get(this: object) {
    return bodyOf(this).paragraphs;
  },
  enumerable: true,
};
const LAZY_CAPTIONS: PropertyDescriptor = {
  get(this: object) {
    return bodyOf(this).captions;
  },
  enumerable: true,
};

/**
 * An article whose paragraphs and captions are read from `texts` when
 * asked for: the article cache keeps 100,000 articles' text in its texts
 * file, and a restart reads only what is searched, quoted or summarised
 * (building every paragraph as a string at start-up cost a warm start of
 * 100,000 articles more than a second, half of it in the garbage
 * collector). `count` is what the index needs to number the passages
 * without the text (see {@link paragraphCount}); `texts.text(index, count)`
 * must give that many paragraphs.
 */
export function withLazyBody(head: ArticleHead, count: number, texts: ArticleTexts, index: number): Article {
  // Key by key, in the schema's order, so that the article reads (and is written) like any other: object
  // spread and rest cost several times as much (0.6 s for 100,000 articles).
  const article: Record<string, unknown> = { id: head.id, title: head.title, date: head.date, source: head.source };
  if (head.url !== undefined) article.url = head.url;
  if (head.author !== undefined) article.author = head.author;
  Object.defineProperty(article, 'paragraphs', LAZY_PARAGRAPHS);
  Object.defineProperty(article, 'captions', LAZY_CAPTIONS);
  article.file = head.file;
  article.format = head.format;
  Object.defineProperty(article, LAZY_BODY, { value: { count, texts, index } satisfies LazyBody });
  return article as Article;
}

/** How many paragraphs an article has, without reading the text of one made by {@link withLazyBody}. */
export function paragraphCount(article: Article): number {
  return (article as { [LAZY_BODY]?: LazyBody })[LAZY_BODY]?.count ?? article.paragraphs.length;
}

/** What `z.string().trim().min(1)` accepts and returns unchanged. */
function isTrimmedText(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0 && value.trim() === value;
}

function isTextList(value: unknown): boolean {
  if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) return false;
  for (let i = 0; i < value.length; i++) if (!isTrimmedText(value[i])) return false;
  return true;
}
