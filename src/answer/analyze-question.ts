import { foldWord, isStopWord, splitWords, toTerms } from '../text/terms.ts';
import { tagTokens } from './tag-tokens.ts';

/** The kind of answer a question wants. */
export type AnswerKind = 'person' | 'place' | 'date' | 'number' | 'reason' | 'manner' | 'thing';

/** What a question asks, as the engine understands it. */
export interface QuestionAnalysis {
  question: string;
  /** The question word: who, what, when, where, why, how, how many, how much, which; or `other`. */
  type: 'who' | 'what' | 'when' | 'where' | 'why' | 'how' | 'how many' | 'how much' | 'which' | 'other';
  expects: AnswerKind;
  /** The noun the question asks about ("year" in "what year", "fighters" in "how many fighters"), folded. */
  focus: string | null;
  /** Stemmed content terms, unique, in order. */
  terms: string[];
  /** Proper names the question mentions ("Raqqa", "Kearney Boulevard"), as written. */
  names: string[];
  /**
   * True for a passive question ("who was targeted"): its answer is the
   * object of the verb, found after the verb in an active sentence.
   */
  passive: boolean;
}

const DATE_NOUNS = new Set(['year', 'date', 'day', 'month', 'century', 'decade', 'time', 'period', 'era', 'season', 'week', 'age']);
const PLACE_NOUNS = new Set(['city', 'country', 'state', 'place', 'location', 'town', 'region', 'continent', 'river', 'area', 'province', 'village', 'county', 'island', 'nation', 'capital', 'street', 'district', 'site', 'venue', 'stadium', 'mountain', 'ocean', 'sea', 'territory']);
const NUMBER_NOUNS = new Set(['number', 'percentage', 'percent', 'amount', 'proportion', 'size', 'distance', 'length', 'height', 'cost', 'price', 'temperature', 'total', 'score', 'population', 'rate', 'speed', 'weight', 'sum', 'value', 'fraction', 'share', 'count']);
const PERSON_NOUNS = new Set(['person', 'man', 'woman', 'leader', 'president', 'player', 'people', 'group', 'company', 'organization', 'organisation', 'team', 'author', 'scientist', 'king', 'queen', 'emperor', 'minister', 'official', 'member', 'party', 'agency', 'ministry', 'army', 'military', 'body', 'government', 'firm', 'band', 'artist', 'writer', 'coach', 'quarterback', 'owner', 'founder', 'general', 'commander', 'spokesman', 'spokesperson', 'actor', 'singer', 'director', 'professor', 'physicist', 'philosopher', 'chairman', 'ruler', 'dynasty', 'tribe', 'university', 'school', 'network', 'broadcaster', 'station', 'channel']);
const HOW_NUMBER = new Set(['long', 'old', 'far', 'big', 'large', 'tall', 'often', 'high', 'heavy', 'deep', 'wide', 'fast', 'late', 'early', 'soon', 'frequently']);

/**
 * Analyses a question: its question word, the kind of answer it wants (a
 * person or organisation, a place, a date, a number, a reason, a manner or a
 * thing), its focus noun, its content terms and the names it mentions.
 */
export function analyzeQuestion(question: string): QuestionAnalysis {
  const words = splitWords(question).map(foldWord);
  const { type, wordIndex } = findQuestionWord(words);
  const tokens = tagTokens(question);
  const focus = findFocus(tokens.map((t) => ({ word: foldWord(t.text), pos: t.pos })), type, wordIndex);
  return {
    question,
    type,
    expects: expectedKind(type, focus, words, wordIndex),
    focus,
    terms: [...new Set(toTerms(question))],
    names: findNames(tokens),
    passive: isPassive(tokens),
  };
}

function findQuestionWord(words: string[]): { type: QuestionAnalysis['type']; wordIndex: number } {
  for (const [index, word] of words.entries()) {
    switch (word) {
      case 'who':
      case 'whom':
      case 'whose':
        return { type: 'who', wordIndex: index };
      case 'when':
        return { type: 'when', wordIndex: index };
      case 'where':
        return { type: 'where', wordIndex: index };
      case 'why':
        return { type: 'why', wordIndex: index };
      case 'which':
        return { type: 'which', wordIndex: index };
      case 'what':
        return { type: 'what', wordIndex: index };
      case 'how': {
        const next = words[index + 1];
        if (next === 'many') return { type: 'how many', wordIndex: index };
        if (next === 'much') return { type: 'how much', wordIndex: index };
        return { type: 'how', wordIndex: index };
      }
      default:
        break;
    }
  }
  return { type: 'other', wordIndex: -1 };
}

/** The head noun right after the question word ("what year", "which two streets", "how many fighters"). */
function findFocus(tokens: Array<{ word: string; pos: string }>, type: QuestionAnalysis['type'], wordIndex: number): string | null {
  if (wordIndex < 0) return null;
  const start = tokens.findIndex((t) => ['what', 'which', 'how', 'whose'].includes(t.word));
  if (start < 0) return null;
  let index = start + 1 + (type === 'how many' || type === 'how much' ? 1 : 0);
  let focus: string | null = null;
  // "what kind of X", "which of the X": the noun after "of" is the focus.
  for (; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.pos === 'NOUN' || token.pos === 'PROPN') focus = singular(token.word);
    else if (focus === null && (token.pos === 'ADJ' || token.pos === 'NUM' || token.pos === 'DET' || token.word === 'of' || token.word === 'kind' || token.word === 'type')) continue;
    else break;
  }
  return focus;
}

function expectedKind(type: QuestionAnalysis['type'], focus: string | null, words: string[], wordIndex: number): AnswerKind {
  switch (type) {
    case 'who':
      return 'person';
    case 'when':
      return 'date';
    case 'where':
      return 'place';
    case 'why':
      return 'reason';
    case 'how many':
    case 'how much':
      return 'number';
    case 'how':
      return HOW_NUMBER.has(words[wordIndex + 1] ?? '') ? 'number' : 'manner';
    case 'what':
    case 'which':
    case 'other':
      // "What is the name of …" asks for a proper name, as "who" does.
      if (focus === null) return words.includes('name') || words.includes('named') || words.includes('called') ? 'person' : 'thing';
      if (DATE_NOUNS.has(focus)) return 'date';
      if (PLACE_NOUNS.has(focus)) return 'place';
      if (NUMBER_NOUNS.has(focus)) return 'number';
      if (PERSON_NOUNS.has(focus)) return 'person';
      return 'thing';
  }
}

/** Capitalised words after the first, not question words: the names a question mentions. */
function findNames(tokens: ReturnType<typeof tagTokens>): string[] {
  const names: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) names.push(current.join(' '));
    current = [];
  };
  for (const [index, token] of tokens.entries()) {
    const capitalised = /^\p{Lu}/u.test(token.text);
    const isName = capitalised && (index > 0 || token.pos === 'PROPN') && !isStopWord(token.text);
    if (isName || (current.length > 0 && /^\p{Lu}/u.test(token.text))) current.push(token.text);
    else flush();
  }
  flush();
  return names;
}

/** "streets" → "street", "cities" → "city": enough for matching focus nouns to the lists above. */
function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ses') || word.endsWith('xes') || word.endsWith('ches') || word.endsWith('shes')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3) return word.slice(0, -1);
  return word;
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/** A form of "be" followed (within two words) by a past participle: "was targeted", "were first killed". */
function isPassive(tokens: ReturnType<typeof tagTokens>): boolean {
  return tokens.some((token, i) => {
    if (!BE_FORMS.has(token.text.toLowerCase())) return false;
    const next = tokens.slice(i + 1, i + 3);
    return next.some((t) => t.pos === 'VERB' && /(?:ed|en|wn|lt|ld|nt|de)$/i.test(t.text));
  });
}
