import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';
import type { Article } from '../src/article.ts';

/**
 * Respells the names of questions as other articles of the collection spell
 * them ("Raqqa" → "Raqa", "Idlib" → "Idleb"), to measure what a reader who
 * spells a name otherwise gets. Independent of the engine's own rule (see
 * src/text/spelling-key.ts): two capitalised words of the articles are taken
 * for spellings of one name when they share their first letter and their
 * primary Double Metaphone code and are at most two edits apart. That is
 * looser than the engine's rule, so some pairs are different names
 * ("Daraa" / "Daraya", "Nusra" / "Nasr"), on which abstaining is right.
 */
export function createRespeller(articles: Iterable<Article>): (question: string) => RespelledQuestion | null {
  const counts = new Map<string, number>();
  const lowerCase = new Set<string>();
  for (const article of articles) {
    for (const text of [article.title, ...article.paragraphs]) {
      for (const word of text.match(/\p{L}+/gu) ?? []) {
        if (/^\p{Lu}\p{Ll}/u.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
        else if (/^\p{Ll}/u.test(word)) lowerCase.add(word);
      }
    }
  }
  // Names: capitalised words of four letters or more, seen at least twice, never in lower case ("The", "Air" are).
  const byCode = new Map<string, string[]>();
  for (const [word, count] of counts) {
    if (word.length < MIN_LETTERS || count < MIN_COUNT || lowerCase.has(word.toLowerCase())) continue;
    const code = doubleMetaphone(word)[0];
    byCode.set(code, [...(byCode.get(code) ?? []), word]);
  }
  const otherSpelling = (word: string): string | undefined =>
    (byCode.get(doubleMetaphone(word)[0]) ?? [])
      .filter((other) => other.toLowerCase() !== word.toLowerCase() && other[0]!.toLowerCase() === word[0]!.toLowerCase() && distance(other.toLowerCase(), word.toLowerCase()) <= MAX_EDITS)
      .sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b))[0];
  return (question) => {
    const swaps: Array<[string, string]> = [];
    // The names of a question: its capitalised words after the first.
    const afterFirstWord = question.search(/\s/) + 1;
    const rest = question.slice(afterFirstWord).replace(/(?<!\p{L})\p{Lu}\p{L}+/gu, (word) => {
      const other = word.length >= MIN_LETTERS ? otherSpelling(word) : undefined;
      if (other === undefined) return word;
      swaps.push([word, other]);
      return other;
    });
    return swaps.length === 0 ? null : { question: question.slice(0, afterFirstWord) + rest, swaps };
  };
}

/** A question whose names were respelled, and the names swapped (as asked → as respelled). */
export interface RespelledQuestion {
  question: string;
  swaps: Array<[string, string]>;
}

const MIN_LETTERS = 4;
const MIN_COUNT = 2;
const MAX_EDITS = 2;
