import { sentenceText, type Article, type Sentence } from '../article.ts';
import { paragraphSentences } from '../sentences.ts';
import { isPageFurniture } from '../summary/is-boilerplate.ts';

/**
 * An article's first `count` sentences, page furniture left out: news puts when, where and what happened first, so
 * these tell the event the article reports.
 */
export function openingSentences(article: Article, count: number): Sentence[] {
  const sentences: Sentence[] = [];
  for (let paragraph = 0; paragraph < article.paragraphs.length && sentences.length < count; paragraph++) {
    sentences.push(...paragraphSentences(article, paragraph).filter((sentence) => !isPageFurniture(sentenceText(article, sentence))));
  }
  return sentences.slice(0, count);
}
