import { globSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const include = ['{lib,server,components,entrypoints,bench,tests}/**/*.test.{ts,tsx}'];
// A file that replaces a module (vi.mock) needs a module cache of its own.
const mocking = include
  .flatMap((pattern) => globSync(pattern))
  .filter((file) => /\bvi\.(do)?[mM]ock\(/.test(readFileSync(file, 'utf8')));

export default defineConfig({
  test: {
    // Vitest's default on 2 cores is one worker, which leaves a core idle while a file waits
    // on Postgres, workerd or a child API.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        // Files share a worker's module cache: importing zod, Drizzle and the app once per
        // worker instead of once per file took two thirds off the API suites' time. Every
        // test sets up its own state (databases, fake IndexedDB, DOM), so none leaks across.
        // With DATABASE_URL, one `wrangler dev` serves the worker target to the whole run.
        test: {
          name: 'shared',
          include,
          exclude: mocking,
          isolate: false,
          globalSetup: ['server/testing/worker-setup.ts'],
        },
      },
      { extends: true, test: { name: 'isolated', include: mocking, isolate: true } },
    ],
  },
});
