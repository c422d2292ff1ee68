import { paragraphCount, type Article } from '../article.ts';
import { splitWords, toIndexTerms } from '../text/terms.ts';
import { spellingKey, spellsSameName } from '../text/spelling-key.ts';
import { NameAliases, type AliasPair } from '../text/name-aliases.ts';
import { WasmWordTable } from '../text/wasm-word-table.ts';
import { PassageCounter, indexTermResolver, type CountedPassages } from './count-passages.ts';
import { BM25_B, BM25_K1, PassagePostings, type SavedPostings, type ScoredPassage } from './passage-postings.ts';

/** An index as plain data (typed arrays and JSON-safe values), from {@link ArticleIndex.save}. */
export interface SavedIndex {
  postings: SavedPostings;
  /** Article id → the number of its first passage (its paragraphs are numbered on from there). */
  firstPassages: Array<[string, number]>;
  /** The aliases the articles define (see findAliasPairs), as [article id, name, alias]; an article not here defines none. */
  aliases: Array<[string, string, string]>;
}

/**
 * How the articles write a name of the question otherwise, each form as its terms: another spelling ("raqa" for
 * "raqqa") or an alias (["daesh"], ["islam", "islamic", "state"] for ["isi", "isis"]).
 */
export interface OtherForms {
  /** The name's terms as the question writes it. */
  terms: readonly string[];
  forms: ReadonlyArray<readonly string[]>;
}

/** A query of terms already processed (see terms.ts), with the other forms of its names. */
export interface TermQuery {
  terms: readonly string[];
  otherForms?: readonly OtherForms[];
}

/** A paragraph of an article that matched a query. */
export interface PassageHit {
  articleId: string;
  paragraph: number;
  /** BM25 of the paragraph and of its best sentence, with a share for the title; comparable within one search only. */
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

// A title says what the whole story is about. It is indexed with the lead paragraph, which it
// introduces, and gives every retrieved paragraph of its article a small share: as a field of every
// paragraph with a 1.5× boost, it let all paragraphs of a story whose title holds one question word
// outrank the one paragraph that answers (63% of planted questions right at 100,000 articles, against
// 90% at 1,000; bench/README.md).
const TITLE_SHARE = 0.3;
// A passage scores again, at this weight, for its best sentence (BM25 over the sentence): a paragraph
// that says the question's words in one sentence beats one that scatters them, and near-copies of a
// story hold the same words in other sentences. Planted bench questions answered from their source:
// 100,000 articles 82.5% with a 20-word proximity window instead, 84.5% with this; 10,000 86.5% ->
// 87%; 1,000 91% -> 91.5%; XQuAD excerpt@1 0.742 -> 0.745. Weights 1, 6 and 10 did no better.
const SENTENCE_WEIGHT = 3;
// The sentence length BM25 normalises by, in terms (stop words left out): about a news sentence's
// (15 did worse).
const TYPICAL_SENTENCE_TERMS = 25;
/**
 * Where a sentence ends, roughly: after . ! or ? (and a closing quote or
 * bracket), before a capital, a digit or an opening quote. Enough for
 * ranking, and far cheaper than the sentence splitter that cuts quotes
 * (src/sentences.ts).
 */
export const SENTENCE_END = /(?<=[.!?]["”’)]?)\s+(?=[\p{Lu}"“(0-9])/u;
// No boost for the lead paragraphs: ×1.2 / ×1.1 for the first two cost planted bench questions
// answered from their source at every size (100,000 articles 84.5% -> 87.5%, 10,000 87% -> 88.5%,
// 1,000 91.5% -> 92.5% without it; another seed's questions at 100,000: 84.5% -> 86%), as a reserved
// paragraph lost to leads that share some of its words. The title still lends paragraphs a share.

// The compact postings hand this many times the hits asked for to the full scoring.
const CANDIDATE_FACTOR = 8;
// Near-copies of one paragraph (a wire story in many outlets, figures varied) score exactly alike in
// the compact postings, and enough of them filled every candidate place: a search takes this many
// times the candidates from the postings and keeps at most MAX_SAME_SCORE passages of each score.
// Planted bench questions answered from their source at 100,000 articles: 193 -> 197 of 200 with
// 4 times, 198 with 8 (1,000 articles: 199); a search costs no more, as the postings now pick their
// best by selection, not a heap (CPU per search of the bench questions: 7.4 -> 6.6 ms). Paragraphs
// that tie exactly without being copies (the same counts of the question's words, the same length)
// are set aside alike; the next scores take their places.
const COPY_HEADROOM = 8;
const MAX_SAME_SCORE = 2;
// As minisearch weighs them by default: a word matched only through a typo counts for less than an exact one.
const FUZZY_WEIGHT = 0.45;
// Up to this many articles, a scoped search reads their paragraphs rather than searching the collection.
const DIRECT_SCOPE_LIMIT = 50;
const FUZZY_MIN_LENGTH = 5;
// A share of the term's length: 2 edits from 6 letters, enough for a swapped pair ("harbuor"); at most 6, as in minisearch.
const FUZZY_DISTANCE = 0.34;
const FUZZY_MAX_DISTANCE = 6;
// How many unknown words' typo matches are kept (see ArticleIndex.typoMatches), and names' spellings.
const TYPO_CACHE_SIZE = 1000;
// The shortest name whose other spellings are looked up ("Hama" / "Hamah"), and the length from which they are
// looked for among the words two edits away ("Mayadin" / "Mayadeen") rather than one ("Idlib" / "Idleb"). Three
// edits ("Hassakeh" / "Hasaka") cost about 1 ms a question at 1,000 and 10,000 articles (bench p50 6.4 -> 7.5 ms)
// and found nothing more for the respelled news questions.
const SPELLING_MIN_LENGTH = 4;
const SPELLING_TWO_EDITS_LENGTH = 6;
const SPELLING_MAX_EDITS = 2;
// What another spelling or an alias of a question's name counts for in a search, against 1 for the question's own.
const SPELLING_WEIGHT = 0.9;

/** A term's fuzzy lookup from its cache, or made and kept (the cache starts again when full). */
function lookedUpOnce(cache: Map<string, string[]>, term: string, lookUp: () => string[]): string[] {
  let found = cache.get(term);
  if (found === undefined) {
    found = lookUp();
    if (cache.size >= TYPO_CACHE_SIZE) cache.clear();
    cache.set(term, found);
  }
  return found;
}

/**
 * The in-memory search index over loaded articles: one passage per
 * paragraph (the title is indexed with the lead), with English stemming and
 * stop words, typo tolerance for words the collection does not know
 * (minisearch's radix tree) and a share for the title.
 * Postings are packed typed arrays (see passage-postings.ts). Articles can
 * be added, replaced and removed one at a time.
 */
export class ArticleIndex {
  readonly #articles = new Map<string, Article>();
  // Passages are numbered: article i's paragraphs are first..first + paragraphs - 1, and a
  // passage's owner is looked up in an array, not a map keyed by "<article id>\0<paragraph>".
  readonly #passageOwner: Array<string | undefined> = [];
  readonly #firstPassage = new Map<string, number>();
  #nextPassage = 0;
  #postings: PassagePostings;
  // Words → their term numbers (a word may have two: a name's stem and its exact form).
  readonly #words = new WasmWordTable(indexTermResolver((term) => this.#postings.termNumber(term, true)));
  readonly #counter = new PassageCounter(this.#words);
  // A question's unknown words are looked up twice (the passage search and the sentence ranker), and a fuzzy
  // lookup costs 0.3–2 ms at 424 articles, more in a larger vocabulary: kept until the articles change.
  readonly #typoCache = new Map<string, string[]>();
  // A question's names' other spellings (see spellingVariants), kept as typo matches are.
  readonly #spellingCache = new Map<string, string[]>();
  // The aliases each article defines ("Free Syrian Army (FSA)"; see findAliasPairs), counted with its words
  // (CountedPassages.aliases) or restored from a saved index (a restored index does not read its articles' text);
  // grouped when first asked for.
  readonly #aliasPairs = new Map<string, AliasPair[]>();
  #aliases: NameAliases | undefined;

  /** Builds an index of these articles. */
  constructor(articles: Iterable<Article> = [], saved?: SavedIndex) {
    if (saved) {
      this.#postings = PassagePostings.restore(saved.postings);
      const firstPassages = new Map(saved.firstPassages);
      for (const article of articles) {
        const first = firstPassages.get(article.id);
        if (first === undefined) throw new Error(`the saved index does not hold article ${article.id}`);
        this.#register(article, first);
        this.#aliasPairs.set(article.id, []);
      }
      for (const [id, name, alias] of saved.aliases) this.#aliasPairs.get(id)?.push({ name, alias });
      // What the saved index holds of articles not given (removed or changed since) is dropped; their
      // passage numbers are not given out again (the postings keep each term's passages in order).
      this.#postings.dropWhere((passage) => this.#passageOwner[passage] === undefined);
      this.#nextPassage = Math.max(this.#nextPassage, this.#postings.passageSlots);
    } else {
      this.#postings = new PassagePostings();
      for (const article of articles) this.add(article);
      this.#postings.compact();
    }
  }

  /**
   * Restores an index saved with {@link ArticleIndex.save} over the articles
   * it was built from, or some of them (the caller checks they are unchanged,
   * see src/cache/index-cache.ts): the passages of the others are dropped.
   * Much faster than indexing them again.
   */
  static restore(saved: SavedIndex, articles: Iterable<Article>): ArticleIndex {
    return new ArticleIndex(articles, saved);
  }

  /** The index as plain data, for {@link ArticleIndex.restore}. */
  save(): SavedIndex {
    const aliases: SavedIndex['aliases'] = [];
    for (const [id, pairs] of this.#aliasPairs) for (const { name, alias } of pairs) aliases.push([id, name, alias]);
    return { postings: this.#postings.save(), firstPassages: [...this.#firstPassage], aliases };
  }

  /** Numbers the article's passages (from `first` when restoring a saved index). */
  #register(article: Article, first = this.#nextPassage): number {
    this.#articles.set(article.id, article);
    this.#firstPassage.set(article.id, first);
    // Counted without reading the text: a restored index registers articles whose text is read only when searched.
    const paragraphs = paragraphCount(article);
    for (let paragraph = 0; paragraph < paragraphs; paragraph++) this.#passageOwner[first + paragraph] = article.id;
    this.#nextPassage = Math.max(this.#nextPassage, first + paragraphs);
    return first;
  }

  /**
   * Adds an article, replacing any article with the same id. `counted` is
   * its passages already counted in this index's term numbers (by a worker
   * thread, see count-passages.ts); they are counted here when absent.
   */
  add(article: Article, counted: CountedPassages = this.#counter.count(article)): void {
    if (this.#articles.has(article.id)) this.remove(article.id);
    this.#typoCache.clear();
    this.#spellingCache.clear();
    this.#aliases = undefined;
    const first = this.#register(article);
    const { terms, frequencies, starts, lengths, aliases } = counted;
    this.#aliasPairs.set(article.id, aliases);
    if (lengths.length !== article.paragraphs.length) throw new Error(`article ${article.id} has ${article.paragraphs.length} paragraphs, but ${lengths.length} were counted`);
    for (let paragraph = 0; paragraph < lengths.length; paragraph++) {
      const start = starts[paragraph]!;
      const end = starts[paragraph + 1]!;
      this.#postings.add(first + paragraph, terms.subarray(start, end), frequencies.subarray(start, end), lengths[paragraph]!);
    }
  }

  /** The index's number of a term, numbering it when new: how counts made elsewhere are renumbered (see count-passages.ts). */
  numberTerm(term: string): number {
    return this.#postings.termNumber(term, true);
  }

  /**
   * Folds articles added since the last call into the compact postings.
   * Searches do it themselves once enough have been added; a bulk load
   * calls it at its end, so that its first search does not pay for it.
   */
  compact(): void {
    this.#postings.compact();
  }

  /** {@link compact}, only when enough has changed since the last one to be worth a pass (see PassagePostings.compactIfLarge). */
  compactIfLarge(): void {
    this.#postings.compactIfLarge();
  }

  /** Removes an article; returns false when no article has that id. */
  remove(articleId: string): boolean {
    const article = this.#articles.get(articleId);
    const first = this.#firstPassage.get(articleId);
    if (!article || first === undefined) return false;
    this.#typoCache.clear();
    this.#spellingCache.clear();
    this.#aliasPairs.delete(articleId);
    this.#aliases = undefined;
    const { terms, starts } = this.#counter.count(article);
    for (let paragraph = 0; paragraph < article.paragraphs.length; paragraph++) {
      this.#postings.remove(first + paragraph, terms.subarray(starts[paragraph], starts[paragraph + 1]));
      this.#passageOwner[first + paragraph] = undefined;
    }
    this.#articles.delete(articleId);
    this.#firstPassage.delete(articleId);
    return true;
  }

  /** The title's term numbers for the lead paragraph, which the title is indexed with; none for the others. */
  #leadTitleTerms(article: Article, paragraph: number): number[] {
    const numbers: number[] = [];
    if (paragraph === 0) this.#words.scan(article.title, numbers);
    return numbers;
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
    return this.#postings.idf(this.#postings.passageFrequency(term));
  }

  /**
   * The known terms an unknown (stemmed) term may be a typo of ("ghandi" → "gandhi"): those within a few edits,
   * by its length. None for a term some passage holds, or one too short to guess from.
   */
  typoMatches(term: string): readonly string[] {
    if (term.length < FUZZY_MIN_LENGTH || this.knows(term)) return [];
    return lookedUpOnce(this.#typoCache, term, () => this.#postings.similarTerms(term, Math.min(FUZZY_MAX_DISTANCE, Math.round(term.length * FUZZY_DISTANCE))));
  }

  /**
   * Other spellings of a name that passages hold ("raqa" and "raqqah" for "raqqa", "idleb" for "idlib"): known
   * terms a few edits away that spell the same name (see spellsSameName). Only the names a question gives
   * should be looked up: English words spell alike too ("road" / "raid").
   */
  spellingVariants(term: string): readonly string[] {
    if (term.length < SPELLING_MIN_LENGTH) return [];
    const edits = term.length >= SPELLING_TWO_EDITS_LENGTH ? SPELLING_MAX_EDITS : 1;
    return lookedUpOnce(this.#spellingCache, term, () => this.#postings.similarTerms(term, edits).filter((other) => other.length >= SPELLING_MIN_LENGTH && spellsSameName(term, other)));
  }

  /**
   * Other spellings of a short word known to be a name's (after Arabic's article: "zour" for the "zor" of "Deir
   * ez-Zor"): known terms one edit away with the same spelling key and first letter, whatever their length. For
   * a word of any length, as a word alone could be any short English word.
   */
  nameWordVariants(term: string): readonly string[] {
    return lookedUpOnce(this.#spellingCache, `\u0000${term}`, () => this.#postings.similarTerms(term, 1).filter((other) => other !== term && other[0] === term[0] && spellingKey(other) === spellingKey(term)));
  }

  /**
   * The other names the articles give the thing a name names ("Islamic State", "ISIL" and "Daesh" for "ISIS"),
   * as they define them: an abbreviation in brackets, "known as" (see NameAliases). Written as the articles most
   * often write each.
   */
  aliasesOf(name: string): readonly string[] {
    this.#aliases ??= new NameAliases([...this.#aliasPairs.values()].flat());
    return this.#aliases.aliasesOf(name);
  }

  /** True when some passage contains this (stemmed) term. */
  knows(term: string): boolean {
    return this.#postings.passageFrequency(term) > 0;
  }

  /**
   * The passages (paragraphs) that best match a query, best first.
   *
   * The compact postings score every passage holding a query word (BM25 on
   * their term frequencies) to find candidates; the best few are then scored
   * in full from their text: their best sentence, a share
   * for the title.
   */
  searchPassages(query: string | TermQuery, options: PassageSearchOptions = {}): PassageHit[] {
    const { articleIds, limit = 20 } = options;
    // Terms already processed (see terms.ts) are searched as they are: processing a stem again can
    // change it ("organis" → "organi") into a word the collection does not know.
    const terms = typeof query === 'string' ? splitWords(query).flatMap((word) => toIndexTerms(word)) : query.terms;
    const queryTerms = new Set(terms);
    if (queryTerms.size === 0) return [];
    // Words no passage holds are looked up with typo tolerance; what they find counts for less.
    const weights = new Map<string, number>();
    for (const term of queryTerms) {
      weights.set(term, 1);
      for (const similar of this.typoMatches(term)) if (!queryTerms.has(similar)) weights.set(similar, FUZZY_WEIGHT);
    }
    // Each known term's weight times its IDF: what it adds to a passage's score.
    const importance = new Map<number, number>();
    for (const [term, weight] of weights) {
      const number = this.#postings.termNumber(term);
      if (number >= 0 && this.knows(term)) importance.set(number, weight * this.idf(term));
    }
    // Another spelling of a name the question gives ("Raqa" for "Raqqa") or an alias of it ("Daesh" for "ISIS") is
    // the same name: it counts nearly as the question's form does (or as its own, when that is the commoner), so the
    // question's own comes first. The words of a longer form share that by their weight.
    if (typeof query !== 'string') {
      for (const { terms: own, forms } of query.otherForms ?? []) {
        const ownWeight = own.reduce((sum, term) => sum + this.idf(term), 0);
        for (const form of forms) {
          const formWeight = form.reduce((sum, term) => sum + this.idf(term), 0);
          if (formWeight === 0) continue;
          for (const term of form) {
            const number = this.#postings.termNumber(term);
            const weight = (SPELLING_WEIGHT * Math.min(ownWeight, formWeight) * this.idf(term)) / formWeight;
            if (number >= 0 && !queryTerms.has(term)) importance.set(number, Math.max(importance.get(number) ?? 0, weight));
          }
        }
      }
    }
    // A few named articles (a conversation's current one) are read directly: filtering a
    // collection-wide search afterwards would score every match in every article first.
    if (articleIds && articleIds.size <= DIRECT_SCOPE_LIMIT) {
      const hits = [...articleIds].flatMap((id) => this.#scoreArticle(id, importance));
      return hits.sort((a, b) => b.score - a.score).slice(0, limit);
    }
    const accept = articleIds ? (passage: number) => articleIds.has(this.#passageOwner[passage] ?? '') : undefined;
    const hits: PassageHit[] = [];
    // Several candidates are often paragraphs of one story: its title is scored once.
    const titleScores = new Map<Article, number>();
    const wanted = limit * CANDIDATE_FACTOR;
    const ranked = this.#postings.search(importance, wanted * COPY_HEADROOM, accept);
    for (const { passage } of withoutRepeatedScores(ranked, wanted, MAX_SAME_SCORE)) {
      const articleId = this.#passageOwner[passage];
      const article = articleId === undefined ? undefined : this.#articles.get(articleId);
      if (!article) continue;
      if (!titleScores.has(article)) titleScores.set(article, this.#titleScore(article, importance));
      const hit = this.#scorePassage(article, passage - this.#firstPassage.get(article.id)!, importance, titleScores.get(article)!);
      if (hit) hits.push(hit);
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** IDF-weighted query terms that the article's title holds. */
  #titleScore(article: Article, importance: ReadonlyMap<number, number>): number {
    const numbers: number[] = [];
    this.#words.scan(article.title, numbers);
    let score = 0;
    for (const number of new Set(numbers)) score += importance.get(number) ?? 0;
    return score;
  }

  /** Every paragraph of one article that matches (see {@link searchPassages}). */
  #scoreArticle(articleId: string, importance: ReadonlyMap<number, number>): PassageHit[] {
    const article = this.#articles.get(articleId);
    if (!article) return [];
    const titleScore = this.#titleScore(article, importance);
    return article.paragraphs.flatMap((_, paragraph) => this.#scorePassage(article, paragraph, importance, titleScore) ?? []);
  }

  /**
   * BM25 of a passage (as minisearch computes it: term-frequency saturation,
   * length normalisation) and of its best sentence, plus a share of the title's
   * score for paragraphs after the lead (the lead holds the title's words).
   * `importance` is each query term's weight times its IDF, by term number.
   */
  #scorePassage(article: Article, paragraph: number, importance: ReadonlyMap<number, number>, titleScore: number): PassageHit | null {
    // Each sentence's terms once: together (after the title's, for the lead) they are the paragraph's.
    const sentences = (article.paragraphs[paragraph] ?? '').split(SENTENCE_END).map((sentence) => {
      const terms: number[] = [];
      this.#words.scan(sentence, terms);
      return terms;
    });
    const terms = this.#leadTitleTerms(article, paragraph);
    for (const sentence of sentences) for (const term of sentence) terms.push(term);
    const averageLength = Math.max(1, this.#postings.termCount / Math.max(1, this.#postings.passageCount));
    const { score, matched } = bm25(terms, importance, averageLength);
    const fromTitle = paragraph === 0 ? 0 : TITLE_SHARE * titleScore;
    if (matched.length === 0 && fromTitle === 0) return null;
    // The paragraph's best-matching sentence counts again (see SENTENCE_WEIGHT).
    const bestSentence = Math.max(0, ...sentences.map((sentence) => bm25(sentence, importance, TYPICAL_SENTENCE_TERMS).score));
    const matchedTerms = matched.map((term) => this.#postings.term(term));
    return { articleId: article.id, paragraph, score: score + SENTENCE_WEIGHT * bestSentence + fromTitle, matchedTerms };
  }
}

/**
 * BM25 of a stretch of terms (as minisearch computes it: term-frequency
 * saturation, length normalisation against `typicalLength`), each query
 * term counting its importance; and the query terms it holds.
 */
function bm25(terms: readonly number[], importance: ReadonlyMap<number, number>, typicalLength: number): { score: number; matched: number[] } {
  const counts = new Map<number, number>();
  for (const term of terms) if (importance.has(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
  const norm = BM25_K1 * (1 - BM25_B + (BM25_B * terms.length) / typicalLength);
  let score = 0;
  for (const [term, count] of counts) score += importance.get(term)! * ((count * (BM25_K1 + 1)) / (count + norm));
  return { score, matched: [...counts.keys()] };
}

/** The first `wanted` of `ranked` (best first), skipping a passage once `maxSameScore` before it had its very score. */
function withoutRepeatedScores(ranked: readonly ScoredPassage[], wanted: number, maxSameScore: number): ScoredPassage[] {
  const kept: ScoredPassage[] = [];
  let run = 0;
  for (let i = 0; i < ranked.length && kept.length < wanted; i++) {
    run = i > 0 && ranked[i]!.score === ranked[i - 1]!.score ? run + 1 : 0;
    if (run < maxSameScore) kept.push(ranked[i]!);
  }
  return kept;
}
