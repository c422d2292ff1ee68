import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import type { AnalyzedSentence } from './analyze-sentences.ts';
import { PEOPLE_NOUNS } from './lexicon.ts';
import type { Range } from './shorten-clause.ts';
import { isoDateParts, MONTH_NAMES, monthNumber, WEEKDAY_NAMES } from '../text/iso-date.ts';

// As for compromise (lexicon.ts): chrono-node's CommonJS build loads in 0.13 s, its ES modules in 0.35 s.
const chrono = createRequire(import.meta.url)('chrono-node') as typeof Chrono;

/** A date written in a sentence, resolved against the article's publication date where it can be. */
export interface DateMention {
  sentence: AnalyzedSentence;
  /** The words of the date, qualifier included ("late May"), preposition excluded. */
  span: Range;
  /** "since", "until", "before", …: the preposition, when it changes what the date means. */
  prep?: string;
  /** The preposition's word index, when there is one ("on", "in", "since"). */
  prepIndex?: number;
  written: string;
  /** ISO day, month or year: "2017-05-28", "2017-05", "2016". Absent when the text does not fix it. */
  value?: string;
  /** For a reader: "May 28, 2017", "late May 2017", "2016 (last year)"; as written when unresolved. */
  label: string;
}

const MONTH_PATTERN = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
// chrono reads "May" in "late May" only without the qualifier, and keeps no trace of it.
const PART_OF_MONTH = new RegExp(`\\b(early|late|mid|the end of|end of|the beginning of|beginning of|the start of|start of|the middle of|middle of)[\\s-]+${MONTH_PATTERN}(?:,?\\s+((?:19|20)\\d{2}))?(?![\\p{L}\\d])`, 'gu');
// "in June last year", "March of next year": chrono reads the month and the year apart.
const MONTH_OF_RELATIVE_YEAR = new RegExp(`\\b((?:early|late|mid)[\\s-]+)?${MONTH_PATTERN}\\s+(?:of\\s+)?(last|this|next) year\\b`, 'gu');
// chrono ignores bare years ("in 2014", "since 2011").
const BARE_YEAR = /\b(?:(in|since|until|till|by|from|during|before|after|throughout|between|and|to|early|late|of|the)\s+|(mid)-?\s*)((?:19|20)\d{2})(?![\d,.]\d|[\p{L}-])/gu;
// "spring 2013", "the summer of 2014".
const SEASON_YEAR = /\b((?:early|late)\s+)?(spring|summer|autumn|fall|winter)\s+(?:of\s+)?((?:19|20)\d{2})\b/giu;
const RANGE_PREPOSITIONS = new Set(['since', 'until', 'till', 'before', 'after', 'by', 'from', 'through', 'throughout']);
const SILENT_PREPOSITIONS = new Set(['on', 'in', 'at', 'during', 'of', 'as of']);
const RELATIVE = /\b(?:ago|yesterday|today|tonight|tomorrow|last|next|this|past|earlier|later|coming)\b/i;
const FUTURE = /\b(?:will|shall|is (?:due|set|scheduled|expected|slated|planned) to|are (?:due|set|scheduled|expected|slated|planned) to|to be held|upcoming|plans? to|next)\b|['’]ll\b/i;

interface Found {
  start: number;
  end: number;
  written: string;
  value?: string;
  label: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const isoDay = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const formatDay = (y: number, m: number, d: number): string => `${MONTH_NAMES[m - 1]} ${d}, ${y}`;
const formatMonth = (y: number, m: number): string => `${MONTH_NAMES[m - 1]} ${y}`;

function parsePublished(published: string | null): Date | null {
  const parts = isoDateParts(published);
  return parts === null ? null : new Date(Date.UTC(parts.year, parts.month - 1, parts.day, 12));
}

/** The year of a month (and day) written without one: the latest on or before publication, unless the sentence speaks of the future. */
function inferYear(pub: Date, month: number, day: number | null, future: boolean): number {
  const year = pub.getUTCFullYear();
  const candidate = Date.UTC(year, month - 1, day ?? 1, 12);
  const pubMonthStart = Date.UTC(year, pub.getUTCMonth(), 1, 12);
  const after = day === null ? candidate > pubMonthStart : candidate > pub.getTime();
  if (!future && after) return year - 1;
  if (future && !after && candidate < (day === null ? pubMonthStart : pub.getTime())) return year + 1;
  return year;
}

/** A weekday named without a date: in news, the last such day on or before publication ("said Friday"). */
function resolveWeekday(pub: Date, weekday: number, written: string, future: boolean): Date {
  const lower = written.toLowerCase();
  const diffBack = (pub.getUTCDay() - weekday + 7) % 7;
  let offset: number;
  if (/\bnext\b/.test(lower)) offset = (weekday - pub.getUTCDay() + 7) % 7 || 7;
  else if (/\blast\b/.test(lower)) offset = -(diffBack || 7);
  else if (future) offset = (weekday - pub.getUTCDay() + 7) % 7;
  else offset = -diffBack;
  return new Date(pub.getTime() + offset * 86_400_000);
}

function fromPartOfMonth(match: RegExpMatchArray, pub: Date | null, future: boolean): Found {
  const written0 = match[1]!.toLowerCase().replace(/^the /, '');
  const qualifier = written0 === 'mid' ? 'mid-' : `${written0} `;
  const month = (monthNumber(match[2]!) ?? 0);
  const written = match[0];
  const start = match.index!;
  const yearText = match[3];
  let year: number | null = yearText !== undefined ? Number(yearText) : null;
  if (year === null && pub !== null) year = inferYear(pub, month, null, future);
  const monthName = MONTH_NAMES[month - 1]!;
  if (year === null) return { start, end: start + written.length, written, label: `${qualifier}${monthName}` };
  return { start, end: start + written.length, written, value: `${year}-${pad(month)}`, label: `${qualifier}${formatMonth(year, month)}` };
}

function fromChrono(result: Chrono.ParsedResult, text: string, pub: Date | null, future: boolean): Found | null {
  // chrono may take the comma after "Sunday," into its text.
  let written = result.text.replace(/[\s,;:]+$/, '');
  let start = result.index;
  const lead = /^(?:on|in|at|during)\s+/i.exec(written);
  if (lead !== null) {
    written = written.slice(lead[0].length);
    start += lead[0].length;
  }
  const end = start + written.length;
  const c = result.start;
  // Durations and times of day are not dates: "for three days", "within 48 hours", "at 10 pm".
  if (/^(?:for|within|in)\s/i.test(result.text) && !/\bago\b/i.test(written)) return null;
  if (/\b(?:hours?|minutes?|seconds?|hrs?)\b/i.test(written)) return null;
  // "3/4 of the residents": a fraction, unless it is "on 3/4".
  if (/^\d{1,2}[/.-]\d{1,2}$/.test(written) && !/\bon\s+$/i.test(text.slice(0, start))) return null;
  // "the next 60 days", "the past two years": spans of time, not dates.
  if (/\b(?:next|past|last|coming|previous|first|few|several|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days|weeks|months|years|decades)\b/i.test(written) && !/\bago\b/i.test(written)) return null;
  // "may" the verb, not the month.
  if (/^\p{Ll}/u.test(written) && !RELATIVE.test(written) && !/^(?:early|late|mid)/i.test(written)) return null;

  // "Aleppo Today", "Russia Today": a capitalised "Today" after a name is part of the name.
  if (/^(?:Today|Tonight|Tomorrow|Yesterday)$/.test(written) && result.index > 0 && /\p{Lu}[\p{L}.]*\s+$/u.test(text.slice(0, start))) return null;
  const relative = RELATIVE.test(written) || [...result.tags()].some((t) => t.startsWith('result/relative') || t.startsWith('casualReference'));
  if (/\bweeks?\b/i.test(written)) {
    if (pub === null) return { start, end, written, label: written };
    const pubLabel = formatDay(pub.getUTCFullYear(), pub.getUTCMonth() + 1, pub.getUTCDate());
    // "two weeks ago": about a day, told as approximate; "last week", "this week": a week around publication.
    if (/\bago\b/i.test(written) && c.isCertain('day')) return { start, end, written, label: `around ${formatDay(c.get('year') ?? 0, c.get('month') ?? 1, c.get('day') ?? 1)} (${written})` };
    const when = /\b(?:next|coming)\b/i.test(written) ? 'after' : /\bthis\b/i.test(written) ? 'of' : 'before';
    return { start, end, written, label: `the week ${when} ${pubLabel} (${written})` };
  }
  const certain = (k: 'year' | 'month' | 'day' | 'weekday'): boolean => c.isCertain(k);
  const get = (k: 'year' | 'month' | 'day' | 'weekday'): number => c.get(k) ?? 0;
  if (!certain('year') && !certain('month') && !certain('day') && !certain('weekday')) return null;

  const suffix = relative ? ` (${written})` : '';
  if (pub === null) {
    // Without a publication date nothing relative can be resolved, and no year is invented.
    if (relative || !certain('year')) return { start, end, written, label: written };
  }
  if (certain('day') || (certain('weekday') && !certain('month'))) {
    let y = get('year');
    let m = get('month');
    let d = get('day');
    if (!certain('day') && certain('weekday') && pub !== null) {
      const date = resolveWeekday(pub, get('weekday'), written, future);
      y = date.getUTCFullYear();
      m = date.getUTCMonth() + 1;
      d = date.getUTCDate();
    } else if (!certain('year') && !relative && pub !== null) {
      y = inferYear(pub, m, d, future);
    }
    const weekdayWritten = certain('weekday') ? WEEKDAY_NAMES[get('weekday')] : undefined;
    const label = relative ? `${formatDay(y, m, d)} (${written})` : weekdayWritten !== undefined ? `${weekdayWritten}, ${formatDay(y, m, d)}` : formatDay(y, m, d);
    return { start, end, written, value: isoDay(y, m, d), label };
  }
  if (certain('month')) {
    const m = get('month');
    const y = certain('year') ? get('year') : pub !== null ? inferYear(pub, m, null, future) : get('year');
    return { start, end, written, value: `${y}-${pad(m)}`, label: `${formatMonth(y, m)}${suffix}` };
  }
  const y = get('year');
  return { start, end, written, value: String(y), label: `${y}${suffix}` };
}

/**
 * Whether the date is about the future: "will" or "next" in its clause before
 * it, or just after it ("talks on Monday will…"); never when it dates a
 * statement ("said on Saturday that they will…").
 */
function speaksOfFuture(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start);
  if (new RegExp(`\\b(?:${[...REPORTING_VERB_FORMS].join('|')})\\s+(?:on\\s+|in\\s+|at\\s+)?$`, 'i').test(before)) return false;
  const clauseStart = Math.max(before.search(/[^,;:]*$/), ...[...before.matchAll(/\b(?:that|said|says)\b/gi)].map((m) => m.index + m[0].length));
  const after = /^(?:\W+\w+){0,3}/.exec(text.slice(end))?.[0] ?? '';
  return FUTURE.test(before.slice(clauseStart)) || FUTURE.test(after);
}
const REPORTING_VERB_FORMS = ['said', 'says', 'told', 'announced', 'reported', 'added', 'stated', 'claimed', 'confirmed'];

/** Maps character offsets within the sentence text to the sentence's word range. */
function toRange(s: AnalyzedSentence, start: number, end: number): Range | null {
  const base = s.textStart;
  let first = -1;
  let last = -1;
  s.words.forEach((w, i) => {
    if (w.end > base + start && w.start < base + end) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? null : { first, last };
}

/**
 * The dates written in a sentence, each resolved against the publication
 * date: weekdays to the last such day on or before it, months and days
 * without a year to the latest one on or before it (later ones when the
 * sentence speaks of the future), "last year" and "two days ago" from it.
 * With no publication date, only dates that carry their year get a value.
 */
export function findDates(s: AnalyzedSentence, published: string | null): DateMention[] {
  const pub = parsePublished(published);
  const text = s.text;
  const future = (start: number, end: number): boolean => speaksOfFuture(text, start, end);
  const found: Found[] = [];
  const overlaps = (start: number, end: number): boolean => found.some((f) => start < f.end && end > f.start);

  for (const match of text.matchAll(MONTH_OF_RELATIVE_YEAR)) {
    const start = match.index;
    const written = match[0];
    const month = (monthNumber(match[2]!) ?? 0);
    const qualifier = match[1] === undefined ? '' : /^mid/i.test(match[1]) ? 'mid-' : `${match[1].trim().toLowerCase()} `;
    if (pub === null) {
      found.push({ start, end: start + written.length, written, label: written });
      continue;
    }
    const year = pub.getUTCFullYear() + (match[3] === 'last' ? -1 : match[3] === 'next' ? 1 : 0);
    found.push({ start, end: start + written.length, written, value: `${year}-${pad(month)}`, label: `${qualifier}${formatMonth(year, month)} (${written})` });
  }
  for (const match of text.matchAll(PART_OF_MONTH)) {
    if (overlaps(match.index, match.index + match[0].length)) continue;
    found.push(fromPartOfMonth(match, pub, future(match.index, match.index + match[0].length)));
  }
  const reference = pub ?? new Date(Date.UTC(2000, 0, 1, 12));
  for (const result of chrono.parse(text, { instant: reference, timezone: 0 })) {
    if (overlaps(result.index, result.index + result.text.length)) continue;
    const f = fromChrono(result, text, pub, future(result.index, result.index + result.text.length));
    if (f !== null) found.push(f);
  }
  for (const match of text.matchAll(SEASON_YEAR)) {
    if (overlaps(match.index, match.index + match[0].length)) continue;
    const label = `${(match[1] ?? '').toLowerCase()}${match[2]!.toLowerCase()} ${match[3]!}`;
    found.push({ start: match.index, end: match.index + match[0].length, written: match[0], value: match[3]!, label });
  }
  for (const match of text.matchAll(BARE_YEAR)) {
    const prep = (match[1] ?? match[2] ?? '').toLowerCase();
    const yearText = match[3]!;
    const start = match.index + match[0].length - yearText.length;
    const end = start + yearText.length;
    if (overlaps(start, end)) continue;
    // "between 2014 and 2016", "from 2011 to 2013": "and"/"to" only after another year.
    if ((prep === 'and' || prep === 'to') && !/(?:19|20)\d{2}\s+$/.test(text.slice(0, match.index))) continue;
    // "by 2000 fighters" counts fighters.
    const nextWord = /^\s+(\p{L}+)/u.exec(text.slice(end))?.[1]?.toLowerCase();
    if (nextWord !== undefined && PEOPLE_NOUNS.has(nextWord)) continue;
    const year = Number(yearText);
    if (pub !== null && year > pub.getUTCFullYear() + 10) continue;
    const qualifier = /^mid-?$/.test(prep) ? 'mid-' : /^(?:early|late)$/.test(prep) ? `${prep} ` : '';
    const qStart = qualifier === '' ? start : match.index;
    found.push({ start: qStart, end, written: text.slice(qStart, end), value: yearText, label: `${qualifier}${yearText}` });
  }

  const mentions: DateMention[] = [];
  for (const f of found.sort((a, b) => a.start - b.start)) {
    const span = toRange(s, f.start, f.end);
    if (span === null) continue;
    // "late Monday", "early Tuesday": the qualifier goes with the day.
    if (/^(?:late|early)$/.test(s.words[span.first - 1]?.lower ?? '') && f.value !== undefined && f.value.length === 10) span.first -= 1;
    const before = s.words[span.first - 1];
    const beforeLower = before?.lower;
    const mention: DateMention = { sentence: s, span, written: f.written, label: f.label, ...(f.value !== undefined ? { value: f.value } : {}) };
    if (beforeLower !== undefined && (RANGE_PREPOSITIONS.has(beforeLower) || SILENT_PREPOSITIONS.has(beforeLower))) {
      mention.prepIndex = span.first - 1;
      if (RANGE_PREPOSITIONS.has(beforeLower)) {
        mention.prep = beforeLower;
        mention.label = `${beforeLower} ${mention.label}`;
      }
    }
    mentions.push(mention);
  }
  return mentions;
}
