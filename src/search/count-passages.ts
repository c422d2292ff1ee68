import type { Article } from '../article.ts';
import { findArticleAliases, type AliasPair } from '../text/name-aliases.ts';
import { toIndexTerms } from '../text/terms.ts';
import { WasmWordTable, type WordScanner } from '../text/wasm-word-table.ts';
import type { WordValue } from '../text/word-table.ts';
import { withRoom } from '../typed-arrays.ts';
import { MAX_FREQUENCY } from './passage-postings.ts';

/**
 * An article's passages (its paragraphs; the title counts with the lead) as
 * the index stores them: each passage's distinct term numbers, how often
 * each occurs, and its length. Typed arrays: from a worker, views of one
 * buffer holding a whole chunk's counts, which is transferred, not copied
 * (see {@link PassageCounter.countMany}).
 */
export interface CountedPassages {
  /** Distinct term numbers, passage after passage: passage p's are `terms[starts[p] .. starts[p + 1])`. */
  terms: Int32Array;
  /** How often each term occurs in its passage, beside `terms` (at most 255: the index keeps no more). */
  frequencies: Uint8Array;
  /** Where each passage's terms start in `terms`; one more entry than passages (the end). */
  starts: Int32Array;
  /** Each passage's length in terms, repeats included. */
  lengths: Int32Array;
  /**
   * The aliases the article defines ("Free Syrian Army (FSA)", see findAliasPairs): found as its words are
   * counted, so that a worker reading a large folder finds them too (at 100,000 articles, 1.3 s of the main
   * thread's time when it did).
   */
  aliases: AliasPair[];
}

/**
 * The word resolver of a {@link WordTable} whose words stand for index
 * terms (see {@link toIndexTerms}), numbered by `numberTerm`.
 */
export function indexTermResolver(numberTerm: (term: string) => number): (word: string) => WordValue {
  return (word) => {
    const numbers = toIndexTerms(word).map(numberTerm);
    return numbers.length === 1 ? numbers[0]! : numbers;
  };
}

/**
 * Counts the terms of articles' passages, numbered by a word table:
 * the index's own (in the index), or a worker thread's (see
 * {@link LocalPassageCounter}).
 */
export class PassageCounter {
  readonly #words: WordScanner;
  // Which passage last counted a term (by a stamp per passage), and where in that passage's list.
  #countedIn = new Int32Array(1024);
  #countedAt = new Int32Array(1024);
  #stamp = 0;
  // Scratch of countMany: the words' numbers of one passage (reused: only its first entries are read, see
  // WordTable.scan), and the counts of every article asked before they are copied to their buffer.
  readonly #numbers: number[] = [];
  #terms = new Int32Array(4096);
  #frequencies = new Uint8Array(4096);

  constructor(words: WordScanner) {
    this.#words = words;
  }

  /** The term numbers of the article's passages, counted. */
  count(article: Article): CountedPassages {
    return this.countMany([article]).counts[0]!;
  }

  /**
   * The passages of several articles counted, as views of one buffer: a
   * worker hands a chunk's counts over by transferring that buffer, rather
   * than cloning four small arrays per article for the receiving thread's
   * garbage collector to free one by one.
   */
  countMany(articles: readonly Article[]): { buffer: ArrayBuffer; counts: CountedPassages[] } {
    // Each article's passage starts (relative to its first term) and lengths, article after article.
    const starts: number[] = [];
    const lengths: number[] = [];
    const termEnds: number[] = [];
    const numbers = this.#numbers;
    let counted = 0;
    for (const article of articles) {
      const first = counted;
      starts.push(0);
      for (let paragraph = 0; paragraph < article.paragraphs.length; paragraph++) {
        let length = 0;
        if (paragraph === 0) length = this.#words.scan(article.title, numbers, 0);
        length = this.#words.scan(article.paragraphs[paragraph]!, numbers, length);
        counted = this.#countInto(numbers, length, counted);
        lengths.push(length);
        starts.push(counted - first);
      }
      termEnds.push(counted);
    }
    // Int32 arrays first, then the frequencies, so that every Int32Array view is aligned.
    const int32s = counted + starts.length + lengths.length;
    const buffer = new ArrayBuffer(4 * int32s + counted);
    new Int32Array(buffer, 0, counted).set(this.#terms.subarray(0, counted));
    new Int32Array(buffer, 4 * counted, starts.length).set(starts);
    new Int32Array(buffer, 4 * (counted + starts.length), lengths.length).set(lengths);
    new Uint8Array(buffer, 4 * int32s, counted).set(this.#frequencies.subarray(0, counted));
    const counts: CountedPassages[] = [];
    let termStart = 0;
    let passageStart = 0;
    articles.forEach((article, i) => {
      const passages = article.paragraphs.length;
      const terms = termEnds[i]! - termStart;
      counts.push({
        terms: new Int32Array(buffer, 4 * termStart, terms),
        frequencies: new Uint8Array(buffer, 4 * int32s + termStart, terms),
        starts: new Int32Array(buffer, 4 * (counted + passageStart + i), passages + 1),
        lengths: new Int32Array(buffer, 4 * (counted + starts.length + passageStart), passages),
        aliases: findArticleAliases(article),
      });
      termStart = termEnds[i]!;
      passageStart += passages;
    });
    return { buffer, counts };
  }

  /**
   * Writes the distinct numbers among the first `count` of `numbers` (one
   * passage's) to the scratch arrays from `at` on, and how often each occurs
   * beside them; returns where they end.
   */
  #countInto(numbers: readonly number[], count: number, at: number): number {
    let vocabulary = 0;
    for (let i = 0; i < count; i++) if (numbers[i]! >= vocabulary) vocabulary = numbers[i]! + 1;
    this.#countedIn = withRoom(this.#countedIn, vocabulary);
    this.#countedAt = withRoom(this.#countedAt, vocabulary);
    this.#terms = withRoom(this.#terms, at + count);
    this.#frequencies = withRoom(this.#frequencies, at + count);
    const stamp = ++this.#stamp;
    const terms = this.#terms;
    const frequencies = this.#frequencies;
    for (let i = 0; i < count; i++) {
      const number = numbers[i]!;
      if (this.#countedIn[number] === stamp) {
        const where = this.#countedAt[number]!;
        if (frequencies[where]! < MAX_FREQUENCY) frequencies[where]!++;
      } else {
        this.#countedIn[number] = stamp;
        this.#countedAt[number] = at;
        terms[at] = number;
        frequencies[at++] = 1;
      }
    }
    return at;
  }
}

/**
 * Counts passages in a worker thread, which cannot number terms as the
 * index does: terms are numbered here in the order this counter meets them,
 * and {@link takeNewTerms} tells the index's thread which terms the numbers
 * it has not seen yet stand for (see {@link TermRenumbering}). Reading the
 * words of 450 MB of text was the main thread's largest cost at a cold
 * start of 100,000 articles, with the parsing workers waiting for it.
 */
export class LocalPassageCounter {
  readonly #numbers = new Map<string, number>();
  #newTerms: string[] = [];
  readonly #counter = new PassageCounter(
    new WasmWordTable(
      indexTermResolver((term) => {
        let number = this.#numbers.get(term);
        if (number === undefined) {
          number = this.#numbers.size;
          this.#numbers.set(term, number);
          this.#newTerms.push(term);
        }
        return number;
      }),
    ),
  );

  /** The articles' passages counted, in this counter's numbering (see {@link PassageCounter.countMany}). */
  countMany(articles: readonly Article[]): { buffer: ArrayBuffer; counts: CountedPassages[] } {
    return this.#counter.countMany(articles);
  }

  /** The terms numbered since the last call, in the order of their numbers. */
  takeNewTerms(): string[] {
    const terms = this.#newTerms;
    this.#newTerms = [];
    return terms;
  }
}

/**
 * Turns one {@link LocalPassageCounter}'s numbers into the index's: learn
 * each batch of new terms, in the order the counter gave them, before
 * renumbering what was counted with them.
 */
export class TermRenumbering {
  readonly #numberTerm: (term: string) => number;
  #numbers = new Int32Array(1024);
  #known = 0;

  /** `numberTerm` gives a term the index's number (a new one for a term it has never held). */
  constructor(numberTerm: (term: string) => number) {
    this.#numberTerm = numberTerm;
  }

  /** Learns the next local numbers' terms (from {@link LocalPassageCounter.takeNewTerms}). */
  learn(terms: readonly string[]): void {
    this.#numbers = withRoom(this.#numbers, this.#known + terms.length);
    for (const term of terms) this.#numbers[this.#known++] = this.#numberTerm(term);
  }

  /** Renumbers counted passages in place, into the index's numbers. */
  apply(counted: CountedPassages): void {
    const terms = counted.terms;
    for (let i = 0; i < terms.length; i++) {
      const local = terms[i]!;
      if (local >= this.#known) throw new Error(`term ${local} was counted before its term was learnt`);
      terms[i] = this.#numbers[local]!;
    }
  }
}
