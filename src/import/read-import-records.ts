import { parse } from 'csv-parse/sync';

/** The file formats the importer reads. */
export const IMPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * One record of an import file: its fields by column name as written in the
 * file, and its row number for reports and file names. In a CSV file the row
 * number counts data records (1 = the first record after the header row); in
 * a JSONL file it is the line number.
 */
export interface ImportRecord {
  row: number;
  fields: Record<string, unknown>;
}

/** A record that could not be read or turned into an article, and why. */
export interface ImportFailure {
  row: number;
  reason: string;
}

/** What {@link readImportRecords} found: the records, the rows it could not read, and the column names seen. */
export interface ImportRecords {
  records: ImportRecord[];
  failures: ImportFailure[];
  columns: string[];
}

/**
 * Picks the import format from a file name's extension (`.csv`, `.jsonl`,
 * `.ndjson`), or null when the extension is not one the importer reads.
 */
export function detectImportFormat(fileName: string): ImportFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  return null;
}

/**
 * Reads the records of a CSV file (with a header row) or a JSONL file (one
 * JSON object per line). A row that cannot be read (a CSV row with the wrong
 * number of fields or broken quoting, a JSONL line that is not a JSON object)
 * is listed in `failures` and the rest are still read. Never throws.
 *
 * @example readImportRecords('id,title\n1,Hello\n', 'csv').records // [{ row: 1, fields: { id: '1', title: 'Hello' } }]
 */
export function readImportRecords(text: string, format: ImportFormat): ImportRecords {
  return format === 'csv' ? readCsv(text) : readJsonl(text);
}

function readCsv(text: string): ImportRecords {
  const failures: ImportFailure[] = [];
  const records: ImportRecord[] = [];
  // Records and skipped rows arrive in file order, so one counter numbers
  // both; the header is record 0.
  let seen = 0;
  const rowNumbers: number[] = [];
  let parsed: string[][];
  try {
    parsed = parse(text, {
      bom: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_record: (record) => {
        rowNumbers.push(seen++);
        return record;
      },
      on_skip: (error) => {
        failures.push({ row: seen++, reason: `cannot be read as CSV: ${error?.message ?? 'unknown problem'}` });
        return undefined;
      },
    });
  } catch (error) {
    failures.push({ row: seen, reason: `cannot be read as CSV: ${error instanceof Error ? error.message : String(error)}` });
    return { records, failures, columns: [] };
  }
  const rows = parsed.map((values, i) => ({ row: rowNumbers[i] ?? i, values }));
  const [header, ...data] = rows;
  if (header === undefined || header.row !== 0) {
    const headerFailure = failures.some((f) => f.row === 0) ? [] : [{ row: 0, reason: 'has no header row' }];
    return { records, failures: [...headerFailure, ...failures], columns: [] };
  }
  const columns = header.values.map((name) => name.trim());
  for (const { row, values } of data) {
    const fields: Record<string, unknown> = {};
    for (const [i, name] of columns.entries()) fields[name] = values[i];
    records.push({ row, fields });
  }
  return { records, failures, columns };
}

function readJsonl(text: string): ImportRecords {
  const failures: ImportFailure[] = [];
  const records: ImportRecord[] = [];
  const columns = new Set<string>();
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const row = index + 1;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      failures.push({ row, reason: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      failures.push({ row, reason: 'is not a JSON object' });
      continue;
    }
    const fields = value as Record<string, unknown>;
    for (const name of Object.keys(fields)) columns.add(name);
    records.push({ row, fields });
  }
  return { records, failures, columns: [...columns] };
}
