import path from 'node:path';
import { defineConfig } from 'wxt';
import config from '../wxt.config';

/**
 * The project's build with @inboxsdk/core replaced by a stub, into a folder of its own:
 * its content script is our code alone, tree-shaken as the real build is.
 */
export default defineConfig({
  ...config,
  outDir: '.output/bench-no-inboxsdk',
  filterEntrypoints: ['gmail'],
  vite: async (env) => {
    const base = (await config.vite?.(env)) ?? {};
    return {
      ...base,
      resolve: {
        alias: [{ find: /^@inboxsdk\/core$/, replacement: path.resolve('bench/inboxsdk-stub.ts') }],
      },
    };
  },
});
