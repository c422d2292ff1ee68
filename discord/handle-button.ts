import type { AppState } from '../src/app-state/create-app-state.ts';
import { showMoreExcerpts } from '../src/bot-actions/ask-question.ts';
import { showPassageSources } from '../src/bot-actions/show-source.ts';
import { UserFacingError } from '../src/bot-actions/user-facing-error.ts';
import type { Reply } from '../src/reply/reply.ts';
import { shortHash } from '../src/short-hash.ts';
import { decodeCustomId, quoteCheck } from './custom-id.ts';
import { QUESTION_PREFIX } from './render-reply.ts';
import type { ButtonPress } from './types.ts';

const STALE = 'This button belongs to an answer I can no longer read. Ask again with /ask.';
const CHANGED = 'The articles this answer quoted have changed or are no longer loaded. Ask again with /ask.';

/**
 * The reply to an answer's "More excerpts" or "Source" button, rebuilt from
 * the button's custom id (and, for "More excerpts", the question shown on the
 * message), so that buttons work after a restart.
 *
 * @throws UserFacingError for a button the bot did not make or can no longer honour.
 */
export function answerButton(app: AppState, interaction: ButtonPress): Reply {
  const action = decodeCustomId(interaction.customId);
  if (!action) throw new UserFacingError(STALE);
  if (action.kind === 'source') {
    // A reload may have changed the article: the text now at the same offsets is not what the answer quoted.
    const unchanged = action.passages.filter((p) => p.check === undefined || quoteCheck(app.article(p.key)?.paragraphs[p.paragraph]?.slice(p.start, p.end) ?? '') === p.check);
    if (unchanged.length === 0) throw new UserFacingError(CHANGED);
    return showPassageSources(
      app,
      unchanged.map((p) => ({ article: p.key, paragraph: p.paragraph, start: p.start, end: p.end })),
    );
  }
  const shown = interaction.message.embeds[0]?.author?.name ?? '';
  const question = shown.startsWith(QUESTION_PREFIX) ? shown.slice(QUESTION_PREFIX.length) : '';
  if (question === '' || shortHash(question) !== action.questionHash) throw new UserFacingError(STALE);
  const scoped = action.scope.type === 'all' ? undefined : app.article(action.scope.key);
  if (action.scope.type === 'article' && !scoped) throw new UserFacingError('The article this question was about is no longer loaded. Ask again with /ask.');
  return showMoreExcerpts(app, {
    question,
    scope: {
      articleId: action.scope.type === 'article' ? scoped!.id : null,
      currentArticleId: action.scope.type === 'current' && scoped ? scoped.id : null,
    },
  });
}
