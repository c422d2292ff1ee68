import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitWords } from '../src/text/terms.ts';
import { WordTable } from '../src/text/word-table.ts';

/** A table that numbers each distinct word in order of first sight, and the words it was asked about. */
function numberingTable(limit?: number) {
  const numbers = new Map<string, number>();
  const resolved: string[] = [];
  const table = new WordTable((word) => {
    resolved.push(word);
    if (!numbers.has(word)) numbers.set(word, numbers.size);
    return numbers.get(word)!;
  }, limit);
  return { table, numbers, resolved };
}

// Characters that exercise every rule of splitWords: ASCII letters and digits, joiners, separators,
// accented and non-Latin letters, a letter beyond the BMP (a surrogate pair) and a lone surrogate.
const pieces = ['a', 'B', 'z', '7', "'", '’', '.', '-', ' ', ',', 'é', 'Ж', 'ß', '東', '𝒜', '\uD800', '\n', '"', 'x'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));

describe('WordTable', () => {
  test('property: finds the words splitWords finds, in order, each resolved once', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (texts) => {
        const { table, numbers, resolved } = numberingTable();
        for (const one of texts) {
          const found: number[] = [];
          table.scan(one, found);
          expect(found).toEqual(splitWords(one).map((word) => numbers.get(word)));
        }
        expect(new Set(resolved).size).toBe(resolved.length);
      }),
      { numRuns: 500 },
    );
  });

  test('a word may stand for several numbers or none', () => {
    const table = new WordTable((word) => (word === 'the' ? [] : word === 'Manning' ? [1, 2] : 3));
    const found: number[] = [];
    table.scan('the Manning report', found);
    expect(found).toEqual([1, 2, 3]);
  });

  test('grows past its first size, and starts again when full', () => {
    const words = Array.from({ length: 10_000 }, (_, i) => `w${i}`).join(' ');
    const { table, numbers } = numberingTable();
    const found: number[] = [];
    table.scan(words, found);
    expect(found).toEqual(splitWords(words).map((word) => numbers.get(word)));
    expect(table.size).toBe(10_000);
    const small = numberingTable(100);
    const again: number[] = [];
    small.table.scan(`${words} ${words}`, again);
    expect(small.table.size).toBeLessThanOrEqual(100);
    expect(again).toEqual([...found, ...found]);
  });

  test('writes from a given position and returns the end, so that one array can be reused', () => {
    const { table, numbers } = numberingTable();
    const reused: number[] = [];
    expect(table.scan('harbour ferry quay storm', reused, 0)).toBe(4);
    // Writing a shorter text over it from 0: the end says where its words stop; what lies beyond is stale.
    const end = table.scan('ferry harbour', reused, 0);
    expect(end).toBe(2);
    expect(reused.slice(0, end)).toEqual([numbers.get('ferry'), numbers.get('harbour')]);
    // By default, after what the array holds (as push would).
    const appended = [7];
    expect(table.scan('quay', appended)).toBe(2);
    expect(appended).toEqual([7, numbers.get('quay')]);
  });
});

