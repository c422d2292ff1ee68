import type { Article } from '../src/article.ts';

/**
 * Names of one organisation, place or group that the shipped articles use
 * side by side, listed by hand for the eval: the engine finds its aliases in
 * the articles' own text (see src/text/name-aliases.ts) and never reads this
 * list. The first of a group that the answer's article does not write is
 * the one swapped in. "IS" is only swapped out: as a stop word it is in no
 * question's terms.
 */
export const ALIAS_GROUPS: readonly (readonly string[])[] = [
  ['ISIS', 'ISIL', 'Daesh', 'Islamic State', 'IS'],
  ['SDF', 'Syrian Democratic Forces'],
  ['SOHR', 'Syrian Observatory for Human Rights'],
  ['FSA', 'Free Syrian Army'],
  ['SANA', 'Syrian Arab News Agency'],
  ['YPG', "People's Protection Units"],
  ['OPCW', 'Organisation for the Prohibition of Chemical Weapons'],
  ['UN', 'United Nations'],
  ['SAA', 'Syrian Arab Army'],
  ['HRW', 'Human Rights Watch'],
  ['White Helmets', 'Syrian Civil Defence'],
  ['Nusra Front', 'Jabhat Fateh al-Sham'],
  ['Kobane', 'Ain al-Arab'],
  ['Palmyra', 'Tadmur'],
];

/** A question whose names were swapped for aliases, and the swaps (as asked → as swapped). */
export interface AliasedQuestion {
  question: string;
  swaps: Array<[string, string]>;
}

/**
 * Swaps each name of a question listed in ALIAS_GROUPS for an alias of it
 * that the answer's article does not write: what a reader who calls a group
 * otherwise than the article does gets. Null when nothing was swapped.
 */
export function aliasNames(question: string, article: Pick<Article, 'title' | 'paragraphs'>): AliasedQuestion | null {
  return swapNames(question, article, ALIAS_GROUPS, 'u');
}

/**
 * Swaps each name of a question listed in `groups` for another of its group that the answer's article does not
 * write. `flags` for finding the question's name: "u" keeps "IS" apart from "is"; "iu" finds "deir ezzor" too.
 */
export function swapNames(question: string, article: Pick<Article, 'title' | 'paragraphs'>, groups: readonly (readonly string[])[], flags: string): AliasedQuestion | null {
  const text = `${article.title}\n${article.paragraphs.join('\n')}`;
  const swaps: Array<[string, string]> = [];
  let aliased = question;
  for (const group of groups) {
    // The longest name the question writes ("Islamic State", not the "IS" of a longer one).
    const asked = group.filter((name) => wholeWord(name, flags).test(aliased)).sort((a, b) => b.length - a.length)[0];
    if (asked === undefined) continue;
    const other = group.find((name) => name.toLowerCase() !== asked.toLowerCase() && name !== 'IS' && !wholeWord(name, 'iu').test(text));
    if (other === undefined) continue;
    aliased = aliased.replace(wholeWord(asked, flags), other);
    swaps.push([asked, other]);
  }
  return swaps.length === 0 ? null : { question: aliased, swaps };
}

/**
 * One name written with Arabic's article in the ways the shipped articles write it, listed by hand for the eval
 * (the engine never reads it): apart, assimilated or joined ("Deir al-Zor", "Deir ez-Zor", "Deir Ezzor").
 */
export const PARTICLE_GROUPS: readonly (readonly string[])[] = [
  ['Deir ez-Zor', 'Deir Ezzor', 'Deir al-Zor', 'Deir el-Zour', 'Deir-Ezzor'],
  ['Ahrar al-Sham', 'Ahrar ash-Sham'],
];

/** A name as a whole word: "IS" is not the start of "ISIS", nor "UN" of "UNICEF". */
function wholeWord(name: string, flags: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, flags);
}
