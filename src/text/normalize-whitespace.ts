const SPACE_RUN = /[\s\u00a0\u200b\ufeff]+/g;
// Anything the replacement below would change: white space other than a lone
// ASCII space (\s covers no-break space and BOM; U+200B is added), two spaces
// in a row, or a space at either end.
const NEEDS_WORK = /[^\S ]|\u200b| {2}|^ | $/;
// Printable ASCII and the blocks of letters and punctuation news text is made
// of, none of which is white space. A plain character class is five times
// quicker for V8 to scan than NEEDS_WORK, so text made only of these needs no
// other check than for two spaces in a row (a native search) and the ends.
const OUTSIDE_PLAIN = /[^ -~\u00a1-\u167f\u2010-\u2027\u2030-\u205e]/;

/**
 * Collapses runs of white space (including no-break spaces and line breaks
 * inside a paragraph) to one space and trims the ends. Stored text is always
 * normalised this way, so quotes and offsets refer to one canonical form.
 */
export function normalizeWhitespace(text: string): string {
  // Most text is already normal (every paragraph is normalised more than once
  // on its way into an article): finding nothing to change is far cheaper
  // than replacing every single space by itself, which built a new string per
  // call and was 40% of loading time.
  const last = text.length - 1;
  if (last < 0) return text;
  const normal =
    text.charCodeAt(0) !== 32 && text.charCodeAt(last) !== 32 && !text.includes('  ') && (!OUTSIDE_PLAIN.test(text) || !NEEDS_WORK.test(text));
  return normal ? text : text.replace(SPACE_RUN, ' ').trim();
}
