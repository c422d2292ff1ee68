import type { Article } from '../article.ts';
import { citeSentence } from '../answer/cite-sentence.ts';
import type { KeyFact } from '../answer/types.ts';
import type { AnalyzedSentence, Word } from './analyze-sentences.ts';
import type { ScoredFact } from './scored-fact.ts';
import { APPROXIMATORS, PEOPLE_NOUNS, REPORTING_VERBS, lexiconIs } from './lexicon.ts';
import { tidy, type Range } from './shorten-clause.ts';

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12,
};
const MULTIPLIERS: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, trillion: 1_000_000_000_000, bn: 1_000_000_000, mn: 1_000_000 };
// "dozens of", "thousands of": a quantity, but no number to give as value.
const VAGUE = new Set(['dozens', 'scores', 'hundreds', 'thousands', 'millions', 'billions', 'tens']);
const CURRENCY_SYMBOLS = new Set(['$', '£', '€', '¥']);
const CURRENCY_WORDS = new Set(['dollars', 'dollar', 'euros', 'euro', 'pounds', 'pound', 'riyals', 'lira', 'liras', 'rubles', 'roubles', 'yuan', 'yen', 'usd', 'eur', 'gbp', 'dinars', 'rupees']);
const PERCENT_WORDS = new Set(['percent', 'per cent', '%', 'percentage']);
// A number after these names something rather than counting it: "Resolution 2254", "Flight 17".
const IDENTIFIER_BEFORE = new Set(['no', 'no.', 'number', 'resolution', 'article', 'page', 'route', 'flight', 'chapter', 'section', 'paragraph', 'version', 'highway', 'room', 'code', 'line', 'gate', 'unit', 'phase', 'level', 'grade', 'channel', 'season', 'episode', 'vol', 'vol.', 'item', 'point', 'category']);
const TIME_AFTER = /^(?:am|pm|a\.m\.|p\.m\.|o'clock|gmt|utc|hrs|h)$/;
const TIME_UNITS = new Set(['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'centuries', 'night', 'nights', 'times', 'time']);
// Distances and weights count, but rarely what a reader asks about first.
const MEASURE_UNITS = new Set(['kilometers', 'kilometres', 'km', 'miles', 'mile', 'meters', 'metres', 'feet', 'tons', 'tonnes', 'kilograms', 'kg', 'pounds', 'square']);
const NOT_IN_PHRASE = new Set(['the', 'a', 'an', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'than', 'who', 'which', 'that', 'were', 'was', 'are', 'is', 'have', 'has', 'had', 'be', 'been', 'more', 'most', 'had']);

const isDigits = (t: string): boolean => /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(t);

function wordValue(w: Word): number | null {
  if (isDigits(w.text)) return Number(w.text.replace(/,/g, ''));
  const lower = w.lower;
  if (lower in UNITS) return UNITS[lower]!;
  const hyphen = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)$/.exec(lower);
  if (hyphen !== null) return UNITS[hyphen[1]!]! + UNITS[hyphen[2]!]!;
  return null;
}

interface NumberPhrase {
  /** Words of the number itself (currency and unit included). */
  first: number;
  last: number;
  /** Words of the approximator before it ("about", "more than"), if any. */
  approxFirst: number;
  value: number | null;
  kind: 'count' | 'money' | 'percent';
  vague: boolean;
}

/** The number phrase starting at word `i`, or null when the word starts none. */
function numberAt(words: Word[], i: number): NumberPhrase | null {
  let first = i;
  let j = i;
  let kind: NumberPhrase['kind'] = 'count';
  if (CURRENCY_SYMBOLS.has(words[j]!.text)) {
    kind = 'money';
    j += 1;
  }
  const w = words[j];
  if (w === undefined) return null;
  let value = wordValue(w);
  let vague = false;
  // "$280bn", "£5m": a currency amount with its multiplier run on.
  const suffixed = /^(\d+(?:\.\d+)?)(bn|m|mn|k|tn)$/.exec(w.lower);
  if (kind === 'money' && value === null && suffixed !== null) {
    const mult = { bn: 1e9, m: 1e6, mn: 1e6, k: 1e3, tn: 1e12 }[suffixed[2] as 'bn' | 'm' | 'mn' | 'k' | 'tn'];
    value = Number(suffixed[1]) * mult;
  }
  // "a million people", "a hundred".
  if (value === null && MULTIPLIERS[w.lower] !== undefined && /^(?:a|one)$/.test(words[j - 1]?.lower ?? '')) value = MULTIPLIERS[w.lower]!;
  if (value === null) {
    if (!VAGUE.has(w.lower) || kind === 'money') return null;
    vague = true;
  }
  let last = j;
  // "3.5 million", "two hundred", "a dozen".
  for (let k = j + 1; k < words.length; k += 1) {
    const next = words[k]!;
    const mult = MULTIPLIERS[next.lower];
    if (mult !== undefined && value !== null) {
      value *= mult;
      last = k;
      continue;
    }
    break;
  }
  if (value === null && !vague) return null;
  const after = words[last + 1];
  if (after !== undefined) {
    if (after.text === '%' || after.lower === 'percent') {
      kind = 'percent';
      last += 1;
    } else if (after.lower === 'per' && words[last + 2]?.lower === 'cent') {
      kind = 'percent';
      last += 2;
    } else if (CURRENCY_WORDS.has(after.lower)) {
      kind = 'money';
      last += 1;
    }
  }
  if (words[first - 1]?.lower === 'a' && (w.lower === 'dozen' || MULTIPLIERS[w.lower] !== undefined)) first -= 1;
  const prefix = words[first - 1];
  // "US$ 3 million".
  if (kind === 'money' && prefix !== undefined && prefix.acronym && prefix.end === words[first]!.start) first -= 1;
  return { first, last, approxFirst: approximatorStart(words, first), value, kind, vague };
}

function approximatorStart(words: Word[], first: number): number {
  for (const phrase of APPROXIMATORS) {
    const parts = phrase.split(' ');
    const start = first - parts.length;
    if (start < 0) continue;
    if (parts.every((p, k) => words[start + k]!.lower === p)) return start;
  }
  return first;
}

// Digits inside a Discord mention (`<@123>`) or a URL count nothing.
const MARKUP = /<[@#][!&]?\d+>|https?:\/\/\S+/g;

/** True when `offset` (into the sentence's source) falls inside a mention or a URL of the sentence. */
function insideMarkup(s: AnalyzedSentence, offset: number): boolean {
  for (const match of s.text.matchAll(MARKUP)) {
    const start = s.textStart + match.index;
    if (offset >= start && offset < start + match[0].length) return true;
  }
  return false;
}

/** Is this number a year, a time, a model or an identifier rather than a quantity? */
function isNotAQuantity(words: Word[], p: NumberPhrase): boolean {
  const w = words[p.first]!;
  const before = words[p.first - 1];
  const after = words[p.last + 1];
  if (p.kind === 'count' && /^\d{4}$/.test(w.text) && Number(w.text) >= 1800 && Number(w.text) <= 2100) {
    // A year, unless it counts people: "2000 fighters".
    return !(after !== undefined && PEOPLE_NOUNS.has(after.lower));
  }
  if (before !== undefined && IDENTIFIER_BEFORE.has(before.lower)) return true;
  if (before !== undefined && before.text === ':') return true;
  if (after !== undefined && (after.text === ':' || TIME_AFTER.test(after.lower))) return true;
  if (before !== undefined && before.text === '-' && before.end === w.start) return true;
  // "one another", "no one", "one of the …" used as a pronoun.
  if (w.lower === 'one' && (after === undefined || after.lower === 'of' || after.lower === 'another' || after.punct || before?.lower === 'no')) return true;
  return false;
}

/** The noun phrase a count counts: "about 300 other fighters" → "other fighters"; "dozens of civilians" → "of civilians". */
function countedNoun(words: Word[], p: NumberPhrase, dates: Range[]): Range | null {
  let k = p.last + 1;
  if (words[k]?.lower === 'of') {
    k += 1;
    if (words[k] !== undefined && /^(?:the|its|their|his|her|them|those|these|whom|which)$/.test(words[k]!.lower)) {
      if (/^(?:them|whom|which)$/.test(words[k]!.lower)) return { first: p.last + 1, last: k };
      k += 1;
    }
  }
  // Modifiers (adjectives, names, participles) then the head noun, and any noun compounded onto it: "about 30
  // mid-level militant leaders", "31 aid lorries". Nothing after the head: "78000 people including vitamins".
  let last = -1;
  for (let j = k; j < words.length && j < k + 5; j += 1) {
    const w = words[j]!;
    if (w.punct || NOT_IN_PHRASE.has(w.lower) || REPORTING_VERBS.has(w.lower)) break;
    if (lexiconIs(w.lower, 'weekday') || lexiconIs(w.lower, 'month') || dates.some((d) => j >= d.first && j <= d.last)) break;
    const noun = (w.pos === 'NOUN' && !w.acronym) || PEOPLE_NOUNS.has(w.lower);
    if (noun) {
      last = j;
      continue;
    }
    // After the head only more nouns and adjectives ("mid-level militant leaders"), no participles ("lorries carrying").
    if (last >= 0 && !(w.pos === 'ADJ' || w.text.includes('-'))) break;
    if (w.pos === 'ADJ' || w.pos === 'PROPN' || w.pos === 'NUM' || (w.pos === 'VERB' && /(?:ed|ing)$/.test(w.lower) && w.lower !== 'including') || w.text.includes('-')) continue;
    break;
  }
  return last < 0 ? null : { first: p.last + 1, last };
}

/** Words around a number that has no noun: "injured 32", "unemployment rose 4.5%". */
function contextOf(words: Word[], p: NumberPhrase): Range {
  let first = p.approxFirst;
  for (let j = p.approxFirst - 1; j >= 0 && p.approxFirst - j <= 4; j -= 1) {
    const w = words[j]!;
    if (w.punct || w.lower === 'and' || w.lower === 'but' || w.lower === 'that' || REPORTING_VERBS.has(w.lower)) break;
    first = j;
  }
  let last = p.last;
  if (first === p.approxFirst) {
    for (let j = p.last + 1; j < words.length && j - p.last <= 3; j += 1) {
      if (words[j]!.punct || words[j]!.lower === 'and') break;
      last = j;
    }
  }
  return { first, last };
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

/**
 * Counts and amounts (`number` facts) with what they count: "about 300 other
 * fighters" (value 300), "$3.5 million", "12 percent". Years, dates, times,
 * ordinals, durations and model numbers ("Su-34") are skipped.
 *
 * @param dateSpans word ranges of the dates found in each sentence (by sentence index)
 */
export function extractNumbers(article: Article, sentences: AnalyzedSentence[], dateSpans: Map<number, Range[]>): ScoredFact[] {
  const facts: ScoredFact[] = [];
  const seen = new Set<string>();
  for (const s of sentences) {
    if (s.boilerplate) continue;
    const words = s.words;
    const dates = dateSpans.get(s.index) ?? [];
    for (let i = 0; i < words.length; i += 1) {
      const p = numberAt(words, i);
      if (p === null) continue;
      i = p.last;
      if (dates.some((d) => p.first <= d.last && p.last >= d.first)) continue;
      if (isNotAQuantity(words, p)) continue;
      if (insideMarkup(s, words[p.first]!.start)) continue;
      const noun = countedNoun(words, p, dates);
      // "Resolution 2254", "Aleppo 24": a number right after a name, counting nothing, names something.
      const prev = words[p.approxFirst - 1];
      if (noun === null && prev !== undefined && prev.cap && p.approxFirst - 1 > 0 && !lexiconIs(prev.lower, 'month')) continue;
      const nounWords = noun === null ? [] : words.slice(noun.first, noun.last + 1);
      if (nounWords.some((w) => TIME_UNITS.has(w.lower))) continue;
      if (p.kind === 'count' && p.value === 0) continue;
      const range = noun !== null ? { first: p.approxFirst, last: noun.last } : contextOf(words, p);
      const text = tidy(s.source.slice(words[range.first]!.start, words[range.last]!.end));
      // The same count again ("31 lorries carrying supplies", later "31 lorries") is one fact.
      const head = nounWords[nounWords.length - 1]?.lower ?? '';
      const key = p.value !== null && head !== '' ? `${p.value}|${head}` : text.toLowerCase();
      // A large number repeated ("at least 56 civilians killed", then "at least 56 dead") is the same count.
      const valueKey = p.value !== null && (p.value >= 10 || p.kind !== 'count') ? `${p.kind}:${p.value}` : key;
      if (text === '' || seen.has(key) || seen.has(valueKey)) continue;
      seen.add(key);
      seen.add(valueKey);
      const fact: KeyFact = { kind: 'number', text, citation: citeSentence(article, s.sentence) };
      if (p.value !== null) fact.value = formatValue(p.value);
      const people = nounWords.some((w) => PEOPLE_NOUNS.has(w.lower) || lexiconIs(w.lower, 'actor')) || (noun === null && /\b(?:killed|dead|wounded|injured|died|missing|displaced|arrested)\b/i.test(text));
      // What a reader asks about first: counts of people (casualties, fighters), then money and shares, then other counts.
      const score = 1 / (1 + 0.3 * s.index) + (noun !== null ? 0.3 : 0) + (people ? 0.7 : 0) + (p.kind !== 'count' ? 0.4 : 0) - (p.vague ? 0.5 : 0) - (p.value === 1 ? 0.6 : 0) - (nounWords.some((w) => MEASURE_UNITS.has(w.lower)) ? 0.5 : 0);
      facts.push({ fact, score });
    }
  }
  return facts;
}
