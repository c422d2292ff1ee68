import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A function exported by a project module that may not exist yet, or why it could not be had. */
export type OptionalExport<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Loads the function `name` from a project file (a path relative to the
 * project root, e.g. `src/summarize-article.ts`) at run time, so the harness
 * runs, and type-checks, before that file is written. A missing file gives the
 * reason "not built yet"; a file that fails to load, or lacks the export, gives
 * its error, so a broken engine is never mistaken for a missing one.
 *
 * The caller states the function's type: it is checked to be a function, not
 * checked against the signature.
 */
export async function loadOptionalExport<T>(projectPath: string, name: string): Promise<OptionalExport<T>> {
  const url = new URL(`../${projectPath}`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) return { ok: false, reason: `not built yet: ${projectPath} does not exist` };
  let module: Record<string, unknown>;
  try {
    module = (await import(url.href)) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, reason: `${projectPath} failed to load: ${error instanceof Error ? error.message : String(error)}` };
  }
  const value = module[name];
  if (typeof value !== 'function') return { ok: false, reason: `${projectPath} does not export a function ${name}` };
  return { ok: true, value: value as T };
}
