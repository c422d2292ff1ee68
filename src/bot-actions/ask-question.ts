import type { Citation } from '../answer/types.ts';
import type { AppState } from '../app-state/create-app-state.ts';
import { recordAnswerShown } from '../conversation/conversation-store.ts';
import { buildAnswerReply, buildExcerptsReply } from '../reply/build-answer-reply.ts';
import type { AnswerReply, AskScope, ExcerptsReply } from '../reply/reply.ts';
import type { ActionContext } from './action-context.ts';
import { checkQuestion } from './command-request.ts';
import { findArticle, noArticlesError } from './find-article.ts';
import { UserFacingError } from './user-facing-error.ts';

/** Excerpts an answer shows at first. */
export const EXCERPTS_SHOWN = 3;
/** Further excerpts "More excerpts" shows at most. */
export const MORE_EXCERPTS = 5;

/**
 * `/ask question:… [article:…]`: the engine's short answer with up to three
 * excerpts, or its abstention with the closest passages. Without `article:`,
 * the conversation's current article is passed as the engine's
 * `currentArticleId`; after an answer that did not abstain, the first
 * citation's article becomes the current article.
 *
 * @throws UserFacingError for an empty or over-long question, an unknown article, or no articles loaded.
 */
export async function askQuestion(ctx: ActionContext, input: { question: string; article?: string | undefined }): Promise<AnswerReply> {
  const question = checkQuestion(input.question);
  const article = input.article === undefined || input.article.trim() === '' ? undefined : findArticle(ctx.app, input.article);
  if (ctx.app.articles.length === 0) throw noArticlesError();
  await ctx.beforeSlowWork?.();
  const scope: AskScope = { articleId: article?.id ?? null, currentArticleId: article ? null : ctx.conversation.currentArticleId };
  // "Who said that?" is about the passage the last answer quoted first.
  const last = ctx.conversation.lastShown;
  const lastQuote = last?.kind === 'answer' && !last.abstained ? last.citations[0] : undefined;
  const answer = ask(ctx.app, question, scope, EXCERPTS_SHOWN, lastQuote);
  recordAnswerShown(ctx.conversation, answer.question, answer.answer, answer.citations);
  return buildAnswerReply(answer, scope, EXCERPTS_SHOWN);
}

/**
 * "More excerpts": asks the question again in the same scope and returns the
 * excerpts after the first {@link EXCERPTS_SHOWN}. Leaves the conversation as it was.
 */
export function showMoreExcerpts(app: AppState, input: { question: string; scope: AskScope }): ExcerptsReply {
  const question = checkQuestion(input.question);
  if (app.articles.length === 0) throw noArticlesError();
  if (input.scope.articleId !== null && !app.article(input.scope.articleId)) {
    throw new UserFacingError('The article this question was about is no longer loaded. Ask again with /ask.');
  }
  // The current article may have gone in a reload; the question is then asked of all articles.
  const current = input.scope.currentArticleId !== null && app.article(input.scope.currentArticleId) ? input.scope.currentArticleId : null;
  const scope: AskScope = { articleId: input.scope.articleId, currentArticleId: current };
  const answer = ask(app, question, scope, EXCERPTS_SHOWN + MORE_EXCERPTS);
  return buildExcerptsReply(answer.question, answer.citations, EXCERPTS_SHOWN);
}

function ask(app: AppState, question: string, scope: AskScope, maxExcerpts: number, lastQuote?: Citation) {
  return app.engine.ask(question, {
    ...(scope.articleId !== null ? { articleId: scope.articleId } : {}),
    ...(scope.currentArticleId !== null ? { currentArticleId: scope.currentArticleId } : {}),
    ...(lastQuote !== undefined && app.article(lastQuote.articleId) ? { lastQuote } : {}),
    maxExcerpts,
  });
}
