import type { Article } from '../article.ts';
import { citeSentence } from '../answer/cite-sentence.ts';
import type { KeyFact } from '../answer/types.ts';
import type { Entity } from './group-entities.ts';
import { lexiconClassesOf, lexiconKnows } from './lexicon.ts';

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
    else if ((entity.mentions.length >= 2 || entity.titleMentions > 0) && !(entity.mentions.every((m) => m.tokens.length === 1) && lexiconKnows(entity.mentions[0]!.tokens[0]!) && lexiconClassesOf(entity.mentions[0]!.tokens[0]!).size === 0)) {
      who.push(entityFact(article, 'who', entity));
    }
  }
  return { who, where };
}
