import { defineConfig } from 'wxt';
import { MANIFEST_KEY } from './lib/extension-identity';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: {
    name: 'Sidedesk',
    description: 'Your team help desk, inside the inbox.',
    key: MANIFEST_KEY,
    permissions: ['storage', 'alarms', 'identity'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
  },
});
