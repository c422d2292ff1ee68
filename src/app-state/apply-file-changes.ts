import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../article.ts';
import { isArticleFile, readArticleFile, type LoadReport, type SkippedFile } from '../load-articles.ts';
import { rebuildAppState, type AppState } from './create-app-state.ts';

/** What one batch of file changes did. */
export interface ChangeSummary {
  added: string[];
  updated: string[];
  removed: string[];
  /** Files that broke: their last good version stays loaded. */
  keptLastGood: SkippedFile[];
  /** New files that could not be loaded. */
  skipped: SkippedFile[];
}

/**
 * Applies changed files (paths relative to the folder; a path ending in `/`
 * or a removed folder stands for everything under it) to the running state:
 * each file is read again and its articles replace, join or leave the index
 * one by one, without rebuilding it. A file that becomes broken keeps its
 * last good version and is reported. Returns the new state, which shares the
 * updated index with the old one.
 */
export async function applyFileChanges(state: AppState, folder: string, paths: readonly string[], maxBytes?: number): Promise<{ state: AppState; summary: ChangeSummary }> {
  const idsByFile = new Map<string, string[]>();
  for (const article of state.engine.index.articles()) idsByFile.set(article.file, [...(idsByFile.get(article.file) ?? []), article.id]);

  const files = new Set<string>();
  for (const path of paths) {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    if (!path.endsWith('/') && isArticleFile(path)) files.add(path);
    for (const known of idsByFile.keys()) if (known.startsWith(prefix)) files.add(known);
  }

  const summary: ChangeSummary = { added: [], updated: [], removed: [], keptLastGood: [], skipped: [] };
  const index = state.engine.index;
  const skippedNow = new Map<string, SkippedFile>();
  for (const file of [...files].sort()) {
    const previous = idsByFile.get(file) ?? [];
    if (!(await exists(join(folder, ...file.split('/'))))) {
      for (const id of previous) index.remove(id);
      if (previous.length > 0) summary.removed.push(file);
      continue;
    }
    const result = await readArticleFile(folder, file, maxBytes);
    if (!result.ok) {
      skippedNow.set(file, result.skipped);
      (previous.length > 0 ? summary.keptLastGood : summary.skipped).push(result.skipped);
      continue;
    }
    for (const id of previous) index.remove(id);
    for (const article of result.articles) index.add(article);
    (previous.length > 0 ? summary.updated : summary.added).push(file);
  }

  const articles: Article[] = [...index.articles()];
  const changed = new Set(files);
  const report: LoadReport = {
    ...state.report,
    articlesLoaded: articles.length,
    skipped: [...state.report.skipped.filter((s) => !changed.has(s.file)), ...skippedNow.values()],
    warnings: state.report.warnings.filter((w) => !changed.has(w.file)),
  };
  return { state: rebuildAppState(state, articles, report), summary };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** One line per change, for logs: "reloaded 3 changed files: 1 added, 1 updated, 1 removed". */
export function describeChanges(summary: ChangeSummary): string[] {
  const lines = [
    `articles folder changed: ${summary.added.length} added, ${summary.updated.length} updated, ${summary.removed.length} removed` +
      (summary.keptLastGood.length + summary.skipped.length > 0 ? `, ${summary.keptLastGood.length + summary.skipped.length} not loaded` : ''),
  ];
  for (const kept of summary.keptLastGood) lines.push(`  ${kept.file} ${kept.reason}; keeping its last good version`);
  for (const skip of summary.skipped) lines.push(`  skipped ${skip.file}: ${skip.reason}`);
  return lines;
}
