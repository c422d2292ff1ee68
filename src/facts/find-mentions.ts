import type { AnalyzedSentence, Word } from './analyze-sentences.ts';
import {
  CAPITALISED_FUNCTION_WORDS,
  COUNTRY_ACRONYMS,
  DIRECTION_WORDS,
  HONORIFICS,
  NAME_PARTICLES,
  ORG_HEADS,
  ORG_TAILS,
  PARTICLE_PREFIX,
  PLACE_HEADS,
  PLACE_OF_NOUNS,
  PLACE_PREPOSITIONS,
  ROLE_MODIFIERS,
  ROLE_WORDS,
  lexiconClassesOf,
  lexiconIs,
  singularRole,
} from './lexicon.ts';

export type EntityKind = 'person' | 'org' | 'place' | 'unknown';

/** One mention of a name in a sentence: "Syrian President Bashar Assad" is a mention of "Bashar Assad" with its role. */
export interface Mention {
  sentence: AnalyzedSentence;
  /** Word indices of the name itself, role excluded (inclusive). */
  first: number;
  last: number;
  /** The name as written. */
  name: string;
  /** Lower-cased name words, without a leading "the". */
  tokens: string[];
  kind: EntityKind;
  /** How sure the kind is: 3 lexicon or name heads, 2 patterns (titles, roles), 1 context ("in X"). */
  strength: number;
  /** A role or description given with this mention ("IS leader", "the group's de facto capital"). */
  role?: string;
  /** The acronym in brackets after the name: "Syrian Observatory for Human Rights (SOHR)". */
  acronym?: string;
  isAcronym: boolean;
}

const stripDot = (lower: string): string => lower.replace(/\.$/, '');
const isRoleWord = (w: Word | undefined): boolean => w !== undefined && !w.punct && ROLE_WORDS.has(stripDot(w.lower));
const isHonorific = (w: Word | undefined): boolean => w !== undefined && HONORIFICS.has(w.lower);
const EXTRA_DEMONYMS = new Set(['arab', 'yemeni', 'kuwaiti', 'omani', 'bahraini', 'somali', 'pakistani', 'bangladeshi', 'azerbaijani', 'uzbek', 'kazakh', 'tajik', 'chechen', 'kurd', 'shiite', 'sunni', 'alawite', 'jihadi', 'jihadist', 'islamist', 'islamic']);
/** "Russian", "Kurdish": adjectives of nations and groups, which make roles ("Russian President") but are not names. */
export function isDemonym(w: Pick<Word, 'text' | 'lower'>): boolean {
  const bare = w.lower.replace(/-led$|-backed$|-based$/, '');
  if (lexiconIs(bare, 'demonym') || EXTRA_DEMONYMS.has(bare)) return true;
  // "Kurds", "Arabs", "Syrians": peoples, not names.
  if (bare.endsWith('s') && (lexiconIs(bare.slice(0, -1), 'demonym') || EXTRA_DEMONYMS.has(bare.slice(0, -1)))) return true;
  const classes = lexiconClassesOf(bare);
  return /^\p{Lu}\p{Ll}+(?:ian|ish|ese)$/u.test(w.text) && !classes.has('first-name') && !classes.has('last-name') && !classes.has('place');
}

// All-capital words that are not names.
const NOT_NAMES = new Set(['tv', 'am', 'pm', 'gmt', 'utc', 'ok', 'vs', 'ceo', 'id', 'pdf', 'faq', 'usd', 'eur', 'gbp', 'km', 'kg', 'mm', 'cm', 'rpg', 'ied', 'ieds', 'rpgs', 'dna', 'gdp', 'vip', 'url', 'http', 'https', 'www', 'html']);

/** Is the word at `i` part of a name? Sentence-initial capitals need more evidence than capitalisation. */
function isNameWord(words: Word[], i: number, initial: boolean): boolean {
  const w = words[i];
  if (w === undefined || w.punct) return false;
  if (PARTICLE_PREFIX.test(w.text)) return true;
  if (!w.cap && !w.acronym) return false;
  // Model and serial numbers ("Su-34", "S-400") are not names.
  if (/\p{N}/u.test(w.text)) return false;
  const bare = stripDot(w.lower);
  if (CAPITALISED_FUNCTION_WORDS.has(bare) && !w.acronym) return false;
  if (lexiconIs(bare, 'month') || lexiconIs(bare, 'weekday') || lexiconIs(bare, 'holiday')) return false;
  // A name has at least two letters ("Â" is a mis-decoded "£").
  if (w.text.replace(/[^\p{L}]/gu, '').length < 2) return false;
  if (w.lower === 'i') return false;
  // "London-based", "Opposition-run": adjectives.
  if (/-(?:based|backed|led|run|held|controlled|allied|linked|affiliated|funded|born|owned|populated|dominated|majority|speaking|style|era)$/i.test(w.text)) return false;
  if (w.acronym && NOT_NAMES.has(bare)) return false;
  if (initial) {
    // A capital at the start of a sentence says nothing: a known name, an acronym, or a name that goes on does.
    const classes = lexiconClassesOf(bare);
    if (classes.size > 0 && !classes.has('actor')) return true;
    if (w.acronym) return true;
    const next = words[i + 1];
    return w.pos === 'PROPN' && !ROLE_WORDS.has(bare) && next !== undefined && next.cap && !next.punct && !CAPITALISED_FUNCTION_WORDS.has(next.lower);
  }
  return true;
}

/** Is the word at `i` the first word of its sentence (after opening quotes or brackets)? */
function isInitial(words: Word[], i: number): boolean {
  for (let k = i - 1; k >= 0; k -= 1) {
    const w = words[k]!;
    if (!w.punct) return false;
    if (/[.!?:;]/.test(w.text)) return true;
  }
  return true;
}

interface Group {
  first: number;
  last: number;
}

/** Runs of name words, joined by particles ("al", "bin") and, after organisation heads, by "of"/"for" ("Ministry of Defense"). */
function findGroups(words: Word[]): Group[] {
  const groups: Group[] = [];
  let i = 0;
  while (i < words.length) {
    if (!isNameWord(words, i, isInitial(words, i))) {
      i += 1;
      continue;
    }
    const first = i;
    let last = i;
    let j = i + 1;
    for (;;) {
      const w = words[j];
      if (w === undefined) break;
      if (isNameWord(words, j, false)) {
        last = j;
        j += 1;
        continue;
      }
      if (NAME_PARTICLES.has(w.lower) && !w.cap && isNameWord(words, j + 1, false)) {
        last = j + 1;
        j += 2;
        continue;
      }
      const hasHead = words.slice(first, last + 1).some((x) => ORG_HEADS.has(x.lower) || PLACE_HEADS.has(x.lower) || isRoleWord(x));
      if (hasHead && (w.lower === 'of' || w.lower === 'for')) {
        const skip = words[j + 1]?.lower === 'the' ? 2 : 1;
        if (isNameWord(words, j + skip, false) && !words[j + skip]!.acronym) {
          last = j + skip;
          j += skip + 1;
          continue;
        }
      }
      break;
    }
    // "Islamic State group", "Russian military": a lower-case organisation word ends the name.
    const tail = words[last + 1];
    if (tail !== undefined && !tail.cap && ORG_TAILS.has(tail.lower) && words[last]!.pos !== 'VERB') last += 1;
    groups.push({ first, last });
    i = last + 1;
  }
  return withAcronymDefinitions(words, groups);
}

// Lower-case words a name spelled out before its acronym may hold: "Islamic State of Iraq and the Levant (ISIL)".
const ACRONYM_JOINERS = new Set(['of', 'and', 'the', 'for', 'in', 'on', '&']);

/** The initials of the capitalised words ("Syrian Democratic Forces" → "SDF"). */
function initialsOf(words: Word[]): string {
  return words.filter((w) => w.cap && !w.punct).map((w) => w.text[0]!.toUpperCase()).join('');
}

/**
 * A name followed by its acronym in brackets is spelled out by as many
 * capitalised words before the bracket as the acronym has letters ("Islamic
 * State of Iraq and the Levant (ISIL)", "Syrian Democratic Forces (SDF)"),
 * joining words between them: those words are one name, whatever groups the
 * words alone made.
 */
function withAcronymDefinitions(words: Word[], groups: Group[]): Group[] {
  let merged = groups;
  for (const [k, w] of words.entries()) {
    if (w.text !== '(' || !words[k + 1]?.acronym || words[k + 2]?.text !== ')') continue;
    const letters = words[k + 1]!.text.replace(/\./g, '').toUpperCase();
    let first = k;
    let matched = letters.length;
    for (let j = k - 1; j >= 0 && matched > 0; j -= 1) {
      const word = words[j]!;
      if (word.cap && !word.punct && word.text[0]!.toUpperCase() === letters[matched - 1]) {
        matched -= 1;
        first = j;
      } else if (!ACRONYM_JOINERS.has(word.lower)) {
        break;
      }
    }
    if (matched > 0 || first === k - 1) continue;
    const last = k - 1;
    merged = [...merged.filter((g) => g.last < first || g.first > last), { first, last }].sort((a, b) => a.first - b.first);
  }
  return merged;
}

function textOf(s: AnalyzedSentence, first: number, last: number): string {
  const a = s.words[first];
  const b = s.words[last];
  return a === undefined || b === undefined ? '' : s.source.slice(a.start, b.end);
}

function tokensOf(words: Word[]): string[] {
  const tokens = words.filter((w) => !w.punct).map((w) => w.lower);
  if (tokens[0] === 'the') tokens.shift();
  return tokens;
}

/** Splits a role off the front of a group: "Syrian President Bashar Assad" → role "Syrian President", name "Bashar Assad". */
function splitRole(words: Word[], group: Group): { role?: Group; name: Group } | null {
  let r = -1;
  for (let k = group.last - 1; k >= group.first; k -= 1) {
    if (isRoleWord(words[k]) || isHonorific(words[k])) {
      r = k;
      break;
    }
  }
  if (r < 0) {
    const groupWords = words.slice(group.first, group.last + 1);
    const organisation = groupWords.some((w) => ORG_HEADS.has(w.lower) || ORG_TAILS.has(w.lower));
    const allRole = !organisation && groupWords.every((w) => isRoleWord(w) || isHonorific(w) || isDemonym(w) || ROLE_MODIFIERS.has(w.lower));
    return allRole ? null : { name: group };
  }
  let nameFirst = r + 1;
  if (words[nameFirst]?.lower === 'of' || words[nameFirst]?.lower === 'for') {
    // "Secretary of State John Kerry": the name starts at the first known first name.
    const k = words.findIndex((w, idx) => idx > nameFirst && idx <= group.last && lexiconIs(w.lower, 'first-name'));
    if (k < 0) return null;
    nameFirst = k;
  }
  if (nameFirst > group.last) return null;
  const roleWords = words.slice(group.first, nameFirst);
  const onlyHonorifics = roleWords.every((w) => isHonorific(w));
  return { name: { first: nameFirst, last: group.last }, ...(onlyHonorifics ? {} : { role: { first: group.first, last: nameFirst - 1 } }) };
}

/** A lower-case role just before a name: "IS leader Abu Bakr al-Baghdadi", "the group's spokesman Ahmed". */
function roleBefore(words: Word[], nameFirst: number): Group | null {
  const r = nameFirst - 1;
  const roleWord = words[r];
  if (roleWord === undefined || roleWord.cap || !isRoleWord(roleWord)) return null;
  let first = r;
  for (let k = r - 1; k >= 0 && r - k <= 4; k -= 1) {
    const w = words[k]!;
    if (w.punct && w.text !== "'s" && w.text !== '’s') break;
    if (w.text === "'s" || w.text === '’s') {
      const owner = words[k - 1];
      first = owner !== undefined && (owner.cap || owner.pos === 'NOUN') ? k - 1 : first;
      break;
    }
    // A capital at the start of the sentence is no name: "Opposition leader Ahmed Hassan".
    if ((!w.cap || (isInitial(words, k) && !isNameWord(words, k, true))) && (ROLE_MODIFIERS.has(w.lower) || isRoleWord(w) || w.pos === 'ADJ')) {
      first = k;
      continue;
    }
    // One acronym, nationality or possessive before the role ("IS leader", "Kurdish commander", "the group's
    // spokesman"); any other capitalised word may end the previous clause in text without commas.
    if (w.acronym || (w.cap && isDemonym(w))) first = k;
    // "WorldCom chief Bernie Ebbers", "the Pentagon spokesman": one name starting the phrase, but not a place that may
    // end the previous clause in text without commas ("the border with Turkey local activist …").
    else if (w.cap && !lexiconIs(w.lower, 'place') && (k === 0 || words[k - 1]!.punct || ['DET', 'ADP'].includes(words[k - 1]!.pos) || words[k - 1]!.lower === 'former')) first = k;
    break;
  }
  return { first, last: r };
}

const DETERMINERS = new Set(['the', 'a', 'an']);

/** "X, the leader of Y," → "leader of Y"; for places and organisations any short noun phrase ("the group's de facto capital"). */
function appositiveAfter(words: Word[], nameLast: number, wantRole: boolean): Group | null {
  if (words[nameLast + 1]?.text !== ',') return null;
  const start = nameLast + 2;
  const w0 = words[start];
  if (w0 === undefined || w0.punct) return null;
  const startsWithDeterminer = DETERMINERS.has(w0.lower) || words[start + 1]?.text === "'s" || words[start + 1]?.text === '’s';
  if (!startsWithDeterminer && !(wantRole && (isRoleWord(w0) || ROLE_MODIFIERS.has(w0.lower)) && !w0.cap)) return null;
  let end = start;
  while (end + 1 < words.length && end - start < 12) {
    const next = words[end + 1]!;
    if (next.punct && next.text !== "'s" && next.text !== '’s' && next.text !== '-') break;
    if (next.pos === 'VERB' && !/ed$|ing$/.test(next.lower)) return null;
    if (next.pos === 'AUX' || next.lower === 'who' || next.lower === 'which' || next.lower === 'that') return null;
    end += 1;
  }
  const closing = words[end + 1];
  if (closing !== undefined && !/^[,.;:)—–]$/.test(closing.text)) return null;
  const phrase = words.slice(start, end + 1);
  if (phrase.length < 2 && DETERMINERS.has(w0.lower)) return null;
  if (wantRole ? !phrase.some(isRoleWord) : !phrase.some((w) => w.pos === 'NOUN')) return null;
  return { first: start, last: end };
}

/** "the leader of the Islamic State group, Abu Bakr al-Baghdadi" → "leader of the Islamic State group". */
function appositiveBefore(words: Word[], nameFirst: number): Group | null {
  if (words[nameFirst - 1]?.text !== ',') return null;
  const end = nameFirst - 2;
  for (let k = end; k >= 0 && end - k < 10; k -= 1) {
    const w = words[k]!;
    if (w.punct && w.text !== "'s" && w.text !== '’s') return null;
    if (DETERMINERS.has(w.lower)) {
      const head = words.slice(k + 1, Math.min(k + 5, end + 1));
      if (!head.some(isRoleWord)) return null;
      const beforeDet = words[k - 1];
      // Only at the start of the sentence or after a preposition or verb: "…, purports to show the leader of …, X".
      if (beforeDet !== undefined && !beforeDet.punct && !['VERB', 'ADP', 'AUX', 'SCONJ', 'CCONJ'].includes(beforeDet.pos)) return null;
      return { first: k + 1, last: end };
    }
  }
  return null;
}

/** Person, organisation or place, and how sure: from compromise's lexicon, name heads, then context. */
function classify(s: AnalyzedSentence, group: Group, hasRole: boolean): { kind: EntityKind; strength: number } {
  const words = s.words.slice(group.first, group.last + 1).filter((w) => !w.punct);
  const lowers = words.map((w) => stripDot(w.lower));
  const phrase = lowers.join(' ').replace(/^the /, '');
  const whole = lexiconClassesOf(phrase.replace(/-/g, ' '));
  const wholeDashed = lexiconClassesOf(phrase);
  const classes = new Set([...whole, ...wholeDashed]);
  if (classes.has('place')) return { kind: 'place', strength: 3 };
  if (classes.has('org')) return { kind: 'org', strength: 3 };
  if (classes.has('person') || (lowers.length === 1 && classes.has('last-name'))) return { kind: 'person', strength: 3 };

  if (words.length === 1 && words[0]!.acronym) {
    return COUNTRY_ACRONYMS.has(words[0]!.lower) || COUNTRY_ACRONYMS.has(lowers[0]!) ? { kind: 'place', strength: 3 } : { kind: 'org', strength: 2 };
  }
  if (lowers.some((w) => ORG_HEADS.has(w))) return { kind: 'org', strength: 3 };
  if (lowers.length > 1 && PLACE_HEADS.has(lowers[lowers.length - 1]!)) return { kind: 'place', strength: 3 };
  if (hasRole) return { kind: 'person', strength: 2 };
  const firstName = lexiconIs(lowers[0]!, 'first-name') && lowers.length > 1;
  const lastName = lowers.length > 1 && lexiconIs(lowers[lowers.length - 1]!, 'last-name');
  const arabic = lowers.length > 1 && (/^(?:abu|umm|abd|abdul|abdel|abdullah|sheikh)$/.test(lowers[0]!) || lowers.slice(1).some((w) => /^(?:al|el|bin|ibn)-/.test(w) || w === 'bin' || w === 'ibn'));
  if (firstName || lastName) return { kind: 'person', strength: 2 };
  if (lowers.length > 1 && DIRECTION_WORDS.has(lowers[0]!) && lowers.slice(1).every((w) => lexiconClassesOf(w).has('place') || !lexiconIs(w, 'first-name'))) {
    return { kind: 'place', strength: 2 };
  }
  if (lowers.length === 1 && lexiconClassesOf(lowers[0]!).has('place')) return { kind: 'place', strength: 3 };
  const nextWord = s.words[group.last + 1];
  if (nextWord !== undefined && !nextWord.cap && PLACE_HEADS.has(nextWord.lower)) return { kind: 'place', strength: 2 };
  const context = placeContext(s.words, group.first);
  if (context) return { kind: 'place', strength: 1 };
  if (arabic) return { kind: 'person', strength: 1 };
  if (lowers.length === 1 && (lexiconIs(lowers[0]!, 'first-name') || lexiconIs(lowers[0]!, 'last-name'))) return { kind: 'person', strength: 1 };
  return { kind: 'unknown', strength: 0 };
}

/** "in Syria", "outskirts of Raqqa", "near Aleppo": the words before a name that make it a place. */
function placeContext(words: Word[], first: number): boolean {
  let k = first - 1;
  if (words[k]?.lower === 'the') k -= 1;
  const before = words[k];
  if (before === undefined) return false;
  if (PLACE_PREPOSITIONS.has(before.lower)) return true;
  if (before.lower === 'of' || before.lower === 'from') {
    let j = k - 1;
    while (words[j] !== undefined && (words[j]!.pos === 'ADJ' || DIRECTION_WORDS.has(words[j]!.lower)) && !PLACE_OF_NOUNS.has(words[j]!.lower)) j -= 1;
    const noun = words[j];
    return noun !== undefined && PLACE_OF_NOUNS.has(noun.lower);
  }
  return false;
}

/**
 * Splits runs of names that text without commas runs together ("Azaz Aleppo",
 * "Damascus Tal Meri") at the words compromise knows as places, unless the
 * whole run is a known name or ends in a name head ("Aleppo province").
 */
function splitAtPlaces(words: Word[], group: Group): Group[] {
  const span = words.slice(group.first, group.last + 1);
  if (span.length < 2) return [group];
  const phrase = span.map((w) => stripDot(w.lower)).join(' ');
  if (lexiconClassesOf(phrase).size > 0 || lexiconClassesOf(phrase.replace(/-/g, ' ')).size > 0) return [group];
  if (span.some((w) => ORG_HEADS.has(w.lower) || PLACE_HEADS.has(w.lower) || NAME_PARTICLES.has(w.lower) || PARTICLE_PREFIX.test(w.text) || !w.cap)) return [group];
  // Split before a place that ends the run ("Azaz Aleppo") or follows another place ("Aleppo Syria"); a place that
  // starts a longer name stays in it ("Syria Campaign").
  const isPlace = (i: number): boolean => lexiconIs(stripDot(words[i]!.lower), 'place') && !DIRECTION_WORDS.has(words[i - 1]?.lower ?? '');
  // "Syrias Idlib": a place's possessive written without its apostrophe ends a name.
  const isPossessivePlace = (i: number): boolean => /[^s]s$/.test(words[i]!.lower) && lexiconIs(words[i]!.lower.slice(0, -1), 'place');
  const out: Group[] = [];
  let start = group.first;
  for (let i = group.first; i <= group.last; i += 1) {
    if (i < group.last && isPossessivePlace(i)) {
      out.push({ first: start, last: i });
      start = i + 1;
      continue;
    }
    if (i === group.first || i === start || !isPlace(i) || !(i === group.last || isPlace(i + 1) || isPlace(i - 1))) continue;
    out.push({ first: start, last: i - 1 });
    start = i;
  }
  if (start <= group.last) out.push({ first: start, last: group.last });
  return out;
}

/** Every name mentioned in the sentence, with its kind and any role or description the sentence gives it. */
export function findMentions(s: AnalyzedSentence): Mention[] {
  if (s.boilerplate) return [];
  const words = s.words;
  const mentions: Mention[] = [];
  let listRole: { role: string; last: number } | null = null;
  const groups: { name: Group; role?: Group }[] = findGroups(words).flatMap((g) => {
    const split = splitRole(words, g);
    if (split === null) return [];
    return split.role !== undefined ? [split] : splitAtPlaces(words, split.name).map((name) => ({ name }));
  });
  for (const split of groups) {
    const { name } = split;
    const nameWords = words.slice(name.first, name.last + 1);
    // A lone demonym ("Russian strike") is an adjective, not a name; "Iranian-backed Lebanese group" is a description.
    if (nameWords.every((w) => isDemonym(w) || w.punct)) continue;
    if (nameWords.some((w) => /-(?:backed|led|based|allied|linked|affiliated)$/i.test(w.text)) && nameWords.filter((w) => w.cap && !isDemonym(w)).length === 0) continue;

    const ownRole = split.role;
    let role = ownRole === undefined ? undefined : textOf(s, ownRole.first, ownRole.last);
    let roleGroup = ownRole ?? null;
    if (role === undefined) {
      roleGroup = roleBefore(words, name.first);
      if (roleGroup !== null) role = textOf(s, roleGroup.first, roleGroup.last);
    }
    // "IS leaders A, B and C": each of the listed names has the (singular) role.
    if (role === undefined && listRole !== null && listRole.last >= name.first - 3) {
      const between = words.slice(listRole.last + 1, name.first);
      if (between.length > 0 && between.every((w) => w.text === ',' || w.lower === 'and')) role = listRole.role;
    }
    let acronym: string | undefined;
    if (words[name.last + 1]?.text === '(' && words[name.last + 2]?.acronym && words[name.last + 3]?.text === ')') acronym = words[name.last + 2]!.text;
    const classified = classify(s, name, role !== undefined && roleGroup !== null && hasPersonRole(words, roleGroup));
    // A name of several words spelled out before its acronym that nothing else places is an organisation's.
    const spelledOut = acronym !== undefined && name.last > name.first && initialsOf(words.slice(name.first, name.last + 1)) === acronym.replace(/\./g, '').toUpperCase();
    const { kind, strength } = classified.kind === 'unknown' && spelledOut ? { kind: 'org' as const, strength: 2 } : classified;
    if (role === undefined) {
      const after = appositiveAfter(words, name.last, kind === 'person');
      const before = after === null && kind === 'person' ? appositiveBefore(words, name.first) : null;
      const found = after ?? before;
      if (found !== null) role = textOf(s, found.first, found.last);
    }
    if (role !== undefined && kind === 'person') {
      listRole = { role: singularRole(role), last: name.last };
      role = singularRole(role);
    } else {
      listRole = null;
    }
    mentions.push({
      sentence: s,
      first: name.first,
      last: name.last,
      name: textOf(s, name.first, name.last).replace(/^the\s+/i, ''),
      tokens: tokensOf(nameWords),
      kind,
      strength,
      ...(role !== undefined && role !== '' ? { role } : {}),
      ...(acronym !== undefined ? { acronym } : {}),
      isAcronym: nameWords.length === 1 && nameWords[0]!.acronym,
    });
  }
  // "the towns of Nubbul and al-Zahraa": a name joined to a place is a place.
  for (let k = 1; k < mentions.length; k += 1) {
    const m = mentions[k]!;
    const prev = mentions[k - 1]!;
    const joiner = words[m.first - 1];
    if (m.kind === 'unknown' && prev.kind === 'place' && prev.last === m.first - 2 && joiner !== undefined && (joiner.lower === 'and' || joiner.lower === 'or' || joiner.text === ',')) {
      m.kind = 'place';
      m.strength = 1;
    }
  }
  return mentions;
}

function hasPersonRole(words: Word[], role: Group): boolean {
  return words.slice(role.first, role.last + 1).some((w) => isRoleWord(w) || isHonorific(w));
}
