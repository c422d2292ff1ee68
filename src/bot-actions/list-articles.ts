import type { AppState } from '../app-state/create-app-state.ts';
import { buildListReply, LIST_PAGE_SIZE } from '../reply/build-list-reply.ts';
import type { ListReply } from '../reply/reply.ts';
import { noArticlesError } from './find-article.ts';
import { UserFacingError } from './user-facing-error.ts';

/**
 * `/article list [page]`: titles, outlets and dates, newest first, ten a page.
 * @throws UserFacingError for a page past the last, or when no article is loaded.
 */
export function listArticles(app: AppState, input: { page?: number | undefined }): ListReply {
  if (app.articles.length === 0) throw noArticlesError();
  const pages = Math.ceil(app.articles.length / LIST_PAGE_SIZE);
  const page = input.page ?? 1;
  if (page > pages) throw new UserFacingError(`There ${pages === 1 ? 'is 1 page' : `are ${pages} pages`} of articles; ask for page 1 to ${pages}.`);
  return buildListReply(app.articles, page);
}
