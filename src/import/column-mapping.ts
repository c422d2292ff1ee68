/**
 * The columns the importer reads, and the names it accepts for each, in order
 * of preference. Column names are matched ignoring case and any character
 * that is not a letter or digit, so `article_title`, `Article Title` and
 * `articleTitle` are the same column. When several of a field's columns are
 * present, the first non-blank one in this order wins. Other columns are
 * ignored (they can still be used by `--where`).
 *
 * | field   | accepted column names                      |
 * |---------|--------------------------------------------|
 * | id      | id, unit_id                                |
 * | title   | title, article_title, headline             |
 * | content | content, article_content, body, text       |
 * | source  | source, outlet, publisher                  |
 * | date    | date, published, datePublished             |
 * | url     | url                                        |
 * | author  | author, byline                             |
 */
export const COLUMN_ALIASES = {
  id: ['id', 'unit_id'],
  title: ['title', 'article_title', 'headline'],
  content: ['content', 'article_content', 'body', 'text'],
  source: ['source', 'outlet', 'publisher'],
  date: ['date', 'published', 'datePublished'],
  url: ['url'],
  author: ['author', 'byline'],
} as const satisfies Record<string, readonly string[]>;

/** A field of an article that the importer fills from a column. */
export type ImportField = keyof typeof COLUMN_ALIASES;

/**
 * The key a column name is compared by: lower-case letters and digits only.
 *
 * @example foldColumnName('Article_Title') // 'articletitle'
 */
export function foldColumnName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The value of one field in a record's columns, by {@link COLUMN_ALIASES}:
 * the first alias whose value is not blank, or undefined when none is.
 * Values that are not strings are returned as they are (JSONL may hold
 * numbers or arrays).
 */
export function pickField(fields: Record<string, unknown>, field: ImportField): unknown {
  const byKey = new Map<string, unknown>();
  for (const [name, value] of Object.entries(fields)) {
    const key = foldColumnName(name);
    if (!byKey.has(key) || isBlank(byKey.get(key))) byKey.set(key, value);
  }
  for (const alias of COLUMN_ALIASES[field]) {
    const value = byKey.get(foldColumnName(alias));
    if (!isBlank(value)) return value;
  }
  return undefined;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
