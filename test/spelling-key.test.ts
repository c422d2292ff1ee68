import { describe, expect, test } from 'vitest';
import { spellingKey, spellsSameName } from '../src/text/spelling-key.ts';

describe('spellings of one name', () => {
  test('doubled letters, a final "h" after a vowel and the vowels themselves do not change the key', () => {
    expect(spellingKey('raqqa')).toBe(spellingKey('raqa'));
    expect(spellingKey('raqqah')).toBe(spellingKey('raqa'));
    expect(spellingKey('hassakeh')).toBe(spellingKey('hasaka'));
    expect(spellingKey('idleb')).toBe(spellingKey('idlib'));
  });

  const same: Array<[string, string]> = [
    ['raqqa', 'raqa'],
    ['idlib', 'idleb'],
    ['douma', 'duma'],
    ['hama', 'hamah'],
    ['hasakeh', 'hassakeh'],
    ['hasakeh', 'hasaka'],
    ['mayadin', 'mayadeen'],
    ['qamishli', 'qameshli'],
  ];
  test.each(same)('%s and %s spell one name', (a, b) => {
    expect(spellsSameName(a, b)).toBe(true);
    expect(spellsSameName(b, a)).toBe(true);
  });

  const different: Array<[string, string]> = [
    ['hama', 'hami'], // a vowel apart in four letters: "Hama" is not "Tel Hamis" (stem "hami")
    ['luther', 'lothar'], // two vowels apart in six letters
    ['hamis', 'hama'], // another key
    ['nusra', 'nasr'],
    ['homs', 'hamis'],
    ['daraa', 'daraya'],
    ['idlib', 'adlib'], // another first letter
  ];
  test.each(different)('%s and %s are different names', (a, b) => {
    expect(spellsSameName(a, b)).toBe(false);
  });
});
