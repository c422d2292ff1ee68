/**
 * The benchmark's baseline: eval/baseline.ts's plain sentence search (every
 * sentence of every article is one minisearch document, default options,
 * BM25+, terms combined with OR), with one change so that it meets the
 * engine on equal terms: words are stemmed and stop words dropped with the
 * project's own `toTerm` (as minisearch's `processTerm`, for indexing and
 * querying alike).
 */
import MiniSearch from 'minisearch';
import type { Article } from '../src/article.ts';
import { citeSentence } from '../src/answer/cite-sentence.ts';
import type { Answer, Citation } from '../src/answer/types.ts';
import { toTerm } from '../src/text/terms.ts';
import { BASELINE_EXCERPTS, type QuestionAnswerer } from '../eval/baseline.ts';

interface SentenceDocument {
  id: number;
  text: string;
}

/**
 * Builds the stemmed sentence-search baseline over a collection.
 *
 * @example createStemmedSentenceBaseline(articles).ask('Who was killed?').citations[0] // the best-matching sentence
 */
export function createStemmedSentenceBaseline(articles: readonly Article[]): QuestionAnswerer {
  const citations: Citation[] = articles.flatMap((article) => article.sentences.map((sentence) => citeSentence(article, sentence)));
  const index = new MiniSearch<SentenceDocument>({ fields: ['text'], processTerm: (term) => toTerm(term) });
  index.addAll(citations.map((citation, id) => ({ id, text: citation.quote })));
  return {
    ask(question: string): Answer {
      const hits = index
        .search(question)
        .slice(0, BASELINE_EXCERPTS)
        .map((hit) => citations[hit.id as number])
        .filter((c): c is Citation => c !== undefined);
      const top = hits[0];
      return top === undefined
        ? { question, answer: null, confidence: 'none', citations: [] }
        : { question, answer: top.quote, confidence: 'low', citations: hits };
    },
  };
}
