import model from 'wink-eng-lite-web-model';
import { eng as englishStopWords } from 'stopword';

const STOP_WORDS = new Set<string>([
  ...englishStopWords,
  // Question and reporting words carry no topic: the question's type is analysed apart.
  'what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'many', 'much',
  'does', 'did', 'do', 'was', 'were', 'is', 'are', 'be', 'been', 'the', 'a', 'an', 'of', 'in', 'on', 'to',
]);

// The model's Porter2 stemmer: the same one wink-nlp applies to tokens.
const stem = (model as unknown as { addons: { stem: (word: string) => string } }).addons.stem;

/** Lower-cases a word and folds accents, so "Café" and "cafe" meet. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // Most words are plain ASCII: Unicode normalisation is the costly part and changes nothing for them.
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/** True for English stop words (after folding). */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(foldWord(word));
}

/**
 * The search term of one word: folded, stemmed, or null for a stop word or
 * punctuation. Used both when indexing and when querying, so they agree.
 */
export function toTerm(word: string): string | null {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  const term = computeTerm(word);
  // A collection's vocabulary is bounded but can be large; start again rather than grow without end.
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(word, term);
  return term;
}

const TERM_CACHE_LIMIT = 500_000;
const termCache = new Map<string, string | null>();

// A decade written with an apostrophe ("1970's", "70's"), which is no possessive: the same term as "1970s".
const DECADE_APOSTROPHE = /^(\d+)['’]s$/;

/** A word without its possessive ending ("Luther's" → "luther"), a decade's apostrophe dropped instead ("1970's" → "1970s"). */
function withoutPossessive(folded: string): string {
  return DECADE_APOSTROPHE.test(folded) ? folded.replace(DECADE_APOSTROPHE, '$1s') : folded.replace(/['’]s$/, '');
}

function computeTerm(word: string): string | null {
  const folded = withoutPossessive(foldWord(word)).replace(/’/g, "'");
  if (folded === '' || STOP_WORDS.has(folded)) return null;
  // Numbers and abbreviations ("3.5", "u.s.") are terms as written; Porter2 would mangle them.
  return /^[a-z]+$/.test(folded) ? stem(folded) : folded;
}

/**
 * Splits text into words: letters and digits, with inner apostrophes and dots
 * as in "group's", "U.S." or "3.5"; hyphens separate words, so "al-Baghdadi"
 * is found by "Baghdadi".
 */
export function splitWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * The index terms of one word: its stem, plus the exact folded word when it
 * is capitalised and the stem differs, so that a name keeps its identity
 * ("Manning" is found as "manning", not only as the stem "man" it shares
 * with "man" and "manned") while still meeting a lower-case question.
 */
export function toIndexTerms(word: string): string[] {
  const term = toTerm(word);
  if (term === null) return [];
  if (!/^\p{Lu}/u.test(word)) return [term];
  const exact = withoutPossessive(foldWord(word));
  return exact === term ? [term] : [term, exact];
}

/** The search terms of a text, in order, stop words removed (names also in their exact form, see {@link toIndexTerms}). */
export function toTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of splitWords(text)) terms.push(...toIndexTerms(word));
  return terms;
}
