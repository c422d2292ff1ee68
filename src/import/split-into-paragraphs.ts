import { splitSentences } from '../text/split-sentences.ts';
import { normalizeWhitespace } from '../text/normalize-whitespace.ts';

/** How many sentences and characters a paragraph made from a single block of text holds at most. */
export const PARAGRAPH_LIMITS = { maxSentences: 3, maxChars: 500 } as const;

// How far past `maxChars` a paragraph may grow to keep a quotation whole.
const QUOTE_MAX_CHARS_FACTOR = 2;

/**
 * Splits an article's content into paragraphs. Content with blank lines is
 * split at the blank lines; content with line breaks but no blank line, at
 * each line break. Content written as one block (no line break at all) is
 * cut into paragraphs of consecutive sentences with {@link groupSentences}.
 * Paragraphs come back with their white space normalised; empty ones are dropped.
 *
 * @example splitIntoParagraphs('One.\n\nTwo.') // ['One.', 'Two.']
 */
export function splitIntoParagraphs(content: string): string[] {
  const text = content.replace(/\r\n?/g, '\n').trim();
  let parts: string[];
  if (/\n[ \t\u00a0]*\n/.test(text)) parts = text.split(/\n[ \t\u00a0]*\n/);
  else if (text.includes('\n')) parts = text.split('\n');
  else return groupSentences(text);
  return parts.map(normalizeWhitespace).filter((p) => p !== '');
}

/**
 * Cuts one block of text into paragraphs of whole sentences: a paragraph is
 * closed once it holds `maxSentences` sentences, or when the next sentence
 * would take it past `maxChars` characters, but not inside a quotation that
 * runs over several sentences (up to twice `maxChars`). A sentence is never
 * cut, so a sentence longer than `maxChars` is a paragraph of its own. All
 * the text is kept, in order.
 *
 * @example groupSentences('One. Two. Three. Four.') // ['One. Two. Three.', 'Four.']
 */
export function groupSentences(
  text: string,
  limits: { maxSentences?: number; maxChars?: number } = {},
): string[] {
  const maxSentences = limits.maxSentences ?? PARAGRAPH_LIMITS.maxSentences;
  const maxChars = limits.maxChars ?? PARAGRAPH_LIMITS.maxChars;
  const normalized = normalizeWhitespace(text);
  const spans = splitSentences(normalized);
  // Each sentence runs to the start of the next one, so text the splitter
  // might leave between sentences stays with the sentence before it.
  const sentences = spans
    .map((span, i) => normalized.slice(i === 0 ? 0 : span.start, spans[i + 1]?.start ?? normalized.length).trim())
    .filter((s) => s !== '');

  const paragraphs: string[] = [];
  let current: string[] = [];
  let length = 0;
  let quotes = 0;
  for (const sentence of sentences) {
    const full = current.length >= maxSentences || length + 1 + sentence.length > maxChars;
    // An odd number of quotation marks so far means a quotation is still
    // open: keep it in one paragraph, unless a stray mark would make the
    // paragraph grow without end.
    const insideQuote = quotes % 2 === 1 && length + 1 + sentence.length <= QUOTE_MAX_CHARS_FACTOR * maxChars;
    if (current.length > 0 && full && !insideQuote) {
      paragraphs.push(current.join(' '));
      current = [];
      length = 0;
      quotes = 0;
    }
    length += (current.length > 0 ? 1 : 0) + sentence.length;
    quotes += sentence.match(/["\u201c\u201d]/gu)?.length ?? 0;
    current.push(sentence);
  }
  if (current.length > 0) paragraphs.push(current.join(' '));
  return paragraphs;
}
