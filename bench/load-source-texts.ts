/**
 * The real text a benchmark corpus is recombined from: the bundled articles
 * and, when a data folder is given, the BBC News Summary articles and the
 * whole FA-KES CSV.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { convertRecordToDraft } from '../src/import/convert-record-to-draft.ts';
import { readImportRecords } from '../src/import/read-import-records.ts';
import { loadArticles } from '../src/load-articles.ts';
import { splitBlocks } from '../src/parse/split-blocks.ts';
import { decodeText } from '../src/text/decode-text.ts';
import { hashString } from './seeded-random.ts';

/** Where a source text came from. */
export type SourceOrigin = 'bundled' | 'bbc' | 'fa-kes';

/** One real article's title and body paragraphs. */
export interface SourceText {
  title: string;
  paragraphs: string[];
  origin: SourceOrigin;
}

/** The texts a corpus is made from, with a fingerprint that changes when they do. */
export interface SourcePool {
  texts: SourceText[];
  /** Texts kept per origin (after removing repeated titles). */
  counts: Record<SourceOrigin, number>;
  paragraphCount: number;
  characterCount: number;
  /** Hex hash of every title and paragraph: part of a cached corpus's key. */
  fingerprint: string;
}

/** Options of {@link loadSourceTexts}. */
export interface SourceOptions {
  /** The bundled articles folder (default: the project's `articles/`). */
  articlesFolder?: string;
  /** The shared data folder holding `bbc-news-summary/` and `fa-kes/`; optional. */
  dataFolder?: string | undefined;
}

export const DEFAULT_ARTICLES_FOLDER = join(import.meta.dirname, '..', 'articles');
const BBC_ARTICLES = join('bbc-news-summary', 'articles');
const FA_KES_CSV = join('fa-kes', 'FA-KES-Dataset.csv');

// Paragraphs the reference layout would read as something else (an
// attribution line, a photo caption), and scraps too short to be prose.
const ATTRIBUTION = /^source:/i;
const PHOTO_CREDIT = /\([^()]*\b(?:photo|photograph|image|picture|getty|afp|reuters)s?\b[^()]*\)\s*$/i;
const MIN_PARAGRAPH_CHARS = 25;

/**
 * Loads the source texts. Titles repeated across sets (the bundled FA-KES
 * articles are also in the CSV) are kept once, and so is every paragraph, so
 * that a corpus recombined from them has no accidental copies beyond the
 * ones it makes on purpose. The order is fixed (bundled, BBC by topic and
 * file, FA-KES by row), so the same inputs give the same pool.
 *
 * @throws Error when the data folder is given but holds neither set.
 */
export async function loadSourceTexts(options: SourceOptions = {}): Promise<SourcePool> {
  const raw: SourceText[] = [];
  const { articles } = await loadArticles(options.articlesFolder ?? DEFAULT_ARTICLES_FOLDER);
  for (const article of articles) raw.push({ title: article.title, paragraphs: article.paragraphs, origin: 'bundled' });

  if (options.dataFolder !== undefined) {
    const bbc = join(options.dataFolder, BBC_ARTICLES);
    const faKes = join(options.dataFolder, FA_KES_CSV);
    if (!existsSync(bbc) && !existsSync(faKes)) {
      throw new Error(`loadSourceTexts: ${options.dataFolder} holds neither ${BBC_ARTICLES} nor ${FA_KES_CSV}`);
    }
    if (existsSync(bbc)) raw.push(...(await readBbc(bbc)));
    if (existsSync(faKes)) raw.push(...(await readFaKes(faKes)));
  }

  const seenTitles = new Set<string>();
  const seenParagraphs = new Set<string>();
  const texts: SourceText[] = [];
  const counts: Record<SourceOrigin, number> = { bundled: 0, bbc: 0, 'fa-kes': 0 };
  let fingerprint = 0;
  let paragraphCount = 0;
  let characterCount = 0;
  for (const text of raw) {
    const titleKey = text.title.toLowerCase().replace(/\s+/g, ' ').trim();
    if (seenTitles.has(titleKey)) continue;
    seenTitles.add(titleKey);
    const paragraphs = text.paragraphs.filter((p) => {
      if (p.length < MIN_PARAGRAPH_CHARS || ATTRIBUTION.test(p) || PHOTO_CREDIT.test(p) || seenParagraphs.has(p)) return false;
      seenParagraphs.add(p);
      return true;
    });
    if (paragraphs.length === 0) continue;
    texts.push({ title: text.title, paragraphs, origin: text.origin });
    counts[text.origin]++;
    fingerprint = hashString(text.title, fingerprint);
    for (const p of paragraphs) {
      fingerprint = hashString(p, fingerprint);
      paragraphCount++;
      characterCount += p.length;
    }
  }
  return { texts, counts, paragraphCount, characterCount, fingerprint: fingerprint.toString(16).padStart(8, '0') };
}

/** BBC News Summary: `articles/<topic>/NNN.txt`, title on the first line, paragraphs after. */
async function readBbc(folder: string): Promise<SourceText[]> {
  const texts: SourceText[] = [];
  const topics = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const topic of topics) {
    const names = (await readdir(join(folder, topic))).filter((name) => name.endsWith('.txt')).sort();
    for (const name of names) {
      const decoded = decodeText(await readFile(join(folder, topic, name)));
      if (!decoded.ok) continue;
      const [first, ...rest] = decoded.text.trim().split(/\r?\n/);
      const title = (first ?? '').trim();
      const paragraphs = splitBlocks(rest.join('\n'));
      if (title !== '' && paragraphs.length > 0) texts.push({ title, paragraphs, origin: 'bbc' });
    }
  }
  return texts;
}

/** FA-KES: every row of the CSV, read as the importer reads it (text cut into paragraphs of whole sentences). */
async function readFaKes(file: string): Promise<SourceText[]> {
  const { records } = readImportRecords(await readFile(file, 'utf8'), 'csv');
  const texts: SourceText[] = [];
  for (const record of records) {
    const result = convertRecordToDraft(record);
    if (result.ok) texts.push({ title: result.draft.title, paragraphs: result.draft.paragraphs, origin: 'fa-kes' });
  }
  return texts;
}
