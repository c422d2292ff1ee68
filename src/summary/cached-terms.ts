import { splitWords, toTerm } from '../text/terms.ts';

// Stemming is most of a summary's cost, and news reuses its words: remember
// each word's term. Cleared when full, so memory stays bounded in a long-running bot.
const MAX_CACHED_WORDS = 50_000;
const termOfWord = new Map<string, string | null>();

/** The terms of a text (stemmed, stop words removed), as {@link toTerm} gives them, with a bounded cache. */
export function cachedTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of splitWords(text)) {
    let term = termOfWord.get(word);
    if (term === undefined) {
      if (termOfWord.size >= MAX_CACHED_WORDS) termOfWord.clear();
      term = toTerm(word);
      termOfWord.set(word, term);
    }
    if (term !== null) terms.push(term);
  }
  return terms;
}
