import type { ArticleDraft } from '../article.ts';
import { normalizeWhitespace } from '../text/normalize-whitespace.ts';
import { cleanTitle } from './clean-title.ts';
import { pickField } from './column-mapping.ts';
import { normalizeImportDate, type DateOrder } from './normalize-import-date.ts';
import type { ImportRecord } from './read-import-records.ts';
import { removeTitlePrefix } from './remove-title-prefix.ts';
import { applySourceName } from './source-names.ts';
import { splitIntoParagraphs } from './split-into-paragraphs.ts';

/** How records are read into drafts. */
export interface RecordToDraftOptions {
  /** How to read numeric dates with the year last; default `mdy` (`4/5/2017` is 5 April). */
  dateOrder?: DateOrder;
  /** Display names for source values (see `parseSourceNames`); values not in it are kept as written. */
  sourceNames?: ReadonlyMap<string, string>;
}

/** A record read into a draft (with the id column's value, if any), or the reason it cannot be imported. */
export type DraftResult =
  | { ok: true; draft: ArticleDraft; id: string | null; warnings: string[] }
  | { ok: false; reason: string };

/**
 * Reads one import record into an {@link ArticleDraft}, by the column
 * mapping of `COLUMN_ALIASES` (title|article_title|headline,
 * content|article_content|body|text, source|outlet|publisher,
 * date|published|datePublished, url, author|byline, id|unit_id).
 *
 * - The title is tidied by `cleanTitle` (a `Title:` label, a trailing
 *   `| Outlet` suffix naming the record's own outlet).
 * - The content loses a leading copy of the title (`removeTitlePrefix`), then
 *   is split into paragraphs (`splitIntoParagraphs`); a JSONL content that is
 *   an array of strings is taken as the paragraphs.
 * - The date is read by `normalizeImportDate`; one it cannot read becomes
 *   null, with a warning.
 * - The source is mapped through `sourceNames` when given.
 *
 * A record without a title or without body text is rejected with the reason.
 * Never throws.
 */
export function convertRecordToDraft(record: ImportRecord, options: RecordToDraftOptions = {}): DraftResult {
  const warnings: string[] = [];
  const rawSource = asText(pickField(record.fields, 'source'));
  const source = rawSource === undefined ? '' : normalizeWhitespace(applySourceName(rawSource, options.sourceNames));
  const writtenTitle = normalizeWhitespace(asText(pickField(record.fields, 'title')) ?? '');
  if (writtenTitle === '') return { ok: false, reason: 'has no title (no text in a title, article_title or headline column)' };
  const title = cleanTitle(writtenTitle, [rawSource, source]);

  const content = pickField(record.fields, 'content');
  let paragraphs: string[];
  if (Array.isArray(content)) {
    paragraphs = content.flatMap((p) => splitIntoParagraphs(asText(p) ?? ''));
  } else {
    const text = asText(content) ?? '';
    const withoutTitle = removeTitlePrefix(text, writtenTitle);
    paragraphs = splitIntoParagraphs(withoutTitle === text ? removeTitlePrefix(text, title) : withoutTitle);
  }
  if (paragraphs.length === 0) {
    return { ok: false, reason: `"${title}" has no body (no text in a content, article_content, body or text column)` };
  }

  const rawDate = pickField(record.fields, 'date');
  let date: string | null = null;
  if (rawDate !== undefined) {
    date = normalizeImportDate(rawDate, options.dateOrder ?? 'mdy');
    if (date === null) warnings.push(`date ${JSON.stringify(rawDate)} is not a date it can read; left out`);
  }

  const id = asText(pickField(record.fields, 'id'))?.trim() ?? null;

  const draft: ArticleDraft = { title, date, source: source === '' ? null : source, paragraphs, captions: [] };
  const url = asText(pickField(record.fields, 'url'))?.trim();
  if (url) draft.url = url;
  const author = asText(pickField(record.fields, 'author'));
  if (author !== undefined && normalizeWhitespace(author) !== '') draft.author = normalizeWhitespace(author);
  return { ok: true, draft, id: id === '' ? null : id, warnings };
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}
