import { foldColumnName } from './column-mapping.ts';

// "Headline | Jordan Times", "Headline - Region - World - Ahram Online".
const SEGMENT_SEPARATOR = /\s+[|\u2013\u2014-]\s+/gu;

/**
 * Tidies a title scraped from a web page:
 * - a leading `Title:` label is dropped;
 * - a trailing outlet name that pages append (`Headline | Jordan Times`) is
 *   dropped when it names the article's outlet: the segment after the last
 *   ` | ` or ` - ` equals one of `outletNames` (ignoring case, spaces and
 *   punctuation), or its first word does (`Ahram Online` for `ahram`).
 *   Capitalised one-word section names just before it go too
 *   (`Headline - Region - World - Ahram Online`).
 *
 * Nothing else is changed, and a title is never emptied.
 *
 * @example cleanTitle('Dozens dead in Aleppo | Jordan Times', ['jordantimes']) // 'Dozens dead in Aleppo'
 */
export function cleanTitle(title: string, outletNames: readonly (string | null | undefined)[]): string {
  const unlabelled = title.trim().replace(/^title\s*:\s*/i, '');
  const outletKeys = new Set(outletNames.flatMap((name) => (name ? [foldColumnName(name)] : [])).filter((k) => k.length >= 3));
  const separators = [...unlabelled.matchAll(SEGMENT_SEPARATOR)];
  if (outletKeys.size === 0 || separators.length === 0) return unlabelled;

  const bounds = [0, ...separators.map((m) => m.index + m[0].length)];
  const segments = bounds.map((start, i) => unlabelled.slice(start, separators[i]?.index ?? unlabelled.length));
  const last = segments[segments.length - 1]!;
  const firstWord = last.split(/\s+/)[0] ?? '';
  if (!outletKeys.has(foldColumnName(last)) && !outletKeys.has(foldColumnName(firstWord))) return unlabelled;

  // Segments [0, keep) stay.
  let keep = segments.length - 1;
  while (keep > 1 && /^\p{Lu}\p{Ll}+$/u.test(segments[keep - 1]!)) keep--;
  const cleaned = unlabelled.slice(0, separators[keep - 1]!.index).trim();
  return cleaned === '' ? unlabelled : cleaned;
}
