import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ArticleDraft } from '../src/article.ts';
import { formatReferenceArticle } from '../src/format-reference-article.ts';
import { cleanTitle } from '../src/import/clean-title.ts';
import { foldColumnName, pickField, type ImportField } from '../src/import/column-mapping.ts';
import { matchesWhere, parseWhereClause } from '../src/import/filter-records.ts';
import { nameArticleFile, slugifyTitle } from '../src/import/name-article-file.ts';
import { normalizeImportDate, type DateOrder } from '../src/import/normalize-import-date.ts';
import { readImportRecords } from '../src/import/read-import-records.ts';
import { convertRecordToDraft } from '../src/import/convert-record-to-draft.ts';
import { removeTitlePrefix } from '../src/import/remove-title-prefix.ts';
import { parseSourceNames } from '../src/import/source-names.ts';
import { groupSentences, splitIntoParagraphs } from '../src/import/split-into-paragraphs.ts';
import { parseArticleFile } from '../src/parse/parse-article-file.ts';
import { normalizeWhitespace } from '../src/text/normalize-whitespace.ts';
import { splitSentences } from '../src/text/split-sentences.ts';
import { runImportCli } from '../scripts/import-articles.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'import');
const CSV_FIXTURE = join(FIXTURES, 'articles.csv');
const JSONL_FIXTURE = join(FIXTURES, 'articles.jsonl');
const SOURCE_NAMES_FIXTURE = join(FIXTURES, 'source-names.json');
const PROJECT = join(import.meta.dirname, '..');

describe('column mapping', () => {
  const cases: { fields: Record<string, unknown>; field: ImportField; out: unknown }[] = [
    { fields: { title: 'A' }, field: 'title', out: 'A' },
    { fields: { article_title: 'A' }, field: 'title', out: 'A' },
    { fields: { Headline: 'A' }, field: 'title', out: 'A' },
    { fields: { 'Article Title': 'A' }, field: 'title', out: 'A' },
    { fields: { title: '  ', headline: 'H' }, field: 'title', out: 'H' },
    { fields: { headline: 'H', title: 'T' }, field: 'title', out: 'T' },
    { fields: { article_content: 'C' }, field: 'content', out: 'C' },
    { fields: { body: 'B' }, field: 'content', out: 'B' },
    { fields: { text: 'X' }, field: 'content', out: 'X' },
    { fields: { content: ['p1', 'p2'] }, field: 'content', out: ['p1', 'p2'] },
    { fields: { outlet: 'O' }, field: 'source', out: 'O' },
    { fields: { publisher: 'P' }, field: 'source', out: 'P' },
    { fields: { datePublished: '2017-01-02' }, field: 'date', out: '2017-01-02' },
    { fields: { date_published: '2017-01-02' }, field: 'date', out: '2017-01-02' },
    { fields: { published: '1/2/2017' }, field: 'date', out: '1/2/2017' },
    { fields: { URL: 'https://x.org' }, field: 'url', out: 'https://x.org' },
    { fields: { byline: 'By Me' }, field: 'author', out: 'By Me' },
    { fields: { unit_id: '1914947530' }, field: 'id', out: '1914947530' },
    { fields: { id: 7 }, field: 'id', out: 7 },
    { fields: { location: 'idlib' }, field: 'source', out: undefined },
  ];
  for (const c of cases) {
    test(`pickField(${JSON.stringify(c.fields)}, ${c.field}) → ${JSON.stringify(c.out)}`, () => {
      expect(pickField(c.fields, c.field)).toEqual(c.out);
    });
  }

  test('foldColumnName ignores case and punctuation', () => {
    expect(foldColumnName('Article_Title')).toBe('articletitle');
    expect(foldColumnName('date-published')).toBe(foldColumnName('datePublished'));
  });
});

describe('date normalisation', () => {
  const cases: { in: unknown; order?: DateOrder; out: string | null }[] = [
    { in: '4/5/2017', out: '2017-04-05' },
    { in: '12/31/2016', out: '2016-12-31' },
    { in: '4/5/2017', order: 'dmy', out: '2017-05-04' },
    { in: '31/12/2016', order: 'dmy', out: '2016-12-31' },
    { in: '31/12/2016', out: null },
    { in: '2/29/2016', out: '2016-02-29' },
    { in: '2/29/2017', out: null },
    { in: '2/30/2017', out: null },
    { in: '04.05.2017', out: '2017-04-05' },
    { in: '2017-06-16', out: '2017-06-16' },
    { in: ' 2017-06-16 ', out: '2017-06-16' },
    { in: '2017-06-16T09:30:00Z', out: '2017-06-16' },
    { in: '2017-13-01', out: null },
    { in: '4/5/17', out: null },
    { in: 'April 5 2017', out: null },
    { in: 'yesterday', out: null },
    { in: '', out: null },
    { in: 20170405, out: null },
  ];
  for (const c of cases) {
    test(`normalizeImportDate(${JSON.stringify(c.in)}${c.order ? `, ${c.order}` : ''}) → ${c.out}`, () => {
      expect(normalizeImportDate(c.in, c.order)).toBe(c.out);
    });
  }
});

describe('paragraphs', () => {
  const blob =
    'The army said on Monday it had taken the town. "We are advancing. The enemy is retreating. Victory is near" a commander said. ' +
    'Residents fled overnight. Aid groups said 3.5 million people needed help. The U.N. called for calm. ' +
    'Dr. Smith said the hospital was full. Talks are due on Jan. 5 in Geneva. ' +
    'A very long sentence follows that goes on and on about the situation in the region without ever stopping for breath ' +
    'and keeps adding clauses about the fighting and the weather and the roads and the supplies and the people who live there ' +
    'and what they said to reporters who visited the area on the day after the attack when the roads were finally open again ' +
    'so that it is longer than any paragraph limit would allow and must still not be cut anywhere in its middle at all. The end.';

  test('a blob is grouped into paragraphs of whole sentences, none cut, all text kept', () => {
    const paragraphs = groupSentences(blob);
    expect(paragraphs.join(' ')).toBe(normalizeWhitespace(blob));
    const sentenceEnds = new Set(splitSentences(normalizeWhitespace(blob)).map((s) => normalizeWhitespace(blob).slice(0, s.end)));
    let soFar = '';
    for (const paragraph of paragraphs) {
      soFar = soFar === '' ? paragraph : `${soFar} ${paragraph}`;
      expect(sentenceEnds.has(soFar), `paragraph ends inside a sentence: …${paragraph.slice(-40)}`).toBe(true);
    }
    expect(paragraphs.length).toBeGreaterThan(2);
  });

  test('no paragraph holds more than 3 sentences or runs past 500 characters, except a quotation or one long sentence', () => {
    for (const paragraph of groupSentences(blob)) {
      const sentences = splitSentences(paragraph);
      if (!paragraph.includes('"')) expect(sentences.length).toBeLessThanOrEqual(3);
      if (sentences.length > 1 && !paragraph.includes('"')) expect(paragraph.length).toBeLessThanOrEqual(500);
    }
  });

  test('a quotation over several sentences stays in one paragraph', () => {
    const paragraphs = groupSentences('One. Two. He said "Three. Four. Five." Six. Seven.');
    expect(paragraphs.find((p) => p.includes('"Three'))).toContain('Five."');
  });

  test('a single sentence longer than the limit is a paragraph of its own', () => {
    const long = `${'word '.repeat(150).trim()}.`;
    expect(groupSentences(`Short one. ${long} Short two.`)).toEqual(['Short one.', long, 'Short two.']);
  });

  test('the limits can be set', () => {
    expect(groupSentences('One is here. Two is here. Three is here. Four is here.', { maxSentences: 2 })).toEqual(['One is here. Two is here.', 'Three is here. Four is here.']);
  });

  const splitCases: { name: string; in: string; out: string[] }[] = [
    { name: 'blank lines', in: 'One line\nwrapped.\n\nTwo.\r\n\r\nThree.', out: ['One line wrapped.', 'Two.', 'Three.'] },
    { name: 'single line breaks', in: 'One.\nTwo.\nThree.', out: ['One.', 'Two.', 'Three.'] },
    { name: 'no line break', in: 'One. Two. Three. Four.', out: ['One. Two. Three.', 'Four.'] },
    { name: 'blank', in: '  \n ', out: [] },
  ];
  for (const c of splitCases) {
    test(`splitIntoParagraphs: ${c.name}`, () => expect(splitIntoParagraphs(c.in)).toEqual(c.out));
  }
});

describe('title-prefix removal', () => {
  const cases: { name: string; content: string; title: string; out: string }[] = [
    {
      name: 'dateline then the title and a full stop',
      content: 'Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use WHO. Victims of a suspected attack.',
      title: 'Syria attack symptoms consistent with nerve agent use WHO',
      out: 'Victims of a suspected attack.',
    },
    {
      name: 'title first, no punctuation',
      content: '10 dead after strikes on rebel-held hospitals in Syria Air strikes on two hospitals left 10 dead.',
      title: '10 dead after strikes on rebel-held hospitals in Syria',
      out: 'Air strikes on two hospitals left 10 dead.',
    },
    {
      name: 'quotes and spacing differ',
      content: 'April 5 2017 by Some Reporter "Chemical" Massacre in Idlib Defies the World Beirut- Warplanes struck.',
      title: 'Chemical Massacre in Idlib Defies the World',
      out: 'Beirut- Warplanes struck.',
    },
    {
      name: 'a quote opening the body is kept',
      content: 'Mon 1 May 2017 Minister warns of new fighting "We are ready" he said.',
      title: 'Minister warns of new fighting',
      out: '"We are ready" he said.',
    },
    {
      name: 'case and punctuation differ',
      content: 'Sun 01 Feb 2015 Explosion rocks down town Damascus . An explosion inside a bus killed six.',
      title: 'Explosion Rocks Down-Town Damascus',
      out: 'An explosion inside a bus killed six.',
    },
    {
      name: 'title starting too far in is left',
      content: `${'Some long introduction that is really a sentence of the body and goes on. '.repeat(2)}Syria attack symptoms reported. More.`,
      title: 'Syria attack symptoms reported',
      out: `${'Some long introduction that is really a sentence of the body and goes on. '.repeat(2)}Syria attack symptoms reported. More.`,
    },
    {
      name: 'no copy of the title',
      content: '12 February 2015 Casualties mount in the city.',
      title: 'Syrian regime steps up aerial assault on Douma',
      out: '12 February 2015 Casualties mount in the city.',
    },
    {
      name: 'a copy inside a longer word is not a copy',
      content: 'Rebels take the hillside villages. More fighting.',
      title: 'Rebels take the hill',
      out: 'Rebels take the hillside villages. More fighting.',
    },
    {
      name: 'content that is only the title is left whole',
      content: '30 October 2016 35 cases of suffocation in chemical attack',
      title: '35 cases of suffocation in chemical attack',
      out: '30 October 2016 35 cases of suffocation in chemical attack',
    },
    { name: 'a very short title is not looked for', content: 'Syria. Syria is at war.', title: 'Syria', out: 'Syria. Syria is at war.' },
  ];
  for (const c of cases) {
    test(`removeTitlePrefix: ${c.name}`, () => expect(removeTitlePrefix(c.content, c.title)).toBe(c.out));
  }
});

describe('title tidying', () => {
  const cases: { in: string; outlets: string[]; out: string }[] = [
    { in: 'Dozens dead as car bomb hits Syria evacuees | Jordan Times', outlets: ['jordantimes'], out: 'Dozens dead as car bomb hits Syria evacuees' },
    { in: 'Air raid kills 21 at Syria market Monitor - Region - World - Ahram Online', outlets: ['ahram'], out: 'Air raid kills 21 at Syria market Monitor' },
    { in: 'title: ISIL Kills over 50 in Central Syria Attack', outlets: ['manar'], out: 'ISIL Kills over 50 in Central Syria Attack' },
    { in: 'Talks in Geneva - Reuters', outlets: ['Reuters'], out: 'Talks in Geneva' },
    { in: 'Yemen strikes hit Sanaa - Sanaa', outlets: ['sana'], out: 'Yemen strikes hit Sanaa - Sanaa' },
    { in: 'Syria - Aleppo talks', outlets: ['reuters'], out: 'Syria - Aleppo talks' },
    { in: 'National News Agency - Blasts in Homs kill 18', outlets: ['nna'], out: 'National News Agency - Blasts in Homs kill 18' },
    { in: 'No outlet known | Jordan Times', outlets: [], out: 'No outlet known | Jordan Times' },
  ];
  for (const c of cases) {
    test(`cleanTitle(${JSON.stringify(c.in)}) → ${JSON.stringify(c.out)}`, () => expect(cleanTitle(c.in, c.outlets)).toBe(c.out));
  }
});

describe('--where filter', () => {
  const fields = { labels: '1', Source: 'reuters', note: '' };
  const cases: { where: string[]; out: boolean }[] = [
    { where: [], out: true },
    { where: ['labels=1'], out: true },
    { where: ['labels=0'], out: false },
    { where: ['LABELS = 1'], out: true },
    { where: ['labels=1', 'source=reuters'], out: true },
    { where: ['labels=1', 'source=sana'], out: false },
    { where: ['source=Reuters'], out: false },
    { where: ['note='], out: true },
    { where: ['missing=1'], out: false },
  ];
  for (const c of cases) {
    test(`${c.where.map((w) => `--where ${w}`).join(' ') || 'no --where'} → ${c.out ? 'selected' : 'not selected'}`, () => {
      expect(matchesWhere(fields, c.where.map(parseWhereClause))).toBe(c.out);
    });
  }
  test('a value may contain "="', () => expect(parseWhereClause('q=a=b')).toEqual({ column: 'q', value: 'a=b' }));
  for (const bad of ['labels', '=1', '']) {
    test(`parseWhereClause(${JSON.stringify(bad)}) throws`, () => expect(() => parseWhereClause(bad)).toThrow(/^--where: expected column=value/));
  }
});

describe('reading records', () => {
  test('CSV: header row, quoted fields with line breaks, rows numbered from 1', () => {
    const { records, failures, columns } = readImportRecords(readFileSync(CSV_FIXTURE, 'utf8'), 'csv');
    expect(columns).toEqual(['unit_id', 'article_title', 'article_content', 'source', 'date', 'location', 'labels']);
    expect(failures).toEqual([]);
    expect(records.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(records[5]?.fields.article_content).toContain('\n\nIt carried food');
  });

  test('CSV: a bad row is reported with its number and the rest are read', () => {
    const { records, failures } = readImportRecords('\ufeffid,title\r\n1,A\r\n2,B,extra\r\n3,C\r\n', 'csv');
    expect(records.map((r) => [r.row, r.fields.title])).toEqual([[1, 'A'], [3, 'C']]);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.row).toBe(2);
  });

  test('JSONL: bad lines are reported by line number', () => {
    const { records, failures } = readImportRecords(readFileSync(JSONL_FIXTURE, 'utf8'), 'jsonl');
    expect(records.map((r) => r.row)).toEqual([1, 4, 6]);
    expect(failures.map((f) => f.row)).toEqual([3, 5]);
  });
});

describe('record to draft', () => {
  test('an FA-KES-like row: mapped columns, m/d/yyyy date, title copy removed, blob made into paragraphs', () => {
    const { records } = readImportRecords(readFileSync(CSV_FIXTURE, 'utf8'), 'csv');
    const result = convertRecordToDraft(records[0]!, { sourceNames: parseSourceNames(readFileSync(SOURCE_NAMES_FIXTURE, 'utf8')) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.id).toBe('1001');
    expect(result.draft.title).toBe('Rebels and army trade fire near the northern city');
    expect(result.draft.date).toBe('2017-04-03');
    expect(result.draft.source).toBe('Reuters');
    expect(result.draft.paragraphs[0]).toMatch(/^Fighting broke out on Monday/);
    expect(result.draft.paragraphs.length).toBeGreaterThan(1);
  });

  test('a source without a display name is kept as written', () => {
    const result = convertRecordToDraft({ row: 1, fields: { title: 'A title here', content: 'Body.', source: 'trt' } }, { sourceNames: new Map() });
    expect(result.ok && result.draft.source).toBe('trt');
  });

  test('JSONL fields: url, author, ISO timestamp, paragraphs given as a list, dmy dates', () => {
    const { records } = readImportRecords(readFileSync(JSONL_FIXTURE, 'utf8'), 'jsonl');
    const first = convertRecordToDraft(records[0]!);
    expect(first).toMatchObject({
      ok: true,
      id: 'j1',
      draft: { title: 'Talks resume in Geneva', date: '2017-03-20', source: 'Example Wire', url: 'https://example.org/talks', author: 'A. Reporter' },
    });
    const list = convertRecordToDraft(records[1]!, { dateOrder: 'dmy' });
    expect(list).toMatchObject({ ok: true, draft: { date: '2017-03-20', paragraphs: ['First paragraph of the list.', 'Second paragraph of the list.'] } });
    const noDate = convertRecordToDraft(records[2]!);
    expect(noDate).toMatchObject({ ok: true, id: 'j3', draft: { date: null, source: null } });
  });

  const failing: { name: string; fields: Record<string, unknown>; reason: RegExp }[] = [
    { name: 'no title', fields: { content: 'Body.' }, reason: /has no title/ },
    { name: 'blank title', fields: { title: '  ', content: 'Body.' }, reason: /has no title/ },
    { name: 'no body', fields: { title: 'Only a title' }, reason: /has no body/ },
    { name: 'blank body', fields: { title: 'Only a title', content: ' \n ' }, reason: /has no body/ },
  ];
  for (const c of failing) {
    test(`a record with ${c.name} is rejected with the reason`, () => {
      const result = convertRecordToDraft({ row: 3, fields: c.fields });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(c.reason);
    });
  }

  test('an unreadable date becomes null with a warning', () => {
    const result = convertRecordToDraft({ row: 1, fields: { title: 'A title here', content: 'Body.', date: '2/30/2017' } });
    expect(result).toMatchObject({ ok: true, draft: { date: null } });
    expect(result.ok && result.warnings[0]).toMatch(/2\/30\/2017/);
  });
});

describe('file names', () => {
  const cases: { id: string | null; row: number; title: string; out: string }[] = [
    { id: '1914947530', row: 1, title: 'Syria attack symptoms consistent with nerve agent use WHO', out: '1914947530-syria-attack-symptoms-consistent-with-nerve-agent-use-who.txt' },
    { id: null, row: 7, title: 'Convoy reaches besieged town', out: '7-convoy-reaches-besieged-town.txt' },
    { id: '../evil id', row: 2, title: 'Café “Strike” in Syria’s north', out: 'evil_id-cafe-strike-in-syrias-north.txt' },
    { id: 'x', row: 3, title: '!!!', out: 'x-untitled.txt' },
  ];
  for (const c of cases) {
    test(`nameArticleFile(${JSON.stringify(c.id)}, ${c.row}, ${JSON.stringify(c.title)}) → ${c.out}`, () => {
      expect(nameArticleFile(c)).toBe(c.out);
    });
  }
  test('slugs are cut at a hyphen to at most 60 characters', () => {
    const slug = slugifyTitle('Syrian warplane crashes into market in northwest town of Ariha near Turkish border kills 35');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('syrian-warplane-crashes-into-market-in-northwest-town-of');
  });
});

describe('formatReferenceArticle', () => {
  const draft: ArticleDraft = {
    title: 'Russia claims to have killed IS leader',
    date: '2017-06-16',
    source: 'Associated Press',
    paragraphs: ['First paragraph.', 'Second paragraph.'],
    captions: [],
  };

  const cases: { name: string; draft: ArticleDraft; out: string }[] = [
    {
      name: 'all fields',
      draft,
      out: 'date 2017-06-16\n\nRussia claims to have killed IS leader\n\nSource:\n\nAssociated Press\n\nFirst paragraph.\n\nSecond paragraph.\n',
    },
    {
      name: 'no date: no date line',
      draft: { ...draft, date: null },
      out: 'Russia claims to have killed IS leader\n\nSource:\n\nAssociated Press\n\nFirst paragraph.\n\nSecond paragraph.\n',
    },
    {
      name: 'no source: no Source block',
      draft: { ...draft, source: null, date: null },
      out: 'Russia claims to have killed IS leader\n\nFirst paragraph.\n\nSecond paragraph.\n',
    },
    {
      name: 'line breaks, blank lines and no-break spaces inside fields are flattened; empty and repeated paragraphs dropped',
      draft: { ...draft, title: ' Russia claims\nto have\u00a0killed IS leader ', paragraphs: ['First\n\nparagraph.', '  ', 'Second paragraph.', 'First paragraph.'] },
      out: 'date 2017-06-16\n\nRussia claims to have killed IS leader\n\nSource:\n\nAssociated Press\n\nFirst paragraph.\n\nSecond paragraph.\n',
    },
    {
      name: 'an undated title starting with "Date" gets a "date unknown" line',
      draft: { ...draft, date: null, title: 'Date set for new Syria talks' },
      out: 'date unknown\n\nDate set for new Syria talks\n\nSource:\n\nAssociated Press\n\nFirst paragraph.\n\nSecond paragraph.\n',
    },
    {
      name: 'a paragraph that reads as a Source: line is joined to the one before',
      draft: { ...draft, paragraphs: ['First paragraph.', 'Source: a leaked memo said so.', 'Last.'] },
      out: 'date 2017-06-16\n\nRussia claims to have killed IS leader\n\nSource:\n\nAssociated Press\n\nFirst paragraph. Source: a leaked memo said so.\n\nLast.\n',
    },
    {
      name: 'a paragraph that reads as a photo caption is joined to the one after',
      draft: { ...draft, paragraphs: ['Officials spoke to reporters. (AP Photo/Staff)', 'They said more.'] },
      out: 'date 2017-06-16\n\nRussia claims to have killed IS leader\n\nSource:\n\nAssociated Press\n\nOfficials spoke to reporters. (AP Photo/Staff) They said more.\n',
    },
  ];
  for (const c of cases) {
    test(`writes ${c.name}`, () => expect(formatReferenceArticle(c.draft)).toBe(c.out));
  }

  test('a long outlet name is written after the label', () => {
    const source = `The ${'Very '.repeat(25)}Long Outlet`;
    expect(formatReferenceArticle({ ...draft, source })).toContain(`\n\nSource: ${source}\n\n`);
  });

  const bad: { name: string; draft: ArticleDraft; error: RegExp }[] = [
    { name: 'a blank title', draft: { ...draft, title: ' \n' }, error: /title is blank/ },
    { name: 'an invalid date', draft: { ...draft, date: '2017-02-30' }, error: /not a real YYYY-MM-DD/ },
    { name: 'no paragraph', draft: { ...draft, paragraphs: ['', ' '] }, error: /no body paragraph/ },
    { name: 'a title too long to be one', draft: { ...draft, title: 'word '.repeat(100) }, error: /would not read back/ },
  ];
  for (const c of bad) {
    test(`throws on ${c.name}`, () => expect(() => formatReferenceArticle(c.draft)).toThrow(/^formatReferenceArticle: /));
    test(`the error for ${c.name} says why`, () => expect(() => formatReferenceArticle(c.draft)).toThrow(c.error));
  }
});

describe('round trip: formatReferenceArticle → parseArticleFile', () => {
  function readBack(text: string) {
    const outcome = parseArticleFile(new TextEncoder().encode(text), 'imported.txt');
    if (!outcome.ok) throw new Error(`did not parse: ${outcome.error.message}`);
    expect(outcome.articles).toHaveLength(1);
    return outcome.articles[0]!;
  }

  const drafts: { name: string; draft: ArticleDraft }[] = [
    { name: 'dated, with outlet', draft: { title: 'Talks resume in Geneva', date: '2017-03-20', source: 'Reuters', paragraphs: ['Delegations returned on Monday.', 'The talks had stalled. "We hope" one said.'], captions: [] } },
    { name: 'undated', draft: { title: 'Talks resume in Geneva', date: null, source: 'Reuters', paragraphs: ['Delegations returned on Monday.'], captions: [] } },
    { name: 'no outlet', draft: { title: 'Talks resume in Geneva', date: '2017-03-20', source: null, paragraphs: ['One.', 'Two.'], captions: [] } },
    { name: 'neither date nor outlet', draft: { title: 'Talks resume in Geneva', date: null, source: null, paragraphs: ['One.', 'Two.', 'Three.'], captions: [] } },
    { name: 'title starting with "Date"', draft: { title: 'Date set for talks', date: null, source: 'Reuters', paragraphs: ['One.'], captions: [] } },
  ];
  for (const { name, draft } of drafts) {
    test(`${name}: same title, date, source and paragraphs`, () => {
      const article = readBack(formatReferenceArticle(draft));
      expect(article.format).toBe(draft.date === null && draft.source === null ? 'plain' : 'reference');
      expect({ title: article.title, date: article.date, source: article.source, paragraphs: article.paragraphs }).toEqual({
        title: draft.title,
        date: draft.date,
        source: draft.source,
        paragraphs: draft.paragraphs,
      });
    });
  }

  test('every imported fixture row reads back as it was imported', () => {
    const { records } = readImportRecords(readFileSync(CSV_FIXTURE, 'utf8'), 'csv');
    for (const record of records) {
      const result = convertRecordToDraft(record);
      if (!result.ok) continue;
      const article = readBack(formatReferenceArticle(result.draft));
      expect([article.title, article.date, article.source, article.paragraphs]).toEqual([
        result.draft.title,
        result.draft.date,
        result.draft.source,
        result.draft.paragraphs,
      ]);
    }
  });

  test('the reference article in articles/ survives parse → format → parse', () => {
    const file = join(PROJECT, 'articles', '000_26f8fc2a63690423.txt');
    const first = readBack(readFileSync(file, 'utf8'));
    expect([first.date, first.source]).toEqual(['2017-06-16', 'Associated Press']);
    const second = readBack(formatReferenceArticle(first));
    expect([second.title, second.date, second.source, second.paragraphs]).toEqual([first.title, first.date, first.source, first.paragraphs]);
  });

  test('property: any draft of ordinary sentences reads back the same', () => {
    const word = fc.constantFrom('Syria', 'army', 'said', 'the', 'on', 'Monday', 'U.N.', '3.5', 'million', 'Dr.', 'Smith', 'rebels', '"We', 'go"', 'Source', 'date', '-', 'AFP');
    const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => `${ws.join(' ')}.`);
    const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((ss) => ss.join(' '));
    const spacing = fc.constantFrom(' ', '\n', '\u00a0', '  ', '\t');
    const draftArb = fc.record({
      title: fc.tuple(fc.array(word, { minLength: 1, maxLength: 10 }), spacing).map(([ws, sp]) => ws.join(sp)),
      date: fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
      source: fc.option(fc.constantFrom('Reuters', 'Associated Press', 'SANA', 'The Jordan Times')),
      paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 6 }),
      captions: fc.constant([] as string[]),
    });
    fc.assert(
      fc.property(draftArb, (draft) => {
        const article = readBack(formatReferenceArticle(draft));
        expect(article.title).toBe(normalizeWhitespace(draft.title));
        expect(article.date).toBe(draft.date);
        expect(article.source).toBe(draft.source);
        expect(article.paragraphs).toEqual([...new Set(draft.paragraphs.map(normalizeWhitespace))]);
      }),
      { numRuns: 150 },
    );
  });

  test('property: with captions and Source: lines in the way, all body text still reads back, in order', () => {
    const piece = fc.constantFrom('Fighting resumed.', 'Source: officials.', 'A man walks by. (AP Photo/Staff)', '(Photo by AFP)', 'Talks went on.', 'Source:');
    const draftArb = fc.record({
      title: fc.constant('Fighting resumes in the north'),
      date: fc.constant('2017-04-03'),
      source: fc.option(fc.constant('Reuters')),
      paragraphs: fc.array(fc.array(piece, { minLength: 1, maxLength: 3 }).map((ps) => ps.join(' ')), { minLength: 1, maxLength: 5 }),
      captions: fc.constant([] as string[]),
    });
    fc.assert(
      fc.property(draftArb, (draft) => {
        let text: string;
        try {
          text = formatReferenceArticle(draft);
        } catch (error) {
          // Refusing is allowed only with a reason, e.g. a body that is nothing but a caption.
          expect(String(error)).toMatch(/formatReferenceArticle: .*would not read back/);
          return;
        }
        const article = readBack(text);
        expect([article.title, article.date, article.source]).toEqual([draft.title, draft.date, draft.source]);
        const expected = [...new Set(draft.paragraphs.map(normalizeWhitespace))].join(' ');
        expect([...article.paragraphs, ...article.captions].join(' ')).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('CLI', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
  const run = (...argv: string[]) => runImportCli(argv, io, dir);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'import-articles-'));
    out = [];
    err = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('imports the selected CSV rows, one reference-layout file each, and prints a summary', async () => {
    const code = await run(CSV_FIXTURE, '--out', 'articles/fixture', '--where', 'labels=1', '--source-names', SOURCE_NAMES_FIXTURE);
    expect(code).toBe(0);
    const files = readdirSync(join(dir, 'articles', 'fixture')).sort();
    expect(files).toEqual([
      '1001-rebels-and-army-trade-fire-near-the-northern-city.txt',
      '1005-council-meets-on-aid-deliveries.txt',
      '1008-dozens-flee-as-shelling-hits-villages.txt',
      '6-convoy-reaches-besieged-town.txt',
    ]);
    const first = readFileSync(join(dir, 'articles', 'fixture', files[0]!), 'utf8');
    expect(first).toMatch(/^date 2017-04-03\n\nRebels and army trade fire near the northern city\n\nSource:\n\nReuters\n\nFighting broke out/);
    expect(readFileSync(join(dir, 'articles', 'fixture', files[2]!), 'utf8')).toContain('\n\nDozens flee as shelling hits villages\n\nSource:\n\nThe Jordan Times\n\n');

    const summary = out.join('\n');
    expect(summary).toContain('8 rows read, 7 match labels=1');
    expect(summary).toContain('written: 4, overwritten: 0, unchanged: 0, skipped: 3');
    expect(summary).toMatch(/row 3: has no title/);
    expect(summary).toMatch(/row 4: .*has no body/);
    expect(summary).toMatch(/row 7: same title, date and outlet as row 1/);
    expect(summary).toMatch(/row 5: date "2\/30\/2017" is not a date/);
    expect(err).toEqual([]);

    for (const file of files) {
      const outcome = parseArticleFile(readFileSync(join(dir, 'articles', 'fixture', file)), file);
      expect(outcome.ok, file).toBe(true);
    }
  });

  test('a second run leaves identical files alone; a changed file is kept unless --force', async () => {
    await run(CSV_FIXTURE, '--out', 'a', '--where', 'labels=1');
    out = [];
    expect(await run(CSV_FIXTURE, '--out', 'a', '--where', 'labels=1')).toBe(0);
    expect(out.join('\n')).toContain('written: 0, overwritten: 0, unchanged: 4, skipped: 3');

    const edited = join(dir, 'a', '1005-council-meets-on-aid-deliveries.txt');
    writeFileSync(edited, 'Edited by hand\n\nBody.\n');
    out = [];
    await run(CSV_FIXTURE, '--out', 'a', '--where', 'labels=1');
    expect(out.join('\n')).toMatch(/row 5: 1005-council-meets-on-aid-deliveries.txt exists with other content \(use --force to overwrite\)/);
    expect(readFileSync(edited, 'utf8')).toBe('Edited by hand\n\nBody.\n');

    out = [];
    await run(CSV_FIXTURE, '--out', 'a', '--where', 'labels=1', '--force');
    expect(out.join('\n')).toContain('written: 0, overwritten: 1, unchanged: 3');
    expect(readFileSync(edited, 'utf8')).toMatch(/^Council meets on aid deliveries\n/);
  });

  test('JSONL with --date-order dmy and --limit', async () => {
    expect(await run(JSONL_FIXTURE, '--out', 'j', '--date-order', 'dmy', '--limit', '2')).toBe(0);
    expect(readdirSync(join(dir, 'j')).sort()).toEqual(['j1-talks-resume-in-geneva.txt', 'j2-paragraphs-given-as-a-list.txt']);
    expect(readFileSync(join(dir, 'j', 'j2-paragraphs-given-as-a-list.txt'), 'utf8')).toMatch(/^date 2017-03-20\n/);
    expect(out.join('\n')).toMatch(/row 3: is not valid JSON/);
  });

  test('rows with the same id and title but another date get a file each, told apart by row', async () => {
    writeFileSync(join(dir, 'same-id.csv'), 'id,title,content,date\n9,Same title here,First text.,1/1/2017\n9,Same title here,Second text.,1/2/2017\n');
    expect(await run('same-id.csv', '--out', 's')).toBe(0);
    expect(readdirSync(join(dir, 's')).sort()).toEqual(['9-row2-same-title-here.txt', '9-same-title-here.txt']);
  });

  const usageErrors: { name: string; argv: string[] }[] = [
    { name: 'no input file', argv: [] },
    { name: 'two input files', argv: ['a.csv', 'b.csv'] },
    { name: 'an unknown option', argv: ['a.csv', '--bogus'] },
    { name: 'an input that is neither CSV nor JSONL', argv: ['a.xlsx'] },
    { name: 'a bad --date-order', argv: ['a.csv', '--date-order', 'ymd'] },
    { name: 'a bad --limit', argv: ['a.csv', '--limit', 'ten'] },
    { name: 'a --where without "="', argv: ['a.csv', '--where', 'labels'] },
  ];
  for (const c of usageErrors) {
    test(`${c.name} → usage message, exit code 2`, async () => {
      expect(await run(...c.argv)).toBe(2);
      expect(err.join('\n')).toMatch(/^import-articles: /);
      expect(err.join('\n')).toContain('Usage: npm run import --');
    });
  }

  test('a --where column the file does not have → exit code 2, naming the columns', async () => {
    expect(await run(CSV_FIXTURE, '--where', 'label=1')).toBe(2);
    expect(err.join('\n')).toMatch(/has no column "label" \(columns: unit_id, article_title/);
  });

  test('--help prints the usage, exit code 0', async () => {
    expect(await run('--help')).toBe(0);
    expect(out.join('\n')).toContain('--where COLUMN=VALUE');
  });

  test('a missing input file → clear message, exit code 1', async () => {
    expect(await run('no-such-file.csv')).toBe(1);
    expect(err).toEqual(['import-articles: cannot read no-such-file.csv: no such file']);
  });

  test('runs as a script: npx tsx scripts/import-articles.ts', async () => {
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', join(PROJECT, 'scripts', 'import-articles.ts'), CSV_FIXTURE, '--out', join(dir, 'cli'), '--where', 'labels=1'],
      { cwd: PROJECT },
    );
    expect(stdout).toContain('written: 4');
    expect(readdirSync(join(dir, 'cli'))).toHaveLength(4);
    const failed = await promisify(execFile)('npx', ['tsx', join(PROJECT, 'scripts', 'import-articles.ts')], { cwd: PROJECT }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 2 });
  });
});
