import { sentenceText, type Article, type Sentence } from '../article.ts';
import type { Citation } from './types.ts';

/**
 * The citation of one sentence (or any span of one paragraph) of an article:
 * the attribution and the verbatim quote with its offsets.
 */
export function citeSentence(article: Article, sentence: Sentence): Citation {
  return {
    articleId: article.id,
    title: article.title,
    source: article.source,
    date: article.date,
    file: article.file,
    paragraph: sentence.paragraph,
    quote: sentenceText(article, sentence),
    start: sentence.start,
    end: sentence.end,
  };
}
