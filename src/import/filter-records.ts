import { foldColumnName } from './column-mapping.ts';

/** One `--where column=value` condition. */
export interface WhereClause {
  column: string;
  value: string;
}

/**
 * Reads a `column=value` condition. The value may be empty (`note=` selects
 * rows where `note` is blank) and may itself contain `=`. Throws a prefixed
 * error when there is no `=` or no column name.
 *
 * @example parseWhereClause('labels=1') // { column: 'labels', value: '1' }
 */
export function parseWhereClause(text: string): WhereClause {
  const at = text.indexOf('=');
  const column = at < 0 ? '' : text.slice(0, at).trim();
  if (at < 0 || column === '') throw new Error(`--where: expected column=value, got "${text}"`);
  return { column, value: text.slice(at + 1).trim() };
}

/**
 * True when a record meets every condition: the column (matched like the
 * column mapping, ignoring case and punctuation) holds exactly the value,
 * after trimming white space. A record without the column does not match.
 */
export function matchesWhere(fields: Record<string, unknown>, clauses: readonly WhereClause[]): boolean {
  return clauses.every((clause) => {
    const key = foldColumnName(clause.column);
    return Object.entries(fields).some(
      ([name, value]) => foldColumnName(name) === key && value !== undefined && value !== null && String(value).trim() === clause.value,
    );
  });
}

/** True when some column in `columns` is the one a condition names. */
export function hasColumn(columns: readonly string[], column: string): boolean {
  const key = foldColumnName(column);
  return columns.some((name) => foldColumnName(name) === key);
}
