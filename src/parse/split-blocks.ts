import { normalizeWhitespace } from '../text/normalize-whitespace.ts';

// A line that ends a sentence (or a quote or label) may end a paragraph even
// without a blank line after it; a hard-wrapped line usually ends mid-sentence.
const ENDS_PARAGRAPH = /[.!?:"”’')\]]$/;

/**
 * Splits plain text into paragraphs: blank lines always separate them; inside
 * a block of consecutive lines, a line ending a sentence ends its paragraph,
 * and a hard-wrapped line is joined to the next. White space is normalised.
 */
export function splitBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const joined = normalizeWhitespace(current.join(' '));
    if (joined !== '') blocks.push(joined);
    current = [];
  };
  for (const rawLine of text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const line = normalizeWhitespace(rawLine);
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
