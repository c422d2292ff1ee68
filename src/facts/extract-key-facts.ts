import type { Article } from '../article.ts';
import type { FactKind, KeyFact } from '../answer/types.ts';
import { analyzeLine, analyzeSentences } from './analyze-sentences.ts';
import { extractClaims } from './extract-claims.ts';
import { extractEntityFacts } from './extract-entity-facts.ts';
import { extractNumbers } from './extract-numbers.ts';
import { extractWhen } from './extract-when.ts';
import type { ScoredFact } from './scored-fact.ts';
import { findMentions } from './find-mentions.ts';
import { groupEntities } from './group-entities.ts';

/** Options of {@link extractKeyFacts}. */
export interface ExtractKeyFactsOptions {
  /** At most this many facts of each kind. Default {@link DEFAULT_MAX_PER_KIND}. */
  maxPerKind?: number;
}

export const DEFAULT_MAX_PER_KIND = 5;

/** The order kinds are returned in. */
export const FACT_KINDS: readonly FactKind[] = ['who', 'when', 'where', 'number', 'claim'];

function best(scored: ScoredFact[], max: number): KeyFact[] {
  return [...scored]
    .sort((a, b) => b.score - a.score || a.fact.citation.paragraph - b.fact.citation.paragraph || a.fact.citation.start - b.fact.citation.start)
    .slice(0, max)
    .map((s) => s.fact);
}

/**
 * The key facts of an article, each citing the sentence it comes from:
 * who (people and organisations, with their roles), when (dates resolved
 * against the publication date), where (places), number (counts and amounts
 * with what they count) and claim (who says what, marked `unconfirmed` when
 * the text hedges it). Facts come grouped by kind in {@link FACT_KINDS}
 * order, most important first within a kind. Never throws on a valid article.
 *
 * @example
 * extractKeyFacts(article).filter((f) => f.kind === 'when')
 * // [{ kind: 'when', text: 'May 28, 2017: the air raid that targeted an IS meeting…', value: '2017-05-28', citation }, …]
 */
export function extractKeyFacts(article: Article, options: ExtractKeyFactsOptions = {}): KeyFact[] {
  const max = Math.max(0, Math.floor(options.maxPerKind ?? DEFAULT_MAX_PER_KIND));
  if (max === 0) return [];
  const sentences = analyzeSentences(article);
  const title = analyzeLine(article.title);
  const mentions = sentences.flatMap((s) => findMentions(s));
  const entities = groupEntities(mentions, findMentions(title), sentences);

  const { who, where } = extractEntityFacts(article, entities);
  const when = extractWhen(article, sentences);
  const numbers = extractNumbers(article, sentences, when.spans);
  const claims = extractClaims(article, sentences, entities, title);

  return [...who.slice(0, max), ...best(when.facts, max), ...where.slice(0, max), ...best(numbers, max), ...best(claims, max)];
}
