/**
 * The classes of words the fact extractors take from compromise's lexicon,
 * and the layout of the file it is extracted into (see lexicon.ts and
 * scripts/extract-lexicon.ts, which both read this module).
 */

/** What compromise's lexicon says a lower-cased word or phrase is. */
export type LexiconClass = 'place' | 'org' | 'first-name' | 'last-name' | 'person' | 'demonym' | 'honorific' | 'actor' | 'month' | 'weekday' | 'holiday';

/** The classes compromise's tags stand for (tags not listed give none). */
export const LEXICON_TAG_CLASSES: Readonly<Record<string, LexiconClass>> = {
  Country: 'place',
  City: 'place',
  Region: 'place',
  Place: 'place',
  Organization: 'org',
  SportsTeam: 'org',
  FirstName: 'first-name',
  MaleName: 'first-name',
  FemaleName: 'first-name',
  LastName: 'last-name',
  Person: 'person',
  Demonym: 'demonym',
  Honorific: 'honorific',
  Actor: 'actor',
  Month: 'month',
  WeekDay: 'weekday',
  Holiday: 'holiday',
};

/** The layout of lexicon-words.json: every word compromise knows, with its classes (space-separated, often none). */
export interface LexiconWords {
  /** The compromise version it was extracted from. */
  source: string;
  words: Record<string, string>;
}
