import MiniSearch from 'minisearch';
import type { Article } from '../article.ts';
import { splitWords, toIndexTerms, toTerms } from '../text/terms.ts';

/** An index as plain data (JSON-safe), from {@link ArticleIndex.save}. */
export interface SavedIndex {
  search: unknown;
  passageFrequency: Array<[string, number]>;
  passageCount: number;
}

/** A paragraph of an article that matched a query. */
export interface PassageHit {
  articleId: string;
  paragraph: number;
  /** minisearch's BM25 score (with title and lead boosts); comparable within one search only. */
  score: number;
  /** The query terms (stemmed) that matched. */
  matchedTerms: string[];
}

/** Options of {@link ArticleIndex.searchPassages}. */
export interface PassageSearchOptions {
  /** Only passages of these articles. */
  articleIds?: ReadonlySet<string>;
  /** At most this many hits. Default 20. */
  limit?: number;
}

interface PassageDocument {
  id: string;
  articleId: string;
  paragraph: number;
  title: string;
  text: string;
}

// Titles say what a story is about; leads say its most important facts first.
const TITLE_BOOST = 1.5;
const LEAD_BOOST = [1.2, 1.1];
const FUZZY_MIN_LENGTH = 5;
// A share of the term's length: 2 edits from 6 letters, enough for a swapped pair ("harbuor").
const FUZZY_DISTANCE = 0.34;

/**
 * The in-memory search index over loaded articles: one minisearch document
 * per paragraph (a passage), with English stemming and stop words, title and
 * lead boosts, and typo tolerance for words the collection does not know.
 * Articles can be added, replaced and removed one at a time.
 */
export class ArticleIndex {
  readonly #articles = new Map<string, Article>();
  // How many passages contain each term: the IDF that ranks sentences inside passages.
  readonly #passageFrequency = new Map<string, number>();
  #passageCount = 0;
  // Documents arrive as their terms, already processed (see `add`), so that
  // each paragraph is tokenised and stemmed once for minisearch and for the
  // passage frequencies; queries are processed the same way at search time.
  readonly #search: MiniSearch<PassageDocument>;

  /** Builds an index of these articles. */
  constructor(articles: Iterable<Article> = [], saved?: SavedIndex) {
    this.#search = saved ? MiniSearch.loadJS(saved.search as never, this.#options()) : new MiniSearch<PassageDocument>(this.#options());
    if (saved) {
      for (const [term, count] of saved.passageFrequency) this.#passageFrequency.set(term, count);
      this.#passageCount = saved.passageCount;
    }
    for (const article of articles) {
      if (saved) this.#articles.set(article.id, article);
      else this.add(article);
    }
  }

  /**
   * Restores an index saved with {@link ArticleIndex.save} over the articles
   * it was built from (the caller checks they are the same, see
   * src/cache/index-cache.ts); much faster than indexing them again.
   */
  static restore(saved: SavedIndex, articles: Iterable<Article>): ArticleIndex {
    return new ArticleIndex(articles, saved);
  }

  /** The index as plain data, for {@link ArticleIndex.restore}. */
  save(): SavedIndex {
    return { search: this.#search.toJSON(), passageFrequency: [...this.#passageFrequency], passageCount: this.#passageCount };
  }

  #options() {
    return {
      fields: ['title', 'text'],
      storeFields: [],
      tokenize: (terms: string) => terms.split(' '),
      processTerm: (term: string) => term || null,
      searchOptions: {
        tokenize: (text: string) => splitWords(text),
        processTerm: (word: string) => {
          const terms = toIndexTerms(word);
          return terms.length === 0 ? null : terms;
        },
        boost: { title: TITLE_BOOST },
        combineWith: 'OR' as const,
        prefix: false,
        fuzzy: (term: string) => (term.length >= FUZZY_MIN_LENGTH && !this.#passageFrequency.has(term) ? FUZZY_DISTANCE : false),
        boostDocument: (id: unknown) => LEAD_BOOST[paragraphOf(String(id))] ?? 1,
      },
    };
  }

  /** Adds an article, replacing any article with the same id. */
  add(article: Article): void {
    if (this.#articles.has(article.id)) this.remove(article.id);
    this.#articles.set(article.id, article);
    const title = toTerms(article.title).join(' ');
    article.paragraphs.forEach((text, paragraph) => {
      const terms = toTerms(text);
      this.#search.add({ id: passageId(article.id, paragraph), articleId: article.id, paragraph, title, text: terms.join(' ') });
      this.#countTerms(terms, +1);
    });
  }

  /** Removes an article; returns false when no article has that id. */
  remove(articleId: string): boolean {
    const article = this.#articles.get(articleId);
    if (!article) return false;
    for (let paragraph = 0; paragraph < article.paragraphs.length; paragraph++) this.#search.discard(passageId(articleId, paragraph));
    for (const text of article.paragraphs) this.#countTerms(toTerms(text), -1);
    this.#articles.delete(articleId);
    return true;
  }

  /** The article with this id. */
  get(articleId: string): Article | undefined {
    return this.#articles.get(articleId);
  }

  /** Every article, in insertion order. */
  articles(): IterableIterator<Article> {
    return this.#articles.values();
  }

  /** How many articles are indexed. */
  get size(): number {
    return this.#articles.size;
  }

  /**
   * Inverse document frequency of a (stemmed) term over passages: high for
   * rare terms, 0 for terms in every passage, and the highest for unknown ones.
   */
  idf(term: string): number {
    const frequency = this.#passageFrequency.get(term) ?? 0;
    return Math.log(1 + (this.#passageCount - frequency + 0.5) / (frequency + 0.5));
  }

  /** True when some passage contains this (stemmed) term. */
  knows(term: string): boolean {
    return this.#passageFrequency.has(term);
  }

  /** The passages that best match a query, best first. */
  searchPassages(query: string, options: PassageSearchOptions = {}): PassageHit[] {
    const { articleIds, limit = 20 } = options;
    const filter = articleIds ? (result: { id: string }) => articleIds.has(articleOf(result.id)) : undefined;
    const results = this.#search.search(query, filter ? { filter } : {});
    return results.slice(0, limit).map((result) => ({
      articleId: articleOf(String(result.id)),
      paragraph: paragraphOf(String(result.id)),
      score: result.score,
      matchedTerms: result.terms,
    }));
  }

  #countTerms(terms: readonly string[], delta: 1 | -1): void {
    this.#passageCount += delta;
    for (const term of new Set(terms)) {
      const count = (this.#passageFrequency.get(term) ?? 0) + delta;
      if (count <= 0) this.#passageFrequency.delete(term);
      else this.#passageFrequency.set(term, count);
    }
  }
}

const SEPARATOR = '\u0000';

function passageId(articleId: string, paragraph: number): string {
  return `${articleId}${SEPARATOR}${paragraph}`;
}

function articleOf(id: string): string {
  return id.slice(0, id.lastIndexOf(SEPARATOR));
}

function paragraphOf(id: string): number {
  return Number(id.slice(id.lastIndexOf(SEPARATOR) + 1));
}
