import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The first report of a worker compiles every lexicon (a few seconds on a busy 2-core machine).
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
