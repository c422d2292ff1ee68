// @ts-check
/**
 * `npm start`, `npm run local` and `npm run deploy-commands`: runs one of
 * the app's bundles in `dist/` (see build-app.mjs), building them first when
 * the sources changed since the last build (about a fifth of a second).
 *
 *   node scripts/run-app.mjs <main|local|deploy-commands> [the app's own arguments]
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_DIST, APP_SCRIPTS, describeBuildError, ensureBuilt } from './build-app.mjs';

const name = process.argv[2] ?? '';
if (!Object.hasOwn(APP_SCRIPTS, name)) {
  process.stderr.write(`Usage: node scripts/run-app.mjs <main|local|deploy-commands> [arguments]\n`);
  process.exit(2);
}
// The app reads its own arguments from process.argv.slice(2).
process.argv.splice(2, 1);
const outDir = APP_DIST;
try {
  if (await ensureBuilt({ outDir })) process.stderr.write('Built the app into dist/ (on the first start, and after its sources change).\n');
} catch (error) {
  process.stderr.write(`Cannot start: the app does not build.\n${describeBuildError(error)}\n`);
  process.exit(1);
}
// Stack traces in logged bugs name the TypeScript file and line, through the bundles' source maps.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(join(outDir, `${name}.mjs`)).href);
