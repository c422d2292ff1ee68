import MiniSearch from 'minisearch';
import type { Article } from '../article.ts';
import { splitWords, toIndexTerms, toTerms } from '../text/terms.ts';

/** An index as plain data (JSON-safe), from {@link ArticleIndex.save}. */
export interface SavedIndex {
  search: unknown;
  /** Article id → the number of its first passage (its paragraphs are numbered on from there). */
  firstPassages: Array<[string, number]>;
  passageFrequency: Array<[string, number]>;
  passageCount: number;
  termCount: number;
}

/** A paragraph of an article that matched a query. */
export interface PassageHit {
  articleId: string;
  paragraph: number;
  /** BM25 of the paragraph with proximity, the lead boost and a share for the title; comparable within one search only. */
  score: number;
  /** The index terms (stemmed) that matched, including those found through typo tolerance. */
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
  id: number;
  text: string;
}

// A title says what the whole story is about. It is indexed with the lead paragraph, which it
// introduces, and gives every retrieved paragraph of its article a small share: as a field of every
// paragraph with a 1.5× boost, it let all paragraphs of a story whose title holds one question word
// outrank the one paragraph that answers (63% of planted questions right at 100,000 articles, against
// 90% at 1,000; bench/README.md).
const TITLE_SHARE = 0.3;
// Question words within this many words of each other (about a sentence) count again, at this weight.
// Planted bench questions answered from their source: 100,000 articles 72.5% without, 75% (weight 3),
// 75.5% (6); 10,000: 84.5% -> 86%; XQuAD excerpt@1 0.743 -> 0.742, excerpt@3 0.908 -> 0.900.
const PROXIMITY_WINDOW = 20;
const PROXIMITY_WEIGHT = 6;
// Leads say a story's most important facts first.
const LEAD_BOOST = [1.2, 1.1];
// minisearch hands this many times the hits asked for to the full scoring.
const CANDIDATE_FACTOR = 8;
// How many passages the words that look for candidates may match together (see searchPassages):
// what minisearch scores per question. A share of the collection, since a word's share of passages
// stays about the same as a collection grows, and leaving out words the answer holds loses it
// (planted bench questions at 10,000 articles, answered from their source: 3% 81%, 5% 84%,
// 6.7% 84.5%, every word 85.5%); at least a fixed number, as small collections are fast anyway.
const PROBE_SHARE = 0.05;
const PROBE_MIN_POSTINGS = 10_000;
// minisearch's own default: a word matched only through a typo counts for less than an exact one.
const FUZZY_WEIGHT = 0.45;
// Up to this many articles, a scoped search reads their paragraphs rather than searching the collection.
const DIRECT_SCOPE_LIMIT = 50;
// BM25 as minisearch applies it: term-frequency saturation and length normalisation.
const BM25_K1 = 1.2;
const BM25_B = 0.7;
const FUZZY_MIN_LENGTH = 5;
// A share of the term's length: 2 edits from 6 letters, enough for a swapped pair ("harbuor").
const FUZZY_DISTANCE = 0.34;

/**
 * The in-memory search index over loaded articles: one minisearch document
 * per paragraph (a passage; the title is indexed with the lead), with English
 * stemming and stop words, typo tolerance for words the collection does not
 * know, a lead boost and a share for the title. Articles can be added,
 * replaced and removed one at a time.
 */
export class ArticleIndex {
  readonly #articles = new Map<string, Article>();
  // Passages are numbered, not named: a number is a much smaller key in minisearch's
  // posting maps than "<article id>\0<paragraph>", and needs no parsing at search time.
  readonly #passages = new Map<number, { articleId: string; paragraph: number }>();
  readonly #firstPassage = new Map<string, number>();
  #nextPassage = 0;
  // How many passages contain each term: the IDF that ranks sentences inside passages.
  readonly #passageFrequency = new Map<string, number>();
  #passageCount = 0;
  #termCount = 0;
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
      this.#termCount = saved.termCount;
      const firstPassages = new Map(saved.firstPassages);
      for (const article of articles) {
        const first = firstPassages.get(article.id);
        if (first === undefined) throw new Error(`the saved index does not hold article ${article.id}`);
        this.#register(article, first);
      }
    } else {
      for (const article of articles) this.add(article);
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
    return {
      search: this.#search.toJSON(),
      firstPassages: [...this.#firstPassage],
      passageFrequency: [...this.#passageFrequency],
      passageCount: this.#passageCount,
      termCount: this.#termCount,
    };
  }

  #options() {
    return {
      fields: ['text'],
      storeFields: [],
      tokenize: (terms: string) => terms.split(' '),
      processTerm: (term: string) => term || null,
      // Queries arrive as terms already processed (see searchPassages), as documents do.
      searchOptions: {
        tokenize: (terms: string) => terms.split(' '),
        processTerm: (term: string) => term,
        combineWith: 'OR' as const,
        prefix: false,
        fuzzy: (term: string) => (term.length >= FUZZY_MIN_LENGTH && !this.#passageFrequency.has(term) ? FUZZY_DISTANCE : false),
      },
    };
  }

  /** Numbers the article's passages (from `first` when restoring a saved index). */
  #register(article: Article, first = this.#nextPassage): number {
    this.#articles.set(article.id, article);
    this.#firstPassage.set(article.id, first);
    for (let paragraph = 0; paragraph < article.paragraphs.length; paragraph++) this.#passages.set(first + paragraph, { articleId: article.id, paragraph });
    this.#nextPassage = Math.max(this.#nextPassage, first + article.paragraphs.length);
    return first;
  }

  /** Adds an article, replacing any article with the same id. */
  add(article: Article): void {
    if (this.#articles.has(article.id)) this.remove(article.id);
    const first = this.#register(article);
    article.paragraphs.forEach((text, paragraph) => {
      const terms = this.#passageTerms(article, paragraph, text);
      const distinct = new Set(terms);
      // Each distinct term once: minisearch only finds candidates, which are then scored with their
      // term frequencies (#scorePassage), and every repeat would cost a lookup in its term tree.
      this.#search.add({ id: first + paragraph, text: [...distinct].join(' ') });
      this.#countTerms(distinct, terms.length, +1);
    });
  }

  /** Removes an article; returns false when no article has that id. */
  remove(articleId: string): boolean {
    const article = this.#articles.get(articleId);
    const first = this.#firstPassage.get(articleId);
    if (!article || first === undefined) return false;
    article.paragraphs.forEach((text, paragraph) => {
      this.#search.discard(first + paragraph);
      this.#passages.delete(first + paragraph);
      const terms = this.#passageTerms(article, paragraph, text);
      this.#countTerms(new Set(terms), terms.length, -1);
    });
    this.#articles.delete(articleId);
    this.#firstPassage.delete(articleId);
    return true;
  }

  #passageTerms(article: Article, paragraph: number, text: string): string[] {
    return paragraph === 0 ? [...toTerms(article.title), ...toTerms(text)] : toTerms(text);
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

  /**
   * The passages (paragraphs) that best match a query, best first.
   *
   * minisearch finds candidates, and each candidate is then scored on every
   * query term (BM25 over the paragraph, lead boost, a share for the title).
   * minisearch scores every passage that holds any query word, so a word that
   * is in a large share of the collection ("people", "said") costs time in
   * proportion to the collection; such words are left out of the search for
   * candidates as long as rarer words of the question find them, and count
   * only in the scoring.
   */
  searchPassages(query: string | { terms: readonly string[] }, options: PassageSearchOptions = {}): PassageHit[] {
    const { articleIds, limit = 20 } = options;
    // Terms already processed (see toTerms) are searched as they are: processing a stem again can
    // change it ("organis" → "organi") into a word the collection does not know.
    const terms = typeof query === 'string' ? splitWords(query).flatMap((word) => toIndexTerms(word)) : query.terms;
    const queryTerms = new Map<string, number>(terms.map((term) => [term, 1]));
    if (queryTerms.size === 0) return [];
    // A few named articles (a conversation's current one) are read directly: filtering a
    // collection-wide search afterwards would score every match in every article first.
    if (articleIds && articleIds.size <= DIRECT_SCOPE_LIMIT) {
      const hits = [...articleIds].flatMap((id) => this.#scoreArticle(id, queryTerms));
      return hits.sort((a, b) => b.score - a.score).slice(0, limit);
    }
    const probe = this.#probeTerms([...queryTerms.keys()]);
    const filter = articleIds ? (result: { id: unknown }) => articleIds.has(this.#passages.get(result.id as number)?.articleId ?? '') : undefined;
    const candidates = this.#search.search([...probe].join(' '), filter ? { filter } : {}).slice(0, limit * CANDIDATE_FACTOR);
    // Words found only through typo tolerance count for less, as in minisearch. Typo matches are
    // expansions of the query, so every candidate holding one reports it.
    const weights = new Map(queryTerms);
    for (const result of candidates) for (const term of result.terms) if (!weights.has(term)) weights.set(term, FUZZY_WEIGHT);
    const hits: PassageHit[] = [];
    for (const result of candidates) {
      const passage = this.#passages.get(result.id as number);
      const article = passage && this.#articles.get(passage.articleId);
      if (!passage || !article) continue;
      const hit = this.#scorePassage(article, passage.paragraph, weights, this.#titleScore(article, weights));
      if (hit) hits.push(hit);
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  #probeTerms(terms: readonly string[]): Set<string> {
    const budget = Math.max(PROBE_MIN_POSTINGS, PROBE_SHARE * this.#passageCount);
    return chooseProbeTerms(terms.map((term) => ({ term, passages: this.#passageFrequency.get(term) ?? 0 })), budget);
  }

  /** IDF-weighted query terms that the article's title holds. */
  #titleScore(article: Article, termWeights: ReadonlyMap<string, number>): number {
    let score = 0;
    for (const term of new Set(toTerms(article.title))) score += (termWeights.get(term) ?? 0) * this.idf(term);
    return score;
  }

  /** Every paragraph of one article that matches (see {@link searchPassages}). */
  #scoreArticle(articleId: string, termWeights: ReadonlyMap<string, number>): PassageHit[] {
    const article = this.#articles.get(articleId);
    if (!article) return [];
    const titleScore = this.#titleScore(article, termWeights);
    return article.paragraphs.flatMap((_, paragraph) => this.#scorePassage(article, paragraph, termWeights, titleScore) ?? []);
  }

  /**
   * BM25 of a passage (as minisearch computes it: term-frequency saturation,
   * length normalisation), times its lead boost, plus a share of the title's
   * score for paragraphs after the lead (the lead holds the title's words).
   */
  #scorePassage(article: Article, paragraph: number, termWeights: ReadonlyMap<string, number>, titleScore: number): PassageHit | null {
    const terms = this.#passageTerms(article, paragraph, article.paragraphs[paragraph] ?? '');
    const counts = new Map<string, number>();
    for (const term of terms) if (termWeights.has(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
    const fromTitle = paragraph === 0 ? 0 : TITLE_SHARE * titleScore;
    if (counts.size === 0 && fromTitle === 0) return null;
    const averageLength = Math.max(1, this.#termCount / Math.max(1, this.#passageCount));
    const norm = BM25_K1 * (1 - BM25_B + (BM25_B * terms.length) / averageLength);
    let score = 0;
    for (const [term, count] of counts) score += termWeights.get(term)! * this.idf(term) * ((count * (BM25_K1 + 1)) / (count + norm));
    const together = PROXIMITY_WEIGHT * this.#closestTogether(terms, termWeights);
    return { articleId: article.id, paragraph, score: (score + together) * (LEAD_BOOST[paragraph] ?? 1) + fromTitle, matchedTerms: [...counts.keys()] };
  }

  /**
   * The most of the question (IDF-weighted) that one stretch of about a
   * sentence's length holds: a paragraph that says the question's words
   * together beats one that scatters them (near-copies of a story hold the
   * same words in other sentences).
   */
  #closestTogether(terms: readonly string[], termWeights: ReadonlyMap<string, number>): number {
    const positions: Array<{ at: number; term: string }> = [];
    terms.forEach((term, at) => {
      if (termWeights.has(term)) positions.push({ at, term });
    });
    const inWindow = new Map<string, number>();
    let best = 0;
    let weight = 0;
    let first = 0;
    for (const { at, term } of positions) {
      const seen = inWindow.get(term) ?? 0;
      if (seen === 0) weight += termWeights.get(term)! * this.idf(term);
      inWindow.set(term, seen + 1);
      while (at - positions[first]!.at >= PROXIMITY_WINDOW) {
        const left = positions[first++]!.term;
        inWindow.set(left, inWindow.get(left)! - 1);
        if (inWindow.get(left) === 0) weight -= termWeights.get(left)! * this.idf(left);
      }
      best = Math.max(best, weight);
    }
    return best;
  }

  #countTerms(distinct: ReadonlySet<string>, length: number, delta: 1 | -1): void {
    this.#passageCount += delta;
    this.#termCount += delta * length;
    for (const term of distinct) {
      const count = (this.#passageFrequency.get(term) ?? 0) + delta;
      if (count <= 0) this.#passageFrequency.delete(term);
      else this.#passageFrequency.set(term, count);
    }
  }
}

/**
 * The query terms that look for candidates: the rarest first, while the
 * passages they match together stay within `budget`; always at least the
 * rarest, and always the words no passage holds (they are looked up with
 * typo tolerance, which costs little).
 */
export function chooseProbeTerms(terms: ReadonlyArray<{ term: string; passages: number }>, budget: number): Set<string> {
  const probe = new Set<string>();
  let postings = 0;
  for (const { term, passages } of [...terms].sort((a, b) => a.passages - b.passages)) {
    if (postings > 0 && postings + passages > budget) break;
    probe.add(term);
    postings += passages;
  }
  return probe;
}
