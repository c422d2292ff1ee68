import type { Article, Sentence } from './article.ts';
import { splitSentences } from './text/split-sentences.ts';

type Paragraphs = Pick<Article, 'paragraphs'>;

// Sentences are found on first use, not when an article is loaded: splitting (wink-nlp tokenises
// every word) was 60% of the load time at 100,000 articles (bench/README.md), and most articles of a
// large collection are never quoted. The articles split last are kept, a bounded number, so that an
// article being discussed is not split again for every question. They are kept by their paragraphs, not
// the article: an article read from the cache holds that cache's texts file and parsed texts, which a
// reload must be able to let go of.
const CACHED_ARTICLES = 2_000;
const cache = new Map<readonly string[], Array<readonly Sentence[] | undefined>>();

/**
 * The sentences of one paragraph of an article, located by offsets into it:
 * `article.paragraphs[paragraph].slice(s.start, s.end)` is each sentence.
 * A paragraph always has at least one sentence (see {@link splitSentences}).
 */
export function paragraphSentences(article: Paragraphs, paragraph: number): readonly Sentence[] {
  const key = article.paragraphs;
  let paragraphs = cache.get(key);
  if (paragraphs) {
    // Most recently used last: the first entry is the one to evict.
    cache.delete(key);
  } else {
    paragraphs = [];
    if (cache.size >= CACHED_ARTICLES) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, paragraphs);
  const known = paragraphs[paragraph];
  if (known) return known;
  const sentences = splitSentences(key[paragraph] ?? '').map(({ start, end }) => ({ paragraph, start, end }));
  paragraphs[paragraph] = sentences;
  return sentences;
}

/** Every sentence of an article's body, in order (see {@link paragraphSentences}). */
export function sentencesOf(article: Paragraphs): Sentence[] {
  return article.paragraphs.flatMap((_, paragraph) => paragraphSentences(article, paragraph));
}
