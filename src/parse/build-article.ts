import { ArticleSchema, type Article, type ArticleDraft, type ArticleFormat } from '../article.ts';
import { normalizeWhitespace } from '../text/normalize-whitespace.ts';
import type { ParseError } from './parse-outcome.ts';

/** Where an article came from: the identity the loader gives it. */
export interface ArticleOrigin {
  id: string;
  file: string;
  format: ArticleFormat;
}

/** A built article, or the reason it could not be built. */
export type BuildResult = { ok: true; article: Article; warnings: string[] } | { ok: false; error: ParseError };

/**
 * Turns what a format parser extracted into a validated {@link Article}:
 * whitespace is tidied, empty paragraphs dropped, captions kept once,
 * sentences located, and the result checked against {@link ArticleSchema}.
 * `bodyNormalized`: the parser's paragraphs and captions have been through
 * {@link normalizeWhitespace} already (the text parser's have: they are
 * normalised lines joined by one space), and are not scanned again: a
 * second pass was a tenth of a parsing worker's time at 100,000 articles.
 * Never throws.
 */
export function buildArticle(draft: ArticleDraft, origin: ArticleOrigin, bodyNormalized = false): BuildResult {
  const warnings: string[] = [];
  const title = normalizeWhitespace(draft.title);
  if (title === '') return { ok: false, error: { kind: 'no-title', message: 'has no title' } };

  const tidy = bodyNormalized ? (text: string) => text : normalizeWhitespace;
  const paragraphs = draft.paragraphs.map(tidy).filter((p) => p !== '');
  if (paragraphs.length === 0) {
    return { ok: false, error: { kind: 'no-body', message: `has a title ("${shorten(title)}") but no body text` } };
  }
  const captions = [...new Set(draft.captions.map(tidy).filter((c) => c !== ''))];

  const candidate = {
    id: origin.id,
    title,
    date: draft.date,
    source: optionalText(draft.source) ?? null,
    url: optionalText(draft.url),
    author: optionalText(draft.author),
    paragraphs,
    captions,
    file: origin.file,
    format: origin.format,
  };
  if (candidate.url !== undefined && !isHttpUrl(candidate.url)) {
    warnings.push(`url "${shorten(candidate.url)}" is not an http(s) address; ignored`);
    candidate.url = undefined;
  }
  const parsed = ArticleSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'article';
    return { ok: false, error: { kind: 'invalid', message: `invalid ${where}: ${issue?.message ?? 'unknown problem'}` } };
  }
  return { ok: true, article: parsed.data, warnings };
}

function optionalText(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = normalizeWhitespace(value);
  return text === '' ? undefined : text;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Cuts a value for a one-line message. */
export function shorten(value: string, max = 60): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
