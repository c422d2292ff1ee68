import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateCorpus, MANIFEST_FILE, OUTLETS, varyNumbers, type CorpusManifest } from '../bench/generate-corpus.ts';
import { loadSourceTexts, type SourcePool } from '../bench/load-source-texts.ts';
import { GENERIC_QUESTIONS, makeQuestions, SourceSentences } from '../bench/make-questions.ts';
import { createRandom } from '../bench/seeded-random.ts';
import type { Article } from '../src/article.ts';
import { loadArticles } from '../src/load-articles.ts';
import { parseArticleFile } from '../src/parse/parse-article-file.ts';
import { sentencesOf } from '../src/sentences.ts';
import { toTerm } from '../src/text/terms.ts';

const COUNT = 30;
const SEED = 7;
let root: string;
let pool: SourcePool;
let manifest: CorpusManifest;

/** Every file of a corpus folder (relative path → content), manifest aside. */
function readCorpus(folder: string): Map<string, string> {
  const names = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.txt') && !name.endsWith(MANIFEST_FILE));
  return new Map(names.sort().map((name) => [name.split(sep).join('/'), readFileSync(join(folder, name), 'utf8')]));
}

function generate(name: string, count: number, seed: number): string {
  const folder = join(root, name);
  const made = generateCorpus({ folder, count, seed, pool, perFolder: 10 });
  if (name === 'a') manifest = made;
  return folder;
}

function parseAll(folder: string): Article[] {
  return [...readCorpus(folder)].map(([file, text]) => {
    const outcome = parseArticleFile(Buffer.from(text), file);
    if (!outcome.ok) throw new Error(`${file}: ${outcome.error.message}`);
    expect(outcome.warnings).toEqual([]);
    return outcome.articles[0]!;
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
  pool = await loadSourceTexts();
  generate('a', COUNT, SEED);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('generateCorpus', () => {
  test('the same seed writes the same files, byte for byte', () => {
    expect(readCorpus(generate('b', COUNT, SEED))).toEqual(readCorpus(join(root, 'a')));
  });

  test('another seed writes other articles', () => {
    const other = [...readCorpus(generate('other-seed', COUNT, SEED + 1)).values()];
    const first = [...readCorpus(join(root, 'a')).values()];
    expect(other.filter((text, i) => text === first[i]).length).toBe(0);
  });

  test('a smaller corpus is the start of a larger one', () => {
    const small = readCorpus(generate('small', 12, SEED));
    const large = readCorpus(join(root, 'a'));
    expect([...small]).toEqual([...large].slice(0, 12));
  });

  test('writes 10 per subfolder, in the reference layout, and every file parses back', () => {
    const folder = join(root, 'a');
    expect(readdirSync(folder).filter((name) => !name.startsWith('.')).sort()).toEqual(['000', '001', '002']);
    const articles = parseAll(folder);
    expect(articles).toHaveLength(COUNT);
    for (const article of articles) {
      expect(article.format).toBe('reference');
      expect(article.date).toMatch(/^20(0[4-9]|1\d|2[0-4])-\d\d-\d\d$/);
      expect(OUTLETS).toContain(article.source);
      expect(sentencesOf(article).length).toBeGreaterThan(1);
    }
  });

  test('titles are unique; outlets and dates vary', () => {
    const articles = parseAll(join(root, 'a'));
    expect(new Set(articles.map((a) => a.title)).size).toBe(COUNT);
    expect(new Set(articles.map((a) => a.source)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(articles.map((a) => a.date!.slice(0, 4))).size).toBeGreaterThanOrEqual(8);
    expect(new Set(articles.map((a) => a.date)).size).toBeGreaterThanOrEqual(25);
  });

  test('articles average about 4.5 kB', () => {
    expect(manifest.bytes / COUNT).toBeGreaterThan(3000);
    expect(manifest.bytes / COUNT).toBeLessThan(6000);
  });

  test('the loader reads every article and skips none', async () => {
    const { articles, report } = await loadArticles(join(root, 'a'));
    expect(articles).toHaveLength(COUNT);
    expect(report.skipped).toEqual([]);
  });

  test('each planted article holds its reserved question paragraph, which no other article holds', () => {
    const texts = readCorpus(join(root, 'a'));
    expect(manifest.planted).toHaveLength(COUNT);
    for (const { file, questionParagraph } of manifest.planted) {
      expect(questionParagraph).not.toBeNull();
      const holders = [...texts].filter(([, text]) => text.includes(questionParagraph!)).map(([name]) => name);
      expect(holders).toEqual([file]);
    }
  });
});

describe('varyNumbers', () => {
  const cases = [
    { text: 'In 2017 the toll rose.', kept: true },
    { text: 'It cost 1,200 dollars, or 3.5 million.', kept: true },
    { text: 'The G20 met on the 1st.', kept: true },
  ];
  for (const t of cases) {
    test(`varyNumbers(${JSON.stringify(t.text)}) keeps it`, () => {
      for (let seed = 0; seed < 20; seed++) expect(varyNumbers(t.text, createRandom(seed))).toBe(t.text);
    });
  }

  test('varies lone numbers, keeping their number of digits', () => {
    const varied = new Set(Array.from({ length: 20 }, (_, seed) => varyNumbers('At least 48 people died.', createRandom(seed))));
    expect(varied.size).toBeGreaterThan(1);
    for (const text of varied) expect(text).toMatch(/^At least \d\d people died\.$/);
  });
});

describe('makeQuestions', () => {
  test('asks about sentences of the reserved paragraphs, quoted exactly, deterministically', async () => {
    const folder = join(root, 'a');
    const questions = await makeQuestions(folder, manifest, 10, SEED, pool);
    expect(await makeQuestions(folder, manifest, 10, SEED, pool)).toEqual(questions);
    expect(questions.slice(0, GENERIC_QUESTIONS.length).map((q) => q.question)).toEqual(GENERIC_QUESTIONS);
    const planted = questions.filter((q) => q.source !== null);
    expect(planted).toHaveLength(10);
    const byId = new Map(parseAll(folder).map((a) => [a.id, a]));
    for (const { question, source } of planted) {
      expect(question).toMatch(/^(How many|When|Who|What) .+\?$/);
      const article = byId.get(source!.articleId)!;
      expect(article.paragraphs[source!.paragraph]!.slice(source!.start, source!.end)).toBe(source!.quote);
      const reserved = manifest.planted.find((p) => p.file === source!.articleId)!.questionParagraph!;
      expect(reserved).toContain(source!.quote);
    }
  });

  test('asks nothing whose words another source sentence holds too', async () => {
    const questions = await makeQuestions(join(root, 'a'), manifest, 10, SEED, pool);
    for (const { question, source } of questions.filter((q) => q.source !== null)) {
      const stems = question.replace(/^(How many|When|Who|What) /, '').replace(/\?$/, '').split(' ').map((word) => toTerm(word));
      const reserved = manifest.planted.find((p) => p.file === source!.articleId)!.questionParagraph!;
      for (const text of pool.texts) {
        for (const paragraph of text.paragraphs) {
          if (paragraph === reserved) continue;
          for (const sentence of paragraph.split(/(?<=[.!?])\s+/)) {
            const held = new Set(sentence.split(/[^\p{L}\p{N}'’.]+/u).map((word) => toTerm(word.replace(/[.]+$/, ''))));
            expect(stems.every((stem) => held.has(stem)), `${question} / ${sentence}`).toBe(false);
          }
        }
      }
    }
  });
});

describe('SourceSentences', () => {
  const poolOf = (...paragraphs: string[]): SourcePool => ({
    texts: [{ title: 'T', paragraphs, origin: 'bundled' }],
    counts: { bundled: 1, bbc: 0, 'fa-kes': 0 },
    paragraphCount: paragraphs.length,
    characterCount: 0,
    fingerprint: 'x',
  });

  test('finds a sentence of another paragraph that holds every word, by stem', () => {
    const sentences = new SourceSentences(poolOf('Rebels shelled the town on Monday. It was quiet.', 'The army said rebels were shelling towns.'));
    expect(sentences.anotherHolds(['shelled', 'town', 'rebels'], 'Rebels shelled the town on Monday. It was quiet.')).toBe(true);
  });

  test('needs every word in one sentence, outside the own paragraph', () => {
    const own = 'Rebels shelled the town on Monday. It was quiet.';
    const sentences = new SourceSentences(poolOf(own, 'The army fired at rebels. The town was shelled.'));
    expect(sentences.anotherHolds(['shelled', 'town', 'rebels'], own)).toBe(false);
    expect(sentences.anotherHolds(['shelled', 'Monday'], own)).toBe(false);
  });
});
