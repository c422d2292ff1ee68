/**
 * Builds the app's bundles in dist/ when the sources changed (as `npm start`
 * does), once before the tests that start it as a user would.
 */
import { join } from 'node:path';
import { describeBuildError, ensureBuilt, PROJECT_ROOT } from '../scripts/build-app.mjs';

export default async function buildTheApp(): Promise<void> {
  try {
    await ensureBuilt({ outDir: join(PROJECT_ROOT, 'dist') });
  } catch (error) {
    throw new Error(`the app does not build:\n${describeBuildError(error)}`);
  }
}
