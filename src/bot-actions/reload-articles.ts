import type { AppStore } from '../app-state/app-store.ts';
import { describeFolderError } from '../app-state/create-app-state.ts';
import type { ReloadReply } from '../reply/reply.ts';
import { UserFacingError } from './user-facing-error.ts';

/**
 * `/reload`: re-reads the articles folder and rebuilds the engine (the same
 * start-up step as the bot's and the console's), then replies with the load
 * report. Conversations keep their context; an article that is gone is simply
 * no longer found.
 *
 * @throws UserFacingError when the folder cannot be read; the old articles stay in use.
 */
export async function reloadArticles(store: AppStore, beforeSlowWork?: () => Promise<void>): Promise<ReloadReply> {
  await beforeSlowWork?.();
  let state;
  try {
    state = await store.reload();
  } catch (error) {
    throw new UserFacingError(`The articles folder could not be read (${describeFolderError(error)}); the articles loaded before are still in use.`);
  }
  return { ok: true, kind: 'reload', command: 'reload', articlesLoaded: state.report.articlesLoaded, report: [...state.reportLines] };
}
