import type { Article } from '../article.ts';
import type { ListReply } from './reply.ts';

/** Titles per page of /article list. */
export const LIST_PAGE_SIZE = 10;

/**
 * One page of /article list. `articles` must already be newest first;
 * `page` is 1-based and must exist (the caller checks).
 */
export function buildListReply(articles: readonly Article[], page: number, pageSize = LIST_PAGE_SIZE): ListReply {
  const pages = Math.max(1, Math.ceil(articles.length / pageSize));
  return {
    ok: true,
    kind: 'list',
    command: 'article list',
    page,
    pages,
    total: articles.length,
    articles: articles.slice((page - 1) * pageSize, page * pageSize).map((a) => ({ id: a.id, title: a.title, source: a.source, date: a.date })),
  };
}
