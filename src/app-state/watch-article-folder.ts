import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { isArticleFile } from '../load-articles.ts';

/** Options of {@link watchArticleFolder}. */
export interface WatchOptions {
  /** Wait this long without a new event before handing a batch over. Default 300 ms. */
  quietMs?: number;
  /** Never hold a batch longer than this after its first event. Default 1000 ms. */
  maxWaitMs?: number;
  /** Called when watching itself fails (the folder was removed, too many watches). */
  onError?: (error: Error) => void;
}

/** A running watch; `close()` stops it and drops a pending batch. */
export interface FolderWatch {
  close(): void;
}

/**
 * Watches an articles folder (recursively) and hands over the article files
 * that changed, as paths relative to the folder with forward slashes —
 * added, changed or removed alike: the receiver reads each one to find out.
 * Bursts (a `git pull` of thousands of files) are batched: a batch is handed
 * over after `quietMs` without events, or at most `maxWaitMs` after its first,
 * so every change is reflected within about a second. A folder that appears
 * is listed, so files written before its own watch began are not missed.
 */
export function watchArticleFolder(folder: string, onBatch: (files: string[]) => void, options: WatchOptions = {}): FolderWatch {
  const quietMs = options.quietMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  let pending = new Set<string>();
  let quietTimer: NodeJS.Timeout | undefined;
  let maxTimer: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = () => {
    clearTimeout(quietTimer);
    clearTimeout(maxTimer);
    quietTimer = maxTimer = undefined;
    const paths = [...pending];
    pending = new Set();
    void expandFolders(folder, paths).then((files) => {
      if (!closed && files.length > 0) onBatch(files);
    });
  };

  let watcher: FSWatcher;
  try {
    watcher = watch(folder, { recursive: true }, (_event, name) => {
      if (name === null || closed) return;
      pending.add(String(name).split(sep).join('/'));
      clearTimeout(quietTimer);
      quietTimer = setTimeout(flush, quietMs);
      maxTimer ??= setTimeout(flush, maxWaitMs);
    });
  } catch (error) {
    options.onError?.(error as Error);
    return { close: () => undefined };
  }
  watcher.on('error', (error) => options.onError?.(error));
  return {
    close() {
      closed = true;
      clearTimeout(quietTimer);
      clearTimeout(maxTimer);
      watcher.close();
    },
  };
}

/** Replaces each path that is now a folder by the article files under it; keeps the others (files, or removed paths). */
async function expandFolders(folder: string, paths: string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const path of paths) {
    let isFolder = false;
    try {
      isFolder = (await stat(join(folder, path))).isDirectory();
    } catch {
      // Gone: the receiver removes what came from it.
    }
    if (!isFolder) {
      files.add(path);
      continue;
    }
    files.add(`${path}/`); // so that articles under a folder replaced wholesale are checked too
    try {
      for (const entry of await readdir(join(folder, path), { recursive: true })) {
        const file = `${path}/${String(entry).split(sep).join('/')}`;
        if (isArticleFile(file)) files.add(file);
      }
    } catch {
      // Removed while we looked: the next event brings it.
    }
  }
  return [...files];
}
