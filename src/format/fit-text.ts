import { truncateText } from './truncate-text.ts';

/** A part of a text to fit: a string kept whole, or `{ flexible }` text that may be cut. */
export type Piece = string | { flexible: string };

/**
 * Joins `pieces` into at most `budget` characters: fixed strings are kept
 * whole, and flexible ones (quotes, titles) share what is left — short ones
 * whole, the rest equally — each cut with {@link truncateText} (so a cut
 * quote ends with "…"). Should the fixed parts alone not fit, the joined
 * text is cut as a whole.
 *
 * @example fitPieces(['> ', { flexible: longQuote }, '\n— Associated Press, paragraph 4'], 1024)
 */
export function fitPieces(pieces: readonly Piece[], budget: number): string {
  const fixed = pieces.reduce((sum, p) => sum + (typeof p === 'string' ? p.length : 0), 0);
  const flexible = pieces.flatMap((p, i) => (typeof p === 'string' ? [] : [{ i, length: p.flexible.length }]));
  const shares = new Map<number, number>();
  let room = Math.max(0, budget - fixed);
  // Water-filling: the shortest texts take what they need, the rest split what remains.
  [...flexible]
    .sort((a, b) => a.length - b.length)
    .forEach((f, k, sorted) => {
      const share = Math.min(f.length, Math.floor(room / (sorted.length - k)));
      shares.set(f.i, share);
      room -= share;
    });
  const joined = pieces.map((p, i) => (typeof p === 'string' ? p : truncateText(p.flexible, shares.get(i) ?? 0))).join('');
  return truncateText(joined, budget);
}

/**
 * Joins whole lines with `\n` while they fit in `budget`; when some do not, the
 * last line says how many were left out (`…and 12 more`). Each line is first
 * cut to `maxLine` characters.
 *
 * @example fitLines(reportLines, 4096, { more: (n) => `…and ${n} more lines in the log` })
 */
export function fitLines(lines: readonly string[], budget: number, options: { maxLine?: number; more?: (left: number) => string } = {}): string {
  const more = options.more ?? ((left: number) => `…and ${left} more`);
  const cut = lines.map((line) => truncateText(line, Math.min(options.maxLine ?? budget, budget)));
  const kept: string[] = [];
  let length = 0;
  for (const [i, line] of cut.entries()) {
    const added = (kept.length > 0 ? 1 : 0) + line.length;
    const left = cut.length - i - 1;
    const tail = left > 0 ? 1 + more(left).length : 0;
    if (length + added + tail > budget) {
      const note = more(cut.length - i);
      if (length + (kept.length > 0 ? 1 : 0) + note.length <= budget) kept.push(note);
      break;
    }
    kept.push(line);
    length += added;
  }
  return truncateText(kept.join('\n'), budget);
}
