import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LexiconClass, LexiconWords } from './lexicon-classes.ts';

export type { LexiconClass } from './lexicon-classes.ts';

/**
 * Word lists the fact extractors share, and a typed view of compromise's
 * lexicon (names, places, organisations, demonyms, honorifics).
 *
 * compromise's full tagger costs ~40 ms on a 2.5 kB article, more than the
 * whole extraction may take, so only its lexicon is used: one lookup per word.
 * The lexicon is read from lexicon-words.json, extracted from compromise by
 * `npm run lexicon` (scripts/extract-lexicon.ts; a test checks it against the
 * installed version): loading compromise itself to read it cost every
 * start-up 0.1-0.2 s (its imports 0.71-0.78 s with it, 0.56-0.70 s without).
 */

/** Every word compromise's lexicon knows, whatever its tag: a word it knows as a common word is no name. */
const knownWords = new Set<string>();

const lexiconClasses = new Map<string, Set<LexiconClass>>();

function readLexicon(): void {
  const lexicon = JSON.parse(readFileSync(join(import.meta.dirname, 'lexicon-words.json'), 'utf8')) as LexiconWords;
  for (const [word, classes] of Object.entries(lexicon.words)) {
    knownWords.add(word);
    if (classes !== '') lexiconClasses.set(word, new Set(classes.split(' ') as LexiconClass[]));
  }
}

readLexicon();

/** The classes compromise's lexicon gives a lower-cased word or phrase (empty when unknown). */
export function lexiconClassesOf(lower: string): ReadonlySet<LexiconClass> {
  return lexiconClasses.get(lower) ?? EMPTY;
}
const EMPTY: ReadonlySet<LexiconClass> = new Set();

/** Does compromise's lexicon know this lower-cased word at all (as any part of speech)? */
export function lexiconKnows(lower: string): boolean {
  return knownWords.has(lower);
}

export function lexiconIs(lower: string, cls: LexiconClass): boolean {
  return lexiconClasses.get(lower)?.has(cls) ?? false;
}

/** A month or a weekday ("April", "Monday"), as compromise's lexicon knows them (not "May", which it takes for a verb). */
export function isCalendarWord(word: string): boolean {
  const lower = word.toLowerCase();
  return lexiconIs(lower, 'month') || lexiconIs(lower, 'weekday');
}

const words = (text: string): Set<string> => new Set(text.trim().split(/\s+/));

/** Capitalised words that start sentences or headlines but never names. */
export const CAPITALISED_FUNCTION_WORDS = words(`
  the a an and but or nor if in on at to of for from by with without into onto upon over under after before since until
  while when where whereas whether why how what which who whom whose that this these those there here then thus so yet
  it its he him his she her hers they them their we us our i me my you your one ones some any many much more most few
  all both each every either neither no not none nothing other another such same also however meanwhile moreover still
  according although though because unless as than about above across against along amid among around behind below
  beneath beside besides between beyond despite during inside near off outside per through throughout toward towards
  via within earlier later last next today yesterday tomorrow now recently once again even just only already
  mr mrs ms dr sir madam source photo video file update updated breaking read watch related editor tags
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  christmas easter ramadan eid thanksgiving hanukkah passover diwali
`);

/** Lower-case particles inside Arabic and European names ("Abu Bakr al Baghdadi", "Staffan de Mistura"). */
// ("an", "as", "at" are English words too often to join names; "an-Nusra" keeps its hyphen.)
export const NAME_PARTICLES = words('al el bin ibn bint de da di du del della van von der den ul ud abu umm');

/** A hyphenated particle starts a name word: "al-Baghdadi", "el-Sisi", "bin-Salman". */
export const PARTICLE_PREFIX = /^(?:al|el|ad|ash|as|an|ar|at|az|ud|ul|bin|ibn|abu|abd)-\p{Lu}/u;

/** Head words of organisation names, capitalised or not ("Defense Ministry", "Islamic State group"). */
export const ORG_HEADS = words(`
  ministry ministries department office council committee commission agency agencies organization organisation
  organizations organisations observatory group groups army armies forces force military militia militias navy
  police guard guards corps brigade brigades battalion battalions regiment division front movement party parties
  coalition alliance union league federation association institute institution university college school academy
  foundation fund bank company corporation corp inc ltd llc airlines airways network news press agency times post
  journal herald tribune gazette television tv radio channel broadcaster broadcasting parliament assembly senate
  congress cabinet government administration authority authorities court tribunal secretariat mission center centre
  watch crescent cross nations caliphate regime opposition commandos brotherhood hezbollah taliban
`);

/** Lower-case words that turn a demonym or name into an organisation: "Russian military", "Islamic State group". */
export const ORG_TAILS = words('group militia militias forces army military government regime coalition alliance ministry navy police parliament authorities opposition');

/** Head words of place names ("Idlib province", "Old City", "Golan Heights"). */
export const PLACE_HEADS = words(`
  province provinces governorate city town village district region valley river mountains mountain mount lake sea
  gulf island islands street square airport airbase crossing desert plain heights camp strait bay county peninsula
  neighbourhood neighborhood quarter countryside suburb suburbs oasis border coast hills area road highway avenue
`);

/** Directions that start place names ("Eastern Ghouta", "North Africa"). */
export const DIRECTION_WORDS = words('eastern western northern southern east west north south central upper lower northeast northwest southeast southwest northeastern northwestern southeastern southwestern');

/** Words that make a preceding or following name a place: "in Syria", "outskirts of Raqqa". */
export const PLACE_PREPOSITIONS = words('in near outside inside across into toward towards around throughout');
export const PLACE_OF_NOUNS = words(`
  outskirts city town village province region area district neighbourhood neighborhood suburbs suburb countryside
  cities towns villages provinces regions areas districts neighbourhoods neighborhoods governorates
  capital north south east west northeast northwest southeast southwest centre center heart border borders
  coast streets governorate parts part
`);

/** Titles and roles of people, capitalised in "Syrian President Bashar Assad", lower-case in "IS leader Abu Bakr al-Baghdadi". */
export const ROLE_WORDS = words(`
  president presidents minister ministers secretary leader leaders chief chiefs commander commanders general generals
  gen gen. lt lt. col col. colonel major maj maj. brig brig. brigadier captain capt capt. sgt sgt. sergeant lieutenant
  admiral adm adm. marshal king queen prince princess emir sheikh ambassador ambassadors envoy envoys spokesman
  spokeswoman spokesperson spokesmen chairman chairwoman chair director directors governor governors mayor senator
  sen sen. rep rep. representative congressman congresswoman judge justice pope patriarch archbishop bishop cardinal
  imam ayatollah mufti sultan chancellor premier officer officers head founder cofounder co-founder coach prosecutor
  official officials activist activists journalist journalists reporter reporters correspondent photographer analyst
  analysts researcher researchers professor doctor doctors dr dr. surgeon witness witnesses resident residents
  mediator negotiator negotiators adviser advisers advisor advisors aide aides deputy deputies member members
  militant militants fighter fighters emissary monitor monitors cleric clerics ruler rulers dictator strongman
  speaker lawmaker lawmakers mp mps vice-president
`);

/** Words that modify a role without being one: "Foreign Minister", "military spokesman", "senior commander". */
export const ROLE_MODIFIERS = words(`
  foreign defense defence interior prime deputy vice chief supreme special senior top former acting general attorney
  military opposition rebel rebels security intelligence health finance economy justice information media army
  regional local provincial national state federal executive assistant associate under high chief field joint
`);

/** Honorifics, dropped from names: "Mr. Smith" is Smith. */
export const HONORIFICS = words('mr mr. mrs mrs. ms ms. dr dr. sir dame');

/** Acronyms of countries (the rest of the all-caps words are taken for organisations). */
export const COUNTRY_ACRONYMS = words('us u.s. usa u.s.a. uk u.k. uae u.a.e. drc');

/** Verbs that report speech: "X said …", "… , X told reporters". */
export const REPORTING_VERBS = words(`
  said says say told tells added adds stated states announced announces claimed claims claim reported reports
  confirmed confirms denied denies warned warns insisted insists alleged alleges acknowledged acknowledges explained
  explains noted notes wrote writes tweeted declared declares suggested suggests stressed stresses argued argues
  maintained maintains asserted asserts admitted admits accused accuses charged revealed reveals estimated estimates
  indicated indicates quoted
`);

/** Reporting verbs that themselves distance the writer from the claim. */
export const HEDGING_VERBS = words('claimed claims claim alleged alleges purported purports');

/** Words that make a date or number phrase approximate: "about 300", "at least 17", "more than 1,200". */
export const APPROXIMATORS = ['at least', 'at most', 'more than', 'less than', 'fewer than', 'up to', 'as many as', 'as few as', 'close to', 'upwards of', 'an estimated', 'nearly', 'almost', 'about', 'around', 'roughly', 'approximately', 'some', 'over', 'under', 'estimated', 'only', 'just'];

/** Plural or collective nouns of people: counts of these are the ones a reader asks about. */
export const PEOPLE_NOUNS = words(`
  people persons person civilians civilian fighters militants rebels soldiers troops children women men residents
  refugees migrants victims casualties dead deaths killed wounded injured bodies members leaders commanders
  officers policemen police protesters demonstrators prisoners detainees hostages students workers families
  inhabitants patients doctors journalists activists insurgents jihadists combatants recruits personnel staff
  passengers voters citizens individuals infants babies girls boys adults elderly survivors
`);

const IRREGULAR_SINGULARS: Record<string, string> = { spokesmen: 'spokesman', witnesses: 'witness', deputies: 'deputy', chairmen: 'chairman' };

/** The singular of a role's last word: "IS leaders" → "IS leader" (for each of the leaders listed after it). */
export function singularRole(role: string): string {
  const match = /(\S+)$/.exec(role);
  if (match === null) return role;
  const last = match[1]!;
  const lower = last.toLowerCase();
  const singular = IRREGULAR_SINGULARS[lower] ?? (lower.endsWith('s') && ROLE_WORDS.has(lower.slice(0, -1)) ? last.slice(0, -1) : undefined);
  return singular === undefined ? role : role.slice(0, role.length - last.length) + singular;
}
