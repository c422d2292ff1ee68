import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../src/article.ts';
import { buildArticle } from '../src/parse/build-article.ts';
import type { ParseOutcome } from '../src/parse/parse-outcome.ts';
import { spreadSample } from './spread-sample.ts';

/** Where the BBC News Summary set lives inside the shared data folder. */
export const BBC_FOLDER = 'bbc-news-summary';

/** The project parser's signature (src/parse/parse-article-file.ts). */
export type ParseArticleFile = (bytes: Uint8Array, file: string) => ParseOutcome;

/** One BBC article with its gold extractive summary (sentences run together, as written). */
export interface BbcItem {
  /** `topic/NNN.txt`. */
  file: string;
  article: Article;
  gold: string;
}

/** The loaded BBC set, with the files that could not be used and why. */
export interface BbcSet {
  items: BbcItem[];
  /** How many article files the folder holds (before any --limit). */
  available: number;
  skipped: { file: string; reason: string }[];
}

/** Lists `topic/NNN.txt` for every article file, sorted by topic then name. */
export async function listBbcFiles(bbcFolder: string): Promise<string[]> {
  const articlesFolder = join(bbcFolder, 'articles');
  const topics = (await readdir(articlesFolder, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const files: string[] = [];
  for (const topic of topics) {
    const names = (await readdir(join(articlesFolder, topic))).filter((name) => name.endsWith('.txt')).sort();
    files.push(...names.map((name) => `${topic}/${name}`));
  }
  return files;
}

/**
 * Loads BBC articles (all, or `limit` spread evenly over the topics) with the
 * given parser, each with its gold summary. A file the parser rejects, or
 * that has no summary, is skipped and listed.
 */
export async function loadBbc(bbcFolder: string, parse: ParseArticleFile, limit?: number): Promise<BbcSet> {
  const all = await listBbcFiles(bbcFolder);
  const files = limit === undefined ? all : spreadSample(all, limit);
  const items: BbcItem[] = [];
  const skipped: BbcSet['skipped'] = [];
  for (const file of files) {
    const bytes = await readFile(join(bbcFolder, 'articles', file));
    let gold: string;
    try {
      gold = await readFile(join(bbcFolder, 'summaries', file), 'utf8');
    } catch {
      skipped.push({ file, reason: 'no gold summary' });
      continue;
    }
    const outcome = parse(new Uint8Array(bytes), file);
    const article = outcome.ok ? outcome.articles[0] : undefined;
    if (!outcome.ok) skipped.push({ file, reason: outcome.error.message });
    else if (article === undefined) skipped.push({ file, reason: 'the parser returned no article' });
    else items.push({ file, article, gold: gold.trim() });
  }
  return { items, available: all.length, skipped };
}

/**
 * A stand-in for the project's parser while src/parse/parse-article-file.ts
 * is not written: the BBC plain layout only (title on the first line, then
 * paragraphs separated by blank lines), UTF-8 or else Windows-1252, built with
 * the project's {@link buildArticle}. The harness says when it is in use.
 */
export function parsePlainTextFallback(bytes: Uint8Array, file: string): ParseOutcome {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  const [title = '', ...rest] = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const paragraphs = rest.join('\n').split(/\n\s*\n/);
  const built = buildArticle({ title, date: null, source: null, paragraphs, captions: [] }, { id: file, file, format: 'plain' });
  return built.ok ? { ok: true, articles: [built.article], warnings: built.warnings } : { ok: false, error: built.error };
}
