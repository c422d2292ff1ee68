import { createHash } from 'node:crypto';
import type { Article } from '../article.ts';
import { ArticleIndex, type SavedIndex } from '../search/article-index.ts';
import { readJsonLines, writeJsonLines, type JsonLinesProblem } from './json-lines.ts';

/**
 * Bumped whenever indexing changes (terms, fields, boosts) or the file layout
 * does: an index saved by another version is rebuilt.
 */
export const INDEX_CACHE_VERSION = 3;
const CACHE_FORMAT = { format: 'news-desk-bot/index-cache', version: INDEX_CACHE_VERSION };

// Items of the large collections (index terms, document ids, fingerprints...)
// are gathered into lines of about this many characters: one JSON.parse per
// item would cost more than the item, and one line per collection could
// outgrow a string.
const LINE_CHARS = 64 * 1024;

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
export async function loadIndex(path: string, articles: readonly Article[], indexArticle: IndexArticle): Promise<IndexLoad> {
  const saved = await readSavedIndex(path);
  if (saved.ok) {
    const { fingerprints } = saved.file;
    const current = new Map(articles.map((a) => [a.id, a]));
    let stale = false;
    for (const [id, fingerprint] of fingerprints) {
      const article = current.get(id);
      if (article === undefined || fingerprintArticle(article) !== fingerprint) {
        stale = true;
        break;
      }
    }
    if (!stale) {
      try {
        const indexed = articles.filter((a) => fingerprints.has(a.id));
        const index = ArticleIndex.restore(saved.file.index, indexed);
        const added = articles.filter((a) => !fingerprints.has(a.id));
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

async function rebuild(articles: readonly Article[], indexArticle: IndexArticle, problem: IndexLoad['problem']): Promise<IndexLoad> {
  return { index: await indexArticles(articles, indexArticle), reused: 0, problem };
}

/** How an article is added to an index being built: the caller's hook to yield and report progress (`done` counts from 1). */
export type IndexArticle = (index: ArticleIndex, article: Article, done: number) => Promise<void>;

/** A new index of these articles, fed one by one through `indexArticle`. */
export async function indexArticles(articles: readonly Article[], indexArticle: IndexArticle): Promise<ArticleIndex> {
  const index = new ArticleIndex();
  for (const [i, article] of articles.entries()) await indexArticle(index, article, i + 1);
  return index;
}

/** A saved index as read back: what it was built from, and the index itself. */
interface SavedFile {
  /** Article id → fingerprint of what was indexed. */
  fingerprints: Map<string, string>;
  index: SavedIndex;
}

/*
 * The file is JSON Lines (see json-lines.ts); every body line is an array
 * `[section, ...items]`, and a section may take many lines:
 *   ["fingerprints", [articleId, fingerprint], ...]
 *   ["search", {scalar fields of minisearch's toJSON()}, {field: "array" | "object"}]
 *   ["search.<field>", item or [key, value], ...]   one section per collection field of toJSON()
 *   ["firstPassages", [articleId, n], ...]
 *   ["passageFrequency", [term, n], ...]
 *   ["counts", {passageCount, termCount}]
 * minisearch's collections (millions of terms at 100,000 articles) are split
 * into lines like any other list, so that no string grows with the index.
 */

function* indexLines(articles: readonly Article[], saved: SavedIndex): Generator<string> {
  yield* chunkLines('fingerprints', fingerprintsOf(articles));
  if (typeof saved.search !== 'object' || saved.search === null) throw new Error('the search index is not an object');
  const search = saved.search as Record<string, unknown>;
  const scalars: Array<[string, unknown]> = [];
  const kinds: Array<[string, 'array' | 'object']> = [];
  for (const [field, value] of Object.entries(search)) {
    if (Array.isArray(value)) kinds.push([field, 'array']);
    else if (typeof value === 'object' && value !== null) kinds.push([field, 'object']);
    else scalars.push([field, value]);
  }
  yield JSON.stringify(['search', Object.fromEntries(scalars), Object.fromEntries(kinds)]);
  for (const [field, kind] of kinds) {
    yield* chunkLines(`search.${field}`, kind === 'array' ? (search[field] as unknown[]) : entriesOf(search[field] as object));
  }
  yield* chunkLines('firstPassages', saved.firstPassages);
  yield* chunkLines('passageFrequency', saved.passageFrequency);
  yield JSON.stringify(['counts', { passageCount: saved.passageCount, termCount: saved.termCount }]);
}

function* fingerprintsOf(articles: readonly Article[]): Generator<[string, string]> {
  for (const article of articles) yield [article.id, fingerprintArticle(article)];
}

function* entriesOf(object: object): Generator<[string, unknown]> {
  for (const key of Object.keys(object)) yield [key, (object as Record<string, unknown>)[key]];
}

/** `[section, ...items]` lines of about LINE_CHARS characters (longer only for a longer item). */
function* chunkLines(section: string, items: Iterable<unknown>): Generator<string> {
  const head = `[${JSON.stringify(section)}`;
  let line = head;
  for (const item of items) {
    line += `,${JSON.stringify(item)}`;
    if (line.length >= LINE_CHARS) {
      yield `${line}]`;
      line = head;
    }
  }
  if (line !== head) yield `${line}]`;
}

const isCount = (value: unknown, min: number): value is number => Number.isInteger(value) && (value as number) >= min;
const isPair = (value: unknown): value is [unknown, unknown] => Array.isArray(value) && value.length === 2;

/** Reads the saved index back line by line; anything out of shape makes it corrupt. */
async function readSavedIndex(path: string): Promise<{ ok: true; file: SavedFile } | { ok: false; problem: JsonLinesProblem }> {
  const fingerprints = new Map<string, string>();
  const firstPassages: Array<[string, number]> = [];
  const passageFrequency: Array<[string, number]> = [];
  // Null prototypes, as JSON.parse would give own properties: a key such as "__proto__" stays data.
  let search: Record<string, unknown> | undefined;
  let counts: { passageCount: number; termCount: number } | undefined;
  const problem = await readJsonLines(path, CACHE_FORMAT, (line) => {
    if (!Array.isArray(line) || typeof line[0] !== 'string') throw new Error('not an index line');
    const section = line[0];
    const pairs = (check: (pair: [unknown, unknown]) => boolean, add: (pair: [unknown, unknown]) => void) => {
      for (let i = 1; i < line.length; i++) {
        const item: unknown = line[i];
        if (!isPair(item) || !check(item)) throw new Error(`not a ${section} item`);
        add(item);
      }
    };
    switch (section) {
      case 'fingerprints':
        pairs(([id, fingerprint]) => typeof id === 'string' && typeof fingerprint === 'string', ([id, fingerprint]) => fingerprints.set(id as string, fingerprint as string));
        return;
      case 'firstPassages':
        pairs(([id, n]) => typeof id === 'string' && isCount(n, 0), (pair) => firstPassages.push(pair as [string, number]));
        return;
      case 'passageFrequency':
        pairs(([term, n]) => typeof term === 'string' && isCount(n, 1), (pair) => passageFrequency.push(pair as [string, number]));
        return;
      case 'counts': {
        const value = line[1] as { passageCount?: unknown; termCount?: unknown } | undefined;
        if (counts !== undefined || line.length !== 2 || typeof value !== 'object' || value === null) throw new Error('bad counts');
        if (!isCount(value.passageCount, 0) || !isCount(value.termCount, 0)) throw new Error('bad counts');
        counts = { passageCount: value.passageCount, termCount: value.termCount };
        return;
      }
      case 'search': {
        const [, scalars, kinds] = line as [string, unknown, unknown];
        if (search !== undefined || line.length !== 3 || !isPlainObject(scalars) || !isPlainObject(kinds)) throw new Error('bad search header');
        search = Object.assign(Object.create(null) as Record<string, unknown>, scalars);
        for (const [field, kind] of Object.entries(kinds)) {
          if (kind === 'array') search[field] = [];
          else if (kind === 'object') search[field] = Object.create(null);
          else throw new Error('bad search header');
        }
        return;
      }
      default: {
        const target = section.startsWith('search.') && search !== undefined ? search[section.slice('search.'.length)] : undefined;
        if (Array.isArray(target)) {
          for (let i = 1; i < line.length; i++) target.push(line[i]);
        } else if (isPlainObject(target)) {
          pairs(([key]) => typeof key === 'string', ([key, value]) => ((target as Record<string, unknown>)[key as string] = value));
        } else {
          throw new Error(`unknown section ${section}`);
        }
      }
    }
  });
  if (problem !== null) return { ok: false, problem };
  if (search === undefined || counts === undefined) return { ok: false, problem: 'corrupt' };
  return { ok: true, file: { fingerprints, index: { search, firstPassages, passageFrequency, ...counts } } };
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Saves the index for the next start-up, streamed line by line (see
 * json-lines.ts), atomically (temporary file, then rename).
 *
 * @throws Error when the file cannot be written.
 */
export async function saveIndex(path: string, index: ArticleIndex, articles: readonly Article[]): Promise<void> {
  await writeJsonLines(path, CACHE_FORMAT, indexLines(articles, index.save()));
}
