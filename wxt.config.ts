import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';
import { MANIFEST_KEY } from './lib/extension-identity';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: {
    name: 'Sidedesk',
    description: 'Your team help desk, inside the inbox.',
    key: MANIFEST_KEY,
    // InboxSDK's background injects its page script (pageWorld.js) into Gmail's main world.
    permissions: ['storage', 'alarms', 'identity', 'scripting', 'notifications'],
    host_permissions: [
      'https://mail.google.com/*',
      // Outlook on the web: only its content script runs there (no page script, no fetch).
      'https://outlook.office.com/*',
      'https://outlook.office365.com/*',
      'https://outlook.live.com/*',
      'https://outlook.cloud.microsoft/*',
    ],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
  },
  vite: () => ({
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // zod 4 ships comments Rollup cannot place; harmless, and pages of noise per build.
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/zod/')) return;
          warn(warning);
        },
      },
    },
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({
        absoluteSrc: createRequire(import.meta.url).resolve('@inboxsdk/core/pageWorld.js'),
        relativeDest: 'pageWorld.js',
      });
    },
  },
});
