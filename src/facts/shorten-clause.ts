import type { AnalyzedSentence, Word } from './analyze-sentences.ts';
import { REPORTING_VERBS, lexiconIs } from './lexicon.ts';

/** Word indices of a sentence, inclusive. */
export interface Range {
  first: number;
  last: number;
}

/** Longest fact text, in words, before it is cut at a phrase boundary. */
export const MAX_FACT_WORDS = 14;

// A fact is cut before one of these words or a comma, never inside a phrase such as "outskirts of Raqqa".
const BREAK_BEFORE = new Set([
  'in', 'on', 'at', 'with', 'along', 'after', 'before', 'since', 'during', 'as', 'while', 'when', 'where', 'which', 'who',
  'that', 'and', 'but', 'including', 'amid', 'following', 'despite', 'near', 'without', 'under', 'over', 'into', 'by',
  'from', 'through', 'because', 'although', 'though', 'according', 'saying', 'adding', 'killing', 'leaving', 'also',
]);
// A fact never ends on these.
const DANGLING = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'or', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'its', 'their', 'his', 'her', 'that', 'which', 'who', 'as', 'also', 'but', 'than', 'was', 'were', 'is', 'are', 'has', 'have', 'had', 'be', 'been', 'said', 'this', 'these', 'those', 'some', 'after', 'before', 'about', 'into', 'over', 'under', 'while', 'when', 'including',
  'along', 'amid', 'near', 'despite', 'without', 'because', 'although', 'though', 'during', 'since', 'until', 'toward',
  'towards', 'across', 'against', 'between', 'among', 'through', 'via', 'per', 'like', 'then', 'not', 'where', 'whose',
  'following', 'according', 'saying', 'adding', 'upon', 'onto', 'out', 'off', 'if', 'so', 'because', 'my', 'our', 'your']);
const CLAUSE_PUNCT = /^[;:—–()"“”]$|^,$/;
const SUBORDINATORS = new Set(['which', 'who', 'whom', 'whose', 'where', 'while', 'although', 'though', 'because', 'but', 'whereas']);

const contentCount = (words: Word[]): number => words.filter((w) => !w.punct).length;

/**
 * The clause around a span: the sentence cut at clause punctuation, widened
 * until it holds at least `minWords` words besides the span itself.
 */
export function clauseAround(s: AnalyzedSentence, span: Range, minWords = 4): Range {
  const words = s.words;
  const shortBracket = (i: number): boolean => {
    const text = words[i]!.text;
    const opening = text === '(' || text === '“' || (text === '"' && !/["“]/.test(words.slice(Math.max(0, i - 5), i).map((w) => w.text).join('')));
    const range = opening ? words.slice(i + 1, i + 6) : words.slice(Math.max(0, i - 5), i).reverse();
    const close = range.findIndex((w) => (opening ? /^[)"”]$/ : /^[("“]$/).test(w.text));
    return close >= 0 && close <= 4;
  };
  const isBoundary = (i: number): boolean | 'before' => {
    const w = words[i];
    if (w === undefined || (i >= span.first && i <= span.last)) return false;
    // Text without commas ("… in Idlib province which fell to …") still starts relative clauses at "which"/"who".
    if (/^(?:which|who|whom|whose|according)$/.test(w.lower) && i > 0 && !words[i - 1]!.punct) return 'before';
    if (!CLAUSE_PUNCT.test(w.text)) return false;
    // Brackets and quotes around a few words ("(SDF)", a "fierce assault") are part of the clause.
    if (/^[()"“”]$/.test(w.text) && shortBracket(i)) return false;
    // A comma before "and X" or inside a list of names is not a clause boundary; one before "which"/"who" is.
    if (w.text === ',') {
      const next = words[i + 1];
      return next !== undefined && (SUBORDINATORS.has(next.lower) || next.punct || next.lower === 'according' || !next.cap || (words[i - 1]?.punct ?? true));
    }
    return true;
  };
  const segments: Range[] = [];
  let start = 0;
  for (let i = 0; i <= words.length; i += 1) {
    const boundary = i === words.length || isBoundary(i);
    if (boundary === 'before') {
      // The word opens the next segment.
      if (i > start) segments.push({ first: start, last: i - 1 });
      start = i;
    } else if (boundary) {
      if (i > start) segments.push({ first: start, last: i - 1 });
      start = i + 1;
    }
  }
  const at = segments.findIndex((r) => r.first <= span.first && r.last >= span.first);
  if (at < 0) return { first: 0, last: words.length - 1 };
  let range = { ...segments[at]! };
  const outside = (r: Range): number => contentCount(words.slice(r.first, r.last + 1)) - contentCount(words.slice(Math.max(span.first, r.first), Math.min(span.last, r.last) + 1));
  let before = at - 1;
  let after = at + 1;
  // A relative clause ("which has …") reads on its own once its antecedent is named, so it widens forwards; any
  // other clause widens backwards first, towards its subject.
  const relative = /^(?:which|who|whom|whose)$/.test(words[range.first]?.lower ?? '');
  while (outside(range) < minWords && (before >= 0 || after < segments.length)) {
    if (after < segments.length && (relative || before < 0)) range = { first: range.first, last: segments[after++]!.last };
    else range = { first: segments[before--]!.first, last: range.last };
  }
  return range;
}

const TELL_VERBS = /^(?:told|tells|informed|informs|assured|assures|reminded|briefed|warned|warns)$/;

/**
 * Where the reported content starts after the reporting verb at `v`: past
 * "that", and past an adjunct or addressee before it ("said on Friday, June
 * 16, 2017, that", "told Reuters that"); but "said the air raid … that
 * targeted …" keeps its relative "that".
 */
export function contentStart(words: Word[], v: number): number {
  const next = words[v + 1];
  if (next === undefined) return v + 1;
  if (next.lower === 'that') return v + 2;
  const adjunct = TELL_VERBS.test(words[v]!.lower) || next.pos === 'ADP' || next.text === ',' || lexiconIs(next.lower, 'weekday') || lexiconIs(next.lower, 'month') || /^(?:yesterday|today|tonight|earlier|late|early|last|this)$/.test(next.lower);
  const that = words.findIndex((w, i) => i > v && i <= v + 10 && w.lower === 'that');
  if (adjunct && that > 0 && words.slice(v + 1, that).every((w) => w.lower !== 'and' && (w.cap || (w.pos !== 'VERB' && w.pos !== 'AUX')))) return that + 1;
  return v + 1;
}

/** Where a leading attribution ("The ministry said (that)") ends, or -1 when the range starts with none. */
export function attributionEnd(s: AnalyzedSentence, range: Range): number {
  for (let i = range.first; i <= Math.min(range.last, range.first + 8); i += 1) {
    const w = s.words[i]!;
    if (w.punct && w.text !== "'s" && w.text !== '’s') return -1;
    if (REPORTING_VERBS.has(w.lower) && (w.pos === 'VERB' || w.pos === 'AUX') && i > range.first) {
      const end = contentStart(s.words, i);
      return end <= range.last ? end : -1;
    }
    if ((w.pos === 'VERB' || w.pos === 'AUX') && !REPORTING_VERBS.has(w.lower)) return -1;
  }
  return -1;
}

/** The text of the words in `range` except those in `skips`, as written, with tidy spacing. */
export function renderWords(s: AnalyzedSentence, range: Range, skips: Range[] = []): string {
  const kept = keptWords(s, range, skips);
  return joinWords(s, kept);
}

function keptWords(s: AnalyzedSentence, range: Range, skips: Range[]): { word: Word; index: number }[] {
  const kept: { word: Word; index: number }[] = [];
  for (let i = range.first; i <= range.last; i += 1) {
    const word = s.words[i];
    if (word === undefined || skips.some((k) => i >= k.first && i <= k.last)) continue;
    kept.push({ word, index: i });
  }
  return kept;
}

function joinWords(s: AnalyzedSentence, kept: { word: Word; index: number }[]): string {
  let out = '';
  for (let k = 0; k < kept.length; k += 1) {
    const { word, index } = kept[k]!;
    const prev = kept[k - 1];
    if (prev !== undefined) {
      const adjacent = prev.index === index - 1;
      const gap = adjacent ? s.source.slice(prev.word.end, word.start) : ' ';
      const noSpace = /^(?:[,.;:!?)\]”’]|['’]s)$/.test(word.text) || /^[(\[“]$/.test(prev.word.text);
      out += noSpace || gap === '' ? '' : ' ';
    }
    out += word.text;
  }
  return tidy(out);
}

/** Trims dangling punctuation and unmatched quotes from a fragment. */
export function tidy(text: string): string {
  let t = text.replace(/\s+/g, ' ').replace(/\s+([,.;:!?])/g, '$1').replace(/,\s*,/g, ',').trim();
  const quotes = (t.match(/["“”]/g) ?? []).length;
  if (quotes % 2 === 1) t = t.replace(/["“”]/g, '');
  t = t.replace(/^(?:[\s,;:.\-—–)]|['’]s\b)+/, '').replace(/[\s,;:\-—–(]+$/, '');
  return t.trim();
}

/**
 * The words of `range` minus `skips`, cut to at most `max` words at a phrase
 * boundary (before a preposition, conjunction or comma) and marked "…" when cut.
 */
export function shortenRange(s: AnalyzedSentence, range: Range, skips: Range[] = [], max = MAX_FACT_WORDS): string {
  const kept = keptWords(s, range, skips);
  // Leading connectives left over from cutting a clause out of its sentence.
  while (kept.length > 0 && (kept[0]!.word.punct || ['and', 'but', 'that', 'then', 'also', 'so'].includes(kept[0]!.word.lower))) kept.shift();
  let count = 0;
  let cut = kept.length;
  let hardCut = kept.length;
  let bestBreak = -1;
  for (let k = 0; k < kept.length; k += 1) {
    const w = kept[k]!.word;
    if (!w.punct) count += 1;
    if (count > max) {
      hardCut = k;
      break;
    }
    const next = kept[k + 1]?.word;
    if (next !== undefined && count >= 5 && (next.text === ',' || next.text === ';' || BREAK_BEFORE.has(next.lower))) bestBreak = k + 1;
  }
  let truncated = false;
  if (hardCut < kept.length) {
    cut = bestBreak > 0 ? bestBreak : hardCut;
    truncated = true;
  }
  let slice = kept.slice(0, cut);
  // A cut fact never ends on "the", "of", "said"; an uncut one keeps its words, minus trailing punctuation.
  // Nor on a participle that opens a phrase after its noun ("an IS meeting held …").
  const dangling = (w: Word, before: Word | undefined): boolean =>
    (truncated && (DANGLING.has(w.lower) || (w.pos === 'VERB' && /(?:ed|ing)$/.test(w.lower) && before?.pos === 'NOUN'))) || (w.punct && !/["”)]/.test(w.text));
  while (slice.length > 1 && dangling(slice[slice.length - 1]!.word, slice[slice.length - 2]?.word)) slice = slice.slice(0, -1);
  const text = joinWords(s, slice);
  return truncated && text !== '' ? `${text}…` : text;
}
