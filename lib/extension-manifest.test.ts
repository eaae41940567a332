import { describe, expect, it } from 'vitest';
import config from '../wxt.config';

const manifest = config.manifest as {
  permissions: string[];
  host_permissions: string[];
  content_security_policy: { extension_pages: string };
};

/** Each permission the extension asks for, and why it cannot do without it. */
const NEEDED: Record<string, string> = {
  storage: 'the session and settings',
  alarms: 'polling and SLA timers while the service worker sleeps',
  identity: 'signing in with an OIDC provider (launchWebAuthFlow)',
  scripting: "InboxSDK's page script in Gmail's main world",
  notifications: 'SLA warnings and mentions',
};

describe('the extension asks for little', () => {
  it('requests only the permissions it needs', () => {
    expect([...manifest.permissions].sort()).toEqual(Object.keys(NEEDED).sort());
  });

  it('reaches only the mail sites (the API is asked for at sign-in, not declared)', () => {
    for (const host of manifest.host_permissions)
      expect(host).toMatch(
        /^https:\/\/(mail\.google\.com|outlook\.(office|office365|live)\.com|outlook\.cloud\.microsoft)\/\*$/,
      );
  });

  it('runs only its own scripts: no eval, no inline or remote code', () => {
    const csp = manifest.content_security_policy.extension_pages;
    const scriptSrc = csp
      .match(/script-src ([^;]*)/)?.[1]
      ?.trim()
      .split(/\s+/);
    expect(scriptSrc).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(csp).toMatch(/object-src 'self'/);
  });
});
