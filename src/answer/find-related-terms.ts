import { toTerm } from '../text/terms.ts';
import { sharedWordNet, type WordNet, type WordNetPos } from '../text/wordnet.ts';
import { dictionaryForm, type PartOfSpeech, type TaggedToken } from './tag-tokens.ts';

// Adverbs are left out: their synonyms ("mainly" → primarily, "typically" → usually) are words any sentence
// may hold, and measured they moved the top quote to the wrong sentence more often than to the right one.
const WORDNET_POS: Partial<Record<PartOfSpeech, WordNetPos>> = { NOUN: 'noun', VERB: 'verb', ADJ: 'adj' };

/** How many of a question word's senses lend their synonyms (WordNet orders senses by frequency). */
const SENSES = 2;

/**
 * The search terms of words that say what a question's words say, by
 * question term: WordNet synonyms of the word's most frequent senses in the
 * part of speech the tagger gives it, and the forms derived from it ("invention"
 * → invent, "died" → death, "largest" → big, "began" → start). Names, stop
 * words and phrases are left out, and so are terms the question holds itself.
 *
 * @example
 * findRelatedTerms(tagTokens('Who began the invention?'), ['began', 'invent'])
 * // { began: ['start', 'commenc', …], invent: ['innov', …] }
 */
export function findRelatedTerms(tokens: readonly TaggedToken[], questionTerms: readonly string[], wordnet: WordNet = sharedWordNet()): Record<string, string[]> {
  const own = new Set(questionTerms);
  const related: Record<string, string[]> = {};
  for (const token of tokens) {
    const pos = WORDNET_POS[token.pos];
    // A capitalised word after the first is a name; the first is checked in lower case.
    if (pos === undefined || token.term === null || !own.has(token.term) || /\p{Lu}/u.test(token.text.slice(1))) continue;
    const word = token.text.toLowerCase();
    if (/\p{Lu}/u.test(token.text) && token.start > 0) continue;
    const forms = new Set([word, dictionaryForm(word)]);
    const terms = new Set<string>();
    for (const form of forms) {
      for (const other of wordnet.relatedWords(form, { pos: [pos], senses: SENSES, crossPosDerivations: true })) {
        if (other.includes(' ') || other.includes('-')) continue;
        const term = toTerm(other);
        if (term !== null && !own.has(term) && term !== token.lemma) terms.add(term);
      }
    }
    if (terms.size > 0) related[token.term] = [...new Set([...(related[token.term] ?? []), ...terms])];
  }
  return related;
}
