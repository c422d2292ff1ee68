const SPACE_RUN = /[\s\u00a0\u200b\ufeff]+/g;
// Anything the replacement below would change: white space other than a lone
// ASCII space (\s covers no-break space and BOM; U+200B is added), two spaces
// in a row, or a space at either end.
const NEEDS_WORK = /[^\S ]|\u200b| {2}|^ | $/;

/**
 * Collapses runs of white space (including no-break spaces and line breaks
 * inside a paragraph) to one space and trims the ends. Stored text is always
 * normalised this way, so quotes and offsets refer to one canonical form.
 */
export function normalizeWhitespace(text: string): string {
  // Most text is already normal (every paragraph is normalised several times
  // on its way into an article): one scan that finds nothing to change is far
  // cheaper than replacing every single space by itself, which built a new
  // string per call and was 40% of loading time.
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(SPACE_RUN, ' ').trim();
}
