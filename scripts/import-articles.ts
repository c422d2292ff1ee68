/**
 * Imports news articles from a CSV or JSONL file into the articles folder,
 * one file per record in the reference layout.
 *
 *     npm run import -- <file.csv|file.jsonl> [--out articles/] [--where col=value]
 *                       [--date-order mdy|dmy] [--source-names FILE.json] [--force] [--limit N]
 *
 * The column mapping, date reading and paragraph rules are documented in
 * src/import/. Exit codes: 0 done (rows that cannot be imported are listed
 * and skipped), 1 the input cannot be read, 2 bad arguments.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ArticleDraft } from '../src/article.ts';
import { formatReferenceArticle } from '../src/format-reference-article.ts';
import { hasColumn, matchesWhere, parseWhereClause, type WhereClause } from '../src/import/filter-records.ts';
import { nameArticleFile } from '../src/import/name-article-file.ts';
import { DATE_ORDERS, type DateOrder } from '../src/import/normalize-import-date.ts';
import { detectImportFormat, readImportRecords, type ImportFailure } from '../src/import/read-import-records.ts';
import { convertRecordToDraft } from '../src/import/convert-record-to-draft.ts';
import { parseSourceNames } from '../src/import/source-names.ts';
import { decodeText } from '../src/text/decode-text.ts';
import { normalizeWhitespace } from '../src/text/normalize-whitespace.ts';

/** Where the CLI writes its messages; tests pass recording functions. */
export interface ImportIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** What one import run did, as counted in its summary. */
export interface ImportSummary {
  read: number;
  selected: number;
  written: string[];
  overwritten: string[];
  unchanged: string[];
  skipped: ImportFailure[];
  warnings: ImportFailure[];
}

const USAGE = `Usage: npm run import -- <file.csv|file.jsonl> [options]

Writes one article file per record, in the reference layout, named <id-or-row>-<slug-of-title>.txt.

Options:
  --out DIR               folder to write into (created if missing; default articles/)
  --where COLUMN=VALUE    import only rows whose COLUMN is VALUE (repeatable; all must hold)
  --date-order mdy|dmy    how to read numeric dates such as 4/5/2017 (default mdy: April 5)
  --source-names FILE     JSON object mapping source values to display names, e.g. {"sana": "SANA"}
  --force                 overwrite existing files whose content differs
  --limit N               import at most N of the selected rows
  --help                  show this message

Columns read (case and punctuation ignored): title|article_title|headline, content|article_content|body|text,
source|outlet|publisher, date|published|datePublished, url, author|byline, id|unit_id.`;

interface CliOptions {
  input: string;
  out: string;
  where: WhereClause[];
  dateOrder: DateOrder;
  sourceNames: string | undefined;
  force: boolean;
  limit: number | undefined;
}

/**
 * Runs the importer with command-line arguments (without `node` and the
 * script) and returns the exit code. Relative paths are resolved from `cwd`.
 */
export async function runImportCli(argv: readonly string[], io: ImportIo, cwd = process.cwd()): Promise<number> {
  let options: CliOptions | 'help';
  try {
    options = readOptions(argv);
  } catch (error) {
    io.err(`import-articles: ${error instanceof Error ? error.message : String(error)}`);
    io.err('');
    io.err(USAGE);
    return 2;
  }
  if (options === 'help') {
    io.out(USAGE);
    return 0;
  }

  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(cwd, options.input));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : String(error);
    io.err(`import-articles: cannot read ${options.input}: ${why}`);
    return 1;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    io.err(`import-articles: cannot read ${options.input}: it looks like a binary file, not CSV or JSONL text`);
    return 1;
  }
  const text = decoded.text;

  let sourceNames: Map<string, string> | undefined;
  if (options.sourceNames !== undefined) {
    try {
      sourceNames = parseSourceNames(await readFile(resolve(cwd, options.sourceNames), 'utf8'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.err(`import-articles: --source-names ${options.sourceNames}: ${code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  }

  const format = detectImportFormat(options.input)!;
  const { records, failures, columns } = readImportRecords(text, format);
  for (const clause of options.where) {
    if (records.length > 0 && !hasColumn(columns, clause.column)) {
      io.err(`import-articles: --where ${clause.column}=${clause.value}: ${options.input} has no column "${clause.column}" (columns: ${columns.join(', ')})`);
      return 2;
    }
  }

  const selected = records.filter((r) => matchesWhere(r.fields, options.where));
  const toImport = options.limit === undefined ? selected : selected.slice(0, options.limit);
  const summary: ImportSummary = {
    read: records.length + failures.length,
    selected: selected.length,
    written: [],
    overwritten: [],
    unchanged: [],
    skipped: [...failures],
    warnings: [],
  };

  const outDir = resolve(cwd, options.out);
  await mkdir(outDir, { recursive: true });
  const rowByArticle = new Map<string, number>();
  const namesThisRun = new Set<string>();
  for (const record of toImport) {
    const result = convertRecordToDraft(record, { dateOrder: options.dateOrder, sourceNames });
    if (!result.ok) {
      summary.skipped.push({ row: record.row, reason: result.reason });
      continue;
    }
    let articleText: string;
    try {
      articleText = formatReferenceArticle(result.draft);
    } catch (error) {
      summary.skipped.push({ row: record.row, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    // The loader keeps one article per title, date and outlet; writing the
    // others would only add duplicates to every load report.
    const key = duplicateKey(result.draft);
    const original = rowByArticle.get(key);
    if (original !== undefined) {
      summary.skipped.push({ row: record.row, reason: `same title, date and outlet as row ${original} (a duplicate)` });
      continue;
    }
    rowByArticle.set(key, record.row);
    summary.warnings.push(...result.warnings.map((reason) => ({ row: record.row, reason })));

    let name = nameArticleFile({ id: result.id, row: record.row, title: result.draft.title });
    if (namesThisRun.has(name)) {
      // Same id and title but another date or outlet: keep both, told apart by row.
      name = nameArticleFile({ id: `${result.id ?? ''}-row${record.row}`, row: record.row, title: result.draft.title });
    }
    namesThisRun.add(name);

    const path = join(outDir, name);
    const existing = await readExisting(path);
    if (existing === articleText) {
      summary.unchanged.push(name);
    } else if (existing !== null && !options.force) {
      summary.skipped.push({ row: record.row, reason: `${name} exists with other content (use --force to overwrite)` });
    } else {
      await writeFile(path, articleText, 'utf8');
      (existing === null ? summary.written : summary.overwritten).push(name);
    }
  }

  printSummary(summary, { input: options.input, out: options.out, where: options.where, limited: toImport.length < selected.length }, io);
  return 0;
}

function readOptions(argv: readonly string[]): CliOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string', default: 'articles/' },
      where: { type: 'string', multiple: true, default: [] },
      'date-order': { type: 'string', default: 'mdy' },
      'source-names': { type: 'string' },
      force: { type: 'boolean', default: false },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (positionals.length === 0) throw new Error('expected the file to import (.csv or .jsonl)');
  if (positionals.length > 1) throw new Error(`expected one file to import, got ${positionals.length}: ${positionals.join(' ')}`);
  const input = positionals[0]!;
  if (detectImportFormat(input) === null) throw new Error(`"${input}" is not a .csv or .jsonl file`);

  const dateOrder = values['date-order'];
  if (!(DATE_ORDERS as readonly string[]).includes(dateOrder)) {
    throw new Error(`--date-order must be mdy or dmy, got "${dateOrder}"`);
  }
  let limit: number | undefined;
  if (values.limit !== undefined) {
    if (!/^\d+$/.test(values.limit) || Number(values.limit) < 1) {
      throw new Error(`--limit must be a whole number of at least 1, got "${values.limit}"`);
    }
    limit = Number(values.limit);
  }
  if (values.out.trim() === '') throw new Error('--out must name a folder');
  return {
    input,
    out: values.out,
    where: values.where.map(parseWhereClause),
    dateOrder: dateOrder as DateOrder,
    sourceNames: values['source-names'],
    force: values.force,
    limit,
  };
}

/** Title, date and outlet, case and spacing aside: what the loader treats as one article. */
function duplicateKey(draft: ArticleDraft): string {
  const fold = (value: string | null) => normalizeWhitespace(value ?? '').toLowerCase();
  return `${fold(draft.title)}\u0000${draft.date ?? ''}\u0000${fold(draft.source)}`;
}

async function readExisting(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function printSummary(
  summary: ImportSummary,
  run: { input: string; out: string; where: WhereClause[]; limited: boolean },
  io: ImportIo,
): void {
  const filter = run.where.length === 0 ? '' : `, ${summary.selected} match ${run.where.map((w) => `${w.column}=${w.value}`).join(' and ')}`;
  io.out(`Imported ${run.input} into ${run.out}: ${summary.read} rows read${filter}${run.limited ? ' (limited by --limit)' : ''}.`);
  io.out(
    `written: ${summary.written.length}, overwritten: ${summary.overwritten.length}, unchanged: ${summary.unchanged.length}, skipped: ${summary.skipped.length}`,
  );
  if (summary.skipped.length > 0) {
    io.out('skipped:');
    for (const { row, reason } of [...summary.skipped].sort((a, b) => a.row - b.row)) {
      io.out(`  ${row === 0 ? 'header' : `row ${row}`}: ${reason}`);
    }
  }
  if (summary.warnings.length > 0) {
    io.out('warnings:');
    for (const { row, reason } of summary.warnings) io.out(`  row ${row}: ${reason}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await runImportCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}
