/**
 * The baselines the engine is measured against.
 *
 * Question answering — a plain minisearch sentence search: every sentence of
 * every article is one minisearch document with one field, `text`, indexed and
 * searched with minisearch's default options (split on space and punctuation,
 * lower-case, no stemming, no stop words, no fuzzy or prefix matching, terms
 * combined with OR, BM25+ ranking). The excerpts are the best-ranked
 * sentences; the "answer" is the top sentence itself, so its F1 is what
 * answering with a whole sentence earns. It abstains only when no word of the
 * question occurs anywhere in the collection.
 *
 * Summarising — Lead-3: the first three sentences of the article's body, the
 * usual baseline for news summaries.
 */
import MiniSearch from 'minisearch';
import type { Article } from '../src/article.ts';
import { citeSentence } from '../src/answer/cite-sentence.ts';
import { sentencesOf } from '../src/sentences.ts';
import type { Answer, Citation } from '../src/answer/types.ts';

/** How many excerpts the baseline returns with each answer. */
export const BASELINE_EXCERPTS = 5;

/** Where a question is asked: of one article only, or in a conversation whose current article is given. */
export interface AskScope {
  articleId?: string;
  currentArticleId?: string;
}

/** A question-answering system as the harness drives it: the engine and the baseline alike. */
export interface QuestionAnswerer {
  ask(question: string, scope?: AskScope): Answer;
}

interface SentenceDocument {
  id: number;
  text: string;
}

/**
 * Builds the sentence-search baseline over a collection.
 *
 * @example createSentenceSearchBaseline(articles).ask('Who won Super Bowl 50?').answer // the best-matching sentence
 */
export function createSentenceSearchBaseline(
  articles: readonly Article[],
  /** Term processing for indexing and querying alike; minisearch's default (lower-casing) when absent. */
  processTerm?: (term: string) => string | null,
): QuestionAnswerer {
  // Our own table from document id to citation, so nothing depends on minisearch's `any`-typed results.
  const citations: Citation[] = articles.flatMap((article) =>
    sentencesOf(article).map((sentence) => citeSentence(article, sentence)),
  );
  const index = new MiniSearch<SentenceDocument>({ fields: ['text'], ...(processTerm ? { processTerm } : {}) });
  index.addAll(citations.map((citation, id) => ({ id, text: citation.quote })));

  return {
    ask(question: string, scope: AskScope = {}): Answer {
      // A plain search has no conversation: it reads the current article only, as it reads an explicit one.
      const only = scope.articleId ?? scope.currentArticleId;
      const hits = index
        .search(question, only === undefined ? {} : { filter: (hit) => citations[hit.id as number]?.articleId === only })
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

/**
 * Lead-N: the first `count` sentences of the article's body, as citations in
 * article order.
 */
export function summarizeLead(article: Article, count = 3): Citation[] {
  return sentencesOf(article).slice(0, count).map((sentence) => citeSentence(article, sentence));
}
