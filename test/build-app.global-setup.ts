/**
 * Builds the app's bundles in dist/ when the sources changed (as `npm start`
 * does), once before the tests that start it as a user would.
 */
import { APP_DIST, describeBuildError, ensureBuilt } from '../scripts/build-app.mjs';

export default async function buildTheApp(): Promise<void> {
  try {
    await ensureBuilt({ outDir: APP_DIST });
  } catch (error) {
    throw new Error(`the app does not build:\n${describeBuildError(error)}`);
  }
}
