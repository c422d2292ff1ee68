import type { SummaryLength } from '../answer/types.ts';
import { recordArticleShown } from '../conversation/conversation-store.ts';
import { extractKeyFacts } from '../facts/extract-key-facts.ts';
import { buildArticleReply } from '../reply/build-article-reply.ts';
import type { ArticleReply } from '../reply/reply.ts';
import { summarizeArticle } from '../summarize-article.ts';
import type { ActionContext } from './action-context.ts';
import { findArticle, findLatestArticle } from './find-article.ts';

// Three facts of each kind keep an article's reply readable (and within one embed).
const FACTS_PER_KIND = 3;

/**
 * `/article latest` (no `title`) or `/article show title:…`: the article's
 * summary, key facts and source. It becomes the conversation's current
 * article, and its summary what /source explains.
 *
 * @throws UserFacingError when no article matches `title`, or none is loaded.
 */
export async function showArticle(ctx: ActionContext, input: { title?: string | undefined; length?: SummaryLength | undefined }): Promise<ArticleReply> {
  const article = input.title === undefined ? findLatestArticle(ctx.app) : findArticle(ctx.app, input.title);
  const length = input.length ?? 'default';
  await ctx.beforeSlowWork?.();
  const summary = summarizeArticle(article, length);
  const facts = extractKeyFacts(article, { maxPerKind: FACTS_PER_KIND });
  recordArticleShown(ctx.conversation, article.id, summary);
  return buildArticleReply(input.title === undefined ? 'article latest' : 'article show', article, length, summary, facts);
}
