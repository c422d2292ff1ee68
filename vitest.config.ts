import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The tests that start the app as a user does run its bundles: built once, before any test.
    globalSetup: ['test/build-app.global-setup.ts'],
  },
});
