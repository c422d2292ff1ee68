import type { Article } from './article.ts';
import { citeSentence } from './answer/cite-sentence.ts';
import type { Citation, SummaryLength } from './answer/types.ts';
import { lengthLimits, selectSentences } from './summary/select-sentences.ts';
import { sentencesOf } from './sentences.ts';

/**
 * An extractive summary of an article: some of its own body sentences,
 * quoted verbatim with their offsets, in article order.
 *
 * Sentences are scored by how central they are to the article (TF-IDF cosine
 * with the rest of it and TextRank, on stemmed words without stop words),
 * their overlap with the title, their position (news puts the gist first) and
 * how informative their length is; then chosen greedily with
 * a penalty for overlap with what is already chosen (MMR), never taking two
 * near-duplicates, within a sentence and character budget per length (short
 * ≈ 1–2 sentences, default ≈ 3, long ≈ 5–6). Captions are never used (they
 * are not body text), and boilerplate (calls to action, photo credits,
 * datelines, web addresses, sentences of three words or fewer) is left out.
 * Never empty: an article of one sentence is its own summary.
 *
 * @example summarizeArticle(article, 'short').map((c) => c.quote) // ['Russia claims it killed the leader of …']
 */
export function summarizeArticle(article: Article, length: SummaryLength = 'default'): Citation[] {
  const sentences = sentencesOf(article);
  return selectSentences(article, lengthLimits(length, sentences.length)).map((index) => citeSentence(article, sentences[index]!));
}
