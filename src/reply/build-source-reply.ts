import type { Citation } from '../answer/types.ts';
import type { ArticleSource, SourceReply } from './reply.ts';

/**
 * The reply to /source: the attribution of every article the passages come
 * from (in the order first cited) and the passages themselves.
 * `sourceOf` gives an article's full attribution (url, author) when it is
 * still loaded; otherwise the citation's own attribution is used.
 */
export function buildSourceReply(options: {
  subject: SourceReply['subject'];
  question?: string | null;
  abstained?: boolean;
  citations: readonly Citation[];
  sources?: readonly ArticleSource[];
  sourceOf: (articleId: string) => ArticleSource | undefined;
}): SourceReply {
  const sources = new Map<string, ArticleSource>();
  for (const source of options.sources ?? []) sources.set(source.id, source);
  for (const citation of options.citations) {
    if (sources.has(citation.articleId)) continue;
    sources.set(
      citation.articleId,
      options.sourceOf(citation.articleId) ?? {
        id: citation.articleId,
        title: citation.title,
        source: citation.source,
        date: citation.date,
        url: null,
        author: null,
        file: citation.file,
      },
    );
  }
  return {
    ok: true,
    kind: 'source',
    command: 'source',
    subject: options.subject,
    question: options.question ?? null,
    abstained: options.abstained ?? false,
    sources: [...sources.values()],
    citations: [...options.citations],
  };
}
