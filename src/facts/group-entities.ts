import type { AnalyzedSentence } from './analyze-sentences.ts';
import type { EntityKind, Mention } from './find-mentions.ts';
import { NAME_PARTICLES, ORG_HEADS, ORG_TAILS, PLACE_HEADS, lexiconIs } from './lexicon.ts';

/** A person, organisation or place, merged across its mentions ("al-Baghdadi" is "Abu Bakr al-Baghdadi"). */
export interface Entity {
  kind: EntityKind;
  /** The fullest form of the name. */
  name: string;
  /** Body mentions, in sentence order. */
  mentions: Mention[];
  /** Mentions in the title (which has no sentence to cite). */
  titleMentions: number;
  /** The first role or description the body gives, with the mention that gives it. */
  role?: { text: string; mention: Mention };
  /** Lower-cased forms this entity is known by, including acronyms. */
  keys: Set<string>;
  /** Salience: mentions, title, position. */
  score: number;
  /** Index of the sentence of the first mention. */
  first: number;
}

/** Lower-cased name words with "al-" style particles removed, for matching short forms to long ones. */
function matchTokens(tokens: string[]): string[] {
  return tokens
    .map((t) => t.replace(/\.$/, '').replace(/^(?:al|el|ad|ash|as|an|ar|at|az)-/, ''))
    .filter((t) => !NAME_PARTICLES.has(t) || t === 'abu' || t === 'umm');
}

/** "Islamic State group" → "is"; "Syrian Observatory for Human Rights" → "sohr"; "United States" → "us". */
function initialsOf(mention: Mention): string {
  const words = mention.name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w));
  return words.map((w) => w[0]!.toLowerCase()).join('');
}

const keyOf = (tokens: string[]): string => matchTokens(tokens).join(' ');

function isSuffix(short: string[], long: string[]): boolean {
  if (short.length === 0 || short.length >= long.length) return false;
  const offset = long.length - short.length;
  return short.every((t, i) => long[offset + i] === t);
}

function stripPlaceHead(tokens: string[]): string[] {
  const last = tokens[tokens.length - 1];
  return tokens.length > 1 && last !== undefined && PLACE_HEADS.has(last) ? tokens.slice(0, -1) : tokens;
}

function sameEntity(entity: Entity, long: Mention, m: Mention): boolean {
  const key = keyOf(m.tokens);
  if (entity.keys.has(key)) return true;
  // "Islamic State" is the "Islamic State group"; "Syria" is not the "Syria regime".
  if (m.kind !== 'place' && m.kind !== 'person' && entity.keys.has(`tail:${key}`)) return true;
  const mt = matchTokens(m.tokens);
  const et = matchTokens(long.tokens);
  if (m.isAcronym) return entity.keys.has(`acronym:${m.name.replace(/\./g, '').toLowerCase()}`);
  if (entity.kind === 'place' || m.kind === 'place') {
    return (entity.kind === 'place' || entity.kind === 'unknown') && (m.kind === 'place' || m.kind === 'unknown') && stripPlaceHead(mt).join(' ') === stripPlaceHead(et).join(' ');
  }
  // A surname alone is the person ("Assad" is "Bashar al-Assad"); an organisation needs two words ("Defense Ministry").
  if ((entity.kind === 'person' || long.kind === 'person') && (m.kind === 'person' || m.kind === 'unknown')) {
    // "Paula" after "Paula Radcliffe": a known first name alone is the person first named with it.
    if (mt.length === 1 && et.length > 1 && et[0] === mt[0] && lexiconIs(mt[0]!, 'first-name')) return true;
    return isSuffix(mt, et);
  }
  if (entity.kind === 'org' && m.kind !== 'person') {
    // "the Observatory" is the "Syrian Observatory for Human Rights".
    if (mt.length === 1 && ORG_HEADS.has(mt[0]!) && et.length > 1 && et.includes(mt[0]!)) return true;
    return mt.length >= 2 && isSuffix(mt, et);
  }
  return false;
}

/**
 * Merges mentions into entities, longest names first so that short forms
 * ("al-Baghdadi", "IS") join the full ones ("Abu Bakr al-Baghdadi",
 * "Islamic State group"), and ranks them by salience.
 */
export function groupEntities(mentions: Mention[], titleMentions: Mention[], sentences: AnalyzedSentence[]): Entity[] {
  dropPossessiveS([...mentions, ...titleMentions]);
  const order = [...mentions].sort((a, b) => b.tokens.length - a.tokens.length || (a.isAcronym ? 1 : 0) - (b.isAcronym ? 1 : 0) || a.sentence.index - b.sentence.index);
  const entities: { entity: Entity; long: Mention }[] = [];
  for (const m of order) {
    if (m.tokens.length === 0) continue;
    const found = entities.find(({ entity, long }) => sameEntity(entity, long, m));
    if (found !== undefined) {
      found.entity.mentions.push(m);
      addKeys(found.entity, m);
      continue;
    }
    const entity: Entity = { kind: m.kind, name: m.name, mentions: [m], titleMentions: 0, keys: new Set(), score: 0, first: m.sentence.index };
    addKeys(entity, m);
    entities.push({ entity, long: m });
  }
  for (const t of titleMentions) {
    const found = entities.find(({ entity, long }) => sameEntity(entity, long, t));
    if (found !== undefined) found.entity.titleMentions += 1;
  }
  const result = entities.map(({ entity }) => finish(entity));
  countReferences(result, sentences);
  return result.sort((a, b) => b.score - a.score || a.first - b.first);
}

/**
 * Text stripped of apostrophes writes possessives as plurals ("Assads
 * regime", "Syrias Idlib"): a name ending in "s" whose form without it is
 * also mentioned is that name.
 */
function dropPossessiveS(mentions: Mention[]): void {
  const keys = new Set(mentions.map((m) => keyOf(m.tokens)));
  const lastWords = new Set(mentions.map((m) => matchTokens(m.tokens).pop()));
  for (const m of mentions) {
    m.tokens.forEach((token, i) => {
      if (!/[^s]s$/.test(token)) return;
      const stripped = [...m.tokens.slice(0, i), token.slice(0, -1)];
      const bare = matchTokens(stripped);
      const isLast = i === m.tokens.length - 1;
      if (!keys.has(bare.join(' ')) && !((m.kind === 'person' || m.kind === 'unknown' || !isLast) && lastWords.has(bare[bare.length - 1]))) return;
      m.tokens = [...stripped, ...m.tokens.slice(i + 1)];
      const written = m.name.split(' ');
      const at = written.findIndex((w) => w.toLowerCase() === token);
      if (at >= 0) written[at] = written[at]!.slice(0, -1);
      m.name = written.join(' ');
      if (m.kind === 'unknown' && isLast) m.strength = 0;
    });
  }
}

function addKeys(entity: Entity, m: Mention): void {
  entity.keys.add(keyOf(m.tokens));
  if (m.isAcronym) entity.keys.add(`acronym:${m.name.replace(/\./g, '').toLowerCase()}`);
  else if (m.kind !== 'person' && m.tokens.length > 1) {
    const initials = initialsOf(m);
    if (initials.length >= 2) entity.keys.add(`acronym:${initials}`);
    // "Islamic State" is the "Islamic State group".
    if (ORG_TAILS.has(m.tokens[m.tokens.length - 1]!)) entity.keys.add(`tail:${keyOf(m.tokens.slice(0, -1))}`);
  }
  if (m.acronym !== undefined) entity.keys.add(`acronym:${m.acronym.replace(/\./g, '').toLowerCase()}`);
}

function finish(entity: Entity): Entity {
  entity.mentions.sort((a, b) => a.sentence.index - b.sentence.index || a.first - b.first);
  const votes = new Map<EntityKind, number>();
  for (const m of entity.mentions) votes.set(m.kind, (votes.get(m.kind) ?? 0) + m.strength + 0.1);
  votes.delete('unknown');
  let kind: EntityKind = 'unknown';
  let best = 0;
  for (const [k, v] of votes) {
    if (v > best) {
      kind = k;
      best = v;
    }
  }
  entity.kind = kind;
  const forms = entity.mentions.filter((m) => !m.isAcronym);
  const named = forms.length > 0 ? forms : entity.mentions;
  entity.name = named.reduce((a, b) => (b.tokens.length > a.tokens.length ? b : a)).name;
  const withRole = entity.mentions.find((m) => m.role !== undefined);
  if (withRole?.role !== undefined) entity.role = { text: withRole.role, mention: withRole };
  entity.first = entity.mentions[0]!.sentence.index;
  const inLead = entity.mentions.some((m) => m.sentence.index === 0) ? 1 : 0;
  // Salience: mentions count with diminishing returns (an acronym repeated as a modifier, "IS meeting", "IS
  // leaders", should not drown the rest); the title and the lead say what the story is about; earlier is more central.
  entity.score = 1 + 2 * Math.log2(entity.mentions.length) + 3 * Math.min(entity.titleMentions, 1) + inLead + 1.5 / (1 + entity.first);
  return entity;
}

/**
 * The entity a definite description refers to: "the ministry" in sentence 5
 * is the last organisation named before it whose name ends in "Ministry".
 */
export function findReferent(entities: Entity[], head: string, sentenceIndex: number): Entity | undefined {
  let best: { entity: Entity; at: number } | undefined;
  for (const entity of entities) {
    if (entity.kind !== 'org' && entity.kind !== 'unknown') continue;
    const last = entity.name.split(/\s+/).pop()?.toLowerCase();
    if (last !== head) continue;
    const before = entity.mentions.filter((m) => m.sentence.index <= sentenceIndex);
    const at = before[before.length - 1]?.sentence.index;
    if (at !== undefined && (best === undefined || at > best.at)) best = { entity, at };
  }
  return best?.entity;
}

/** "the ministry", "the group" after "Russian Defense Ministry", "Islamic State group" count, half, towards salience. */
function countReferences(entities: Entity[], sentences: AnalyzedSentence[]): void {
  for (const s of sentences) {
    if (s.boilerplate) continue;
    for (let i = 1; i < s.words.length; i += 1) {
      const w = s.words[i]!;
      if (w.cap || s.words[i - 1]!.lower !== 'the' || !ORG_TAILS.has(w.lower)) continue;
      const referent = findReferent(entities, w.lower, s.index);
      if (referent !== undefined) referent.score += 0.5;
    }
  }
}
