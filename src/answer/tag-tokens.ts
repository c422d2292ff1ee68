import winkNLP, { type ItemEntity, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { splitWords, toTerm } from '../text/terms.ts';

/** The forms of "be", lower-case: what makes a passive ("was targeted") or a copula ("is the capital"). */
export const BE_FORMS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/** The endings of past participles, regular and common irregular ("targeted", "known", "built", "held", "sent", "made"). */
export const PARTICIPLE_ENDING = /(?:ed|en|wn|lt|ld|nt|de)$/i;

/** Universal part-of-speech tags, as wink-nlp assigns them. */
export type PartOfSpeech =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

/** One token of a tagged text, located by character offsets. */
export interface TaggedToken {
  text: string;
  start: number;
  end: number;
  pos: PartOfSpeech;
  /** The search term (stemmed), or null for stop words and punctuation. */
  term: string | null;
  /** wink's entity type when the token is part of one: DATE, CARDINAL, MONEY, PERCENT, TIME, DURATION, ORDINAL… */
  entity: string | null;
  /** The search term of the word's dictionary form ("led" → lead), or null for stop words and punctuation. */
  lemma: string | null;
}

const nlp = winkNLP(model);
const its = nlp.its;
// wink's typings give `its.lemma` a signature `out()` does not accept, though it works as the other helpers do.
const lemmaOf = its.lemma as unknown as ItsFunction<string>;

// Sentences are tagged again and again by successive questions; a bounded
// cache keeps that cheap without growing with the collection.
const CACHE_LIMIT = 20_000;
const cache = new Map<string, TaggedToken[]>();

/**
 * Tokenises and tags a text (a sentence or a question) with parts of speech
 * and entity types. Offsets index into `text`.
 */
export function tagTokens(text: string): TaggedToken[] {
  const cached = cache.get(text);
  if (cached) return cached;
  const doc = nlp.readDoc(text);
  const words = doc.tokens().out() as string[];
  const tags = doc.tokens().out(its.pos) as PartOfSpeech[];
  const lemmas = doc.tokens().out(lemmaOf) as string[];
  const tokens: TaggedToken[] = [];
  // wink's token index → ours; wink expands some contractions into tokens with no span of their own.
  const byWinkIndex: Array<TaggedToken | undefined> = [];
  let cursor = 0;
  for (const [index, word] of words.entries()) {
    const start = text.indexOf(word, cursor);
    if (start < 0) continue;
    cursor = start + word.length;
    const token: TaggedToken = { text: word, start, end: cursor, pos: tags[index] ?? 'X', term: toTerm(word), entity: null, lemma: toTerm(lemmas[index] ?? word) };
    tokens.push(token);
    byWinkIndex[index] = token;
  }
  doc.entities().each((entity: ItemEntity) => {
    const [first, last] = entity.out(its.span) as unknown as [number, number];
    const type = entity.out(its.type) as string;
    for (let index = first; index <= last; index++) {
      const token = byWinkIndex[index];
      if (token) token.entity = type;
    }
  });
  const joined = joinSplitLetters(tokens);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(text, joined);
  return joined;
}

// Letters outside Latin-1 ("ī", "ā", "ł", "ș") that wink's tokenizer splits words on.
const SPLIT_LETTER = /[^\p{Script=Latin}\p{M}]|[\u0100-\u024F\u1E00-\u1EFF]/u;

/**
 * Joins the pieces wink makes of a word at letters outside Latin-1
 * ("Zakar" "ī" "ya" → "Zakarīya", "R" "ā" "zi" → "Rāzi"): a name must never
 * be cut inside a word. Pieces touch, are all letters, and one holds such a
 * letter.
 */
function joinSplitLetters(tokens: TaggedToken[]): TaggedToken[] {
  const isLetters = (t: TaggedToken) => /^[\p{L}\p{M}]+$/u.test(t.text);
  const joined: TaggedToken[] = [];
  for (const token of tokens) {
    const previous = joined[joined.length - 1];
    if (previous && previous.end === token.start && isLetters(previous) && isLetters(token) && (SPLIT_LETTER.test(previous.text) || SPLIT_LETTER.test(token.text))) {
      const text = previous.text + token.text;
      const pos = previous.pos === 'PROPN' || /^\p{Lu}/u.test(text) ? 'PROPN' : previous.pos;
      joined[joined.length - 1] = { ...previous, text, end: token.end, pos, term: toTerm(text), lemma: toTerm(text) };
    } else joined.push(token);
  }
  return joined;
}

// A collection's vocabulary is bounded: one lemmatisation per distinct word.
const LEMMA_CACHE_LIMIT = 200_000;
const lemmaCache = new Map<string, string | null>();

/**
 * The search term of a word's dictionary form ("oldest" → old, "led" →
 * lead, "sang" → sing), or null for a stop word: the stemmer leaves
 * irregular and superlative forms apart that a question and its answer
 * often word differently. Lower-case words only; names are left as they are.
 */
export function lemmaTerm(word: string): string | null {
  const cached = lemmaCache.get(word);
  if (cached !== undefined) return cached;
  const term = toTerm(dictionaryForm(word));
  if (lemmaCache.size >= LEMMA_CACHE_LIMIT) lemmaCache.clear();
  lemmaCache.set(word, term);
  return term;
}

/**
 * A word's dictionary form as wink-nlp gives it ("began" → begin, "oldest"
 * → old), lower-case; a word with capitals or other than letters is only
 * lower-cased (names are left as they are).
 */
export function dictionaryForm(word: string): string {
  const lower = word.toLowerCase();
  return /^[a-z]+$/.test(lower) && lower === word ? ((nlp.readDoc(lower).tokens().out(lemmaOf) as string[])[0] ?? lower) : lower;
}

// The same sentences are ranked for question after question; bounded like the tag cache.
const lemmaTermsCache = new Map<string, ReadonlySet<string>>();

/** The lemma terms ({@link lemmaTerm}) of every word of a text. */
export function lemmaTerms(text: string): ReadonlySet<string> {
  const cached = lemmaTermsCache.get(text);
  if (cached) return cached;
  const terms = new Set<string>();
  for (const word of splitWords(text)) {
    const term = lemmaTerm(word);
    if (term !== null) terms.add(term);
  }
  if (lemmaTermsCache.size >= CACHE_LIMIT) lemmaTermsCache.delete(lemmaTermsCache.keys().next().value!);
  lemmaTermsCache.set(text, terms);
  return terms;
}
