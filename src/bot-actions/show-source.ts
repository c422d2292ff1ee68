import type { Citation } from '../answer/types.ts';
import type { AppState } from '../app-state/create-app-state.ts';
import { describeArticleSource } from '../reply/build-article-reply.ts';
import { buildSourceReply } from '../reply/build-source-reply.ts';
import type { SourceReply } from '../reply/reply.ts';
import type { ActionContext } from './action-context.ts';
import { findArticle } from './find-article.ts';
import { UserFacingError } from './user-facing-error.ts';

/**
 * `/source [article:…]`: where the last answer or article shown in this
 * conversation came from (title, outlet, date, url, file, and each quoted
 * passage with its paragraph), or with `article:` that article's attribution.
 * Does not change the conversation.
 *
 * @throws UserFacingError when nothing was shown yet, or the article is unknown.
 */
export function showSource(ctx: ActionContext, input: { article?: string | undefined }): SourceReply {
  const sourceOf = (id: string) => {
    const article = ctx.app.article(id);
    return article ? describeArticleSource(article) : undefined;
  };
  if (input.article !== undefined && input.article.trim() !== '') {
    const article = findArticle(ctx.app, input.article);
    return buildSourceReply({ subject: 'article', citations: [], sources: [describeArticleSource(article)], sourceOf });
  }
  const last = ctx.conversation.lastShown;
  if (!last) {
    throw new UserFacingError('Nothing has been shown here yet. Run /article latest or /ask first, or name an article: /source article: <title>.');
  }
  if (last.kind === 'article') {
    const article = ctx.app.article(last.articleId);
    return buildSourceReply({ subject: 'article', citations: last.citations, ...(article ? { sources: [describeArticleSource(article)] } : {}), sourceOf });
  }
  return buildSourceReply({ subject: 'answer', question: last.question, abstained: last.abstained, citations: last.citations, sourceOf });
}

/** Where a passage is: an article (by id or key) and the offsets of the quote in one of its paragraphs. */
export interface PassageRef {
  article: string;
  paragraph: number;
  start: number;
  end: number;
}

/**
 * The "Source" button: the attribution of the passages an answer quoted,
 * re-read from the loaded articles. Passages of articles no longer loaded
 * (or whose text changed) are left out.
 *
 * @throws UserFacingError when none of them can be found any more.
 */
export function showPassageSources(app: AppState, refs: readonly PassageRef[]): SourceReply {
  const citations: Citation[] = [];
  for (const ref of refs) {
    const article = app.article(ref.article);
    const paragraph = article?.paragraphs[ref.paragraph];
    if (!article || paragraph === undefined || ref.end > paragraph.length || ref.start >= ref.end) continue;
    citations.push({
      articleId: article.id,
      title: article.title,
      source: article.source,
      date: article.date,
      file: article.file,
      paragraph: ref.paragraph,
      quote: paragraph.slice(ref.start, ref.end),
      start: ref.start,
      end: ref.end,
    });
  }
  if (citations.length === 0) throw new UserFacingError('The articles this answer quoted are no longer loaded. Ask again with /ask.');
  return buildSourceReply({
    subject: 'answer',
    citations,
    sourceOf: (id) => {
      const article = app.article(id);
      return article ? describeArticleSource(article) : undefined;
    },
  });
}
