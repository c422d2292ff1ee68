import type { ArticleDraft, ArticleFormat } from '../article.ts';
import { normalizeIsoDate } from '../text/iso-date.ts';
import { normalizeWhitespace } from '../text/normalize-whitespace.ts';
import { shorten } from './build-article.ts';
import type { ParseError } from './parse-outcome.ts';
import { separateCaptions } from './separate-captions.ts';
import { LINE_BREAK, splitNormalizedLines } from './split-blocks.ts';

/** A draft read from a text file, with the layout it was recognised as. */
export interface TextDraft {
  draft: ArticleDraft;
  format: Extract<ArticleFormat, 'reference' | 'plain'>;
  warnings: string[];
}

// The header's date line: ` date 2017-06-16` (or `date unknown`); a title that merely starts with "Date" is not one.
const DATE_LINE = /^date\b[\s:]*(\d.*|unknown)$/i;
const SOURCE_LABEL = /^source:\s*(.*)$/i;
// A first line this long is a paragraph, not a title.
const MAX_TITLE_LENGTH = 300;
const MAX_OUTLET_LENGTH = 100;

/**
 * Parses a plain-text article in either layout:
 * - the reference layout: a ` date YYYY-MM-DD` line, the title, a `Source:`
 *   label with the outlet on a following line (or after the colon), then
 *   paragraphs separated by blank lines (the date line may be absent);
 * - plain text: the title on the first line, then paragraphs; no date.
 * Captions and `Source:` lines repeated inside the body are separated out.
 */
export function parseTextDraft(text: string): TextDraft | ParseError {
  const lines = text.split(LINE_BREAK).map(normalizeWhitespace);
  let cursor = lines.findIndex((line) => line !== '');
  if (cursor < 0) return { kind: 'empty', message: 'is empty (only white space)' };

  const warnings: string[] = [];
  let date: string | null = null;
  let hasHeader = false;
  const dateLine = DATE_LINE.exec(lines[cursor]!);
  if (dateLine) {
    hasHeader = true;
    const written = dateLine[1]!.trim();
    date = normalizeIsoDate(written);
    if (date === null && written.toLowerCase() !== 'unknown') warnings.push(`date "${shorten(written)}" is not a real YYYY-MM-DD date; left unknown`);
    cursor = nextContentLine(lines, cursor + 1);
  }

  const title = lines[cursor];
  if (title === undefined) return { kind: 'no-title', message: 'has a date line but no title' };
  if (title.length > MAX_TITLE_LENGTH) {
    return { kind: 'no-title', message: `first line is ${title.length} characters long, not a title; put the title on its own first line` };
  }

  const blocks = splitNormalizedLines(lines.slice(cursor + 1));
  let bodyStart = 0;
  let source: string | null = null;
  const label = blocks[0] === undefined ? null : SOURCE_LABEL.exec(blocks[0]);
  if (label) {
    hasHeader = true;
    bodyStart = 1;
    source = label[1]!.trim() || null;
    const outlet = blocks[1];
    if (source === null && outlet !== undefined && outlet.length <= MAX_OUTLET_LENGTH) {
      source = outlet;
      bodyStart = 2;
    }
  }

  const body = separateCaptions(blocks.slice(bodyStart));
  return {
    draft: {
      title,
      date,
      source: source ?? body.attributedSource,
      paragraphs: body.paragraphs,
      captions: body.captions,
    },
    format: hasHeader ? 'reference' : 'plain',
    warnings,
  };
}

function nextContentLine(lines: readonly string[], from: number): number {
  const index = lines.findIndex((line, i) => i >= from && line !== '');
  return index < 0 ? lines.length : index;
}
