import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitSentences } from '../src/text/split-sentences.ts';

const split = (text: string) => splitSentences(text).map(({ start, end }) => text.slice(start, end));

const cases: Array<{ text: string; sentences: string[] }> = [
  { text: 'The U.S. Army left. It was late.', sentences: ['The U.S. Army left.', 'It was late.'] },
  { text: 'Dr. Smith saw 3.5 million people. They cheered.', sentences: ['Dr. Smith saw 3.5 million people.', 'They cheered.'] },
  { text: 'Prices rose 38.21% in a year. Wages did not.', sentences: ['Prices rose 38.21% in a year.', 'Wages did not.'] },
  { text: 'The talks began on Jan. 5 in Geneva. They failed.', sentences: ['The talks began on Jan. 5 in Geneva.', 'They failed.'] },
  { text: 'Mr. Jones arrived at 5 p.m. on Friday.', sentences: ['Mr. Jones arrived at 5 p.m. on Friday.'] },
  { text: '"It was killed in the airstrike," it said. Another? Yes!', sentences: ['"It was killed in the airstrike," it said.', 'Another?', 'Yes!'] },
  { text: 'He lives in Washington, D.C. It is fine.', sentences: ['He lives in Washington, D.C.', 'It is fine.'] },
  { text: '  Leading and trailing space.  ', sentences: ['Leading and trailing space.'] },
  { text: 'No final punctuation', sentences: ['No final punctuation'] },
  { text: 'Thanks <@!789> for the tip. It helped.', sentences: ['Thanks <@!789> for the tip.', 'It helped.'] },
  { text: 'See https://example.org/a.b!c?d=1 for more. Done.', sentences: ['See https://example.org/a.b!c?d=1 for more.', 'Done.'] },
];

describe('splitSentences', () => {
  for (const c of cases) {
    test(`${JSON.stringify(c.text)} → ${c.sentences.length} sentence(s)`, () => {
      expect(split(c.text)).toEqual(c.sentences);
    });
  }

  test('blank text has no sentences', () => {
    expect(splitSentences(' \n ')).toEqual([]);
  });

  test('property: sentences are trimmed, ordered, non-overlapping slices covering every non-space character', () => {
    const word = fc.constantFrom('U.S.', 'Dr.', 'Jan.', '3.5', '38.21%', 'the', 'army', 'said', '"quote"', '—', 'St.', 'e.g.', '…', 'A.', '12', 'no.');
    const end = fc.constantFrom('.', '!', '?', '', ',', '."');
    const sentence = fc.tuple(fc.array(word, { minLength: 1, maxLength: 8 }), end).map(([w, e]) => w.join(' ') + e);
    const paragraph = fc.oneof(
      fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s) => s.join(' ')),
      fc.string({ maxLength: 200 }),
    );
    fc.assert(
      fc.property(paragraph, (text) => {
        const spans = splitSentences(text);
        let previousEnd = 0;
        for (const { start, end } of spans) {
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(end).toBeGreaterThan(start);
          const slice = text.slice(start, end);
          expect(slice).toBe(slice.trim());
          previousEnd = end;
        }
        const covered = spans.map(({ start, end }) => text.slice(start, end)).join('');
        expect(covered.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
      { numRuns: 300 },
    );
  });
});

describe('a title written short before a name', () => {
  test('does not end the sentence ("spokesman Maj. Gen. Igor Konashenkov")', () => {
    const text = 'Russian Defense Ministry spokesman Maj. Gen. Igor Konashenkov said the strikes hit. Another sentence follows.';
    expect(splitSentences(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      'Russian Defense Ministry spokesman Maj. Gen. Igor Konashenkov said the strikes hit.',
      'Another sentence follows.',
    ]);
  });
});

describe('an abbreviation inside a sentence ("et al.", "e.g.")', () => {
  const sentences = (text: string) => splitSentences(text).map(({ start, end }) => text.slice(start, end));

  test('does not end it when a number or a lower-case word follows', () => {
    expect(sentences('The finding was supported by reconstructions by Jones et al. 1998 and Briffa 2000. Others differ.')).toEqual([
      'The finding was supported by reconstructions by Jones et al. 1998 and Briffa 2000.',
      'Others differ.',
    ]);
  });

  test('ends it when a capitalised word follows', () => {
    expect(sentences('He studied the work of Jones et al. Then he left.')).toEqual(['He studied the work of Jones et al.', 'Then he left.']);
  });
});

describe('a page\'s time stamp run into the first sentence', () => {
  const sentences = (text: string) => splitSentences(text).map(({ start, end }) => text.slice(start, end));

  test('is a sentence of its own ("Last updated at Apr 092017 | At least 15 civilians …")', () => {
    expect(sentences('Last updated at Apr 092017 At least 15 civilians were killed near Raqqa. More followed.')).toEqual([
      'Last updated at Apr 092017',
      'At least 15 civilians were killed near Raqqa.',
      'More followed.',
    ]);
    expect(sentences('Updated: 5 June 2016 10:30 GMT BEIRUT Air strikes hit the city.')).toEqual(['Updated: 5 June 2016 10:30 GMT', 'BEIRUT Air strikes hit the city.']);
    expect(sentences('Date of publication 5 July 2016 The bomber was on a motorcycle.')).toEqual(['Date of publication 5 July 2016', 'The bomber was on a motorcycle.']);
  });

  test('stays whole when nothing follows it, and a sentence merely opening on "Updated" is kept whole', () => {
    expect(sentences('Last updated at Apr 092017')).toEqual(['Last updated at Apr 092017']);
    expect(sentences('Updated rules came into force on June 5.')).toEqual(['Updated rules came into force on June 5.']);
  });
});

describe('an end written after a one-letter symbol or a doubled full stop', () => {
  const sentences = (text: string) => splitSentences(text).map(({ start, end }) => text.slice(start, end));

  test('ends the sentence before a capitalised word ("differ by 2n. It is", "integer n. It", "children.. These")', () => {
    expect(sentences('Pairs of primes differ by 2n. It is conjectured that there are many.')).toEqual([
      'Pairs of primes differ by 2n.',
      'It is conjectured that there are many.',
    ]);
    expect(sentences('It holds for every positive integer n. It is implied by the stronger one.')).toEqual([
      'It holds for every positive integer n.',
      'It is implied by the stronger one.',
    ]);
    expect(sentences('Schools were reserved for white children.. These schools grew.')).toEqual(['Schools were reserved for white children..', 'These schools grew.']);
  });

  test('leaves initials, "v.", "c.", "p.m." and an ellipsis inside the sentence', () => {
    for (const text of [
      'The case Brown v. Board of Education of Topeka ended it.',
      'He met J. Smith at 5 p.m. Tuesday in the U.S. Senate.',
      'Scholars such as Jacques Lefevre (c. 1455–1536) wrote.',
    ]) {
      expect(sentences(text)).toEqual([text]);
    }
  });
});
