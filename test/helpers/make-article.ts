import type { Article } from '../../src/article.ts';
import { buildArticle } from '../../src/parse/build-article.ts';

/** A validated JSON-format article for tests, from a title and paragraphs (outlet "Test Wire"). */
export function makeArticle(id: string, title: string, paragraphs: string[], date = '2020-01-01', file = id): Article {
  const built = buildArticle({ title, date, source: 'Test Wire', paragraphs, captions: [] }, { id, file, format: 'json' });
  if (!built.ok) throw new Error(`makeArticle(${id}): ${built.error.message}`);
  return built.article;
}
