/**
 * Button custom ids, which carry the button's whole state so that a button
 * still works after the bot restarts (Discord keeps the message; the bot keeps
 * nothing). Discord allows 100 characters:
 *
 * - `ask:more:<scope>:<question hash>` — "More excerpts". The question itself
 *   is too long for the id (up to 200 characters), so the id carries a 10-
 *   character hash of it and the question is read back from the answer
 *   message, where it is shown as the embed's author line ("Question: …"),
 *   and checked against the hash. `<scope>` is `n` (all articles), `a<key>`
 *   (asked with `article:`) or `c<key>` (the channel's current article then);
 *   `<key>` is the article's 10-character {@link articleKey}.
 * - `ask:src:<key>.<paragraph>.<start>.<end>.<check>,…` — "Source": the quoted
 *   passages themselves (numbers in base 36), best first, each with a
 *   4-character {@link quoteCheck} of the quoted text, so that a passage whose
 *   article changed since the answer is not shown as its source; passages
 *   that do not fit in 100 characters are left out (three always fit in
 *   practice). Ids without checks (made before they existed) still read.
 */
import { CUSTOM_ID_MAX } from '../src/format/discord-limits.ts';
import { shortHash } from '../src/short-hash.ts';

/** The state of an answer's buttons. */
export type ButtonAction =
  | { kind: 'more'; scope: { type: 'all' } | { type: 'article' | 'current'; key: string }; questionHash: string }
  | { kind: 'source'; passages: PassageKey[] };

/** A quoted passage: an article key and the quote's offsets in one of its paragraphs (0-based). */
export interface PassageKey {
  key: string;
  paragraph: number;
  start: number;
  end: number;
  /** {@link quoteCheck} of the quoted text, when the id carries one. */
  check?: string;
}

const CHECK = /^[\w-]{4}$/u;

/**
 * A 4-character digest of a quote, carried in a "Source" button's id: the
 * passage at the same offsets after a reload is the quote only if it matches.
 *
 * @example quoteCheck('The ministry said …') // e.g. 'pJ3x'
 */
export function quoteCheck(quote: string): string {
  return shortHash(quote).slice(0, 4);
}

const KEY = /^[\w-]{10}$/u;

/**
 * Encodes a button's state as its custom id, within Discord's 100 characters.
 *
 * @example encodeCustomId({ kind: 'more', scope: { type: 'all' }, questionHash: 'Ab3_x9Kq0Z' }) // 'ask:more:n:Ab3_x9Kq0Z'
 */
export function encodeCustomId(action: ButtonAction): string {
  if (action.kind === 'more') {
    const scope = action.scope.type === 'all' ? 'n' : `${action.scope.type === 'article' ? 'a' : 'c'}${action.scope.key}`;
    return `ask:more:${scope}:${action.questionHash}`;
  }
  let id = 'ask:src:';
  for (const [i, p] of action.passages.entries()) {
    const part = `${i > 0 ? ',' : ''}${p.key}.${p.paragraph.toString(36)}.${p.start.toString(36)}.${p.end.toString(36)}${p.check !== undefined ? `.${p.check}` : ''}`;
    if (id.length + part.length > CUSTOM_ID_MAX) break;
    id += part;
  }
  return id;
}

/** Reads a custom id made by {@link encodeCustomId}; null for anything else (an old or foreign button). */
export function decodeCustomId(customId: string): ButtonAction | null {
  const more = /^ask:more:(n|[ac][\w-]{10}):([\w-]{10})$/u.exec(customId);
  if (more) {
    const scope = more[1]!;
    return {
      kind: 'more',
      scope: scope === 'n' ? { type: 'all' } : { type: scope[0] === 'a' ? 'article' : 'current', key: scope.slice(1) },
      questionHash: more[2]!,
    };
  }
  const source = /^ask:src:(.+)$/u.exec(customId);
  if (!source) return null;
  const passages: PassageKey[] = [];
  for (const part of source[1]!.split(',')) {
    const [key = '', ...rest] = part.split('.');
    const numbers = rest.slice(0, 3);
    const check = rest[3];
    const [paragraph, start, end] = numbers.map((n) => (/^[0-9a-z]{1,8}$/u.test(n) ? parseInt(n, 36) : Number.NaN));
    if (!KEY.test(key) || rest.length < 3 || rest.length > 4 || (check !== undefined && !CHECK.test(check))) return null;
    if ([paragraph, start, end].some((n) => n === undefined || Number.isNaN(n))) return null;
    passages.push({ key, paragraph: paragraph!, start: start!, end: end!, ...(check !== undefined ? { check } : {}) });
  }
  return { kind: 'source', passages };
}
