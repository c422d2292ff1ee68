import { isDemonym } from '../facts/find-mentions.ts';
import { HONORIFICS, isCalendarWord, NAME_PARTICLES, ORG_HEADS, ROLE_MODIFIERS, ROLE_WORDS } from '../facts/lexicon.ts';
import { foldWord } from '../text/terms.ts';
import { sharedWordNet } from '../text/wordnet.ts';
import { tagTokens, type PartOfSpeech } from './tag-tokens.ts';

/** What a sentence says a name is, read from the words written beside it: "Observatory director" for Rami Abdel Rahman. */
export interface NameDescription {
  /** The description as written, without a leading article or possessive ("head of the Britain-based monitoring group"). */
  text: string;
  /** Its head word, lower case: the noun that says what the named is ("head", "envoy", "group"), or a "-based" word. */
  head: string;
  /** Offsets of `text` in the sentence. */
  start: number;
  end: number;
}

// A question asking who or what a name is: "who is Rami Abdel Rahman?", "what is the Syrian Observatory for Human
// Rights?", "who was Zahran Alloush?", "who're the White Helmets". The rest must be a name (see askedName).
const WHO_OR_WHAT_IS = /^\s*(?:who|what)(?:\s+(?:is|was|are|were)|['’](?:s|re))\s+(?:the\s+)?(.+?)[\s?.!]*$/i;


// Titles before a name, or making a title of the words after them: "President", "Prime Minister", "General Manager",
// "Count", "Secretary".
const LEADING_TITLE = /^(?:(?:former|late|deputy|vice|prime|foreign|defen[cs]e|general|chief|supreme|head|president|minister|secretary|king|queen|prince|princess|emir|sheikh|count|duke|earl|lord|lady|sir|pope|gen\.?|colonel|col\.?|major|maj\.?|captain|capt\.?|lieutenant|lt\.?|commander|ambassador|envoy|senator|governor|mayor|judge|chancellor|manager|director|chairman|spokesman|dr\.?|mr\.?|mrs\.?|ms\.?)(?:\s+|$))+/i;

// Words that join a name's capitalised words: "Syrian Observatory for Human Rights", "Staffan de Mistura" (the
// lexicon's particles, "de", "al", "bin"…), "Abu Bakr al-Baghdadi", "Jaish al-Islam".
const NAME_JOINERS: ReadonlySet<string> = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'la', 'le', ...NAME_PARTICLES]);

/**
 * The name a question asks about when it asks only who or what that name is ("who is Rami Abdel Rahman?" → "Rami
 * Abdel Rahman"), else null: "who is the UN envoy?" asks for a name, and "who was killed?" names nothing. A word
 * typed in lower case counts as a name's when `isNameWord` says so (the articles write it capitalised).
 */
export function askedName(question: string, isNameWord: (word: string) => boolean): string | null {
  const match = WHO_OR_WHAT_IS.exec(question);
  if (!match) return null;
  let name = match[1]!.trim();
  // "Who is President Assad?" asks about Assad; "who is the General Manager for the Broncos?" and "who was Count of
  // Melfi?" ask who holds a title.
  if (/^who/i.test(question)) {
    const title = LEADING_TITLE.exec(name)?.[0];
    if (title !== undefined) {
      const rest = name.slice(title.length).trim();
      if (rest === '' || /^(?:of|for|to|in|at|the)\b/i.test(rest)) return null;
      name = rest;
    }
  }
  const words = name.split(/[\s-]+/).filter((word) => word !== '');
  // "Who is the Homs governor?", "who is the UN Special Envoy for the Syria Crisis?" ask who holds a title (see
  // askedRole); "what is Doctors Without Borders?" asks what a group is.
  if (words.length > 0 && (ROLE_WORDS.has(words[words.length - 1]!.toLowerCase()) || (/^who/i.test(question) && words.some((word) => ROLE_WORDS.has(word.toLowerCase()))))) return null;
  return isName(name, isNameWord) ? name : null;
}

/** Are these words a name: capitalised words (or ones `isNameWord` takes for a name's) and the words that join them? */
function isName(name: string, isNameWord: (word: string) => boolean): boolean {
  const words = name.split(/[\s-]+/).filter((word) => word !== '');
  if (words.length === 0 || words.length > 8) return false;
  let named = 0;
  for (const word of words) {
    const lower = word.toLowerCase();
    if (/^\p{Lu}/u.test(word) || (/^\p{Ll}/u.test(word) && !NAME_JOINERS.has(lower) && isNameWord(word))) named++;
    else if (!NAME_JOINERS.has(lower)) return false;
  }
  return named > 0;
}

// "Where is Douma?", "where is the Shayrat airbase?".
const WHERE_IS = /^\s*where(?:\s+(?:is|was|are|were)|['’]s)\s+(?:the\s+)?(.+?)[\s?.!]*$/i;

/** The place a question asks the whereabouts of ("where is Douma?" → "Douma"), or null when the rest is no name. */
export function askedPlace(question: string, isNameWord: (word: string) => boolean): string | null {
  const name = withoutPlaceNoun(WHERE_IS.exec(question)?.[1]);
  return name !== undefined && isName(name, isNameWord) ? name : null;
}

/** A place asked about without the kind of place after it: "the Shayrat airbase" asks about Shayrat. */
function withoutPlaceNoun(asked: string | undefined): string | undefined {
  return asked?.trim().replace(/\s+(\p{Ll}+)$/u, (all, noun: string) => (PLACE_KINDS.has(noun) || noun === 'airport' ? '' : all));
}

// "What happened in Douma?", "what is happening at the Shayrat airbase?".
const WHAT_HAPPENED_IN = /^\s*what\s+(?:happened|has\s+happened|is\s+happening|was\s+happening|went\s+on|is\s+going\s+on)\s+(?:in|at|near|inside|around)\s+(?:the\s+)?(.+?)[\s?.!]*$/i;

/**
 * The place a question asks what happened in ("what happened in Khan Sheikhoun?" → "Khan Sheikhoun"), or null when
 * the rest is no name alone ("in Aleppo on Tuesday" asks about a day, which the search reads).
 */
export function askedEventPlace(question: string, isNameWord: (word: string) => boolean): string | null {
  const name = withoutPlaceNoun(WHAT_HAPPENED_IN.exec(question)?.[1]);
  if (name === undefined || /\s(?:on|in|last|this|during|since)\s/i.test(` ${name} `)) return null;
  return isName(name, isNameWord) ? name : null;
}

// Compass words that place one thing from another: "west of Aleppo", "north-east of Damascus".
const COMPASS = /^(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?$/i;
// Units of a distance before a compass word: "25 kilometres west of Aleppo".
const DISTANCE_UNITS = new Set(['km', 'kilometres', 'kilometers', 'kilometre', 'kilometer', 'miles', 'mile', 'metres', 'meters']);
// Words after "on" that place: "on the Turkish border", "on the outskirts of Aleppo".
const ON_PLACES = new Set(['border', 'outskirts', 'edge', 'bank', 'banks', 'coast', 'road', 'highway', 'frontier', 'shore', 'shores', 'front', 'line']);

/**
 * Where a sentence says the place at [nameStart, nameEnd) is, from the words after it: "in the rebel-held Eastern Ghouta
 * region", "near Damascus", "25 kilometres west of Aleppo", "south of Idlib", "on the Turkish border". Each names the
 * place it locates by (its last capitalised words, the head: "Eastern Ghouta", "Aleppo"), or says a border.
 */
export function locateNameAt(sentence: string, nameStart: number, nameEnd: number): NameDescription[] {
  const words = joinedWords(sentence);
  const last = words.findLastIndex((word) => word.start < nameEnd);
  if (last < 0) return [];
  let k = last + 1;
  if (words[k]?.text === ',') k++;
  const start = k;
  const word = words[k];
  if (word === undefined) return [];
  if (word.pos === 'NUM' && DISTANCE_UNITS.has(words[k + 1]?.lower ?? '')) k += 2;
  if (COMPASS.test(words[k]?.lower ?? '') && words[k + 1]?.lower === 'of') k += 2;
  else if (k === start && ['in', 'near', 'outside', 'on'].includes(word.lower)) k += 1;
  else return [];
  // The place phrase: articles, describing words, names, "of" between them.
  let end = -1;
  while (k < words.length) {
    const current = words[k]!;
    // An article after a noun opens another phrase, the commas stripped ("… region | the Observatory said").
    if (ARTICLES.has(current.lower) && end === k - 1) break;
    if (isDescribing(current) || ARTICLES.has(current.lower)) {
      if (isDescribing(current)) end = k;
      k++;
      continue;
    }
    if (current.lower === 'of' && end >= 0 && words[k + 1] !== undefined && (isDescribing(words[k + 1]!) || ARTICLES.has(words[k + 1]!.lower))) {
      k++;
      continue;
    }
    break;
  }
  if (end < 0) return [];
  const phrase = words.slice(start, end + 1);
  if (word.lower === 'on' && !phrase.some((w) => ON_PLACES.has(w.lower))) return [];
  const named = phrase.filter((w) => w.cap && w.pos === 'PROPN');
  const head = named.length > 0 ? named.map((w) => w.lower).join(' ') : phrase.find((w) => ON_PLACES.has(w.lower))?.lower;
  if (head === undefined) return [];
  const from = words[start]!.start;
  const to = words[end]!.end;
  return [{ text: sentence.slice(from, to), head, start: from, end: to }];
}

/** A name's words, folded for matching: lower case, accents removed, split at spaces and hyphens. */
export function nameWords(name: string): string[] {
  return (name.match(WORD) ?? []).map((word) => foldWord(word));
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Where a sentence writes one of a name's forms (each given by {@link nameWords}), as character ranges; the words
 * must follow each other, case and hyphens aside ("al-Assad" is "al Assad").
 */
export function findName(sentence: string, forms: ReadonlyArray<readonly string[]>): Array<{ start: number; end: number }> {
  // A middle initial is skipped: "Elijah J. Magnier" is Elijah Magnier.
  const words = [...sentence.matchAll(WORD)]
    .filter((m) => !/^\p{Lu}$/u.test(m[0]) || sentence[m.index + 1] !== '.' || m.index === 0)
    .map((m) => ({ word: foldWord(m[0]), start: m.index, end: m.index + m[0].length }));
  const found: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < words.length; i++) {
    for (const form of forms) {
      if (form.length === 0 || i + form.length > words.length) continue;
      if (!form.every((word, k) => words[i + k]!.word === word)) continue;
      const start = words[i]!.start;
      const end = words[i + form.length - 1]!.end;
      if (isWrittenAsName(sentence.slice(start, end))) {
        found.push({ start, end });
        break;
      }
    }
  }
  return found;
}

/**
 * Is the text written as a name: a capitalised word in it ("de Mistura"), and a short one all in capitals ("IS", not
 * the verb "is")?
 */
function isWrittenAsName(text: string): boolean {
  if (!/\p{Lu}/u.test(text)) return false;
  return text.length > 3 || text === text.toUpperCase();
}

/** A token of the sentence with hyphenated parts joined ("Britain-based", "al-Qaeda"), as the tagger splits them. */
interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  pos: PartOfSpeech;
  cap: boolean;
}

function joinedWords(sentence: string): Word[] {
  const words: Word[] = [];
  const tokens = tagTokens(sentence);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    let end = token.end;
    let last = token;
    // A hyphen with no space on either side joins its words.
    while (tokens[i + 1]?.text === '-' && tokens[i + 1]!.start === end && tokens[i + 2] !== undefined && tokens[i + 2]!.start === tokens[i + 1]!.end) {
      last = tokens[i + 2]!;
      end = last.end;
      i += 2;
    }
    const text = sentence.slice(token.start, end);
    const joined = last !== token;
    // "al-Islam", "al-Assad": a name's word, capitalised after its particle; "Britain-based" is not.
    const cap = /(?:^|-)\p{Lu}/u.test(text) && !DESCRIBING_COMPOUND.test(text);
    // "Britain-based", "war-hit", "PYD-dominated": a compound ending on a verb's form describes, whatever the tagger
    // calls it; "Ki-moon", "Al-Nusra" are a name's; "Secretary-General" is a title.
    const pos: PartOfSpeech = joined && (DESCRIBING_COMPOUND.test(text) || (last.pos === 'VERB' && /^\p{Ll}/u.test(last.text))) ? 'ADJ' : joined && cap && !isTitleCompound(text) ? 'PROPN' : joined ? 'NOUN' : last.pos;
    words.push({ text, lower: text.toLowerCase(), start: token.start, end, pos, cap });
  }
  return words;
}

// "Britain-based", "US-led", "Iranian-backed", "al-Qaeda-linked": a compound saying whom something belongs to or where.
const DESCRIBING_COMPOUND = /-(?:based|backed|led|linked|allied|affiliated|inspired|funded|run|controlled|held|supported)$/i;

// The nouns of places a name can be described as: "the northern Syrian city of Manbij" (not the lexicon's
// PLACE_HEADS, the nouns that end places' names: "Aleppo province", "Shayrat airport").
const PLACE_KINDS = new Set(['city', 'town', 'village', 'province', 'region', 'district', 'governorate', 'neighbourhood', 'neighborhood', 'suburb', 'area', 'capital', 'country', 'stronghold', 'enclave', 'airbase', 'base', 'camp', 'border', 'crossing', 'county', 'state']);

// Prepositions before a place's name.
const PLACE_PREPOSITIONS_BEFORE = new Set(['in', 'at', 'from', 'near', 'to', 'into', 'outside', 'inside', 'across', 'around']);

// Prepositions inside a description: "UN Special Envoy for Syria", "head of the Observatory", "envoy to Syria",
// "the main rebel group in Eastern Ghouta", "a nurse at Douma Emergency Collection facility".
const BRIDGES = new Set(['of', 'for', 'to', 'in', 'at']);
const ARTICLES = new Set(['the', 'a', 'an']);
const POSSESSIVES = new Set(['its', 'his', 'her', 'their']);

/**
 * Can this word stand before a title ("former", "regional", "rebel", "government", "US-backed", "UN's"), though not a
 * plural noun ("rebels", "injuries")?
 */
function qualifiesTitle(word: Word): boolean {
  if (word.pos === 'ADJ' || word.pos === 'PART' || DESCRIBING_COMPOUND.test(word.text)) return true;
  const plural = word.lower.endsWith('s') && !word.lower.endsWith('ss');
  return !plural && (ROLE_MODIFIERS.has(word.lower) || ORG_HEADS.has(word.lower) || isPersonTitle(word));
}

/** Is the text an acronym ("UN", "U.N.", "ICRC")? */
export function isAcronym(text: string): boolean {
  return /^[\p{Lu}.]{2,}$/u.test(text);
}

/** A word in lower case without an abbreviation's full stop ("col." → "col"). */
function bareLower(word: Word): string {
  return word.lower.replace(/\.$/, '');
}

/** Is a hyphenated word a title ("Secretary-General", "Under-Secretary-General", "vice-president")? */
function isTitleCompound(text: string): boolean {
  return text.toLowerCase().split('-').some((part) => ROLE_WORDS.has(part));
}

/** Is this word a person's title or role ("President", "envoy", "spokesman"), or a noun WordNet files under people ("nurse")? */
function isPersonTitle(word: Word): boolean {
  const lower = bareLower(word);
  if (ROLE_WORDS.has(lower) || (lower.includes('-') && isTitleCompound(lower))) return true;
  return word.pos === 'NOUN' && !word.cap && sharedWordNet().firstNounFiles(lower).includes('noun.person');
}

/**
 * Can this word head a description: a role, an organisation's or a place's noun, or a noun WordNet files under
 * people or groups? Capitalised, only a person's title ("Foreign Minister"): "Nusra Front" and "Army of Islam" are
 * other names of a group, not descriptions of it.
 */
function isHead(word: Word): boolean {
  const lower = bareLower(word);
  if (isPersonTitle(word)) return true;
  if (word.cap) return false;
  if (ORG_HEADS.has(lower) || PLACE_KINDS.has(lower)) return true;
  if (word.pos !== 'NOUN') return false;
  const files = sharedWordNet().firstNounFiles(lower);
  return files.includes('noun.person') || files.includes('noun.group');
}

/** Can this word stand inside a description: a noun, a name, a describing word or a possessive's mark? */
function isDescribing(word: Word): boolean {
  // An acronym, whatever the tagger makes of it ("IS leader").
  return /^\p{Lu}{2,}$/u.test(word.text) || word.pos === 'NOUN' || word.pos === 'PROPN' || word.pos === 'ADJ' || word.text === "'s" || word.text === '’s';
}

/**
 * What the sentence says the name at [nameStart, nameEnd) is, from the words written beside it: a title or
 * description before it ("UN Special Envoy for Syria Staffan de Mistura", "Observatory director Rami Abdel Rahman",
 * "the head of the Britain-based monitoring group Rami Abdel Rahman", "the northern city of Manbij"), one set beside
 * it after ("Jaish al-Islam, the main rebel group in Eastern Ghouta", "Zahran Alloush leader of the Army of Islam"),
 * or said of it ("the SOHR is a Britain-based monitoring group"). Each must hold a head word (see isHead) or be a
 * "-based" compound. The name's own capitalised words around the range are the name's (a surname asked: "Abdel
 * Rahman" in "director Rami Abdel Rahman").
 */
export function describeNameAt(sentence: string, nameStart: number, nameEnd: number): NameDescription[] {
  const words = joinedWords(sentence);
  const first = words.findIndex((word) => word.end > nameStart);
  const last = words.findLastIndex((word) => word.start < nameEnd);
  if (first < 0 || last < first) return [];
  return describeWords(sentence, words, first, last).descriptions;
}

/** A name a sentence writes, with what the sentence says it is (see describeNameAt). */
export interface DescribedName {
  /** The name as written. */
  name: string;
  start: number;
  end: number;
  descriptions: NameDescription[];
}

/**
 * The names a sentence describes, each with its descriptions (see describeNameAt): every run of capitalised words,
 * read from its last word, so that a title's own capitals are not taken for the name's ("UN Special Envoy for the
 * Syria Crisis Staffan de Mistura" describes Staffan de Mistura).
 */
export function describedNames(sentence: string): DescribedName[] {
  const words = joinedWords(sentence);
  const found: DescribedName[] = [];
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    const next = words[k + 1];
    // The last word of a run of capitals (a particle inside: "Staffan de Mistura"), no title's ("UN Special
    // [Envoy]"), and no nationality ("the British ambassador to the UN").
    if (!word.cap || word.pos !== 'PROPN' || isHead(word) || isDemonym(word)) continue;
    if (next !== undefined && ((next.cap && (next.pos === 'PROPN' || isPersonTitle(next))) || (NAME_PARTICLES.has(next.lower) && words[k + 2]?.cap === true))) continue;
    const described = describeWords(sentence, words, k, k);
    if (described.descriptions.length > 0) found.push(described);
  }
  return found;
}

/** The name at words [first, last], widened to the name's own capitalised words, and its descriptions. */
function describeWords(sentence: string, words: Word[], first: number, last: number): DescribedName {
  // A name of up to NAME_WORDS words; not past a preposition's object ("UN Special Envoy for Syria Staffan de Mistura").
  const nameWord = (k: number) => words[k]!.cap && words[k]!.pos === 'PROPN' && !isHead(words[k]!) && !ARTICLES.has(words[k]!.lower);
  const joiner = (k: number) => NAME_PARTICLES.has(words[k]!.lower) && k > 0 && nameWord(k - 1);
  // A plural common noun is an office's ("Humanitarian Affairs Stephen OBrien"), not a person's name ("Ban Ki-moon").
  const wordnet = sharedWordNet();
  const plural = (word: Word) => word.lower.length >= 6 && /[^s]s$/.test(word.lower) && wordnet.isCommonWord(word.text);
  // Nor is an acronym ("the UN Matthew Rycroft"), or an organisation's head ("the UN Security Council Fode Seck").
  const personal = (k: number) => nameWord(k) && !plural(words[k]!) && !isAcronym(words[k]!.text) && !ORG_HEADS.has(words[k]!.lower);
  while (first > 0 && last - first + 1 < NAME_WORDS && (personal(first - 1) || joiner(first - 1)) && !BRIDGES.has(words[first - 2]?.lower ?? '')) first--;
  while (last + 1 < words.length && last - first + 1 < NAME_WORDS && personal(last + 1)) last++;
  const found = [describedBefore(words, first), describedAfter(words, first, last)].filter((d): d is Range => d !== null);
  const start = words[first]!.start;
  const end = words[last]!.end;
  return {
    name: sentence.slice(start, end),
    start,
    end,
    descriptions: found.flatMap((range) => {
      const description = toDescription(sentence, words, range);
      return description === null ? [] : [description];
    }),
  };
}

// The most words a name of a person is read to have around the words asked ("Abdel Rahman" in "Rami Abdel Rahman").
const NAME_WORDS = 3;

interface Range {
  first: number;
  last: number;
  /** The head of a description ending on "of" before a place's name ("the city of Manbij") must be a place's noun. */
  placeOnly?: boolean;
}

/**
 * The description written right before the name, scanned leftwards over describing words and the prepositions
 * inside ("UN Special Envoy for Syria", "the head of the Britain-based monitoring group"). In front of a person's
 * title only what qualifies a title is read ("Russian Foreign Minister", "Jaish al-Islam spokesman", "former"),
 * not a headline's words run into it ("UN envoy meets southern rebels UN Special Envoy …"), and no preposition: in
 * "the father of Syrian President Bashar Assad" the father is another. A name that is the object of "of" ("the
 * city of Manbij", "militants of the so-called ISIL") is described only by a place's noun.
 */
function describedBefore(words: Word[], nameFirst: number): Range | null {
  let first = -1;
  let titled = false;
  let k = nameFirst - 1;
  while (k >= 0) {
    const word = words[k]!;
    // A date is no description ("In [September] Ahrar al-Shams leader Hassan Abboud").
    if (isCalendarWord(word.text)) break;
    if (isDescribing(word) || (word.lower === 'of' && k === nameFirst - 1)) {
      if (titled && !word.cap && !qualifiesTitle(word)) break;
      if (isDescribing(word)) first = k;
      titled ||= isPersonTitle(word);
      k--;
      continue;
    }
    // "the head of the Britain-based monitoring group": a preposition, with or without an article after it, goes on
    // to a person's title before it; "the stronghold of the Takfiri group ISIL" is no description of ISIL.
    const bridgeAt = ARTICLES.has(word.lower) ? k - 1 : k;
    if (!titled && first >= 0 && bridgeAt > 0 && BRIDGES.has(words[bridgeAt]!.lower) && isPersonTitle(words[bridgeAt - 1]!)) {
      k = bridgeAt - 1;
      continue;
    }
    if ((ARTICLES.has(word.lower) || POSSESSIVES.has(word.lower)) && first >= 0) first = k;
    break;
  }
  if (first < 0) return null;
  let last = nameFirst - 1;
  while (last > first && !isDescribing(words[last]!)) last--;
  // Is the name the object of an "of" with only an article or describing words between ("the so-called")?
  let of = nameFirst - 1;
  while (of > first && (ARTICLES.has(words[of]!.lower) || words[of]!.pos === 'ADJ')) of--;
  const placeOnly = words[of]!.lower === 'of';
  if (placeOnly) last = of - 1;
  if (last < first) return null;
  return { first, last, ...(placeOnly ? { placeOnly } : {}) };
}

/**
 * The description set after the name: after a comma, a dash or an article ("Jaish al-Islam, the main rebel group in
 * Eastern Ghouta"), after "is", "was" and an article ("the SOHR is a Britain-based monitoring group"), or a role word
 * going on with a preposition ("Rami Abdel Rahman director of the Observatory": the articles' commas were stripped).
 * A role word alone after a name is the name's compound ("IS fighters", "ISIS leader Abu Bakr"), not its description.
 */
function describedAfter(words: Word[], nameFirst: number, nameLast: number): Range | null {
  let k = nameLast + 1;
  let set = false;
  if (words[k]?.text === ',' || words[k]?.text === '-' || words[k]?.text === '–' || words[k]?.text === '—' || words[k]?.text === '(') {
    set = true;
    k++;
  }
  if (['is', 'was', 'are', 'were'].includes(words[k]?.lower ?? '') && ARTICLES.has(words[k + 1]?.lower ?? '')) {
    set = true;
    k++;
  }
  const start = k;
  if (ARTICLES.has(words[k]?.lower ?? '')) {
    // "in Syria the British ambassador … said": a preposition's object, and the commas stripped; the article opens
    // the sentence's subject, no description of the name.
    if (!set && PLACE_PREPOSITIONS_BEFORE.has(words[nameFirst - 1]?.lower ?? '')) return null;
    set = true;
    k++;
  }
  const opening = words[k];
  if (opening === undefined) return null;
  const opensRole = (word: Word | undefined) => word !== undefined && !word.cap && (ROLE_WORDS.has(word.lower) || ROLE_MODIFIERS.has(word.lower) || DESCRIBING_COMPOUND.test(word.text));
  // "Robert Mardini ICRC regional director for the Middle East": an organisation's acronym may open the role.
  const roleOpening = opensRole(opening) || (isAcronym(opening.text) && opensRole(words[k + 1]));
  if (!set && !roleOpening) return null;
  let last = -1;
  let bridged = false;
  while (k < words.length) {
    const word = words[k]!;
    if (isDescribing(word)) {
      last = k;
      k++;
      continue;
    }
    if (BRIDGES.has(word.lower) && last >= 0 && k + 1 < words.length) {
      const next = words[k + 1]!;
      const after = ARTICLES.has(next.lower) ? words[k + 2] : next;
      if (after !== undefined && isDescribing(after)) {
        bridged = true;
        k += ARTICLES.has(next.lower) ? 2 : 1;
        continue;
      }
    }
    break;
  }
  if (last < 0) return null;
  if (!set && !bridged) return null;
  return { first: start, last };
}

/** The range as a description, when it holds a head (see isHead) or a "-based" compound; leading articles and possessives dropped. */
function toDescription(sentence: string, words: Word[], range: Range): NameDescription | null {
  let { first, last } = range;
  // An honorific before the name is the name's ("Prime Minister [Dr.] Wael al-Halqi").
  while (last >= first && HONORIFICS.has(words[last]!.lower)) last--;
  while (first <= last && (ARTICLES.has(words[first]!.lower) || POSSESSIVES.has(words[first]!.lower))) first++;
  if (first > last) return null;
  const inside = words.slice(first, last + 1);
  // The head is the last noun before the first preposition, "UN Special Envoy [for Syria]", "head [of the …]", and
  // must be a head word: "PKK terrorist organizations Syrian offshoot PYDs armed wing" is no description.
  const bridge = inside.findIndex((word) => BRIDGES.has(word.lower));
  const beforeBridge = bridge < 0 ? inside : inside.slice(0, bridge);
  const lastNoun = beforeBridge.findLast((word) => word.pos === 'NOUN' || isPersonTitle(word));
  const head = lastNoun !== undefined && isHead(lastNoun) ? lastNoun : undefined;
  if (lastNoun !== undefined && head === undefined) return null;
  if (range.placeOnly && (head === undefined || !PLACE_KINDS.has(head.lower))) return null;
  const compound = inside.find((word) => DESCRIBING_COMPOUND.test(word.text));
  const headWord = head === undefined ? compound?.lower : bareLower(head);
  if (headWord === undefined) return null;
  const start = words[first]!.start;
  const end = words[last]!.end;
  return { text: sentence.slice(start, end), head: singular(headWord), start, end };
}

/** A head word's singular, so that "leaders" and "leader" agree. */
function singular(word: string): string {
  if (word.endsWith('men')) return `${word.slice(0, -3)}man`;
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** The role a question asks the holder of: its head word ("envoy"), its other words and the names among them, folded. */
export interface AskedRole {
  head: string;
  words: string[];
  /** The role's capitalised words ("un", "syria"): a sentence naming its holder must say them. */
  names: string[];
}

// "Who is the UN envoy for Syria?", "who was the head of the Observatory?".
const WHO_IS_THE = /^\s*who(?:\s+(?:is|was)|['’]s)\s+(?:the\s+|a\s+|an\s+)?(.+?)[\s?.!]*$/i;
// "Who heads the Observatory?", "who leads Jaish al-Islam?": who is its head. Only the present: "who led the attack?"
// asks about an event.
const WHO_HEADS = /^\s*who\s+(?:heads|leads|runs|chairs)\s+(?:the\s+)?(.+?)[\s?.!]*$/i;
// Words that make a role another holder's than the one the articles name with it: "the first chair", "the former
// envoy".
export const WHICH_HOLDER: ReadonlySet<string> = new Set(['first', 'second', 'third', 'last', 'former', 'previous', 'next', 'new', 'late', 'founding', 'original', 'future', 'ex', 'then']);
// Words after which a question no longer says the role but when it was held: "the mayor of Raqqa [before the war]".
const WHEN_HELD = new Set(['before', 'after', 'during', 'since', 'until', 'when', 'while', 'in']);

// Words of a role that say nothing of which one: "the" and prepositions.
const ROLE_FILLER = new Set(['the', 'a', 'an', 'of', 'for', 'to', 'in', 'at', 's']);

/**
 * The role a question asks who holds ("who is the UN envoy for Syria?" → envoy, [un, syria]; "who heads the
 * Observatory?" → head, [observatory]), or null: its head must be a person's title or role, the last before a
 * preposition ("head [of the Observatory]"). A role of another time ("the first chair", "the former envoy") is null:
 * the articles name the holder they write about.
 */
export function askedRole(question: string): AskedRole | null {
  const heads = WHO_HEADS.exec(question);
  const match = heads ?? WHO_IS_THE.exec(question);
  if (!match) return null;
  let words = joinedWords(match[1]!);
  // "in" opens a role's place ("the envoy in Syria") but, after one, its time ("the mayor of Raqqa in 2010").
  const when = words.findIndex((word, k) => WHEN_HELD.has(word.lower) && (word.lower !== 'in' || words.slice(0, k).some((w) => BRIDGES.has(w.lower))));
  if (when > 0) words = words.slice(0, when);
  if (words.some((word) => word.pos === 'VERB' || word.pos === 'AUX' || word.lower === 'who' || WHICH_HOLDER.has(word.lower))) return null;
  // A nationality says whose role it is ("the Syrian foreign minister"), as an acronym does ("the leader of ISIS"),
  // though WordNet files "Syrian" and "Isis" under people.
  const names = words.filter((word) => word.cap && (isDemonym(word) || isAcronym(word.text) || !isPersonTitle({ ...word, cap: false, pos: 'NOUN' }))).flatMap((word) => nameWords(word.text)).filter((word) => !NAME_PARTICLES.has(word));
  if (heads) return { head: 'head', words: words.flatMap((word) => roleWords(word.text)), names };
  const bridge = words.findIndex((word) => BRIDGES.has(word.lower));
  // A question capitalises titles as it likes ("the General Manager"): read in lower case.
  const head = (bridge < 0 ? words : words.slice(0, bridge)).findLast((word) => isPersonTitle({ ...word, cap: false, pos: word.pos === 'PROPN' ? 'NOUN' : word.pos }));
  if (head === undefined) return null;
  return {
    head: singular(bareLower(head)),
    words: words.filter((word) => word !== head).flatMap((word) => roleWords(word.text)),
    names: names.filter((name) => !nameWords(head.text).includes(name)),
  };
}

function roleWords(text: string): string[] {
  return nameWords(text).filter((word) => !ROLE_FILLER.has(word) && !NAME_PARTICLES.has(word));
}

// Heads that name the same role: "head of the Observatory" is its director, chief or leader.
const ROLE_CLASSES: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['head', 'chief', 'director', 'leader', 'chairman', 'chairwoman', 'chair', 'boss', 'commander']),
  new Set(['spokesman', 'spokeswoman', 'spokesperson']),
  new Set(['envoy', 'emissary', 'representative', 'mediator']),
];

/** Do two heads name the same role ("head" and "director")? */
export function sameRole(head: string, other: string): boolean {
  return head === other || ROLE_CLASSES.some((roles) => roles.has(head) && roles.has(other));
}

// Words that say which office of a kind is held: a foreign minister is not the defence minister, nor the prime one.
// ("State" is left out: in "the Islamic State leader" it is a name's.)
const PORTFOLIOS: ReadonlyMap<string, string> = new Map([
  ...['foreign', 'interior', 'prime', 'health', 'finance', 'economy', 'justice', 'information', 'education', 'energy', 'oil', 'trade', 'agriculture', 'home', 'war', 'treasury', 'labour', 'labor', 'transport'].map((word): [string, string] => [word, word]),
  ['defence', 'defense'],
  ['defense', 'defense'],
]);

/**
 * Does a description's words give the office the role's words ask for: the same portfolio ("foreign"), or none when
 * the role names none? "Russian Foreign Minister" gives no "defence minister of Russia".
 */
export function samePortfolio(roleWords: readonly string[], descriptionWords: ReadonlySet<string>): boolean {
  const asked = new Set(roleWords.flatMap((word) => PORTFOLIOS.get(word) ?? []));
  if (asked.size === 0) return true;
  const given = new Set([...descriptionWords].flatMap((word) => PORTFOLIOS.get(word) ?? []));
  return given.size === asked.size && [...asked].every((word) => given.has(word));
}
