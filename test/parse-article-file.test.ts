import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sentenceText, type Article } from '../src/article.ts';
import { parseArticleFile } from '../src/parse/parse-article-file.ts';
import type { ParseOutcome } from '../src/parse/parse-outcome.ts';
import { sentencesOf } from '../src/sentences.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'articles');

function parseFixture(name: string): ParseOutcome {
  return parseArticleFile(readFileSync(join(fixtures, name)), name);
}

function only(outcome: ParseOutcome): Article {
  if (!outcome.ok) throw new Error(`expected an article, got ${outcome.error.kind}: ${outcome.error.message}`);
  expect(outcome.articles).toHaveLength(1);
  return outcome.articles[0]!;
}

describe('the reference article, byte for byte', () => {
  const outcome = parseFixture('reference.txt');
  const article = only(outcome);

  test('title, date and outlet come from the header', () => {
    expect(article.title).toBe('Russia claims to have killed Islamic State leader Abu Bakr al-Baghdadi');
    expect(article.date).toBe('2017-06-16');
    expect(article.source).toBe('Associated Press');
    expect(article.format).toBe('reference');
    expect(article.id).toBe('reference.txt');
    expect(outcome.ok && outcome.warnings).toEqual([]);
  });

  test('the photo caption, present three times, is kept once, apart from the body', () => {
    expect(article.captions).toHaveLength(1);
    expect(article.captions[0]).toMatch(/^This file image made from video posted on a militant website/);
    expect(article.captions[0]).toMatch(/\(AP Photo\/Militant video, File\)$/);
    for (const paragraph of article.paragraphs) {
      expect(paragraph).not.toMatch(/This file image made from video/);
      expect(paragraph).not.toMatch(/AP Photo/);
    }
  });

  test('the repeated "Source: Associated Press" line is attribution, not body text', () => {
    expect(article.paragraphs.some((p) => /^Source:/i.test(p))).toBe(false);
  });

  test('a paragraph repeated verbatim is kept once; others of the same length, and a lowercase source line, are told apart', () => {
    const text = ['Title of the story', '', 'First paragraph, ten words.', '', 'Other paragraph, ten words.', '', 'First paragraph, ten words.', '', 'source: Valley Herald', '', 'The ridge at dawn. (Photo: Valley Herald)'].join('\n');
    const parsed = only(parseArticleFile(Buffer.from(text), 'repeats.txt'));
    expect(parsed.paragraphs).toEqual(['First paragraph, ten words.', 'Other paragraph, ten words.']);
    expect(parsed.source).toBe('Valley Herald');
    expect(parsed.captions).toEqual(['The ridge at dawn. (Photo: Valley Herald)']);
  });

  test('the body is the ten paragraphs of the story, in order', () => {
    expect(article.paragraphs).toHaveLength(10);
    expect(article.paragraphs[0]).toMatch(/^Russia claims it killed the leader of the Islamic State group/);
    expect(article.paragraphs[3]).toMatch(/^The ministry said the air raid on May 28 that targeted an IS meeting/);
    expect(article.paragraphs[9]).toMatch(/Suleiman al-Shauah\.$/);
  });

  test('every sentence is located by offsets in its paragraph', () => {
    expect(sentencesOf(article).length).toBeGreaterThanOrEqual(10);
    const texts = sentencesOf(article).map((s) => sentenceText(article, s));
    expect(texts).toContain('The ministry added that it had warned the US of the coming strike.');
    for (const text of texts) expect(text).toBe(text.trim());
  });
});

interface FormatCase {
  file: string;
  format: Article['format'];
  title: string;
  date: string | null;
  source: string | null;
  firstParagraph: RegExp;
  extra?: (article: Article) => void;
}

const formatCases: FormatCase[] = [
  {
    file: 'formats/plain-utf8.txt',
    format: 'plain',
    title: 'Harbour reopens after storm repairs',
    date: null,
    source: null,
    firstParagraph: /^The harbour at Port Ellis reopened/,
    extra: (a) => expect(a.paragraphs).toHaveLength(3),
  },
  {
    file: 'formats/no-date-reference.txt',
    format: 'reference',
    title: 'Council approves new bus lanes',
    date: null,
    source: 'Northern Courier',
    firstParagraph: /^The city council approved/,
  },
  {
    file: 'formats/latin1.txt',
    format: 'plain',
    title: 'Café owners in São Paulo protest tax',
    date: null,
    source: null,
    firstParagraph: /José Araújo\.$/,
    extra: (a) => expect(a.paragraphs[1]).toBe('The tax rises to 8½% in June.'),
  },
  {
    file: 'formats/windows-1252.txt',
    format: 'plain',
    title: 'Minister resigns over “expenses” row',
    date: null,
    source: null,
    firstParagraph: /^The minister resigned on Monday – two days after the “expenses” report/,
    extra: (a) => expect(a.paragraphs[1]).toContain('€300,000'),
  },
  {
    file: 'formats/utf16-bom.txt',
    format: 'plain',
    title: 'Snow closes mountain pass',
    date: null,
    source: null,
    firstParagraph: /80 cm of snow/,
  },
  {
    file: 'formats/front-matter.md',
    format: 'markdown',
    title: 'Wildfire forces evacuation of hill villages',
    date: '2023-08-14',
    source: 'Valley Herald',
    firstParagraph: /^Firefighters ordered the evacuation of five villages on Monday as a wildfire spread across the hills, officials said\.$/,
    extra: (a) => {
      expect(a.url).toBe('https://example.org/news/wildfire-evacuation');
      expect(a.author).toBe('Maria Lopez');
      expect(a.captions).toEqual(['Smoke rises above the ridge near Alba. (Photo: Valley Herald)']);
      expect(a.paragraphs).toContain('"We have never seen it move this fast," said fire chief Tomas Berg.');
    },
  },
  {
    file: 'formats/heading-title.md',
    format: 'markdown',
    title: 'Library extends opening hours',
    date: null,
    source: null,
    firstParagraph: /^The central library will open until 10 p\.m\./,
  },
  {
    file: 'formats/one-article.json',
    format: 'json',
    title: 'Rail strike called off after late talks',
    date: '2022-11-02',
    source: 'Transport Weekly',
    firstParagraph: /^A national rail strike/,
    extra: (a) => {
      expect(a.author).toBe('Sam Okafor');
      expect(a.id).toBe('formats/one-article.json');
    },
  },
];

describe('each format', () => {
  for (const c of formatCases) {
    test(`${c.file} → ${c.format}: "${c.title}", ${c.date ?? 'no date'}, ${c.source ?? 'no outlet'}`, () => {
      const article = only(parseFixture(c.file));
      expect(article.format).toBe(c.format);
      expect(article.title).toBe(c.title);
      expect(article.date).toBe(c.date);
      expect(article.source).toBe(c.source);
      expect(article.paragraphs[0]).toMatch(c.firstParagraph);
      expect(article.paragraphs.join(' ')).not.toContain('\ufffd');
      c.extra?.(article);
    });
  }

  test('a JSON array gives one article per item, with ids numbered in the file', () => {
    const outcome = parseFixture('formats/two-articles.json');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.articles.map((a) => a.id)).toEqual(['formats/two-articles.json#1', 'formats/two-articles.json#2']);
    expect(outcome.articles[0]!.captions).toEqual(['The bronze statue before its return. (Photo: Culture Desk)']);
    expect(outcome.articles[1]!.date).toBeNull();
  });

  test('JSONL: a malformed line is reported and the other lines load', () => {
    const outcome = parseFixture('formats/lines.jsonl');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.articles.map((a) => a.title)).toEqual(['Dam level falls to record low', 'Rain returns to the plains']);
    expect(outcome.articles.map((a) => a.id)).toEqual(['formats/lines.jsonl#1', 'formats/lines.jsonl#4']);
    expect(outcome.warnings).toEqual([expect.stringMatching(/^skipped line 3 is not valid JSON/)]);
  });

  test('a .txt file that is really front-matter Markdown is read as Markdown', () => {
    const text = '---\ntitle: Hidden markdown\ndate: 2020-01-02\n---\n\nBody text here.\n';
    const article = only(parseArticleFile(Buffer.from(text), 'misnamed.txt'));
    expect(article.format).toBe('markdown');
    expect(article.date).toBe('2020-01-02');
  });
});

interface BadCase {
  name: string;
  file: string;
  bytes: Uint8Array;
  kind: string;
  reason: RegExp;
}

const encode = (text: string) => Buffer.from(text, 'utf8');
const badCases: BadCase[] = [
  { name: 'an empty file', file: 'empty.txt', bytes: new Uint8Array(), kind: 'empty', reason: /empty \(0 bytes\)/ },
  { name: 'a blank file', file: 'blank.txt', bytes: encode(' \n\t\n  \n'), kind: 'empty', reason: /only white space/ },
  { name: 'a binary file', file: 'photo.txt', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]), kind: 'binary', reason: /binary/ },
  { name: 'a title but no body', file: 'title-only.txt', bytes: encode('Just a headline\n\n'), kind: 'no-body', reason: /title \("Just a headline"\) but no body/ },
  { name: 'a date line and nothing else', file: 'date-only.txt', bytes: encode(' date 2020-01-01\n'), kind: 'no-title', reason: /no title/ },
  { name: 'malformed JSON', file: 'broken.json', bytes: encode('{"title": "x", '), kind: 'malformed-json', reason: /not valid JSON/ },
  { name: 'JSON of the wrong shape', file: 'shape.json', bytes: encode('{"headline": "x", "body": "y"}'), kind: 'wrong-shape', reason: /wrong shape at "title"/ },
  { name: 'a JSON number', file: 'number.json', bytes: encode('42'), kind: 'wrong-shape', reason: /JSON number/ },
  { name: 'JSON paragraphs that are not strings', file: 'paragraphs.json', bytes: encode('{"title":"x","paragraphs":[1,2]}'), kind: 'wrong-shape', reason: /paragraphs/ },
  { name: 'a first line too long to be a title', file: 'wall.txt', bytes: encode('word '.repeat(100)), kind: 'no-title', reason: /not a title/ },
  { name: 'an unsupported extension', file: 'notes.docx', bytes: encode('Title\n\nBody.'), kind: 'invalid', reason: /unsupported extension "\.docx"/ },
];

describe('bad input is rejected with a typed one-line reason', () => {
  for (const c of badCases) {
    test(`${c.name} → ${c.kind}`, () => {
      const outcome = parseArticleFile(c.bytes, c.file);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.error.kind).toBe(c.kind);
      expect(outcome.error.message).toMatch(c.reason);
      expect(outcome.error.message).not.toContain('\n');
    });
  }

  test('a file over the size limit is refused', () => {
    const outcome = parseArticleFile(encode(`Title\n\n${'Long body text. '.repeat(100)}`), 'big.txt', { maxBytes: 1000 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toEqual({ kind: 'too-large', message: 'is 2 kB, over the 1000 bytes limit' });
  });

  test('an impossible date (2017-13-45) loads the article with the date unknown and a warning', () => {
    const outcome = parseArticleFile(encode(' date 2017-13-45\n\nTitle here\n\nSource:\n\nSome Outlet\n\nBody sentence.\n'), 'bad-date.txt');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.articles[0]!.date).toBeNull();
    expect(outcome.articles[0]!.source).toBe('Some Outlet');
    expect(outcome.warnings).toEqual(['date "2017-13-45" is not a real YYYY-MM-DD date; left unknown']);
  });

  test('an impossible front-matter date warns too', () => {
    const outcome = parseArticleFile(encode('---\ntitle: T\ndate: 2021-02-30\n---\n\nBody.\n'), 'x.md');
    expect(outcome.ok && outcome.warnings).toEqual(['date "2021-02-30" is not a real YYYY-MM-DD date; left unknown']);
  });
});
