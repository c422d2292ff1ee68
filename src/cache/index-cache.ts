import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Article } from '../article.ts';
import { ArticleIndex } from '../search/article-index.ts';

/** Bumped whenever indexing changes (terms, fields, boosts): an index saved by another version is rebuilt. */
export const INDEX_CACHE_VERSION = 2;
const CACHE_FORMAT = 'news-desk-bot/index-cache';

const IndexFileSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  version: z.literal(INDEX_CACHE_VERSION),
  /** Article id → fingerprint of what was indexed. */
  fingerprints: z.record(z.string(), z.string()),
  index: z.object({
    search: z.record(z.string(), z.unknown()),
    firstPassages: z.array(z.tuple([z.string(), z.number().int().nonnegative()])),
    passageFrequency: z.array(z.tuple([z.string(), z.number().int().positive()])),
    passageCount: z.number().int().nonnegative(),
    termCount: z.number().int().nonnegative(),
  }),
});

/** How an index was obtained at start-up. */
export interface IndexLoad {
  index: ArticleIndex;
  /** Articles that came from the saved index (0 when it was rebuilt). */
  reused: number;
  /** Why the saved index was not used, or null when it was. */
  problem: 'missing' | 'corrupt' | 'foreign' | 'stale' | null;
}

/** What an article's passages were built from: any change to it changes the fingerprint. */
export function fingerprintArticle(article: Article): string {
  return createHash('sha256').update(article.id).update('\u0000').update(article.title).update('\u0000').update(article.paragraphs.join('\n')).digest('base64url');
}

/**
 * Restores the index saved at `path` when every article it holds is still
 * loaded, unchanged (articles added since are indexed on top); otherwise, or
 * when the file is missing, corrupt or from another version, indexes
 * everything again. `indexArticle` is how a fresh or extended index is fed,
 * so that the caller can yield and report progress.
 */
export async function loadIndex(path: string, articles: readonly Article[], indexArticle: (index: ArticleIndex, article: Article, done: number) => Promise<void>): Promise<IndexLoad> {
  const saved = await readSavedIndex(path);
  if (saved.ok) {
    const current = new Map(articles.map((a) => [a.id, a]));
    const stale = Object.entries(saved.file.fingerprints).some(([id, fingerprint]) => {
      const article = current.get(id);
      return article === undefined || fingerprintArticle(article) !== fingerprint;
    });
    if (!stale) {
      try {
        const indexed = articles.filter((a) => a.id in saved.file.fingerprints);
        const index = ArticleIndex.restore(saved.file.index as never, indexed);
        const added = articles.filter((a) => !(a.id in saved.file.fingerprints));
        for (const [i, article] of added.entries()) await indexArticle(index, article, indexed.length + i + 1);
        return { index, reused: indexed.length, problem: null };
      } catch {
        // A file that passed the shape check but does not load is corrupt too.
        return rebuild(articles, indexArticle, 'corrupt');
      }
    }
    return rebuild(articles, indexArticle, 'stale');
  }
  return rebuild(articles, indexArticle, saved.problem);
}

async function rebuild(articles: readonly Article[], indexArticle: (index: ArticleIndex, article: Article, done: number) => Promise<void>, problem: IndexLoad['problem']): Promise<IndexLoad> {
  const index = new ArticleIndex();
  for (const [i, article] of articles.entries()) await indexArticle(index, article, i + 1);
  return { index, reused: 0, problem };
}

async function readSavedIndex(path: string): Promise<{ ok: true; file: z.infer<typeof IndexFileSchema> } | { ok: false; problem: 'missing' | 'corrupt' | 'foreign' }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ok: false, problem: 'missing' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'corrupt' };
  }
  const header = z.object({ format: z.string(), version: z.number() }).safeParse(json);
  if (!header.success) return { ok: false, problem: 'corrupt' };
  if (header.data.format !== CACHE_FORMAT || header.data.version !== INDEX_CACHE_VERSION) return { ok: false, problem: 'foreign' };
  const parsed = IndexFileSchema.safeParse(json);
  return parsed.success ? { ok: true, file: parsed.data } : { ok: false, problem: 'corrupt' };
}

/** Saves the index for the next start-up, atomically (temporary file, then rename). */
export async function saveIndex(path: string, index: ArticleIndex, articles: readonly Article[]): Promise<void> {
  const fingerprints = Object.fromEntries(articles.map((a) => [a.id, fingerprintArticle(a)]));
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify({ format: CACHE_FORMAT, version: INDEX_CACHE_VERSION, fingerprints, index: index.save() }));
  await rename(temporary, path);
}
