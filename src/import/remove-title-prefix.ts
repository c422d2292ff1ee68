/** How far into the content a copy of the title may start and still be removed. */
export const TITLE_PREFIX_MAX_START = 80;

// Titles shorter than this (letters and digits only) are too likely to occur
// by chance at the start of a body, e.g. a one-word title "Syria".
const MIN_TITLE_KEY_LENGTH = 12;

const PUNCTUATION_AFTER_TITLE = /[\s.,:;!?|\-\u2013\u2014]/u;
const QUOTES = /["\u201c\u201d]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Removes a copy of the title from the start of an article's content, with
 * whatever short text comes before it (a dateline, "Posted on … by …") and
 * the punctuation after it. Scraped articles often begin that way:
 * `"Wed 05 Apr 2017 Syria attack symptoms … WHO. Victims of …"` with the
 * title "Syria attack symptoms … WHO" becomes `"Victims of …"`.
 *
 * The copy must start within the first {@link TITLE_PREFIX_MAX_START}
 * characters and is found ignoring case, spacing and punctuation (so
 * `"Chemical" Massacre` matches the title `Chemical Massacre`), on word
 * boundaries. Content without such a copy, or that would be left empty, is
 * returned unchanged.
 *
 * @example removeTitlePrefix('Sun 01 Feb 2015 Blast in Damascus. Six died.', 'Blast in Damascus') // 'Six died.'
 */
export function removeTitlePrefix(content: string, title: string): string {
  const titleKey = [...title.toLowerCase()].filter((c) => LETTER_OR_DIGIT.test(c)).join('');
  if (titleKey.length < MIN_TITLE_KEY_LENGTH) return content;

  // The content's letters and digits, lower-cased, each with the index of
  // the character it came from; only the part where a copy could be.
  const searchLength = TITLE_PREFIX_MAX_START + title.length * 2;
  let key = '';
  const origin: number[] = [];
  for (let i = 0; i < content.length && i < searchLength; i++) {
    const c = content[i]!;
    if (!LETTER_OR_DIGIT.test(c)) continue;
    for (const lower of c.toLowerCase()) {
      key += lower;
      origin.push(i);
    }
  }

  for (let at = key.indexOf(titleKey); at >= 0; at = key.indexOf(titleKey, at + 1)) {
    const start = origin[at]!;
    if (start > TITLE_PREFIX_MAX_START) break;
    const end = origin[at + titleKey.length - 1]! + 1;
    if (!isWordBoundary(content, start) || !isWordBoundary(content, end)) continue;
    const rest = content.slice(skipPunctuation(content, end)).trim();
    return rest === '' ? content : rest;
  }
  return content;
}

function isWordBoundary(text: string, index: number): boolean {
  const before = text[index - 1];
  const after = text[index];
  return before === undefined || after === undefined || !LETTER_OR_DIGIT.test(before) || !LETTER_OR_DIGIT.test(after);
}

function skipPunctuation(content: string, from: number): number {
  let i = from;
  // A quote right after the title closes one opened inside it (an odd
  // number of quotes so far); any other quote opens the body's first quote.
  const quotesSoFar = content.slice(0, i).match(QUOTES)?.length ?? 0;
  if (quotesSoFar % 2 === 1 && /["\u201d]/u.test(content[i] ?? '')) i++;
  while (i < content.length && PUNCTUATION_AFTER_TITLE.test(content[i]!)) i++;
  return i;
}
