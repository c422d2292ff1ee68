/**
 * The benchmark's baseline: eval/baseline.ts's plain sentence search (every
 * sentence of every article is one minisearch document, default options,
 * BM25+, terms combined with OR), with one change so that it meets the
 * engine on equal terms: words are stemmed and stop words dropped with the
 * project's own `toTerm` (as minisearch's `processTerm`, for indexing and
 * querying alike).
 */
import type { Article } from '../src/article.ts';
import { toTerm } from '../src/text/terms.ts';
import { createSentenceSearchBaseline, type QuestionAnswerer } from '../eval/baseline.ts';

/**
 * Builds the stemmed sentence-search baseline over a collection.
 *
 * @example createStemmedSentenceBaseline(articles).ask('Who was killed?').citations[0] // the best-matching sentence
 */
export function createStemmedSentenceBaseline(articles: readonly Article[]): QuestionAnswerer {
  return createSentenceSearchBaseline(articles, toTerm);
}
