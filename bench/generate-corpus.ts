/**
 * Writes a benchmark corpus: N articles in the reference layout, recombined
 * from real text, 1,000 per subfolder.
 *
 *   npx tsx bench/generate-corpus.ts --out <folder> --count N [--seed S] [--data <path to shared/data>]
 *
 * Each article takes its title and first paragraphs from one real article and
 * then runs of paragraphs from others, until it reaches a length drawn
 * between 1 and 7 kB of body (about 4.5 kB per file on average, so 100,000 articles are
 * about 450 MB). Numbers other than years are varied copy by copy (real news
 * is full of distinct figures), outlets are drawn from a list, dates from
 * 2004–2024, and titles are made unique with a suffix.
 *
 * Article i depends only on the seed, the source texts and i, so a corpus of
 * N articles is the first N articles of any larger one. The first 1,000 (the
 * "planted" articles) each carry one reserved real paragraph that occurs
 * nowhere else in any corpus size: benchmark questions are asked about those
 * paragraphs, and their answers must not change as the corpus grows.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatReferenceArticle } from '../src/format-reference-article.ts';
import { loadSourceTexts, type SourcePool, type SourceText } from './load-source-texts.ts';
import { createRandom, shuffled, type Random } from './seeded-random.ts';

/** How many articles at the start of every corpus are the same, with a reserved question paragraph each. */
export const PLANTED_ARTICLES = 1000;
export const ARTICLES_PER_FOLDER = 1000;
export const DEFAULT_SEED = 1;
/** Written last into the corpus folder (hidden, so the loader ignores it); its presence means the corpus is complete. */
export const MANIFEST_FILE = '.bench-corpus.json';
const MANIFEST_VERSION = 3;

/** Outlets drawn for the `Source:` line. */
export const OUTLETS = [
  'Associated Press', 'Reuters', 'Agence France-Presse', 'BBC News', 'The Guardian', 'The New York Times',
  'The Washington Post', 'Al Jazeera', 'Deutsche Welle', 'The Independent', 'Financial Times', 'Bloomberg',
  'CNN', 'NPR', 'The Times', 'Le Monde', 'Der Spiegel', 'El País', 'The Irish Times', 'The Hindu',
  'Sydney Morning Herald', 'Toronto Star', 'Los Angeles Times', 'Chicago Tribune', 'The Telegraph',
  'Euronews', 'France 24', 'Sky News', 'ABC News', 'CBC News', 'Kyodo News', 'Xinhua', 'Anadolu Agency',
  'Middle East Eye', 'Daily Star (Lebanon)', 'The National', 'SANA', 'Enab Baladi', 'Asharq Al-Awsat', 'Haaretz',
];

const TITLE_SUFFIXES = [
  'what we know', 'live updates', 'analysis', 'the latest', 'reactions', 'explained', 'timeline', 'key facts',
  'full report', 'in brief', 'update', 'second day', 'what happens next', 'eyewitness accounts', 'the background',
  'in numbers', 'a closer look', 'morning briefing', 'evening briefing', 'weekend edition',
];

const FIRST_DAY = Date.UTC(2004, 0, 1);
const DAYS = Math.round((Date.UTC(2024, 11, 31) - FIRST_DAY) / 86_400_000) + 1;
// Body length drawn uniformly in this range; with the header, files average about 4.5 kB.
const BODY_CHARS = { min: 1000, max: 7000 };
const LEAD_PARAGRAPHS = { min: 2, max: 6 };
const RUN_PARAGRAPHS = { min: 1, max: 4 };
// A question paragraph: prose long enough to hold a question's words, ending as a sentence does.
const QUESTION_PARAGRAPH = { minChars: 150, maxChars: 800, ending: /[.!?]["”’)]?$/ };
// At most this share of the eligible paragraphs is taken out of the shared pool for questions.
const MAX_RESERVED_SHARE = 0.4;

/** A planted article and the reserved paragraph it holds (null when the pool had too few to reserve). */
export interface PlantedArticle {
  file: string;
  questionParagraph: string | null;
}

/** What a corpus folder holds, written to {@link MANIFEST_FILE}. */
export interface CorpusManifest {
  version: number;
  seed: number;
  count: number;
  sourceFingerprint: string;
  sourceCounts: SourcePool['counts'];
  planted: PlantedArticle[];
  bytes: number;
  distinctOutlets: number;
  years: { first: number; last: number };
}

/** Options of {@link generateCorpus}. */
export interface CorpusOptions {
  folder: string;
  count: number;
  seed: number;
  pool: SourcePool;
  /** How many leading articles carry a reserved question paragraph. Default {@link PLANTED_ARTICLES}. */
  planted?: number;
  perFolder?: number;
  onProgress?: (done: number, total: number) => void;
}

interface PreparedPool {
  texts: SourceText[];
  reserved: string[];
}

/**
 * Writes `count` articles into `folder` (which should not exist or be empty)
 * and the manifest last. Deterministic: the same pool, seed and count give
 * byte-identical files.
 */
export function generateCorpus(options: CorpusOptions): CorpusManifest {
  const { folder, count, seed, pool } = options;
  if (!Number.isInteger(count) || count < 1) throw new Error(`generateCorpus: count must be a positive integer, got ${count}`);
  const plantedCount = options.planted ?? PLANTED_ARTICLES;
  const perFolder = options.perFolder ?? ARTICLES_PER_FOLDER;
  const prepared = preparePool(pool, seed, plantedCount);
  const titles = new Set<string>();
  const planted: PlantedArticle[] = [];
  const outlets = new Set<string>();
  let bytes = 0;
  let firstYear = Infinity;
  let lastYear = -Infinity;
  for (let i = 0; i < count; i++) {
    const questionParagraph = i < plantedCount ? (prepared.reserved[i] ?? null) : null;
    const made = makeArticle(i, seed, prepared, titles, questionParagraph);
    const subfolder = String(Math.floor(i / perFolder)).padStart(3, '0');
    const file = `${subfolder}/${String(i).padStart(6, '0')}-${slugOf(made.title)}.txt`;
    if (i % perFolder === 0) mkdirSync(join(folder, subfolder), { recursive: true });
    writeFileSync(join(folder, file), made.text);
    bytes += Buffer.byteLength(made.text);
    outlets.add(made.source);
    const year = Number(made.date.slice(0, 4));
    firstYear = Math.min(firstYear, year);
    lastYear = Math.max(lastYear, year);
    if (i < plantedCount) planted.push({ file, questionParagraph });
    if ((i + 1) % 1000 === 0 || i + 1 === count) options.onProgress?.(i + 1, count);
  }
  const manifest: CorpusManifest = {
    version: MANIFEST_VERSION,
    seed,
    count,
    sourceFingerprint: pool.fingerprint,
    sourceCounts: pool.counts,
    planted,
    bytes,
    distinctOutlets: outlets.size,
    years: { first: firstYear, last: lastYear },
  };
  writeFileSync(join(folder, MANIFEST_FILE), JSON.stringify(manifest));
  return manifest;
}

/** The cached corpus's manifest when `folder` holds a complete corpus made from these inputs, else null. */
export function readCorpusManifest(folder: string, expected: { count: number; seed: number; fingerprint: string }): CorpusManifest | null {
  const path = join(folder, MANIFEST_FILE);
  if (!existsSync(path)) return null;
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as CorpusManifest;
    const matches =
      manifest.version === MANIFEST_VERSION && manifest.count === expected.count && manifest.seed === expected.seed && manifest.sourceFingerprint === expected.fingerprint;
    return matches ? manifest : null;
  } catch {
    return null;
  }
}

/**
 * The corpus of `count` articles under `cacheRoot`, keyed by count, seed and
 * the source texts' fingerprint: reused when complete, else (re)generated.
 */
export function prepareCorpus(options: Omit<CorpusOptions, 'folder'> & { cacheRoot: string }): { folder: string; manifest: CorpusManifest; reused: boolean } {
  const folder = join(options.cacheRoot, `corpus-n${options.count}-seed${options.seed}-${options.pool.fingerprint}`);
  const cached = readCorpusManifest(folder, { count: options.count, seed: options.seed, fingerprint: options.pool.fingerprint });
  if (cached) return { folder, manifest: cached, reused: true };
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  return { folder, manifest: generateCorpus({ ...options, folder }), reused: false };
}

/**
 * Sets the question paragraphs apart: a seeded choice of prose paragraphs,
 * each given to one planted article and removed from the paragraphs every
 * other article is made from.
 */
function preparePool(pool: SourcePool, seed: number, plantedCount: number): PreparedPool {
  const eligible = pool.texts.flatMap((text) =>
    text.paragraphs.filter((p) => p.length >= QUESTION_PARAGRAPH.minChars && p.length <= QUESTION_PARAGRAPH.maxChars && QUESTION_PARAGRAPH.ending.test(p)),
  );
  const reservedCount = Math.min(plantedCount, Math.floor(eligible.length * MAX_RESERVED_SHARE));
  const reserved = shuffled(eligible, createRandom(seed, 'reserve')).slice(0, reservedCount);
  const taken = new Set(reserved);
  const texts = pool.texts
    .map((text) => ({ ...text, paragraphs: text.paragraphs.filter((p) => !taken.has(p)) }))
    .filter((text) => text.paragraphs.length > 0);
  if (texts.length === 0) throw new Error('generateCorpus: the source texts have no paragraph left to build articles from');
  return { texts, reserved };
}

interface MadeArticle {
  title: string;
  date: string;
  source: string;
  text: string;
}

function makeArticle(i: number, seed: number, pool: PreparedPool, titles: Set<string>, questionParagraph: string | null): MadeArticle {
  const random = createRandom(seed, 'article', i);
  // A draft the reference layout cannot write back (rare: a title it refuses) is drawn again.
  for (let attempt = 0; ; attempt++) {
    const lead = random.pick(pool.texts);
    const paragraphs = assembleBody(lead, pool.texts, random);
    if (questionParagraph !== null) paragraphs.splice(random.between(1, paragraphs.length), 0, questionParagraph);
    const title = uniqueTitle(lead.title, titles, random);
    const date = new Date(FIRST_DAY + random.int(DAYS) * 86_400_000).toISOString().slice(0, 10);
    const source = random.pick(OUTLETS);
    try {
      const text = formatReferenceArticle({ title, date, source, paragraphs, captions: [] });
      titles.add(title);
      return { title, date, source, text };
    } catch (error) {
      if (attempt >= 20) throw new Error(`generateCorpus: article ${i} could not be written: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function assembleBody(lead: SourceText, texts: readonly SourceText[], random: Random): string[] {
  const target = random.between(BODY_CHARS.min, BODY_CHARS.max);
  const paragraphs: string[] = [];
  const used = new Set<string>();
  let chars = 0;
  const add = (paragraph: string) => {
    if (used.has(paragraph)) return;
    used.add(paragraph);
    const varied = varyNumbers(paragraph, random);
    paragraphs.push(varied);
    chars += varied.length + 2;
  };
  for (const p of lead.paragraphs.slice(0, random.between(LEAD_PARAGRAPHS.min, LEAD_PARAGRAPHS.max))) add(p);
  for (let guard = 0; chars < target && guard < 200; guard++) {
    const other = random.pick(texts);
    const start = random.int(other.paragraphs.length);
    for (const p of other.paragraphs.slice(start, start + random.between(RUN_PARAGRAPHS.min, RUN_PARAGRAPHS.max))) {
      if (chars >= target) break;
      add(p);
    }
  }
  return paragraphs;
}

// A whole number standing alone: not part of a decimal, a grouped number ("1,200") or a word ("G20", "1st").
const LONE_NUMBER = /(?<![\p{L}\p{N}.,])\p{N}+(?![\p{L}\p{N}]|[.,]\p{N})/gu;

/** Half of the whole numbers other than years, replaced by others of as many digits: real news holds many distinct figures. */
export function varyNumbers(text: string, random: Random): string {
  return text.replace(LONE_NUMBER, (digits) => {
    if (!/^[0-9]+$/.test(digits)) return digits;
    const value = Number(digits);
    if (digits.length === 4 && value >= 1900 && value <= 2039) return digits;
    if (!random.chance(0.5)) return digits;
    if (digits.length === 1) return String(random.between(2, 9));
    return String(random.between(10 ** (digits.length - 1), 10 ** digits.length - 1));
  });
}

function uniqueTitle(base: string, titles: ReadonlySet<string>, random: Random): string {
  if (!titles.has(base)) return base;
  const suffixed = `${base}: ${random.pick(TITLE_SUFFIXES)}`;
  if (!titles.has(suffixed)) return suffixed;
  for (let n = 2; ; n++) {
    const numbered = `${suffixed} (${n})`;
    if (!titles.has(numbered)) return numbered;
  }
}

function slugOf(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'article'
  );
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' }, data: { type: 'string' } },
  });
  const count = Number(values.count);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (values.out === undefined || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    console.error('Usage: npx tsx bench/generate-corpus.ts --out <folder> --count N [--seed S] [--data <path to shared/data>]');
    process.exitCode = 2;
    return;
  }
  const pool = await loadSourceTexts({ dataFolder: values.data === undefined ? undefined : resolve(values.data) });
  const folder = resolve(values.out);
  mkdirSync(folder, { recursive: true });
  const started = performance.now();
  const manifest = generateCorpus({ folder, count, seed, pool, onProgress: (done, total) => process.stderr.write(`\r${done}/${total}`) });
  process.stderr.write('\n');
  console.log(
    `Wrote ${count} articles (${(manifest.bytes / 1e6).toFixed(1)} MB, ${(manifest.bytes / count / 1000).toFixed(2)} kB each on average) ` +
      `to ${folder} in ${((performance.now() - started) / 1000).toFixed(1)} s, from ${pool.texts.length} source texts ` +
      `(${pool.counts.bundled} bundled, ${pool.counts.bbc} BBC, ${pool.counts['fa-kes']} FA-KES).`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main(process.argv.slice(2));
}
