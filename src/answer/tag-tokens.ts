import winkNLP, { type ItemEntity } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { toTerm } from '../text/terms.ts';

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
}

const nlp = winkNLP(model);
const its = nlp.its;

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
  const tokens: TaggedToken[] = [];
  // wink's token index → ours; wink expands some contractions into tokens with no span of their own.
  const byWinkIndex: Array<TaggedToken | undefined> = [];
  let cursor = 0;
  for (const [index, word] of words.entries()) {
    const start = text.indexOf(word, cursor);
    if (start < 0) continue;
    cursor = start + word.length;
    const token: TaggedToken = { text: word, start, end: cursor, pos: tags[index] ?? 'X', term: toTerm(word), entity: null };
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
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(text, tokens);
  return tokens;
}
