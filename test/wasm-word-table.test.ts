import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileWordScan, WORD_SCAN_WASM } from '../scripts/build-word-scan.ts';
import { WasmWordTable } from '../src/text/wasm-word-table.ts';
import { WordTable, type WordValue } from '../src/text/word-table.ts';

/**
 * A resolver giving each distinct word a number in order of first sight;
 * "the" stands for no number and capitalised words for two (as index terms
 * do for stop words and names), so that every kind of value is exercised.
 */
function resolver(): (word: string) => WordValue {
  const numbers = new Map<string, number>();
  const numberOf = (word: string) => numbers.get(word) ?? numbers.set(word, numbers.size).get(word)!;
  return (word) => (word === 'the' ? [] : /^\p{Lu}/u.test(word) ? [numberOf(word), numberOf(word.toLowerCase())] : numberOf(word));
}

/** The numbers each table gives for each text, in turn, through one resolver. */
function scanBoth(texts: readonly string[], limit?: number): { wasm: number[][]; javascript: number[][] } {
  const resolve = resolver();
  const wasmTable = new WasmWordTable(resolve, limit);
  const javascriptTable = new WordTable(resolve, limit);
  const scan = (table: { scan(text: string, into: number[], from?: number): number }, text: string) => {
    const found: number[] = [];
    table.scan(text, found);
    return found;
  };
  return { wasm: texts.map((text) => scan(wasmTable, text)), javascript: texts.map((text) => scan(javascriptTable, text)) };
}

// As in word-table.test.ts, plus the stop word and a capital: every rule of splitWords, a letter beyond
// the BMP (which the module gives up on) and a lone surrogate.
const pieces = ['a', 'B', 'z', '7', "'", '’', '.', '-', ' ', ',', 'é', 'Ж', 'ß', '東', '𝒜', '\uD800', '\n', '"', 'x', 'the ', 'The '];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));

describe('WasmWordTable', () => {
  test('property: gives the numbers the JavaScript WordTable gives, text after text', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), (texts) => {
        const { wasm, javascript } = scanBoth(texts);
        expect(wasm).toEqual(javascript);
      }),
      { numRuns: 500 },
    );
  });

  test('reads news text as the JavaScript table does: joiners, accents, dashes, curly quotes', () => {
    const texts = [
      "The group's leader said the U.S. offer of 3.5 million was “not serious” — talks resume in Zürich on May 28.",
      'l’été à Raqqa: 300 fighters, 30 commanders',
      'A letter beyond the BMP: 𝒜bc, then plain text again.',
    ];
    const { wasm, javascript } = scanBoth(texts);
    expect(wasm).toEqual(javascript);
    expect(wasm[0]!.length).toBeGreaterThan(20);
  });

  test('starts again when full, giving the same numbers', () => {
    const words = Array.from({ length: 5_000 }, (_, i) => `w${i}`).join(' ');
    const resolve = resolver();
    const table = new WasmWordTable(resolve, 100);
    const first: number[] = [];
    table.scan(words, first);
    expect(table.size).toBeLessThanOrEqual(100);
    const again: number[] = [];
    table.scan(`${words} ${words}`, again);
    expect(again).toEqual([...first, ...first]);
    const javascript: number[] = [];
    new WordTable(resolve).scan(words, javascript);
    expect(first).toEqual(javascript);
  });

  test('scans a text longer than its memory held at first, and writes from a given position', () => {
    const long = Array.from({ length: 600_000 }, (_, i) => `word${i % 5_000}`).join(' ');
    const { wasm, javascript } = scanBoth([long, 'short text']);
    expect(wasm).toEqual(javascript);
    const table = new WasmWordTable(resolver());
    const reused = [9, 9, 9];
    expect(table.scan('harbour ferry', reused, 1)).toBe(3);
    expect(reused[0]).toBe(9);
  });

  test(
    'the committed module is what wasm/word-scan.ts compiles to (after a change: npm run wasm)',
    async () => {
      const compiled = await compileWordScan();
      expect(Buffer.from(readFileSync(WORD_SCAN_WASM)).equals(Buffer.from(compiled)), `${WORD_SCAN_WASM} is out of date: run npm run wasm`).toBe(true);
    },
    60_000,
  );
});
