import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Article } from '../src/article.ts';
import { ArticleIndex } from '../src/search/article-index.ts';
import { LocalPassageCounter, PassageCounter, TermRenumbering } from '../src/search/count-passages.ts';
import { WordTable } from '../src/text/word-table.ts';
import { makeArticle } from './helpers/make-article.ts';

// Plain words, names (whose exact form is a second term), stop words, numbers and joined words.
const words = ['harbour', 'Harbour', 'storm', 'storms', 'Manning', 'manned', 'the', 'of', 'ferry', 'U.S.', '3.5', "group's", 'Café', 'cafe', 'quay', 'al-Baghdadi'];
const sentence = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }).map((parts) => `${parts.join(' ')}.`);
const articleShape = fc.record({ title: sentence, paragraphs: fc.array(sentence, { minLength: 1, maxLength: 4 }) });

/** The articles as an index built in one thread, and as one built from counts made "elsewhere". */
function bothWays(articles: Article[]): { direct: ArticleIndex; fromCounts: ArticleIndex } {
  const direct = new ArticleIndex(articles);
  const fromCounts = new ArticleIndex();
  // Two counters, as two workers, each numbering terms its own way.
  const counters = [new LocalPassageCounter(), new LocalPassageCounter()];
  const renumberings = counters.map(() => new TermRenumbering((term) => fromCounts.numberTerm(term)));
  articles.forEach((article, i) => {
    const worker = i % 2;
    const { counts } = counters[worker]!.countMany([article]);
    renumberings[worker]!.learn(counters[worker]!.takeNewTerms());
    renumberings[worker]!.apply(counts[0]!);
    fromCounts.add(article, counts[0]);
  });
  fromCounts.compact();
  return { direct, fromCounts };
}

describe('counting passages away from the index', () => {
  test('property: an index built from counts made elsewhere answers exactly as one that counted itself', () => {
    fc.assert(
      fc.property(fc.array(articleShape, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }), (shapes, query) => {
        const articles = shapes.map((shape, i) => makeArticle(`a${i}`, shape.title, shape.paragraphs));
        const { direct, fromCounts } = bothWays(articles);
        expect(fromCounts.searchPassages(query.join(' '))).toEqual(direct.searchPassages(query.join(' ')));
        for (const word of query) expect(fromCounts.knows(word.toLowerCase())).toBe(direct.knows(word.toLowerCase()));
      }),
      { numRuns: 200 },
    );
  });

  test('counts of several articles in one buffer are the counts of each alone', () => {
    const articles = [makeArticle('a', 'Storm hits harbour', ['The storm hit the harbour.', 'Ferry storm storm.']), makeArticle('b', 'Quay', ['Quay of U.S. ferry.'])];
    const counter = new PassageCounter(new WordTable((word) => word.length));
    const { buffer, counts } = counter.countMany(articles);
    expect(counts).toHaveLength(2);
    counts.forEach((count, i) => {
      expect(count.terms.buffer).toBe(buffer);
      const alone = counter.count(articles[i]!);
      expect([...count.terms]).toEqual([...alone.terms]);
      expect([...count.frequencies]).toEqual([...alone.frequencies]);
      expect([...count.starts]).toEqual([...alone.starts]);
      expect([...count.lengths]).toEqual([...alone.lengths]);
    });
    // "Ferry storm storm." with words numbered by length: 5 once, then 5 twice more is one term, three times.
    const second = counts[0]!;
    const paragraph = (p: number) => [...second.terms.subarray(second.starts[p], second.starts[p + 1])];
    expect(paragraph(1)).toEqual([5]);
    expect(second.frequencies[second.starts[1]!]).toBe(3);
    expect([...second.lengths]).toEqual([3 + 5, 3]);
  });

  test('a word repeated more than 255 times in a passage counts 255, as the index keeps it', () => {
    const counter = new PassageCounter(new WordTable(() => 0));
    const count = counter.count(makeArticle('a', 'x', ['intro', Array.from({ length: 300 }, () => 'storm').join(' ')]));
    expect([...count.frequencies]).toEqual([2, 255]);
    expect([...count.lengths]).toEqual([2, 300]);
  });

  test('numbers not yet learnt are refused, not turned into wrong terms', () => {
    const counter = new LocalPassageCounter();
    const { counts } = counter.countMany([makeArticle('a', 'Storm', ['Harbour ferry.'])]);
    const renumbering = new TermRenumbering(() => 7);
    expect(() => renumbering.apply(counts[0]!)).toThrow(/before its term was learnt/);
    renumbering.learn(counter.takeNewTerms());
    renumbering.apply(counts[0]!);
    expect([...counts[0]!.terms].every((term) => term === 7)).toBe(true);
    expect(counter.takeNewTerms()).toEqual([]);
  });

  test('an article whose counts do not match its paragraphs is refused', () => {
    const index = new ArticleIndex();
    const { counts } = new LocalPassageCounter().countMany([makeArticle('a', 'Storm', ['One.', 'Two.'])]);
    expect(() => index.add(makeArticle('a', 'Storm', ['One.']), counts[0])).toThrow(/2 were counted/);
  });
});
