/** The mark a cut text ends with. */
export const ELLIPSIS = '…';

// A cut at a sentence or word boundary is preferred only when it keeps at
// least this share of the room; otherwise too much text would be thrown away.
const MIN_KEPT_SHARE = 0.5;

/**
 * Shortens `text` to at most `max` characters (UTF-16 code units), cutting at
 * the last sentence end that fits, else the last word boundary, else inside
 * a word, and always ending a cut text with "…" so the reader knows it was
 * cut. Text that fits is returned unchanged. A cut never splits a surrogate
 * pair and never leaves a dangling Markdown escape backslash before the "…".
 *
 * @example truncateText('The raid killed 30 leaders. It also killed 300 fighters.', 40) // 'The raid killed 30 leaders. …'
 * @example truncateText('Russia claims it killed the leader', 20) // 'Russia claims it…'
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  if (max <= ELLIPSIS.length + 1) return ELLIPSIS.slice(0, max);
  const room = max - ELLIPSIS.length;
  const head = text.slice(0, room + 1); // one more, to see whether a word ends exactly at the limit

  const sentenceEnd = lastSentenceEnd(head.slice(0, room));
  if (sentenceEnd >= room * MIN_KEPT_SHARE && sentenceEnd + 1 + ELLIPSIS.length <= max) {
    return `${dropDanglingEscape(text.slice(0, sentenceEnd))} ${ELLIPSIS}`;
  }
  const wordEnd = lastWordBoundary(head);
  if (wordEnd >= room * MIN_KEPT_SHARE) {
    return `${dropDanglingEscape(text.slice(0, wordEnd).replace(/[\s,;:]+$/u, ''))}${ELLIPSIS}`;
  }
  let cut = room;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1; // do not split a surrogate pair
  return `${dropDanglingEscape(text.slice(0, cut))}${ELLIPSIS}`;
}

/** Index just after the last sentence-ending punctuation (with closing quotes) that is followed by a space. */
function lastSentenceEnd(text: string): number {
  let best = -1;
  for (const match of text.matchAll(/[.!?][)"'”’\]]*(?=\s)/gu)) best = match.index + match[0].length;
  return best;
}

/** Index of the last whitespace that ends a word within `head` (its last character only counts as a boundary if it is a space). */
function lastWordBoundary(head: string): number {
  for (let i = head.length - 1; i > 0; i--) {
    if (/\s/u.test(head[i]!) && !/\s/u.test(head[i - 1]!)) return i;
  }
  return -1;
}

/** Removes a final unpaired backslash, which would escape the ellipsis instead of the character it was for. */
function dropDanglingEscape(text: string): string {
  const trailing = /\\+$/u.exec(text)?.[0].length ?? 0;
  return trailing % 2 === 1 ? text.slice(0, -1) : text;
}
