import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { lexiconClassesOf, lexiconIs, lexiconKnows } from '../src/facts/lexicon.ts';
import { extractLexicon, LEXICON_WORDS_FILE } from '../scripts/extract-lexicon.ts';

describe("compromise's lexicon, as extracted into src/facts/lexicon-words.json", () => {
  test('matches the installed compromise (after an upgrade: npm run lexicon)', () => {
    const extracted = extractLexicon();
    const kept = JSON.parse(readFileSync(LEXICON_WORDS_FILE, 'utf8')) as unknown;
    expect(kept, `${LEXICON_WORDS_FILE} was extracted from another compromise: run npm run lexicon`).toEqual(extracted);
    expect(Object.keys(extracted.words).length).toBeGreaterThan(10_000);
  });

  test('is what the lexicon lookups read', () => {
    expect(lexiconIs('syria', 'place')).toBe(true);
    expect(lexiconIs('syria', 'org')).toBe(false);
    expect(lexiconClassesOf('june').has('month')).toBe(true);
    expect(lexiconKnows('meeting')).toBe(true);
    expect(lexiconKnows('xqzv')).toBe(false);
  });
});
