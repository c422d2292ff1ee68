import type { Article } from '../article.ts';
import { citeSentence } from '../answer/cite-sentence.ts';
import type { KeyFact } from '../answer/types.ts';
import type { Entity } from './group-entities.ts';
import { lexiconClassesOf, lexiconKnows } from './lexicon.ts';
import { isStopWord } from '../text/terms.ts';

/** Cleans a role for display: no leading article, no trailing punctuation. */
function cleanRole(role: string): string {
  // "the leader of …" → "leader of …", but "the group's de facto capital" keeps its article.
  return role.replace(/^(?:the|a|an)\s+(?!\S+['’]s\b)/i, '').replace(/[\s,;:]+$/, '');
}

function entityFact(article: Article, kind: 'who' | 'where', entity: Entity): KeyFact {
  const cited = entity.role?.mention ?? entity.mentions[0]!;
  const role = entity.role === undefined ? '' : cleanRole(entity.role.text);
  // A role that repeats the name ("Islamic State group — the group") says nothing.
  const text = role === '' || entity.name.toLowerCase().includes(role.toLowerCase()) ? entity.name : `${entity.name} — ${role}`;
  return { kind, text, citation: citeSentence(article, cited.sentence.sentence) };
}

/**
 * Is a one-word name of unknown kind the first word of a longer name the text writes partly in lower case, as every
 * mention goes on with the same lower-case word ("Deir ezzor", "Deir ezzor province")? It is then no one: the
 * newest shipped article listed "Deir" among its people and organisations.
 */
function isCutName(entity: Entity): boolean {
  const next = entity.mentions.map((m) => m.sentence.words[m.last + 1]);
  const word = next[0];
  return entity.mentions.every((m) => m.tokens.length === 1) && word !== undefined && !word.cap && !word.punct && (word.pos === 'PROPN' || word.pos === 'NOUN' || word.pos === 'X') && !isStopWord(word.lower) && next.every((w) => w?.lower === word.lower);
}

/**
 * The people and organisations (who) and places (where) of an article, most
 * salient first, from entities grouped by {@link groupEntities}.
 */
export function extractEntityFacts(article: Article, entities: Entity[]): { who: KeyFact[]; where: KeyFact[] } {
  const who: KeyFact[] = [];
  const where: KeyFact[] = [];
  for (const entity of entities) {
    if (entity.mentions.length === 0) continue;
    if (entity.kind === 'place') where.push(entityFact(article, 'where', entity));
    else if (entity.kind === 'person' || entity.kind === 'org') who.push(entityFact(article, 'who', entity));
    // A name of unknown kind counts when the article repeats it or puts it in the title, and it is not a
    // capitalised common word ("Related", "Reports").
    else if ((entity.mentions.length >= 2 || entity.titleMentions > 0) && !(entity.mentions.every((m) => m.tokens.length === 1) && lexiconKnows(entity.mentions[0]!.tokens[0]!) && lexiconClassesOf(entity.mentions[0]!.tokens[0]!).size === 0) && !isCutName(entity)) {
      who.push(entityFact(article, 'who', entity));
    }
  }
  return { who, where };
}
