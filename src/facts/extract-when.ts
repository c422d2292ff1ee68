import type { Article } from '../article.ts';
import { citeSentence } from '../answer/cite-sentence.ts';
import type { KeyFact } from '../answer/types.ts';
import type { AnalyzedSentence } from './analyze-sentences.ts';
import { findDates, type DateMention } from './find-dates.ts';
import { storyDate } from './news-start.ts';
import { REPORTING_VERBS } from './lexicon.ts';
import type { ScoredFact } from './scored-fact.ts';
import { attributionEnd, clauseAround, shortenRange, type Range } from './shorten-clause.ts';
import { MONTH_NAMES } from '../text/iso-date.ts';

/** The noun phrase just before "(,) which …": "Russia, which has conducted …" → "Russia"; "the town which fell" → "the town". */
function antecedent(s: AnalyzedSentence, pronounIndex: number): string | null {
  const end = s.words[pronounIndex - 1]?.text === ',' ? pronounIndex - 2 : pronounIndex - 1;
  const last = s.words[end];
  if (last === undefined || last.punct) return null;
  let first = end;
  if (last.cap) {
    while (first - 1 >= 0 && (s.words[first - 1]!.cap || /^(?:al|bin|of)$/.test(s.words[first - 1]!.lower)) && !s.words[first - 1]!.punct) first -= 1;
  } else {
    if (last.pos !== 'NOUN') return null;
    while (first - 1 >= 0 && end - first < 4 && ['NOUN', 'ADJ', 'PROPN', 'DET'].includes(s.words[first - 1]!.pos) && !s.words[first - 1]!.punct) {
      first -= 1;
      if (s.words[first]!.pos === 'DET') break;
    }
  }
  return s.source.slice(s.words[first]!.start, last.end);
}

/** Does the date say when something was said ("said Friday", "on Monday told")? Then the statement is the event. */
function datesAStatement(s: AnalyzedSentence, d: DateMention): boolean {
  const before = s.words[(d.prepIndex ?? d.span.first) - 1];
  const after = s.words[d.span.last + 1];
  return (before !== undefined && REPORTING_VERBS.has(before.lower)) || (after !== undefined && REPORTING_VERBS.has(after.lower));
}

/** What happened at the date: its clause, without the date, the attribution or a leading relative pronoun. */
function describeEvent(s: AnalyzedSentence, d: DateMention): string {
  const span: Range = { first: d.prepIndex ?? d.span.first, last: d.span.last };
  const skips: Range[] = [span];
  // "said Friday, June 16, 2017, that": the comma after the date goes with it.
  if (s.words[span.last + 1]?.text === ',') skips.push({ first: span.last + 1, last: span.last + 1 });
  const clause = clauseAround(s, span);
  if (!datesAStatement(s, d)) {
    const end = attributionEnd(s, clause);
    if (end > 0 && end <= clause.last) clause.first = end;
  } else {
    // "The ministry said Friday that …": the statement is the event, so its speaker stays.
    while (clause.first > 0 && clause.first > span.first - 8 && !s.words[clause.first - 1]!.punct) clause.first -= 1;
  }
  const lead = s.words[clause.first];
  if (lead !== undefined && (lead.lower === 'which' || lead.lower === 'who') && clause.first > 0) {
    const name = antecedent(s, clause.first);
    if (name !== null) {
      const rest = shortenRange(s, { first: clause.first + 1, last: clause.last }, skips);
      if (rest !== '') return `${name} ${rest}`;
    }
  }
  return shortenRange(s, clause, skips);
}

function formatPublished(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${MONTH_NAMES[(m ?? 1) - 1]} ${d}, ${y}`;
}

/**
 * The dates of an article (`when` facts), each resolved against the
 * publication date and told with what happened then, plus the publication
 * date itself, told with the lead. Photo-credit boilerplate is skipped.
 * Also returns the dates' word ranges, so that numbers inside them are not
 * counted as quantities.
 */
export function extractWhen(article: Article, sentences: AnalyzedSentence[]): { facts: ScoredFact[]; spans: Map<number, Range[]> } {
  const facts: ScoredFact[] = [];
  const spans = new Map<number, Range[]>();
  const seen = new Set<string>();
  // A weekday or "yesterday" is counted from the date the story gives itself, which its dateline may say.
  const reference = storyDate(article);
  for (const s of sentences) {
    const dates = findDates(s, reference);
    spans.set(s.index, dates.map((d) => d.span));
    if (s.boilerplate) continue;
    for (const d of dates) {
      const key = (d.value ?? d.label.toLowerCase()) + (d.prep ?? '');
      if (seen.has(key)) continue;
      seen.add(key);
      const event = describeEvent(s, d);
      const fact: KeyFact = { kind: 'when', text: event === '' ? d.label : `${d.label}: ${event}`, citation: citeSentence(article, s.sentence) };
      if (d.value !== undefined) fact.value = d.value;
      // Earlier in the story is more central; dates near publication are the news, older ones background.
      const recent = reference !== null && d.value !== undefined && Math.abs(Date.parse(`${d.value.padEnd(7, '-01').padEnd(10, '-01')}`) - Date.parse(reference)) < 62 * 86_400_000;
      facts.push({ fact, score: 1 / (1 + 0.3 * s.index) + (recent ? 0.4 : 0) + (d.value === undefined ? -0.3 : 0) });
    }
  }
  const lead = sentences.find((s) => !s.boilerplate);
  if (article.date !== null && lead !== undefined && !seen.has(article.date)) {
    const event = shortenRange(lead, { first: 0, last: lead.words.length - 1 });
    facts.push({
      fact: { kind: 'when', text: `${formatPublished(article.date)} (publication date): ${event}`, value: article.date, citation: citeSentence(article, lead.sentence) },
      score: 2,
    });
  }
  return { facts, spans };
}
