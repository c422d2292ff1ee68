import { foldWord, isStopWord, splitWords, toTerms } from '../text/terms.ts';
import { BE_FORMS, lemmaTerm, PARTICIPLE_ENDING, tagTokens } from './tag-tokens.ts';
import { DIRECTION_WORDS, lexiconIs, REPORTING_VERBS, ROLE_WORDS } from '../facts/lexicon.ts';
import { findRelatedTerms } from './find-related-terms.ts';
import { sharedWordNet } from '../text/wordnet.ts';

/** The kind of answer a question wants. */
export type AnswerKind = 'person' | 'place' | 'date' | 'number' | 'reason' | 'manner' | 'thing';

/** What a question asks, as the engine understands it. */
export interface QuestionAnalysis {
  question: string;
  /** The question word: who, what, when, where, why, how, how many, how much, which; or `other`. */
  type: 'who' | 'what' | 'when' | 'where' | 'why' | 'how' | 'how many' | 'how much' | 'which' | 'other';
  expects: AnswerKind;
  /**
   * The noun the question asks about ("year" in "what year", "fighters" in "how many fighters", "species" in
   * "what is the number of tree species"), folded.
   */
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
  /**
   * Where each content term stands relative to the answer once the question
   * is turned into a statement: "what did Lady Gaga sing" → "Lady Gaga sang
   * [answer]" puts "lady", "gaga" and "sing" `before` it; "who sang the
   * anthem" → "[answer] sang the anthem" puts them `after`. Terms missing
   * here (copular questions, fronted clauses) may stand on either side.
   */
  sides: Record<string, 'before' | 'after'>;
  /**
   * What the answer is to the question's verb: its doer (`agent`: "who sang
   * the anthem", "what destroyed the city"), what it was done to (`patient`:
   * "what did Luther write", "what was destroyed"), or what the subject is
   * said to be after it (`complement`: "what was the hymn known as"); null
   * when the question has no such verb ("what is the capital").
   */
  role: 'agent' | 'patient' | 'complement' | null;
  /** The terms right before and after a question word left in place (see findNeighbours). */
  neighbours: { before: string | null; after: string | null };
  /**
   * A preposition the question ends on, whose object is the answer ("who is
   * the boulevard named *after*", "where is the tribe *from*"), and the term
   * right before it ("name", "tribe"): in the sentence the answer follows the
   * same preposition after that word. Null when the question ends otherwise.
   */
  stranded: { preposition: string; after: string } | null;
  /**
   * The question asks who said or reported something ("who said the strike killed five", "which official
   * claimed …"): the answer is the speaker, the subject of a reporting verb in the sentence.
   */
  speaker: boolean;
  /**
   * The question asks for another name of what it names: what an abbreviation stands for ("what does SOHR stand
   * for"), or what a thing is also called ("what is the FSA also known as", "another name for").
   */
  otherName: boolean;
  /** The stemmed terms of the question's verbs ("sing" in "who sang the anthem"): the verbs {@link role} speaks of. */
  verbs: string[];
  /**
   * The particle each phrasal verb of the question takes, by the verb's term: "carri" → "out" in "who carried out the
   * attack?". A sentence says that verb only with the particle after it ("carried out", "carried it out"); "trucks
   * carrying aid" does not.
   */
  particles: Record<string, string>;
  /** Each term's dictionary-form term where it differs ("oldest" → "old", "led" → "lead"): see {@link lemmaTerm}. */
  lemmas: Record<string, string>;
  /**
   * Search terms of words that say what a question term says, by question term: WordNet synonyms and
   * derived forms ("invention" → invent, "died" → death, "largest" → big; see findRelatedTerms).
   */
  related: Record<string, string[]>;
}

const DATE_NOUNS = new Set(['year', 'date', 'day', 'month', 'century', 'decade', 'time', 'period', 'era', 'season', 'week', 'age']);
const PLACE_NOUNS = new Set(['city', 'country', 'state', 'place', 'location', 'town', 'region', 'continent', 'river', 'area', 'province', 'village', 'county', 'island', 'nation', 'capital', 'street', 'district', 'site', 'venue', 'stadium', 'mountain', 'ocean', 'sea', 'territory', 'neighbourhood', 'neighborhood', 'suburb', 'governorate', 'municipality', 'airbase', 'camp']);
const NUMBER_NOUNS = new Set(['number', 'estimate', 'toll', 'tally', 'percentage', 'percent', 'amount', 'proportion', 'size', 'distance', 'length', 'height', 'cost', 'price', 'temperature', 'total', 'score', 'population', 'rate', 'speed', 'weight', 'sum', 'value', 'fraction', 'share', 'count']);
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
  const foldedTokens = tokens.map((t) => ({ word: foldWord(t.text), pos: t.pos }));
  const focus = findFocus(foldedTokens, type, wordIndex);
  const withVerb = withAskedVerb(tokens);
  // "What does SOHR stand for", "what is the FSA also known as": the words asking for the other name are not the
  // text's ("stand" is in no answer, and "Free Syrian Army (FSA)" says no "known").
  const asking = new Set(toTerms([...(question.match(EXPANSION_WORDS) ?? []), ...(question.match(OTHER_NAME_WORDS) ?? [])].join(' ')));
  const terms = [...new Set(toTerms(question))].filter((term) => !asking.has(term));
  const expects = expectedKind(type, focus, words, wordIndex);
  return {
    question,
    type,
    expects,
    // "What is the number of tree species": the noun counted is the focus, as in "how many species".
    focus: focus ?? (expects === 'number' ? countedNoun(foldedTokens) : null),
    terms,
    names: findNames(tokens),
    passive: isPassive(tokens),
    sides: findSides(tokens),
    role: findRole(withVerb),
    neighbours: findNeighbours(tokens),
    stranded: strandedPreposition(tokens),
    speaker: asksSpeaker(tokens),
    otherName: question.match(EXPANSION_WORDS) !== null || OTHER_NAME_QUESTION.test(question),
    verbs: [...new Set(withVerb.filter((t) => t.pos === 'VERB').flatMap((t) => toTerms(t.text)))].filter((term) => !asking.has(term)),
    particles: findParticles(tokens),
    lemmas: findLemmas(question),
    related: findRelatedTerms(tokens, terms),
  };
}

// The words asking what an abbreviation stands for ("what does SOHR stand for", "the LMP acronym").
const EXPANSION_WORDS = /\b(?:stands?|stood) for\b|\bshort for\b|\babbreviat\w*|\bacronyms?\b/gi;
// The words asking for another name, ending the question ("what is the FSA also known as?"). A bare "called" is
// kept: "what is the scale … called" is answered by a sentence saying "called" as often as not, and without the word
// XQuAD's answers were less sure when the answer's article is absent.
const OTHER_NAME_WORDS = /\b(?:(?:(?:also|better|commonly|formerly|previously)\s+)?known\s+as|(?:also|formerly|previously)\s+called)\s*\??\s*$/i;

// A question asking for another name of what it names, anywhere in it ("another name for", "known as").
const OTHER_NAME_QUESTION = /\b(?:another|other|also|full|real|formal|official|former|new|previous|original) name\b|\bknown as\b|\b(?:also|formerly|previously) called\b/i;

function findQuestionWord(words: string[]): { type: QuestionAnalysis['type']; wordIndex: number } {
  const start = questionWordIndex(words);
  for (const [index, word] of words.entries()) {
    if (index < start) continue;
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
  const start = questionWordIndex(tokens.map((t) => t.word));
  if (start < 0 || !['what', 'which', 'how', 'whose'].includes(tokens[start]!.word)) return null;
  // "developed a what of the East": a question word left in place after an article has no noun of its own.
  if (ARTICLE_WORDS.has(tokens[start - 1]?.word ?? '')) return null;
  let index = start + 1 + (type === 'how many' || type === 'how much' ? 1 : 0);
  let focus: string | null = null;
  // "what kind of X", "which of the X": the noun after "of" is the focus.
  for (; index < tokens.length; index++) {
    const token = tokens[index]!;
    // "what German general": a nationality before the noun only describes it, and the word after it is the
    // noun even when the tagger takes it for an adjective.
    if (focus === null && token.pos === 'PROPN' && lexiconIs(token.word, 'demonym') && ['NOUN', 'PROPN', 'ADJ'].includes(tokens[index + 1]?.pos ?? '')) {
      focus = singular(tokens[index + 1]!.word);
      index++;
      continue;
    }
    if (token.pos === 'NOUN' || token.pos === 'PROPN') focus = singular(token.word);
    // The noun phrase goes on past a describing word or a hyphen between its nouns: "how many ISIS military
    // vehicles", "which al-Qaida affiliate" ask for vehicles and an affiliate, not for ISIS or "al".
    else if (focus !== null && continuesNounPhrase(token, tokens[index + 1])) continue;
    // A compass word ("which south Hama town") describes the noun, though the tagger may call it an adverb.
    else if (focus === null && (token.pos === 'ADJ' || DIRECTION_WORDS.has(token.word) || token.pos === 'NUM' || token.pos === 'DET' || token.word === 'of' || token.word === 'kind' || token.word === 'type')) continue;
    else break;
  }
  // "How many forced fumbles did …": the tagger may take the counted noun for a verb; the word before the
  // auxiliary that follows is the noun counted.
  if (focus === null && type === 'how many') {
    let end = start + 2;
    while (['ADJ', 'VERB', 'NOUN', 'PROPN'].includes(tokens[end]?.pos ?? '')) end++;
    if (end > start + 2 && tokens[end]?.pos === 'AUX') focus = singular(tokens[end - 1]!.word);
  }
  return focus;
}

/** A describing word before a noun ("ISIS military vehicles"), or a hyphen before a noun or a name ("al-Qaida"). */
function continuesNounPhrase(token: { word: string; pos: string }, next: { pos: string } | undefined): boolean {
  if (token.pos === 'ADJ') return next?.pos === 'NOUN';
  return token.word === '-' && (next?.pos === 'NOUN' || next?.pos === 'PROPN');
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
      if (focus === null && (words.includes('name') || words.includes('named') || words.includes('called'))) return 'person';
      // "What was the population of …", "what is the year …": the noun after the copula says the kind, though it is
      // no focus (a span holding it restates the question rather than answering it).
      if (focus === null) {
        const noun = copulaNoun(words, wordIndex);
        if (noun !== null && (DATE_NOUNS.has(noun) || NUMBER_NOUNS.has(noun) || PLACE_NOUNS.has(noun))) return expectedKind(type, noun, words, wordIndex);
      }
      if (focus === null) return 'thing';
      if (DATE_NOUNS.has(focus)) return 'date';
      if (PLACE_NOUNS.has(focus)) return 'place';
      if (NUMBER_NOUNS.has(focus)) return 'number';
      if (PERSON_NOUNS.has(focus)) return 'person';
      // Nouns for what people are or do ("actress", "poet", "ruler"), as compromise's lexicon knows them.
      if (ROLE_WORDS.has(focus) || lexiconIs(focus, 'actor')) return 'person';
      if (namesPeople(focusCompound(focus, words, wordIndex) ?? focus)) return 'person';
      return 'thing';
  }
}

/**
 * The focus with the word before it, when WordNet knows the two as one noun ("aircraft carrier", "prime minister"):
 * its sense, not the last word's, says what is asked for.
 */
function focusCompound(focus: string, words: string[], wordIndex: number): string | null {
  const at = words.findIndex((word, i) => i > wordIndex && singular(word) === focus);
  if (at < 1) return null;
  const compound = `${words[at - 1]} ${focus}`;
  return sharedWordNet().baseForms(compound, 'noun').length > 0 ? compound : null;
}

/**
 * Is a noun's most frequent WordNet sense a kind of person ("defender", "Indian", "chemist": lexicographer file
 * noun.person)? "What X" then asks for people, as "who" does. Measured: news, second set excerpt@1 0.730 -> 0.742,
 * F1 0.544 -> 0.551; third set (never read) 0.729 -> 0.741, F1 0.578 -> 0.602; XQuAD one answer better ("Josh
 * Norman" for "what Panther defender"), nothing lost. Only the first sense: a later one would make "which source"
 * (first an origin, fifth an informant) ask for people.
 */
function namesPeople(noun: string): boolean {
  return sharedWordNet().firstNounFiles(noun).includes('noun.person');
}

const COPULA_WORDS = new Set(['is', 'was', 'are', 'were']);

/**
 * The noun of "what is the N": "what was the population of Jacksonville" →
 * population; one describing word may stand before it ("what was the
 * estimated population").
 */
function copulaNoun(words: string[], wordIndex: number): string | null {
  if (!COPULA_WORDS.has(words[wordIndex + 1] ?? '') || words[wordIndex + 2] !== 'the') return null;
  const noun = words[wordIndex + 3];
  if (noun === undefined) return null;
  const after = words[wordIndex + 4];
  const known = (word: string) => DATE_NOUNS.has(word) || NUMBER_NOUNS.has(word) || PLACE_NOUNS.has(word);
  if (!known(singular(noun)) && after !== undefined && known(singular(after))) return singular(after);
  return singular(noun);
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

// Nouns that name a count of the noun after "of": "the number of tree species", "the death toll of …".
const COUNT_NOUNS = new Set(['number', 'amount', 'count', 'total', 'estimate', 'tally']);

/**
 * The noun a "what is the number of …" question counts, which "how many"
 * would name: the last noun of the phrase after the last count noun and
 * "of" ("the estimate for the amount of tree [species]"); null when none.
 */
function countedNoun(tokens: Array<{ word: string; pos: string }>): string | null {
  let counted: string | null = null;
  for (const [i, token] of tokens.entries()) {
    if (!COUNT_NOUNS.has(token.word) || tokens[i + 1]?.word !== 'of') continue;
    let j = i + 2;
    if (tokens[j]?.pos === 'DET') j++;
    let noun: string | null = null;
    for (; ['ADJ', 'NOUN'].includes(tokens[j]?.pos ?? ''); j++) if (tokens[j]!.pos === 'NOUN') noun = tokens[j]!.word;
    if (noun !== null) counted = noun;
  }
  return counted;
}

/** "streets" → "street", "cities" → "city": enough for matching focus nouns to the lists above. */
function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ses') || word.endsWith('xes') || word.endsWith('ches') || word.endsWith('shes')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3) return word.slice(0, -1);
  return word;
}

/** A form of "be" followed (within two words) by a past participle: "was targeted", "were first killed". */
function isPassive(tokens: ReturnType<typeof tagTokens>): boolean {
  return tokens.some((token, i) => {
    if (!BE_FORMS.has(token.text.toLowerCase())) return false;
    const next = tokens.slice(i + 1, i + 3);
    return next.some((t) => t.pos === 'VERB' && PARTICIPLE_ENDING.test(t.text));
  });
}

const WH_WORDS = new Set(['what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how']);

const ARTICLE_WORDS = new Set(['a', 'an', 'the']);

/**
 * Where the question word stands among a question's lower-cased words: the
 * first one, unless the question opens on other words and a later "what" or
 * "which" is left in place after an article or right after the first
 * ("Orientalism refers to how the West developed a what of the East?",
 * "Mackinder and Ratzel where what kind of geographers?"). The first then
 * opens a clause of the question ("how the West…") or is a typo ("where"
 * for "were"). -1 when there is none.
 */
function questionWordIndex(words: readonly string[]): number {
  const first = words.findIndex((w) => WH_WORDS.has(w));
  if (first <= 0) return first;
  for (let i = first + 1; i < words.length; i++) {
    if ((words[i] === 'what' || words[i] === 'which') && (ARTICLE_WORDS.has(words[i - 1]!) || i === first + 1)) return i;
  }
  return first;
}
const POSSESSION = new Set(['has', 'have', 'had']);
const OBJECT_AUXILIARIES = new Set(['do', 'does', 'did', 'has', 'have', 'had', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must']);

/**
 * Where the question word stands (`wh`, -1 when there is none) and the
 * index just past its phrase (`next`): "what German ruler", "how many
 * career sacks", "which of the teams".
 */
function questionPhrase(tokens: ReturnType<typeof tagTokens>): { lower: string[]; wh: number; next: number } {
  const lower = tokens.map((t) => t.text.toLowerCase());
  const wh = questionWordIndex(lower);
  let next = wh + 1;
  if (wh < 0) return { lower, wh, next };
  if (lower[wh] === 'how' && next < tokens.length && ['ADJ', 'ADV'].includes(tokens[next]!.pos)) next++;
  if (['what', 'which', 'whose', 'how'].includes(lower[wh]!)) {
    while (next < tokens.length && (['ADJ', 'NOUN', 'PROPN', 'NUM', 'DET'].includes(tokens[next]!.pos) || lower[next] === 'of')) next++;
  }
  return { lower, wh, next };
}

/**
 * The words right around a question word left in place ("Hobson argued
 * that imperialism was an international what?", "the West developed a what
 * of the East?"): the nearest term before it and the first after its
 * phrase, which stand right around the answer in the sentence ("the
 * international [disease]", "an [imaginative geography] of the East").
 * Null where there is none, and both null for a question word in front.
 */
function findNeighbours(tokens: ReturnType<typeof tagTokens>): QuestionAnalysis['neighbours'] {
  const { lower, wh, next } = questionPhrase(tokens);
  const none = { before: null, after: null };
  if (wh < 0 || !tokens.slice(0, wh).some((t) => t.pos !== 'ADP') || lower.slice(0, wh).includes(',')) return none;
  // A phrase set before a question that then begins ("At the time of Luther what was in demand?") is no place.
  if (['ADP', 'SCONJ'].includes(tokens[0]!.pos) && ['AUX', 'VERB'].includes(tokens[next]?.pos ?? '')) return none;
  const termAt = (i: number) => (tokens[i]!.pos === 'PUNCT' ? null : tokens[i]!.term);
  let before: string | null = null;
  for (let i = wh - 1; i >= 0 && before === null; i--) before = termAt(i);
  // "a what of the East": the phrase after a bare question word is no noun of its own.
  let after: string | null = null;
  for (let i = tokens[wh + 1]?.pos === 'ADP' ? wh + 1 : next; i < tokens.length && after === null; i++) after = termAt(i);
  return { before, after };
}

/** The preposition a question ends on ("… named after?", "… from?"), lower-cased, and the term before it (see QuestionAnalysis.stranded). */
function strandedPreposition(tokens: ReturnType<typeof tagTokens>): QuestionAnalysis['stranded'] {
  const words = tokens.filter((t) => t.pos !== 'PUNCT');
  const last = words[words.length - 1];
  if (last === undefined || last.pos !== 'ADP' || words.length <= 2) return null;
  const after = words.slice(0, -1).reverse().find((t) => t.term !== null)?.term ?? null;
  return after === null ? null : { preposition: last.text.toLowerCase(), after };
}

/**
 * Which side of the answer each term of the question would stand on in the
 * statement that answers it (see {@link QuestionAnalysis.sides}): the
 * question word's place in the question is the answer's place in the
 * statement, once "did", "has"… are undone.
 */
function findSides(tokens: ReturnType<typeof tagTokens>): Record<string, 'before' | 'after'> {
  const { lower, wh, next } = questionPhrase(tokens);
  const sides: Record<string, 'before' | 'after'> = {};
  if (wh < 0) return sides;
  const assign = (from: number, to: number, side: 'before' | 'after') => {
    for (const token of tokens.slice(from, to)) for (const term of toTerms(token.text)) sides[term] ??= side;
  };
  const fronted = tokens.slice(0, wh).some((t) => t.pos !== 'ADP');
  if (fronted) {
    // A clause set off before the question word ("During the playoffs, who …") stands anywhere.
    if (lower.slice(0, wh).includes(',')) return sides;
    // The question word in place: "the time … is expressed as what?"
    assign(0, wh, 'before');
    assign(next, tokens.length, 'after');
    return sides;
  }
  const verb = tokens[next];
  if (verb === undefined) return sides;
  const content = tokens.filter((t) => t.pos !== 'PUNCT');
  const lastWord = content[content.length - 1];
  // "has", "have", "had" with no verb after them are the verb itself: "which city has the biggest population"
  // → "[answer] has the biggest population".
  const possessive = POSSESSION.has(lower[next]!) && !tokens.slice(next + 1).some((t) => t.pos === 'VERB');
  if (possessive) {
    assign(next, tokens.length, 'after');
  } else if (OBJECT_AUXILIARIES.has(lower[next]!)) {
    // "What did Lady Gaga sing?" → "Lady Gaga sang [answer]".
    assign(next + 1, tokens.length, 'before');
  } else if (BE_FORMS.has(lower[next]!)) {
    // "What was the hymn known as?" → "the hymn was known as [answer]"; a plain "what is X" may go either way.
    const endsInVerb = lastWord !== undefined && (lastWord.pos === 'VERB' || (lastWord.pos === 'ADP' && content[content.length - 2]?.pos === 'VERB'));
    if (endsInVerb) assign(next + 1, tokens.length, 'before');
  } else if (verb.pos === 'VERB') {
    // "Who sang the national anthem?" → "[answer] sang the national anthem".
    assign(next, tokens.length, 'after');
  }
  return sides;
}

const DO_FORMS = new Set(['do', 'does', 'did']);

/**
 * The tagger takes the verb of "what did the mayor open" for an adjective or
 * a noun; after "did" and its subject, the last word before a preposition or
 * the end is the verb all the same.
 */
function withAskedVerb(tagged: ReturnType<typeof tagTokens>): ReturnType<typeof tagTokens> {
  // A capitalised word after the first taken for a verb ("did Josh Norman intercept") is a name.
  const tokens = tagged.map((t, i) => (i > 0 && t.pos === 'VERB' && /^\p{Lu}/u.test(t.text) ? { ...t, pos: 'PROPN' as const } : t));
  const aux = tokens.findIndex((t) => DO_FORMS.has(t.text.toLowerCase()));
  if (aux < 0 || !WH_WORDS.has(tokens[0]?.text.toLowerCase() ?? '') || tokens.slice(aux + 1).some((t) => t.pos === 'VERB')) return tokens;
  let end = aux + 1;
  while (['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART'].includes(tokens[end]?.pos ?? '')) end++;
  const verb = end - 1;
  if (verb < aux + 2 || !['ADJ', 'NOUN'].includes(tokens[verb]!.pos) || !['NOUN', 'PROPN'].includes(tokens[verb - 1]!.pos)) return tokens;
  return tokens.map((t, i) => (i === verb ? { ...t, pos: 'VERB' as const } : t));
}

const RELATIVE = new Set(['who', 'whom', 'which', 'that', 'whose', 'where', 'when']);

/**
 * The answer's role to the question's verb (see {@link QuestionAnalysis.role}),
 * read from the words after the question word and its noun: a verb right
 * after it makes the answer its doer ("who sang"); a form of "be" and a past
 * participle, what was done to ("what was destroyed"); "did", "has", "can"…
 * then a subject and a verb, what the subject did it to ("what did Luther
 * write"); "was" then a subject and a participle, what the subject is said
 * to be ("what was the hymn known as"), or with an -ing form, what the
 * subject was doing it to ("what was the agency checking").
 */
function findRole(tokens: ReturnType<typeof tagTokens>): QuestionAnalysis['role'] {
  const { lower, wh, next } = questionPhrase(tokens);
  // A question word in place ("… is expressed as what?") or after a fronted clause is left to the sides.
  if (wh < 0 || tokens.slice(0, wh).some((t) => t.pos !== 'ADP')) return null;
  if (!['what', 'which', 'whose', 'who', 'whom'].includes(lower[wh]!)) return null;
  const word = lower[next];
  if (word === undefined) return null;
  const verbAfter = (from: number) => {
    let i = from;
    // A relative clause ("the player who scored") has a verb of its own.
    while (i < tokens.length && tokens[i]!.pos !== 'VERB' && tokens[i]!.pos !== 'PUNCT' && !RELATIVE.has(lower[i]!)) i++;
    return tokens[i]?.pos === 'VERB' ? i : -1;
  };
  if (tokens[next]!.pos === 'VERB' && !POSSESSION.has(word)) return 'agent';
  if (BE_FORMS.has(word)) {
    let i = next + 1;
    while (tokens[i]?.pos === 'ADV' || lower[i] === 'being' || lower[i] === 'been') i++;
    if (tokens[i]?.pos === 'VERB') return /ing$/.test(lower[i]!) ? 'agent' : 'patient';
    const verb = verbAfter(i);
    if (verb < 0) return null;
    return /ing$/.test(lower[verb]!) ? 'patient' : 'complement';
  }
  if (!OBJECT_AUXILIARIES.has(word)) return null;
  let i = next + 1;
  while (tokens[i]?.pos === 'ADV') i++;
  // "What has dealt with …", "what can cause …": the auxiliary belongs to the question word's own verb;
  // "what can be done", to a passive.
  if (lower[i] === 'be' || lower[i] === 'been') return 'patient';
  if (tokens[i]?.pos === 'VERB') return 'agent';
  return verbAfter(i) > i ? 'patient' : null;
}

// Words between the question's phrase and its verb: "who has said", "which group later claimed".
const BEFORE_VERB = new Set(['has', 'have', 'had', 'did', 'does', 'do', 'first', 'later', 'also', 'then', 'publicly', 'officially']);

/** Does the question's verb, right after its question word and noun, report speech ("who said", "which agency reported")? */
function asksSpeaker(tokens: ReturnType<typeof tagTokens>): boolean {
  const { lower, wh, next } = questionPhrase(tokens);
  if (wh < 0 || !['who', 'which', 'what'].includes(lower[wh]!)) return false;
  // "Which agency reported …" asks for a speaker, "what added …" does not: "which" and "what" need their noun.
  if (lower[wh] !== 'who' && next === wh + 1) return false;
  let i = next;
  while (BEFORE_VERB.has(lower[i] ?? '')) i++;
  const word = lower[i];
  return word !== undefined && (REPORTING_VERBS.has(word) || REPORTING_VERBS.has(`${word}ed`) || REPORTING_VERBS.has(`${word}d`));
}

// The particles of phrasal verbs a question may use: "carry out", "set up", "take over", "blow up", "shoot down".
const VERB_PARTICLES = new Set(['out', 'up', 'down', 'over', 'off']);

/** The particle right after each verb of the question ("carried out" → carri: out); see QuestionAnalysis.particles. */
function findParticles(tokens: ReturnType<typeof tagTokens>): Record<string, string> {
  const particles: Record<string, string> = {};
  for (const [i, token] of tokens.entries()) {
    const next = tokens[i + 1]?.text.toLowerCase() ?? '';
    const term = toTerms(token.text)[0];
    if (token.pos === 'VERB' && term !== undefined && VERB_PARTICLES.has(next)) particles[term] = next;
  }
  return particles;
}

function findLemmas(question: string): Record<string, string> {
  const lemmas: Record<string, string> = {};
  for (const word of splitWords(question)) {
    // Names keep their identity ("Manning" is not "man").
    if (word !== word.toLowerCase()) continue;
    const lemma = lemmaTerm(word);
    if (lemma === null) continue;
    for (const term of toTerms(word)) if (term !== lemma) lemmas[term] ??= lemma;
  }
  return lemmas;
}

/**
 * Does a text hold a question term, as written or in its dictionary form
 * ("oldest" meets "old", "led" meets "lead")? `terms` and `lemmas` are the
 * text's terms and lemma terms.
 */
export function holdsTerm(analysis: QuestionAnalysis, term: string, terms: ReadonlySet<string>, lemmas: ReadonlySet<string>): boolean {
  return terms.has(term) || lemmas.has(analysis.lemmas[term] ?? term);
}
