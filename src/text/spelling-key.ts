import { distance } from 'fastest-levenshtein';

/**
 * What stays of a name through the ways English copy transliterates Arabic
 * (and other) names: the consonants in order, doubled letters written once, a
 * final "h" after a vowel dropped, and each run of vowels one vowel. "Raqqa",
 * "Raqa" and "Raqqah" share a key; so do "Idlib" and "Idleb", "Hasakeh" and
 * "Hassakeh", "Mayadin" and "Mayadeen".
 *
 * English words share keys too ("road" / "raid"), so the key is only ever
 * asked of the names a question gives (see ArticleIndex.spellingVariants).
 * Double Metaphone, the usual sound key, was measured as too loose for this:
 * it joins "Nusra" and "Nasr", "Homs" and "Hamis", "Syria" and "Suri".
 *
 * @example
 * spellingKey('raqqah'); // "raqa"
 * spellingKey('raqa'); // "raqa"
 */
export function spellingKey(term: string): string {
  return spellingForm(term).replace(/[aeiou]+/g, 'a');
}

/**
 * Are two words spellings of one name: the same {@link spellingKey} and first
 * letter, and, once doubled letters and a final "h" are set aside, as many
 * vowels apart as the name's length allows (none below five letters, one
 * below eight, two from eight)? "Raqqa" / "Raqa", "Hasakeh" / "Hasaka" and
 * "Mayadin" / "Mayadeen" are; "Hama" / "Hami", "Luther" / "Lothar" and
 * "Hamis" / "Hama" (another key) are not.
 */
export function spellsSameName(a: string, b: string): boolean {
  const formA = spellingForm(a);
  const formB = spellingForm(b);
  if (formA[0] !== formB[0] || spellingKey(a) !== spellingKey(b)) return false;
  const longer = Math.max(formA.length, formB.length);
  return distance(formA, formB) <= (longer < MEDIUM_NAME ? 0 : longer < LONG_NAME ? 1 : 2);
}

// From these many letters (doubles written once), a name's spellings may differ in one vowel, and in two.
const MEDIUM_NAME = 5;
const LONG_NAME = 8;

/** Lower-case letters only, doubled letters once, a final "h" after a vowel dropped. */
function spellingForm(term: string): string {
  return term
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/(.)\1+/g, '$1')
    .replace(/([aeiou])h$/, '$1');
}
