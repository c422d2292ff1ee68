import type { Article } from '../article.ts';
import { citeSentence } from '../answer/cite-sentence.ts';
import type { KeyFact } from '../answer/types.ts';
import type { AnalyzedSentence, Word } from './analyze-sentences.ts';
import type { ScoredFact } from './scored-fact.ts';
import { isDemonym } from './find-mentions.ts';
import { findReferent, type Entity } from './group-entities.ts';
import { CAPITALISED_FUNCTION_WORDS, HEDGING_VERBS, NAME_PARTICLES, ORG_HEADS, PEOPLE_NOUNS, REPORTING_VERBS, ROLE_WORDS, lexiconIs } from './lexicon.ts';
import { contentStart, shortenRange, type Range } from './shorten-clause.ts';

/** Words and phrases by which a writer distances the text from a claim. */
export const HEDGE = /\b(?:claim(?:s|ed|ing)?|alleg(?:e|es|ed|edly|ation|ations)|reportedly|purported(?:ly)?|unconfirmed|unverified|supposedly|rumou?r(?:s|ed)?|if (?:confirmed|true|verified|accurate)|being verified|(?:could|can|cannot|can['’]t|couldn['’]t)(?: not)?(?: be)?(?: immediately| independently)* (?:verified|confirmed)|not (?:been |be )?(?:immediately |independently )*(?:verified|confirmed)|no (?:independent )?(?:confirmation|verification)|unable to (?:immediately |independently )*(?:verify|confirm)|impossible to (?:independently )?(?:verify|confirm))\b/i;

// A sentence that comments on the claim just before it: "If confirmed, it would…", "The claim could not be verified."
const REFERS_BACK = /^\W*(?:if (?:confirmed|true|verified|accurate)|the (?:claims?|reports?|statement|announcement|account)|such (?:claims|reports)|this|that|it|there (?:was|has been|is) no|(?:neither|none) of)/i;

const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i']);
const SOURCE_NOUNS = /\b(?:officials?|sources?|ministry|military|army|government|spokes(?:man|woman|person)|statement|report|reports|media|television|tv|agency|observatory|monitor|group|activists?|witnesses|residents|police|commanders?|leaders?|analysts?|experts?|doctors?|medics|diplomats?|authorities|newspaper|channel|officers?)\b/i;

interface Claim {
  speaker: Range;
  content: Range;
  verb: Word | null;
  sentence: AnalyzedSentence;
}

const isVerb = (w: Word | undefined): boolean => w !== undefined && (w.pos === 'VERB' || w.pos === 'AUX');
const isReporting = (w: Word | undefined): boolean => w !== undefined && REPORTING_VERBS.has(w.lower) && isVerb(w);
// "Russia claims it killed …": taggers often read "claims", "reports" as nouns; a pronoun, "that" or "to" after it settles it.
const isReportingAt = (words: Word[], i: number): boolean => {
  const w = words[i];
  if (w === undefined || !REPORTING_VERBS.has(w.lower)) return false;
  if (isVerb(w)) return true;
  const next = words[i + 1]?.lower;
  const prev = words[i - 1];
  return prev !== undefined && (prev.cap || PRONOUNS.has(prev.lower) || prev.pos === 'NOUN') && next !== undefined && /^(?:that|it|he|she|they|to|we)$/.test(next);
};

const DETERMINERS = /^(?:the|a|an|its|their|his|her|our)$/;
const isRoleOrSource = (w: Word): boolean => ROLE_WORDS.has(w.lower) || SOURCE_NOUNS.test(w.lower) || ORG_HEADS.has(w.lower) || PEOPLE_NOUNS.has(w.lower);
const isDateWord = (w: Word): boolean => lexiconIs(w.lower, 'weekday') || lexiconIs(w.lower, 'month') || /^(?:today|yesterday|tonight|morning|evening|night|afternoon|day|week|month|year)$/.test(w.lower);
// A prepositional phrase of place after a speaker: "ministers in New York said", "SANA reporter in Quneitra said".
const SPEAKER_PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'inside', 'outside']);

/**
 * The noun phrase just before a reporting verb: a pronoun, a name, or a
 * short phrase with its modifiers ("Russian defence ministry spokesman Igor
 * Konashenkov", "a spokesman for the group", "the monitor"). Leading
 * adverbials are left out ("Later in the day Reuters said" → "Reuters").
 */
function speakerPhrase(words: Word[], v: number): Range | null {
  let last = v - 1;
  while (last >= 0 && !words[last]!.cap && words[last]!.pos === 'ADV') last -= 1;
  const head = words[last];
  if (head === undefined || head.punct || isDateWord(head)) return null;
  if (PRONOUNS.has(head.lower)) return { first: last, last };
  const inPhrase = (x: Word): boolean =>
    !x.punct &&
    !isDateWord(x) &&
    !(x.cap && CAPITALISED_FUNCTION_WORDS.has(x.lower)) &&
    (x.cap || x.acronym || ['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(x.pos) || NAME_PARTICLES.has(x.lower) || /^(?:al|el)-/.test(x.lower));
  if (!inPhrase(head)) return null;
  let first = last;
  for (let k = last - 1; k >= 0; k -= 1) {
    const x = words[k]!;
    const next = words[k + 1]!;
    if (x.text === "'s" || x.text === '’s') {
      first = k;
      continue;
    }
    if (DETERMINERS.test(x.lower)) {
      first = k;
      break;
    }
    // "spokesman for the group", "head of the Observatory": a role with its "of"/"for" phrase.
    if ((x.lower === 'of' || x.lower === 'for') && k > 0 && isRoleOrSource(words[k - 1]!)) {
      first = k;
      continue;
    }
    if (!inPhrase(x)) break;
    // "in the day Reuters": a lower-case word joins a name after it only as a role or source ("spokesman Igor Konashenkov");
    // "the border with Turkey local sources": a name joins lower-case words after it only as a nationality or acronym.
    if (!x.cap && next.cap && !isRoleOrSource(x)) break;
    if (x.cap && !next.cap && ['NOUN', 'ADJ'].includes(next.pos) && !x.acronym && !isDemonym(x)) break;
    first = k;
  }
  const before = words[first - 1];
  if (before !== undefined && SPEAKER_PLACE_PREPOSITIONS.has(before.lower)) {
    const outer = speakerPhrase(words, first - 1);
    if (outer !== null && !PRONOUNS.has(words[outer.last]!.lower) && isRoleOrSource(words[outer.last]!)) return { first: outer.first, last };
  }
  return { first, last };
}

/** A plausible speaker: a pronoun, a name, or a noun phrase headed by a source ("the ministry", "local activists"). */
function isSpeaker(words: Word[], r: Range): boolean {
  const span = words.slice(r.first, r.last + 1).filter((w) => !w.punct);
  if (span.length === 0 || span.length > 12) return false;
  if (span.length === 1 && PRONOUNS.has(span[0]!.lower)) return true;
  if (/^(?:no|nobody|none|neither)$/.test(span[0]!.lower)) return false;
  const cut = span.findIndex((w) => w.lower === 'of' || w.lower === 'for' || SPEAKER_PLACE_PREPOSITIONS.has(w.lower));
  const core = cut > 0 ? span.slice(0, cut) : span;
  return core.some((w) => w.cap && !/^(?:The|A|An)$/.test(w.text)) || core.some((w) => isRoleOrSource(w) || lexiconIs(w.lower, 'actor'));
}

/** Where the clause of word `v` starts: after the last comma, quote or "that", or a conjunction once a verb has come. */
function clauseStart(words: Word[], v: number): number {
  let first = 0;
  for (let i = 0; i < v; i += 1) {
    const w = words[i]!;
    if (/^[,;:—–"“”(]$/.test(w.text) || w.lower === 'that') first = i + 1;
    else if (/^(?:and|but|while|whereas|as|because|although|though|after|before|when)$/.test(w.lower) && words.slice(first, i).some(isVerb)) first = i + 1;
  }
  return first;
}

/** After a verb whose speaker came first, only adjuncts may follow: "in a statement", "on Monday", "told reporters", "citing a source". */
function onlyAdjuncts(words: Word[], v: number): boolean {
  const rest = words.slice(v + 1).filter((w) => !w.punct);
  return rest.length <= 9 && !rest.some((w) => w.lower === 'that' || isReporting(w) || (isVerb(w) && !w.cap && !/^(?:told|tells|citing|quoting|adding|referring|speaking)$/.test(w.lower)));
}

/**
 * The claim around the reporting verb at `v`: "SPEAKER said (that) CONTENT",
 * "CONTENT, SPEAKER said (in a statement)", "“…,” it said", "… the monitor
 * said" (text without commas), or the inverted "…, said Rami Abdulrahman".
 */
function claimAt(s: AnalyzedSentence, v: number): Claim | null {
  const words = s.words;
  const verb = words[v]!;
  const start = clauseStart(words, v);
  const speaker = speakerPhrase(words, v);
  const contentBefore = (end: number): Range | null => {
    let last = end;
    while (last >= 0 && words[last]!.punct) last -= 1;
    const count = words.slice(0, last + 1).filter((w) => !w.punct).length;
    return count >= 4 && words.slice(0, last + 1).some(isVerb) ? { first: 0, last } : null;
  };
  // Inverted: "…,” said Rami Abdulrahman, head of the Observatory."
  const after = words[v + 1];
  const afterPause = words[v - 1] !== undefined && /^[,"”]$/.test(words[v - 1]!.text);
  if (afterPause && after !== undefined && after.cap && !CAPITALISED_FUNCTION_WORDS.has(after.lower)) {
    let last = v + 1;
    while (last + 1 < words.length && !words[last + 1]!.punct && (words[last + 1]!.cap || NAME_PARTICLES.has(words[last + 1]!.lower))) last += 1;
    const content = contentBefore(v - 1);
    if (content !== null) return { speaker: { first: v + 1, last }, content, verb, sentence: s };
  }
  if (speaker === null || speaker.first < start || !isSpeaker(words, speaker)) return null;
  // A verb before the speaker in its clause: the content came first ("Most of the dead were civilians … the monitor said").
  const lead = words.slice(start, speaker.first);
  if (lead.some((w) => isVerb(w) && !w.cap)) {
    if (!onlyAdjuncts(words, v)) return null;
    const content = contentBefore(speaker.first - 1);
    return content === null ? null : { speaker, content, verb, sentence: s };
  }
  // "“…,” it said in a statement": the content is the quote or clause before the speaker's clause.
  if (start > 0 && /^[,"”]$/.test(words[start - 1]!.text) && onlyAdjuncts(words, v)) {
    const content = contentBefore(start - 1);
    if (content !== null) return { speaker, content, verb, sentence: s };
  }
  return speakerBefore(s, v, speaker);
}

/** "SPEAKER said (that) CONTENT." */
function speakerBefore(s: AnalyzedSentence, v: number, speaker: Range): Claim | null {
  const words = s.words;
  let start = contentStart(words, v);
  const afterVerb = words[v + 1];
  // "confirmed the death toll …": a verb with an object reports a thing, not a statement; keep the verb.
  // (Unless a verb soon follows: "revealed the 30-year-old is aware" reports a clause.)
  const objectOnly = !words.slice(v + 2, v + 8).some((w) => w.pos === 'AUX' || (w.pos === 'VERB' && !/(?:ing|ed)$/.test(w.lower)));
  if (start === v + 1 && objectOnly && /^(?:confirm|deni|report|announc|claim|acknowledg|reveal|admit)/.test(words[v]!.lower) && /^(?:the|a|an|its|their|his|her)$/.test(afterVerb?.lower ?? '')) start = v;
  if (words.slice(start).filter((w) => !w.punct).length < 3) return null;
  return { speaker, content: { first: start, last: words.length - 1 }, verb: words[v]!, sentence: s };
}

/** "According to SOURCE, CONTENT" and "CONTENT, according to SOURCE." */
function accordingTo(s: AnalyzedSentence): Claim | null {
  const words = s.words;
  const a = words.findIndex((w, i) => w.lower === 'according' && words[i + 1]?.lower === 'to');
  if (a < 0) return null;
  let end = a + 2;
  while (end < words.length && !/^[,.;:"”]$/.test(words[end]!.text)) end += 1;
  // "according to the Observatory which tracks violence across Syria": the source ends at its relative clause.
  let sourceEnd = a + 2;
  while (sourceEnd < end && !/^(?:which|who|that|whose)$/.test(words[sourceEnd]!.lower) && !(isVerb(words[sourceEnd]) && !words[sourceEnd]!.cap)) sourceEnd += 1;
  const source = { first: a + 2, last: sourceEnd - 1 };
  if (source.last < source.first) return null;
  const sourceWords = words.slice(source.first, source.last + 1);
  const sourceText = sourceWords.map((w) => w.text).join(' ');
  const named = sourceWords.some((w) => w.cap) || SOURCE_NOUNS.test(sourceText);
  const content = a <= 1 ? { first: end + 1, last: words.length - 1 } : { first: 0, last: a - 1 };
  // "According to the information that is being verified, …" names no source: it only hedges the sentence.
  if (!named || HEDGE.test(sourceText)) return null;
  if (words.slice(content.first, content.last + 1).filter((w) => !w.punct).length < 3) return null;
  return { speaker: source, content, verb: null, sentence: s };
}

function findClaim(s: AnalyzedSentence): Claim | null {
  const words = s.words;
  const according = accordingTo(s);
  if (according !== null) return according;
  for (let v = 0; v < words.length; v += 1) {
    if (!isReportingAt(words, v)) continue;
    // "claimed responsibility" is an act, not a statement.
    if (/^(?:responsibility|credit)$/.test(words[v + 1]?.lower ?? '') || /^(?:responsibility|credit)$/.test(words[v + 2]?.lower ?? '')) continue;
    const claim = claimAt(s, v);
    if (claim !== null) return claim;
  }
  return null;
}

const stem = (w: string): string => w.toLowerCase().replace(/^(?:al|el)-/, '').replace(/(?:ing|ed|es|s)$/, '');
const STOP = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'and', 'or', 'for', 'with', 'by', 'from', 'that', 'it', 'its', 'was', 'were', 'is', 'are', 'be', 'been', 'has', 'have', 'had', 'he', 'she', 'they', 'this', 'as']);

function contentStems(words: Word[]): Set<string> {
  return new Set(words.filter((w) => !w.punct && !STOP.has(w.lower)).map((w) => stem(w.text)));
}

/**
 * Reported speech (`claim` facts): who says what, shortened to "speaker:
 * content". "it" and "the ministry" are resolved to the organisation last
 * named; a claim is `unconfirmed` when its sentence hedges it ("claims",
 * "being verified"), when the next sentence does while referring back ("If
 * confirmed, …"), or when a hedging title makes the same claim.
 */
export function extractClaims(article: Article, sentences: AnalyzedSentence[], entities: Entity[], title: AnalyzedSentence): ScoredFact[] {
  const facts: ScoredFact[] = [];
  const titleHedged = HEDGE.test(title.text);
  const titleStems = contentStems(title.words);
  const titleNames = new Set(title.words.filter((w) => w.cap || /^(?:al|el)-/.test(w.lower)).map((w) => stem(w.text)));
  const byIndex = new Map(sentences.map((s) => [s.index, s]));
  // The speaker is an entity when the entity's name ends the speaker's phrase ("the Syrian Observatory", not "groups including Aleppo 24").
  const mentionAt = (s: AnalyzedSentence, r: Range): Entity | undefined => {
    let last = r.last;
    while (last > r.first && (s.words[last]!.punct || s.words[last]!.pos === 'ADV')) last -= 1;
    return entities.find((e) =>
      e.mentions.some((m) => {
        if (m.sentence.index !== s.index || m.first < r.first || m.last > last) return false;
        // "SANA reporter in Quneitra", "a spokesman for the Pentagon": the head comes before the preposition.
        if (s.words.slice(r.first, m.first).some((w) => w.pos === 'ADP' && w.lower !== "'s")) return false;
        if (m.last === last) return true;
        // "Suleiman Youssef a writer told …": a name followed by an appositive without its commas.
        const next = s.words[m.last + 1];
        return m.kind === 'person' && next !== undefined && /^(?:a|an|the)$/.test(next.lower) && last - m.last <= 6;
      }),
    );
  };
  let lastOrg: string | null = null;
  let lastPerson: string | null = null;
  const seen: Set<string>[] = [];

  for (const s of sentences) {
    if (s.boilerplate) continue;
    const claim = findClaim(s);
    // Keep track of who was last named, for "it" and "he".
    const named = entities.filter((e) => e.mentions.some((m) => m.sentence.index === s.index));
    if (claim === null) {
      for (const e of named) {
        if (e.kind === 'org' && lastOrg === null) lastOrg = e.name;
        if (e.kind === 'person') lastPerson = e.name;
      }
      continue;
    }
    // "The army reportedly said": adverbs are not part of the speaker.
    let speakerFirst = claim.speaker.first;
    while (speakerFirst < claim.speaker.last && (s.words[speakerFirst]!.pos === 'ADV' || s.words[speakerFirst]!.punct || /^(?:but|and|so|meanwhile|however)$/.test(s.words[speakerFirst]!.lower))) speakerFirst += 1;
    let speakerLast = claim.speaker.last;
    while (speakerLast > speakerFirst && (s.words[speakerLast]!.pos === 'ADV' || s.words[speakerLast]!.punct)) speakerLast -= 1;
    const speakerWords = s.words.slice(speakerFirst, speakerLast + 1).filter((w) => !w.punct || w.text === "'s");
    const lowerSpeaker = speakerWords.map((w) => w.lower).join(' ');
    let speaker: string;
    const entity = mentionAt(s, claim.speaker);
    if (entity !== undefined && (speakerWords[0]?.cap || speakerWords[0]?.lower === 'the')) {
      speaker = entity.name;
    } else if (lowerSpeaker === 'it' || lowerSpeaker === 'they') {
      speaker = lastOrg ?? lowerSpeaker;
    } else if (lowerSpeaker === 'he' || lowerSpeaker === 'she') {
      speaker = lastPerson ?? lowerSpeaker;
    } else {
      const definite = /^the ([a-z]+)$/.exec(lowerSpeaker);
      const referent = definite !== null ? findReferent(entities, definite[1]!, s.index) : undefined;
      speaker = referent?.name ?? s.source.slice(speakerWords[0]!.start, speakerWords[speakerWords.length - 1]!.end).replace(/^the\s+/i, '');
    }
    if (entity?.kind === 'org' || (entity === undefined && !PRONOUNS.has(lowerSpeaker) && findReferent(entities, lowerSpeaker.replace(/^the /, ''), s.index) !== undefined)) lastOrg = speaker;
    if (entity?.kind === 'person') lastPerson = speaker;
    if (lastOrg === null) lastOrg = named.find((e) => e.kind === 'org')?.name ?? null;

    // The content, without a leading "According to …," hedge, quotes or "that".
    let content = claim.content;
    const cw = s.words;
    let hedged = HEDGE.test(s.text) || (claim.verb !== null && HEDGING_VERBS.has(claim.verb.lower));
    const according = cw.findIndex((w, i) => i >= content.first && i <= content.first + 2 && w.lower === 'according' && cw[i + 1]?.lower === 'to');
    if (according >= 0) {
      const comma = cw.findIndex((w, i) => i > according && w.text === ',');
      if (comma > 0 && comma < content.last) {
        content = { first: comma + 1, last: content.last };
        hedged = true;
      }
    }
    // "…, adding that …": the participle is the attribution's, not the content's.
    while (content.first < content.last && (cw[content.first]!.punct || /^(?:adding|saying|noting|stressing|warning|that)$/.test(cw[content.first]!.lower))) content = { first: content.first + 1, last: content.last };
    const text = shortenRange(s, content).replace(/^["“”]+|["“”]+$/g, '').replace(/[,.]+$/, '');
    if (text.split(/\s+/).length < 3) continue;
    const stems = contentStems(cw.slice(content.first, content.last + 1));
    // The same claim again ("The ministry said Friday that …" after "The ministry said …") is not a new fact.
    if (seen.some((prev) => overlap(prev, stems) > 0.6)) continue;
    seen.push(stems);

    // "If confirmed, it would mark…" right after the claim hedges it.
    const next = byIndex.get(s.index + 1);
    if (next !== undefined && REFERS_BACK.test(next.text) && HEDGE.test(next.text)) hedged = true;
    // "Russia claims to have killed …" in the title hedges the same claim in the body.
    if (titleHedged) {
      const shared = [...stems].filter((x) => titleStems.has(x));
      if (shared.length >= 2 && shared.some((x) => titleNames.has(x))) hedged = true;
    }
    const fact: KeyFact = { kind: 'claim', text: `${capitalise(speaker)}: ${text}`, citation: citeSentence(article, s.sentence) };
    if (hedged) fact.unconfirmed = true;
    const namedSpeaker = entity !== undefined || speaker !== lowerSpeaker;
    facts.push({ fact, score: 1 / (1 + 0.3 * s.index) + (namedSpeaker ? 0.3 : 0) + (hedged ? 0.1 : 0) });
  }
  return facts;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of b) if (a.has(x)) shared += 1;
  return shared / Math.min(a.size, b.size);
}

function capitalise(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}
