import { PARTICLE_PREFIX } from '../facts/lexicon.ts';
import { isStopWord } from './terms.ts';

/**
 * Two names a text gives one thing: an abbreviation and the name it stands
 * for ("the Free Syrian Army (FSA)"), or a name and the one it is known by
 * ("the Syrian Civil Defence, better known as the White Helmets").
 */
export interface AliasPair {
  name: string;
  alias: string;
}

/**
 * The aliases a text defines, found as Schwartz and Hearst's abbreviation
 * algorithm finds them (2003: "A simple algorithm for identifying abbreviation
 * definitions in biomedical text"), and after "known as". An abbreviation in
 * brackets after a name ("Syrian Democratic Forces (SDF)") or a name in
 * brackets after one ("SOHR (Syrian Observatory for Human Rights)") is an
 * alias when its letters are found in order in the name, its first letter
 * opening the name's first word, the name is capitalised and each of its
 * words opens with one of its letters. Only names count, so "killed 20
 * people (AP)" and "Aleppo Syria (AP)" define nothing. One abbreviation
 * standing for two names in a collection ("AP") joins them: a limit of
 * reading aliases from the text.
 *
 * @example
 * findAliasPairs('fighters from the Islamic State in Iraq and Syria (ISIS) and');
 * // [{ name: 'Islamic State in Iraq and Syria', alias: 'ISIS' }]
 */
export function findAliasPairs(text: string): AliasPair[] {
  return [...(text.includes('(') ? bracketedAbbreviations(text) : []), ...knownAs(text)];
}

/** The aliases an article's title and paragraphs define (see {@link findAliasPairs}). */
export function findArticleAliases(article: { title: string; paragraphs: readonly string[] }): AliasPair[] {
  const pairs = findAliasPairs(article.title);
  for (const paragraph of article.paragraphs) pairs.push(...findAliasPairs(paragraph));
  return pairs;
}

// Letters and digits of an abbreviation in brackets: 2 to 10 characters, two capitals at least ("FSA", "OPCW",
// "UNICEF", "ISIL"); Schwartz and Hearst allow any word, but a capitalised one in brackets is often a place or an
// outlet ("Beirut (Lebanon)", "(Reuters)").
const ABBREVIATION = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z0-9][A-Za-z0-9&.-]{1,9}$/;
// Words a name may hold between its capitalised words ("Organisation for the Prohibition of Chemical Weapons",
// "Islamic State of Iraq and the Levant", "Hayat Tahrir al Sham").
const CONNECTORS = new Set(['of', 'for', 'the', 'and', 'in', 'on', 'de', 'al', 'el', 'bin', 'ibn', 'du', 'des', 'la', 'le']);
// A part of a name's word between hyphens: capitalised ("Secretary-General") or a number; "Qaeda-affiliated" and
// "US-backed" describe, they name nothing.
const NAME_PART = /^(?:\p{Lu}|\d)/u;

/**
 * A capitalised word of a name (after a particle: "al-Nusra"), not a capitalised stop word opening a sentence the
 * copy ran on ("… Front It added"); an abbreviation is a name though it spells one ("IS", "US").
 */
function isNameWord(word: string): boolean {
  if (!/\p{Lu}/u.test(word) || !withoutParticle(word).split('-').every((part) => NAME_PART.test(part))) return false;
  return /^\p{Lu}{2,}$/u.test(word) || !isStopWord(word);
}

/** A word without the particle joined to it: "al-Sham" → "Sham". */
function withoutParticle(word: string): string {
  return PARTICLE_PREFIX.test(word) ? word.slice(word.indexOf('-') + 1) : word;
}

/** Abbreviations defined in brackets, after the name or before it. */
function bracketedAbbreviations(text: string): AliasPair[] {
  const pairs: AliasPair[] = [];
  for (const match of text.matchAll(/\(([^()]{1,120})\)/g)) {
    // Schwartz and Hearst cut the bracket's text at its first comma or semicolon: "(SDF, a Kurdish-Arab alliance)".
    const inside = match[1]!.split(/[,;]/)[0]!.trim();
    const before = text.slice(Math.max(0, match.index - 200), match.index);
    const insideWords = inside.split(/\s+/);
    if (insideWords.length <= 2 && ABBREVIATION.test(insideWords[0]!)) {
      const abbreviation = insideWords[0]!;
      const name = nameFor(abbreviation, lastWords(before, Math.min(abbreviation.length + 5, abbreviation.length * 2)));
      if (name) pairs.push({ name, alias: abbreviation });
    } else {
      const abbreviation = before.match(/(\S+)\s*$/)?.[1];
      if (abbreviation && ABBREVIATION.test(abbreviation) && insideWords.length <= Math.min(abbreviation.length + 5, abbreviation.length * 2)) {
        const name = nameFor(abbreviation, inside);
        if (name === inside) pairs.push({ name, alias: abbreviation });
      }
    }
  }
  return pairs;
}

/** The last `count` words of a text, within its sentence. */
function lastWords(text: string, count: number): string {
  const sentence = text.split(/[.!?;:]\s|\n/).at(-1) ?? '';
  return sentence.trim().split(/\s+/).slice(-count).join(' ');
}

/**
 * The shortest end of `words` that spells the abbreviation (Schwartz and Hearst's best long form): its letters in
 * order, from last to first, the first at a word's start; null when none, or when it is no capitalised name.
 */
function nameFor(abbreviation: string, words: string): string | null {
  const short = abbreviation.toLowerCase();
  const long = words.toLowerCase();
  let s = short.length - 1;
  let l = long.length - 1;
  while (s >= 0) {
    const c = short[s]!;
    if (!/[a-z0-9]/.test(c)) {
      s--;
      continue;
    }
    while (l >= 0 && (long[l] !== c || (s === 0 && l > 0 && /[a-z0-9]/.test(long[l - 1]!)))) l--;
    if (l < 0) return null;
    l--;
    s--;
  }
  const start = long.lastIndexOf(' ', l) + 1;
  const name = words.slice(start).replace(/[\s,"'’-]+$/, '');
  if (!isName(name) || name.length <= abbreviation.length || name.split(/\s+/).includes(abbreviation)) return null;
  // A handle is no abbreviation ("Joyce Karam (@JoyceKaram)").
  if (name.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase() === short) return null;
  return initialsSpell(name, short) ? name : null;
}

/**
 * Does each of the name's words (but connectors) open with a letter of the abbreviation, in order? Schwartz and
 * Hearst match letters inside words too, so a dateline "Aleppo Syria (AP)" spelt "AP" with Aleppo's "p".
 */
function initialsSpell(name: string, abbreviation: string): boolean {
  let at = 0;
  for (const word of name.split(/\s+/)) {
    if (CONNECTORS.has(word.toLowerCase())) continue;
    // "al-Sham" opens with "S".
    const initial = withoutParticle(word)[0]!.toLowerCase();
    at = abbreviation.indexOf(initial, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** Capitalised words, and connectors only between them. */
function isName(phrase: string): boolean {
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0 || !isNameWord(words[0]!) || !isNameWord(words.at(-1)!)) return false;
  return words.every((word) => isNameWord(word) || CONNECTORS.has(word.toLowerCase()));
}

// "X, also known as Y", "X (formerly known as Y", "X - better known as the Y": "known as" is looked for first (a
// pattern opening on the marks before it is tried at every space), then what stands before it.
const KNOWN_AS = /\bknown\s+as\s+(?:the\s+)?/gi;
const BEFORE_KNOWN_AS = /[\s,(–—-]+(?:(?:also|better|commonly|formerly|previously|now|once)\s+)?$/i;

/** A name followed by "known as" and another name. */
function knownAs(text: string): AliasPair[] {
  const pairs: AliasPair[] = [];
  for (const match of text.matchAll(KNOWN_AS)) {
    const before = text.slice(Math.max(0, match.index - 120), match.index);
    const marks = before.match(BEFORE_KNOWN_AS);
    if (!marks) continue;
    const name = nameEnding(before.slice(0, marks.index));
    const alias = nameStarting(text.slice(match.index + match[0].length, match.index + match[0].length + 120));
    if (name && alias && name.toLowerCase() !== alias.toLowerCase()) pairs.push({ name, alias });
  }
  return pairs;
}

/** The name a text ends on, if it ends on one: "… (IS" → "IS", "… in Kobane" → "Kobane". */
function nameEnding(text: string): string | null {
  const words = text.split(/\s+/);
  const name: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    // A mark after a word ends the name before it; one before it ends the name at it.
    if (/[.!?;:,)"”]$/.test(words[i]!)) break;
    const word = words[i]!.replace(/^[("“]+/, '');
    if (!isNameWord(word) && !CONNECTORS.has(word.toLowerCase())) break;
    name.unshift(word);
    if (word !== words[i]) break;
  }
  return trimConnectors(name);
}

/** The name a text starts with, if it starts with one. "In" ends it: "Daesh in Arabic". */
function nameStarting(text: string): string | null {
  const name: string[] = [];
  for (const written of text.split(/\s+/)) {
    const word = written.replace(/^["“]+/, '').replace(/[.!?;:,)"”]+$/, '');
    if (!isNameWord(word) && (!CONNECTORS.has(word.toLowerCase()) || word.toLowerCase() === 'in')) break;
    name.push(word);
    if (word !== written) break;
  }
  return trimConnectors(name);
}

/** The words as a name, without connectors at either end ("in Kobane" → "Kobane"); null when none are left. */
function trimConnectors(words: string[]): string | null {
  let start = 0;
  let end = words.length;
  while (start < end && CONNECTORS.has(words[start]!.toLowerCase())) start++;
  while (end > start && CONNECTORS.has(words[end - 1]!.toLowerCase())) end--;
  return end > start ? words.slice(start, end).join(' ') : null;
}

/**
 * The names a collection gives one thing, grouped from the alias pairs its
 * articles define: "ISIS" with "Islamic State" (from "Islamic State (ISIS)")
 * and "Daesh" (from "IS also known as Daesh", as "Islamic State (IS)" joins
 * IS to the group). A longer name that goes on from another with "of", "in"
 * or "for" names the same thing ("Islamic State of Iraq and the Levant").
 */
export class NameAliases {
  // Each name's key (see nameKey) → the key of its group's first name, and each key → its commonest written form.
  readonly #parent = new Map<string, string>();
  readonly #written = new Map<string, Map<string, number>>();
  readonly #members = new Map<string, string[]>();

  constructor(pairs: Iterable<AliasPair>) {
    for (const { name, alias } of pairs) {
      const nameKey = this.#note(name);
      const aliasKey = this.#note(alias);
      if (nameKey && aliasKey) this.#join(nameKey, aliasKey);
    }
    // "Islamic State" and "Islamic State of Iraq and the Levant": a name going on from another with a connector.
    for (const forms of [...this.#written.values()]) {
      for (const form of forms.keys()) {
        const words = form.split(/\s+/);
        for (let end = 2; end < words.length; end++) {
          if (!LONGER_NAME_CONNECTORS.has(words[end]!.toLowerCase())) continue;
          const shorter = nameKey(words.slice(0, end).join(' '));
          if (shorter && this.#parent.has(shorter)) this.#join(shorter, nameKey(form)!);
        }
      }
    }
    for (const key of this.#parent.keys()) {
      const root = this.#root(key);
      const members = this.#members.get(root);
      if (members) members.push(key);
      else this.#members.set(root, [key]);
    }
  }

  /** The other names of the thing a name names, as the articles most often write each; none when it has none. */
  aliasesOf(name: string): string[] {
    const key = nameKey(name);
    if (!key || !this.#parent.has(key)) return [];
    return (this.#members.get(this.#root(key)) ?? []).filter((other) => other !== key).map((other) => this.#commonestForm(other));
  }

  /** Keeps a written name; its key, or null when it has no words to key. */
  #note(name: string): string | null {
    const key = nameKey(name);
    if (!key) return null;
    const forms = this.#written.get(key) ?? new Map<string, number>();
    forms.set(name, (forms.get(name) ?? 0) + 1);
    this.#written.set(key, forms);
    if (!this.#parent.has(key)) this.#parent.set(key, key);
    return key;
  }

  #root(key: string): string {
    let root = key;
    // No path compression: a group is a handful of names.
    while (this.#parent.get(root) !== root) root = this.#parent.get(root)!;
    return root;
  }

  #join(a: string, b: string): void {
    const rootA = this.#root(a);
    const rootB = this.#root(b);
    if (rootA !== rootB) this.#parent.set(rootB, rootA);
  }

  #commonestForm(key: string): string {
    const forms = [...(this.#written.get(key) ?? new Map<string, number>())];
    return forms.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? key;
  }
}

const LONGER_NAME_CONNECTORS = new Set(['of', 'in', 'for']);

/**
 * A name's key: its words but connectors, lower-cased, particles dropped ("al-Nusra Front" and "Nusra Front" are
 * "nusra front"); null when nothing is left.
 */
export function nameKey(name: string): string | null {
  const words = name
    .split(/\s+/)
    .map(withoutParticle)
    .join(' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !CONNECTORS.has(word));
  return words.length > 0 ? words.join(' ') : null;
}
