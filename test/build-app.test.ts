/**
 * The app's bundles (scripts/build-app.mjs), which `npm start` runs: they
 * behave as the TypeScript sources do, and are rebuilt exactly when a source
 * changes.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { APP_DIST, appEntries, buildApp, describeBuildError, ensureBuilt, isBuildCurrent, PROJECT_ROOT, sourceKey } from '../scripts/build-app.mjs';
import { parseInWorkers } from '../src/load/parse-in-workers.ts';

const DIST = APP_DIST;
const temporary: string[] = [];
afterAll(() => {
  for (const path of temporary) rmSync(path, { recursive: true, force: true });
});

function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'build-app-'));
  temporary.push(folder);
  return folder;
}

/** Runs `node <args>` in the project with `input` on standard input; resolves to its standard output. */
function runNode(args: string[], input: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, DISCORD_TOKEN: '', ARTICLES_DIR: '', ARTICLE_CACHE: 'off', LOG_LEVEL: 'warn' }, stdio: ['pipe', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
    child.stdin.end(input);
  });
}

describe('the bundles in dist/', () => {
  test('the local console answers from the bundle exactly as from the TypeScript sources', async () => {
    await ensureBuilt({ outDir: DIST });
    const commands = ['/article latest', '/ask who was targeted', '/source', '/ask how many fighters were killed', '/ask what is the capital of Peru', '/article list'].join('\n') + '\n';
    const args = ['--articles', 'test/fixtures/articles', '--json'];
    const [bundled, fromSources] = await Promise.all([runNode(['scripts/run-app.mjs', 'local', ...args], commands), runNode(['--import', 'tsx', 'app/local.ts', ...args], commands)]);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout.trimEnd().split('\n')).toHaveLength(6);
    expect(bundled.stdout).toBe(fromSources.stdout);
  });

  test('the bundled parsing worker gives the outcomes the TypeScript one gives', async () => {
    await ensureBuilt({ outDir: DIST });
    const folder = join(PROJECT_ROOT, 'test', 'fixtures', 'articles');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(txt|md|json|jsonl)$/.test(file))
      .sort();
    const options = { folder, maxBytes: 1024 * 1024, hashing: true, workers: 1 };
    const errors: unknown[] = [];
    const bundled = await parseInWorkers(files, { ...options, entry: new URL(`file://${join(DIST, 'parse-worker.mjs')}`), onWorkerError: (e) => errors.push(e) });
    const fromSources = await parseInWorkers(files, { ...options, onWorkerError: (e) => errors.push(e) });
    expect(errors).toEqual([]);
    expect(bundled.filter((o) => o.status === 'parsed').length).toBeGreaterThan(8);
    expect(bundled).toEqual(fromSources);
  });

  test('every module of commands/ has its bundle, where the command registry looks for it', () => {
    const entries = appEntries();
    const commands = Object.keys(entries).filter((name) => name.startsWith('commands/'));
    expect(commands.sort()).toEqual(
      readdirSync(join(PROJECT_ROOT, 'commands'))
        .filter((file) => file.endsWith('.ts'))
        .map((file) => `commands/${file.slice(0, -3)}`)
        .sort(),
    );
    for (const name of [...commands, 'main', 'local', 'deploy-commands', 'parse-worker']) expect(readdirSync(join(DIST, ...name.split('/').slice(0, -1)))).toContain(`${name.split('/').at(-1)}.mjs`);
  });
});

describe('when a build is current', () => {
  /** A project of two source files, in a temporary folder. */
  function smallProject(): string {
    const root = temporaryFolder();
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, 'src', 'b.ts'), 'export const b = 2;\n');
    return root;
  }

  test('the key changes when a source is edited, touched, added or removed, and only then', () => {
    const root = smallProject();
    const first = sourceKey(root);
    expect(sourceKey(root)).toBe(first);
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 10;\n');
    const edited = sourceKey(root);
    expect(edited).not.toBe(first);
    utimesSync(join(root, 'src', 'b.ts'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    const touched = sourceKey(root);
    expect(touched).not.toBe(edited);
    writeFileSync(join(root, 'src', 'c.ts'), 'export const c = 3;\n');
    const added = sourceKey(root);
    expect(added).not.toBe(touched);
    rmSync(join(root, 'src', 'c.ts'));
    expect(sourceKey(root)).toBe(touched);
  });

  test('a build is current until a source changes; an empty or missing folder is not a build', async () => {
    const root = smallProject();
    const outDir = join(root, 'dist');
    const entries = { a: 'src/a.ts' };
    const assets: string[] = [];
    expect(isBuildCurrent(outDir, root)).toBe(false);
    expect(await ensureBuilt({ outDir, entries, assets, root })).toBe(true);
    expect(readdirSync(outDir)).toEqual(expect.arrayContaining(['a.mjs', 'a.mjs.map', 'build-key.txt']));
    expect(isBuildCurrent(outDir, root)).toBe(true);
    expect(await ensureBuilt({ outDir, entries, assets, root })).toBe(false);
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 11;\n');
    expect(isBuildCurrent(outDir, root)).toBe(false);
    expect(await ensureBuilt({ outDir, entries, assets, root })).toBe(true);
  });

  test('a source that does not compile rejects the build, with the file and line in the message, and leaves the last build in place', async () => {
    const root = smallProject();
    const outDir = join(root, 'dist');
    await buildApp({ outDir, entries: { a: 'src/a.ts' }, assets: [], root });
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = ;\n');
    const error = await buildApp({ outDir, entries: { a: 'src/a.ts' }, assets: [], root }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(describeBuildError(error)).toMatch(/^src\/a\.ts:1:\d+: /);
    expect(isBuildCurrent(outDir, root)).toBe(false);
    expect(readdirSync(outDir)).toContain('a.mjs');
  });
});
