import { AppStore } from '../src/app-state/app-store.ts';
import { describeChanges } from '../src/app-state/apply-file-changes.ts';
import type { LoadProgress } from '../src/app-state/create-app-state.ts';
import type { FolderWatch } from '../src/app-state/watch-article-folder.ts';
import { describeFolderError } from '../src/app-state/create-app-state.ts';
import type { LocalConfig } from '../src/config.ts';
import type { Logger } from '../src/logger.ts';

/**
 * The start-up step of every mode: load the articles folder and build the
 * engine, writing the load report to standard error. Exits with a one-line
 * message when the folder cannot be read.
 */
export async function openStore(
  config: LocalConfig,
  logger: Logger,
  report: (line: string) => void,
  onProgress?: (progress: LoadProgress) => void,
): Promise<AppStore> {
  try {
    const store = await AppStore.open({
      articlesDir: config.articlesDir,
      maxArticleBytes: config.maxArticleBytes,
      ...(config.articleCache === null ? {} : { cachePath: config.articleCache }),
      ...(onProgress ? { onProgress } : {}),
    });
    for (const line of store.current.reportLines) report(line);
    logger.debug({ articles: store.current.articles.length, folder: config.articlesDir }, 'articles loaded');
    // The caches are written while the app already answers; a failure costs the next start time, nothing else.
    void store.current.cachesSaved.then((problems) => {
      for (const problem of problems) report(`  warning: ${problem}`);
    });
    return store;
  } catch (error) {
    process.stderr.write(`Cannot read the articles folder ${config.articlesDir}: ${describeFolderError(error)}.\nSet ARTICLES_DIR (or --articles) to a folder of article files.\n`);
    process.exit(1);
  }
}

/**
 * Watches the articles folder when the configuration asks for it (the
 * default), writing one line per batch of changes: added, changed and removed
 * files show in answers within about a second, without a restart.
 */
export function watchFolder(config: LocalConfig, store: AppStore, report: (line: string) => void): FolderWatch | undefined {
  if (!config.watchArticles) return undefined;
  return store.watch(
    (summary) => {
      for (const line of describeChanges(summary)) report(line);
    },
    (error) => report(`watching ${config.articlesDir} failed: ${error.message}; use /reload after changes`),
  );
}

/** Calls `stop` on the first SIGINT or SIGTERM, and exits at once on a second one. */
export function onShutdownSignal(stop: (signal: NodeJS.Signals) => void): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(130);
      stopping = true;
      stop(signal);
    });
  }
}
