import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { paragraphSentences, sentencesOf } from '../src/sentences.ts';

describe('sentences, found on first use', () => {
  const article = { paragraphs: ['The U.S. Army left on Jan. 5. It was late.', 'Dr. Smith saw 3.5 million people. They cheered!'] };

  test('each paragraph is split once, at the right offsets, and kept while in use', () => {
    const first = paragraphSentences(article, 1);
    expect(first.map((s) => article.paragraphs[1]!.slice(s.start, s.end))).toEqual(['Dr. Smith saw 3.5 million people.', 'They cheered!']);
    expect(first.every((s) => s.paragraph === 1)).toBe(true);
    expect(paragraphSentences(article, 1)).toBe(first);
  });

  test('an article is its paragraphs’ sentences in order', () => {
    expect(sentencesOf(article).map((s) => [s.paragraph, s.start])).toEqual([
      [0, 0],
      [0, 30],
      [1, 0],
      [1, 34],
    ]);
  });

  test('only a bounded number of articles stay split: the least recently used are split again', () => {
    const kept = { paragraphs: ['Kept in use. Asked about often.'] };
    const dropped = { paragraphs: ['Asked once. Then forgotten.'] };
    const droppedFirst = paragraphSentences(dropped, 0);
    const keptFirst = paragraphSentences(kept, 0);
    for (let i = 0; i < 5_000; i++) {
      paragraphSentences({ paragraphs: [`Filler ${i}.`] }, 0);
      if (i % 1_000 === 0) paragraphSentences(kept, 0);
    }
    expect(paragraphSentences(kept, 0)).toBe(keptFirst);
    const droppedAgain = paragraphSentences(dropped, 0);
    expect(droppedAgain).not.toBe(droppedFirst);
    expect(droppedAgain).toEqual(droppedFirst);
  });

  test('property: every sentence is a trimmed, non-empty slice of its paragraph, in order, without overlaps', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== ''), { minLength: 1, maxLength: 4 }), (paragraphs) => {
        const sentences = sentencesOf({ paragraphs });
        for (const [paragraph, text] of paragraphs.entries()) {
          const own = sentences.filter((s) => s.paragraph === paragraph);
          expect(own.length).toBeGreaterThan(0);
          let cursor = 0;
          for (const s of own) {
            expect(s.start).toBeGreaterThanOrEqual(cursor);
            const quote = text.slice(s.start, s.end);
            expect(quote.trim()).toBe(quote);
            expect(quote.length).toBeGreaterThan(0);
            cursor = s.end;
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
