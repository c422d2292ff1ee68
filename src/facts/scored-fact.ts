import type { KeyFact } from '../answer/types.ts';

/** A fact with the score it is ranked by within its kind (higher first). */
export interface ScoredFact {
  fact: KeyFact;
  score: number;
}
