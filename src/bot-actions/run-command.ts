import type { AppStore } from '../app-state/app-store.ts';
import type { Conversation } from '../conversation/conversation-store.ts';
import type { HelpReply, Reply } from '../reply/reply.ts';
import { askQuestion } from './ask-question.ts';
import type { CommandRequest } from './command-request.ts';
import { listArticles } from './list-articles.ts';
import { reloadArticles } from './reload-articles.ts';
import { showArticle } from './show-article.ts';
import { showSource } from './show-source.ts';

/** What {@link runCommand} needs: the articles, the conversation, and the adapter's defer hook. */
export interface RunCommandContext {
  readonly store: AppStore;
  readonly conversation: Conversation;
  /** See {@link ActionContext.beforeSlowWork}. */
  readonly beforeSlowWork?: () => Promise<void>;
}

/**
 * Answers one slash command: the command logic shared by Discord and the
 * console. Reads the current articles once, so a concurrent reload never
 * changes them half-way.
 *
 * @throws UserFacingError for what the user can fix; anything else is a bug.
 * @example await runCommand({ command: 'ask', question: 'who was targeted' }, { store, conversation })
 */
export async function runCommand(request: CommandRequest, ctx: RunCommandContext): Promise<Reply> {
  const action = { app: ctx.store.current, conversation: ctx.conversation, ...(ctx.beforeSlowWork ? { beforeSlowWork: ctx.beforeSlowWork } : {}) };
  switch (request.command) {
    case 'article latest':
      return showArticle(action, { length: request.length });
    case 'article show':
      return showArticle(action, { title: request.title, length: request.length });
    case 'article list':
      return listArticles(action.app, { page: request.page });
    case 'ask':
      return askQuestion(action, { question: request.question, article: request.article });
    case 'source':
      return showSource(action, { article: request.article });
    case 'reload':
      return reloadArticles(ctx.store, ctx.beforeSlowWork);
    case 'help':
      return helpReply();
  }
}

/** The commands, as /help lists them (console). */
export function helpReply(): HelpReply {
  return {
    ok: true,
    kind: 'help',
    command: 'help',
    commands: [
      { usage: '/ask <question> [article:<title>]', description: 'A short answer with quoted, sourced excerpts; "I could not find that" when the articles do not say.' },
      { usage: '/article latest [length:short|default|long]', description: 'The newest article: summary, key facts and source.' },
      { usage: '/article show title:<title> [length:…]', description: 'Any article the same way (part of the title is enough).' },
      { usage: '/article list [page]', description: 'Titles, outlets and dates, newest first.' },
      { usage: '/source [article:<title>]', description: 'Where the last answer or article came from, with every quoted passage.' },
      { usage: '/reload', description: 'Re-read the articles folder.' },
      { usage: '/help', description: 'This list. Type a question without a command to ask it; /quit ends the session.' },
    ],
  };
}
