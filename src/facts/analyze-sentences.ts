import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Article, Sentence } from '../article.ts';
import { sentencesOf } from '../sentences.ts';
import { newsStart } from './news-start.ts';
import { isPageFurniture } from '../summary/is-boilerplate.ts';

/** One word or punctuation mark of a sentence, located in its paragraph. */
export interface Word {
  /** As written. */
  text: string;
  lower: string;
  /** Offsets into the paragraph (or the title, for the title's words). */
  start: number;
  end: number;
  /** wink's universal part of speech (PROPN, NOUN, VERB, ADJ, NUM, PUNCT, …). */
  pos: string;
  punct: boolean;
  /** Starts with a capital letter. */
  cap: boolean;
  /** All capitals, 2–6 letters, or dotted ("IS", "SOHR", "U.S."). */
  acronym: boolean;
}

/** A sentence of the article (or its title), split into words with parts of speech. */
export interface AnalyzedSentence {
  /** Index into {@link sentencesOf}; -1 for the title. */
  index: number;
  /** The sentence's location; for the title, a span over the title text. */
  sentence: Sentence;
  /** The text the word offsets index into: the paragraph, or the title. */
  source: string;
  /** The sentence's text, after any dateline ("Wed 19 Apr 2017", "Date of publication …"); `words` index into `source`. */
  text: string;
  /** Offset of `text` in `source`. */
  textStart: number;
  words: Word[];
  /** A photo caption or credit line left in the body ("This file image…", "(AP Photo/…)"). */
  boilerplate: boolean;
}

// Part-of-speech tagging only: entities come from chrono and our own rules.
const winkPos = winkNLP(model, ['sbd', 'pos']);
const its = winkPos.its;

const WORD_PATTERN = /(?:\p{L}\.){2,}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|[\p{L}\p{N}]+(?:['’\-.&/][\p{L}\p{N}]+)*|\S/gu;
const ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'maj', 'brig', 'capt', 'sgt', 'adm', 'sen', 'rep', 'gov', 'st', 'no', 'mt', 'ft', 'jr', 'sr', 'prof', 'inc', 'corp', 'ltd', 'co', 'vs']);
const BOILERPLATE = /\b(?:is|are) (?:seen|pictured|shown)\b(?! as\b)|\((?:AP|AFP|Reuters|EPA|Getty)\b[^)]*(?:Photo|\/)[^)]*\)|\b(?:AP|AFP|EPA|Reuters|Getty Images)\s*Photo\b|\bfile (?:photo|image|picture)\b|\bphoto (?:taken|released|provided|made)\b|\bimage made from video\b|\bpurports? to show\b|^(?:In )?(?:this|the) (?:photo|image|picture|handout|video still)\b|\bPhoto(?:graph)?:|\bCredit:/i;

/** Splits text into words and punctuation with offsets (relative to `offset`). */
export function tokenize(text: string, offset = 0): Omit<Word, 'pos'>[] {
  const out: Omit<Word, 'pos'>[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    let value = match[0];
    let start = match.index + offset;
    // Possessive 's is its own token: "Syria's" → "Syria", "'s".
    const possessive = /^(.+?)(['’]s)$/u.exec(value);
    if (possessive !== null && /\p{L}/u.test(possessive[1]!)) {
      out.push(makeWord(possessive[1]!, start));
      start += possessive[1]!.length;
      value = possessive[2]!;
    } else if (ABBREVIATIONS.has(value.toLowerCase()) && text[match.index + value.length] === '.') {
      // "Jan." and "Gen." keep their dot; the regex left it for the next match, which we skip below.
      value += '.';
    }
    const last = out[out.length - 1];
    if (value === '.' && last !== undefined && last.end === start + 1 && last.text.endsWith('.')) continue;
    out.push(makeWord(value, start));
  }
  return out;
}

function makeWord(text: string, start: number): Omit<Word, 'pos'> {
  const punct = !/[\p{L}\p{N}]/u.test(text);
  const letters = text.replace(/[^\p{L}]/gu, '');
  return {
    text,
    lower: text.toLowerCase(),
    start,
    end: start + text.length,
    punct,
    cap: /^\p{Lu}/u.test(text),
    acronym: !punct && /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,6}$/u.test(text) && letters.length >= 2,
  };
}

/** The part of speech of each wink token, located by offsets in `text`. */
function tagParts(text: string): { start: number; end: number; pos: string }[] {
  const doc = winkPos.readDoc(text);
  const values = doc.tokens().out() as string[];
  const parts = doc.tokens().out(its.pos) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const located: { start: number; end: number; pos: string }[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i]!;
    let start = cursor + (spaces[i]?.length ?? 0);
    // wink reproduces its input token by token; should it ever not, find the token instead.
    if (text.slice(start, start + value.length) !== value) start = text.indexOf(value, cursor);
    if (start < 0) continue;
    located.push({ start, end: start + value.length, pos: parts[i] ?? 'X' });
    cursor = start + value.length;
  }
  return located;
}

function withParts(words: Omit<Word, 'pos'>[], parts: { start: number; end: number; pos: string }[]): Word[] {
  let j = 0;
  return words.map((word) => {
    while (j < parts.length && parts[j]!.end <= word.start) j += 1;
    let pos: string | undefined;
    for (let k = j; k < parts.length && parts[k]!.start < word.end; k += 1) {
      const p = parts[k]!.pos;
      if (p === 'PUNCT' && !word.punct) continue;
      if (pos === undefined || p === 'PROPN') pos = p;
    }
    return { ...word, pos: pos ?? (word.punct ? 'PUNCT' : 'X') };
  });
}

// Page furniture run into the text: "Print Tweet Views 458 Related …", "Share Email".
const PAGE_CHROME = /\b(?:Print|Tweet|Share|Email|E-mail|Comments?|Views?)\s+(?:\d+\s+)?(?:Print|Tweet|Share|Email|E-mail|Comments?|Views?|Related)\b/;

/** A web page's description of its own outlet ("Asharq Al-Awsat is the world's premier pan-Arab daily…"). */
function describesOutlet(text: string, source: string | null): boolean {
  if (source === null || source.length < 3) return false;
  const name = source.replace(/\s*\(.*\)\s*$/, '');
  return text.includes(name) && /\b(?:newspaper|publication|daily|news agency|website|broadcaster|founded|launched|established in)\b/i.test(text) && !/\b(?:said|told|reported)\b/.test(text);
}

/** Splits every sentence of the article into tagged words, flagging caption and credit boilerplate. */
export function analyzeSentences(article: Article): AnalyzedSentence[] {
  const parts = article.paragraphs.map((p) => tagParts(p));
  const titleKey = article.title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return sentencesOf(article).map((sentence, index) => {
    const source = article.paragraphs[sentence.paragraph] ?? '';
    const text = source.slice(sentence.start, sentence.end);
    const start = newsStart(text);
    const words = start < 0 ? [] : withParts(tokenize(text.slice(start), sentence.start + start), parts[sentence.paragraph] ?? []);
    const rest = start < 0 ? '' : text.slice(start);
    const repeatsTitle = rest.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') === titleKey;
    // Tested after the dateline, so that "BEIRUT (AFP) —" does not make the news a photo credit.
    // Page furniture too ("Last updated at Apr 092017", a time stamp split off its sentence): a fact never quotes it.
    const boilerplate = start < 0 || repeatsTitle || BOILERPLATE.test(rest) || PAGE_CHROME.test(rest) || describesOutlet(rest, article.source) || isPageFurniture(text);
    return { index, sentence, source, text: rest, textStart: sentence.start + Math.max(start, 0), words, boilerplate };
  });
}

/** Analyses a free-standing line (the title) like a sentence, with index -1. */
export function analyzeLine(text: string): AnalyzedSentence {
  const words = withParts(tokenize(text), tagParts(text));
  return { index: -1, sentence: { paragraph: -1, start: 0, end: text.length }, source: text, text, textStart: 0, words, boilerplate: false };
}
