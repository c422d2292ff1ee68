import type { Article } from '../article.ts';
import type { Citation, KeyFact, SummaryLength } from '../answer/types.ts';
import type { ArticleReply, ArticleSource } from './reply.ts';

/** An article's attribution, as replies carry it. */
export function describeArticleSource(article: Article): ArticleSource {
  return {
    id: article.id,
    title: article.title,
    source: article.source,
    date: article.date,
    url: article.url ?? null,
    author: article.author ?? null,
    file: article.file,
  };
}

/**
 * The reply showing an article: its attribution, its summary (the quoted
 * sentences, also as `citations`) and its key facts.
 */
export function buildArticleReply(
  command: ArticleReply['command'],
  article: Article,
  summaryLength: SummaryLength,
  summary: readonly Citation[],
  facts: readonly KeyFact[],
): ArticleReply {
  return {
    ok: true,
    kind: 'article',
    command,
    article: {
      ...describeArticleSource(article),
      summaryLength,
      summary: summary.map((c) => c.quote),
      facts: facts.map((f) => ({ kind: f.kind, text: f.text, ...(f.unconfirmed ? { unconfirmed: true } : {}), citation: f.citation })),
    },
    citations: [...summary],
  };
}
