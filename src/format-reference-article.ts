import type { ArticleDraft } from './article.ts';
import { parseTextDraft } from './parse/parse-text.ts';
import { isValidIsoDate } from './text/iso-date.ts';
import { normalizeWhitespace } from './text/normalize-whitespace.ts';

// Longer outlets are written after the label on one line: the reader takes
// only a short line after a bare `Source:` label as the outlet.
const MAX_OUTLET_LINE = 100;
const SOURCE_LABEL = /^source:/i;
const DATE_LABEL = /^date\b/i;

/**
 * Writes a draft in the reference layout, the plain-text layout of
 * `articles/000_26f8fc2a63690423.txt`:
 *
 * ```text
 * date 2017-06-16
 *
 * Title of the article
 *
 * Source:
 *
 * Associated Press
 *
 * First paragraph.
 *
 * Second paragraph.
 * ```
 *
 * The `date` line is left out when the date is null, and the `Source:` label
 * and outlet when the source is null. The layout has no place for `url`,
 * `author` or `captions`: they are not written.
 *
 * The output always reads back (with `parseArticleFile`) as the same title,
 * date, source and paragraphs, once these are tidied as the reader tidies
 * them: each field is written on one line (runs of white space, line breaks
 * included, become one space), empty and repeated paragraphs are dropped,
 * and a paragraph the reader would take for something else (a `Source: …`
 * attribution line, a photo caption) is joined to a neighbouring paragraph
 * so that its text stays in the body. The one exception is a closing
 * paragraph that ends with a photo credit (`(Photo … by AFP)`): it is written
 * last and read back as a caption, which is what it is. An undated article whose title begins
 * with the word "date" gets the line `date unknown`, so that the title is not
 * read as a date line.
 *
 * Throws a prefixed error when the draft cannot be written as a readable
 * article: a blank title, no non-blank paragraph, a date that is not a real
 * `YYYY-MM-DD`, or a title the reader refuses (such as one too long to be a title).
 *
 * @example formatReferenceArticle({ title: 'T', date: null, source: 'AP', paragraphs: ['P.'], captions: [] })
 * // 'T\n\nSource:\n\nAP\n\nP.\n'
 */
export function formatReferenceArticle(draft: ArticleDraft): string {
  const title = normalizeWhitespace(draft.title);
  if (title === '') throw new Error('formatReferenceArticle: the title is blank');
  if (draft.date !== null && !isValidIsoDate(draft.date)) {
    throw new Error(`formatReferenceArticle: date "${draft.date}" is not a real YYYY-MM-DD date`);
  }
  const source = draft.source === null ? null : normalizeWhitespace(draft.source) || null;
  let paragraphs = [...new Set(draft.paragraphs.map(normalizeWhitespace).filter((p) => p !== ''))];
  if (paragraphs.length === 0) throw new Error(`formatReferenceArticle: "${title}" has no body paragraph`);

  const header: string[] = [];
  if (draft.date !== null) header.push(`date ${draft.date}`);
  else if (DATE_LABEL.test(title)) header.push('date unknown');
  header.push(title);
  if (source !== null) header.push(...(source.length <= MAX_OUTLET_LINE ? ['Source:', source] : [`Source: ${source}`]));

  // The reader itself decides what it would drop from the body; each pass
  // joins the first dropped paragraph to a neighbour, so the loop ends.
  for (;;) {
    const text = `${[...header, ...paragraphs].join('\n\n')}\n`;
    const back = parseTextDraft(text);
    if ('kind' in back) throw new Error(`formatReferenceArticle: "${title}" would not read back: it ${back.message}`);
    const read = back.draft;
    if (read.title !== title || read.date !== draft.date) {
      throw new Error(`formatReferenceArticle: "${title}" would not read back with the same title and date`);
    }
    const lost = paragraphs.findIndex((p, i) => read.paragraphs[i] !== p);
    const last = paragraphs.length - 1;
    // A closing paragraph that ends with a photo credit is a caption in this
    // layout; joining it to the one before would only make that a caption too.
    const closingCaption = last > 0 && lost === last && read.paragraphs.length === last && read.captions.includes(paragraphs[last]!);
    if ((lost < 0 && read.paragraphs.length === paragraphs.length) || closingCaption) {
      if (read.source !== source) {
        throw new Error(`formatReferenceArticle: "${title}" would not read back with the same source`);
      }
      return text;
    }
    if (lost < 0 || paragraphs.length === 1) {
      throw new Error(`formatReferenceArticle: "${title}" would not read back with the same paragraphs`);
    }
    paragraphs = joinToNeighbour(paragraphs, lost);
  }
}

/**
 * Joins paragraph `i` to the one before it when it starts like an attribution
 * line (joining it to the next would leave it at the start), otherwise to the
 * one after it (a caption is recognised by how it ends).
 */
function joinToNeighbour(paragraphs: readonly string[], i: number): string[] {
  const withPrevious = i > 0 && (SOURCE_LABEL.test(paragraphs[i]!) || i === paragraphs.length - 1);
  const first = withPrevious ? i - 1 : i;
  const joined = `${paragraphs[first]!} ${paragraphs[first + 1]!}`;
  return [...paragraphs.slice(0, first), joined, ...paragraphs.slice(first + 2)];
}
