import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findAliasPairs, nameKey, NameAliases } from '../src/text/name-aliases.ts';

describe('aliases a text defines', () => {
  test('an abbreviation in brackets after the name it stands for', () => {
    expect(findAliasPairs('Fighters of the Free Syrian Army (FSA) entered the town.')).toEqual([{ name: 'Free Syrian Army', alias: 'FSA' }]);
    // Its letters may fall inside the name's words, and connectors do not count ("Syrian Observatory for Human Rights").
    expect(findAliasPairs('the UK-based Syrian Observatory for Human Rights (SOHR) said.')).toEqual([{ name: 'Syrian Observatory for Human Rights', alias: 'SOHR' }]);
    expect(findAliasPairs('militants of the Islamic State of Iraq and the Levant (ISIL) have executed')).toEqual([{ name: 'Islamic State of Iraq and the Levant', alias: 'ISIL' }]);
    // A particle opens a word: "al-Sham" gives its S.
    expect(findAliasPairs('the self-proclaimed Islamic State of Iraq and al-Sham (ISIS) group')).toEqual([{ name: 'Islamic State of Iraq and al-Sham', alias: 'ISIS' }]);
    // What follows a comma in the brackets is no part of the abbreviation.
    expect(findAliasPairs('the Syrian Democratic Forces (SDF, a Kurdish-Arab alliance) advanced')).toEqual([{ name: 'Syrian Democratic Forces', alias: 'SDF' }]);
  });

  test('a name in brackets after its abbreviation', () => {
    expect(findAliasPairs('SOHR (Syrian Observatory for Human Rights) said')).toEqual([{ name: 'Syrian Observatory for Human Rights', alias: 'SOHR' }]);
  });

  test('"known as", after a name and before one', () => {
    expect(findAliasPairs('The Syrian Civil Defence - better known as the White Helmets - said.')).toEqual([{ name: 'Syrian Civil Defence', alias: 'White Helmets' }]);
    expect(findAliasPairs('groups such as Islamic State (IS also known as Daesh) as well as')).toEqual([
      { name: 'IS', alias: 'Daesh' },
    ]);
    expect(findAliasPairs('an official still in Kobane, also known as Ain al-Arab. He said')).toEqual([{ name: 'Kobane', alias: 'Ain al-Arab' }]);
    // "In" ends the name after it ("Daesh in Arabic"); a stop word opening a sentence the copy ran on ends it too.
    expect(findAliasPairs('The Islamic State group, also known as Daesh in Arabic, is outlawed')).toEqual([]);
    expect(findAliasPairs('Jabhat Fath al-Sham formerly known as al-Nusra Front It added')).toEqual([{ name: 'Jabhat Fath al-Sham', alias: 'al-Nusra Front' }]);
  });

  test('defines nothing where no name stands on both sides', () => {
    // Schwartz and Hearst would spell "AP" from "Aleppo": a word of the name ("Syria") gives no letter of it.
    expect(findAliasPairs('ALEPPO Syria (AP) — Air strikes')).toEqual([]);
    expect(findAliasPairs('at least 20 people (AP) were killed')).toEqual([]);
    expect(findAliasPairs('Beirut (Lebanon) and Amman (Reuters)')).toEqual([]);
    // A handle spells its owner's name: no abbreviation.
    expect(findAliasPairs('wrote Joyce Karam (@JoyceKaram) on Twitter')).toEqual([]);
    // "known as" after no name: "the Kurdish police known as the Asayish" names the police, whose name is not given.
    expect(findAliasPairs('the internal security force known as the Asayish')).toEqual([]);
    expect(findAliasPairs('said on Saturday. Known as the White Helmets, the rescue service')).toEqual([]);
    // A describing word is no name: "Qaeda-affiliated" and "US-backed" name nothing.
    expect(findAliasPairs('the US-backed Hayat Tahrir al Sham, previously known as the Al Nusra Front.')).toEqual([{ name: 'Hayat Tahrir al Sham', alias: 'Nusra Front' }]);
  });

  test('never throws, and every name and alias it gives is in the text', () => {
    const words = fc.constantFrom('the', 'Free', 'Syrian', 'Army', '(FSA)', '(', ')', 'known', 'as', 'also', 'IS', 'of', 'al-Sham', ',', '.', 'Daesh', '-', 'Islamic', 'State', '(ISIS)', '((', 'x');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), (parts) => {
        const text = parts.join(' ');
        for (const { name, alias } of findAliasPairs(text)) {
          expect(text).toContain(name);
          expect(text).toContain(alias);
        }
      }),
    );
  });
});

describe('the names a collection gives one thing', () => {
  const pairs = [
    ...findAliasPairs('the Islamic State (IS) group'),
    ...findAliasPairs('Islamic State (IS also known as Daesh)'),
    ...findAliasPairs('the self proclaimed Islamic State (ISIS) groups'),
    ...findAliasPairs('militants from the Islamic State of Iraq and the Levant (ISIL) have'),
    ...findAliasPairs('the Free Syrian Army (FSA) and the Free Syria Army (FSA)'),
    ...findAliasPairs('the Syrian Democratic Forces (SDF) an alliance'),
  ];
  const aliases = new NameAliases(pairs);

  test('are grouped through the names they share, and a longer name going on from one with "of"', () => {
    expect(aliases.aliasesOf('ISIS').sort()).toEqual(['Daesh', 'IS', 'ISIL', 'Islamic State', 'Islamic State of Iraq and the Levant']);
    expect(aliases.aliasesOf('Daesh')).toContain('ISIS');
    expect(aliases.aliasesOf('FSA').sort()).toEqual(['Free Syria Army', 'Free Syrian Army']);
    // Keyed without case, connectors or particles.
    expect(aliases.aliasesOf('the free syrian army')).toContain('FSA');
  });

  test('keep groups apart that share no name, and know nothing of other names', () => {
    expect(aliases.aliasesOf('SDF')).toEqual(['Syrian Democratic Forces']);
    expect(aliases.aliasesOf('Hezbollah')).toEqual([]);
    expect(aliases.aliasesOf('')).toEqual([]);
  });

  test('a name is keyed by its words but connectors and particles', () => {
    expect(nameKey('al-Nusra Front')).toBe('nusra front');
    expect(nameKey('the Organisation for the Prohibition of Chemical Weapons')).toBe('organisation prohibition chemical weapons');
    expect(nameKey('of the')).toBeNull();
  });
});
