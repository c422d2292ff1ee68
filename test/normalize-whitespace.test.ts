import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitBlocks, splitNormalizedLines, LINE_BREAK } from '../src/parse/split-blocks.ts';
import { normalizeWhitespace } from '../src/text/normalize-whitespace.ts';

// The plain definition the fast path must agree with.
const reference = (text: string) => text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();

const spacey = fc
  .array(fc.constantFrom(' ', '  ', '\t', '\n', '\r', '\u00a0', '\u200b', '\ufeff', '\u2028', '\u3000', '\u1680', '\u2009', '\u180e', '\u0085', 'a', 'b', '.', 'é'), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('normalizeWhitespace', () => {
  it('returns already-normal text as it is and normalises the rest like a plain replace', () => {
    fc.assert(fc.property(spacey, (text) => normalizeWhitespace(text) === reference(text)), { numRuns: 20000 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => normalizeWhitespace(text) === reference(text)), { numRuns: 5000 });
  });

  it('handles the edge cases of the fast path', () => {
    expect(normalizeWhitespace('')).toBe('');
    expect(normalizeWhitespace(' ')).toBe('');
    expect(normalizeWhitespace('a b')).toBe('a b');
    expect(normalizeWhitespace('a  b')).toBe('a b');
    expect(normalizeWhitespace(' a')).toBe('a');
    expect(normalizeWhitespace('a ')).toBe('a');
    expect(normalizeWhitespace('a\u200bb')).toBe('a b');
  });
});

describe('splitNormalizedLines', () => {
  it('splits normalised lines as splitBlocks splits the text', () => {
    const lines = fc.array(fc.oneof(spacey, fc.constantFrom('End.', 'Said:', '"Quote"', '', 'wrapped')), { maxLength: 12 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(lines, (text) => {
        expect(splitNormalizedLines(text.split(LINE_BREAK).map(normalizeWhitespace))).toEqual(splitBlocks(text));
        expect(splitBlocks(text).every((block) => block !== '' && block === reference(block))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
