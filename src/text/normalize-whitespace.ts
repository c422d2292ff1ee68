/**
 * Collapses runs of white space (including no-break spaces and line breaks
 * inside a paragraph) to one space and trims the ends. Stored text is always
 * normalised this way, so quotes and offsets refer to one canonical form.
 */
export function normalizeWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}
