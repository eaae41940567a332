import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { type OidcIssuer, startOidcIssuer } from '../../server/testing/oidc-issuer';
import { type ApiOptions, ApiProcess } from './harness/api-process';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { guardNetwork, type NetworkGuard } from './harness/network-guard';
import { PopupPage } from './harness/popup';

export type Extension = ExtensionBrowser & {
  /** Every outside host is blocked; `blocked` lists what tried. */
  network: NetworkGuard;
  /** Open an extension page (e.g. popup.html) in a tab. */
  openPage(path: string): Promise<Page>;
  /** The popup in a tab the size of the real popup. */
  openPopup(): Promise<PopupPage>;
};

type TestFixtures = {
  /** Whether the test may pass although something tried to reach an outside host. */
  allowEscapes: boolean;
  /** The extension's network guard (every outside host blocked; `blocked` lists attempts). */
  network: NetworkGuard;
  /** Chromium with the built extension loaded, its worker started, outside hosts blocked. */
  extension: Extension;
  /**
   * The API this test talks to: the worker's shared one. The API is multi-tenant and every
   * test seeds its own workspace, so tests never see each other's data.
   */
  api: ApiProcess;
  /** An API of the test's own (own port and data), for stop/restart stories or special env. */
  startApi: (options?: ApiOptions) => Promise<ApiProcess>;
};

type WorkerFixtures = {
  /** The person the test OIDC issuer signs in (its /authorize asks no questions). */
  oidcUser: { email: string; name: string };
  /** A local OpenID Connect issuer with keys made for this run. */
  oidcIssuer: OidcIssuer;
  /**
   * The real API (server/node.ts) as a child process on a loopback port with a fresh
   * embedded database, dev sign-in on and the test issuer trusted. Started once per worker:
   * PGlite takes seconds to start.
   */
  sharedApi: ApiProcess;
};

const attachLogs = async (testInfo: TestInfo, api: ApiProcess, name = 'api.log') => {
  if (testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach(name, { body: api.logs(), contentType: 'text/plain' });
  }
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  allowEscapes: [false, { option: true }],

  // Screenshots and traces of failures come from playwright.config.ts `use`, which
  // Playwright applies to every context a test launches, this persistent one included.
  extension: async ({ allowEscapes }, use) => {
    const launched = await launchWithExtension();
    // The guard goes on before any page opens; until this line only the worker ran, and it
    // makes no request before sign-in (and --host-resolver-rules stops any outside host).
    const network = await guardNetwork(launched.context);
    const openPage = async (path: string) => {
      const page = await launched.context.newPage();
      await page.goto(launched.pageUrl(path));
      return page;
    };
    try {
      await use({
        ...launched,
        network,
        openPage,
        openPopup: async () => {
          const page = await launched.context.newPage();
          await page.setViewportSize({ width: 380, height: 600 });
          await page.goto(launched.pageUrl('popup.html'));
          return new PopupPage(page);
        },
      });
    } finally {
      await launched.close();
    }
    if (!allowEscapes) {
      expect(network.blocked, 'requests to outside hosts (all were blocked)').toEqual([]);
    }
  },

  network: async ({ extension }, use) => {
    await use(extension.network);
  },

  api: async ({ sharedApi }, use, testInfo) => {
    await use(sharedApi);
    await attachLogs(testInfo, sharedApi);
  },

  startApi: async ({ oidcIssuer }, use, testInfo) => {
    const started: ApiProcess[] = [];
    await use(async (options = {}) => {
      const api = await ApiProcess.start({ oidcProviders: [oidcIssuer.provider], ...options });
      started.push(api);
      return api;
    });
    for (const [i, api] of started.entries()) {
      await api.dispose();
      await attachLogs(testInfo, api, `api-${i + 1}.log`);
    }
  },

  oidcUser: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a function destructures
    async ({}, use, workerInfo) => {
      await use({ email: `leo.oidc-${workerInfo.workerIndex}@acme.test`, name: 'Leo Lead' });
    },
    { scope: 'worker' },
  ],

  oidcIssuer: [
    async ({ oidcUser }, use) => {
      const issuer = await startOidcIssuer({ user: oidcUser });
      try {
        await use(issuer);
      } finally {
        await issuer.close();
      }
    },
    { scope: 'worker' },
  ],

  sharedApi: [
    async ({ oidcIssuer }, use) => {
      const api = await ApiProcess.start({ oidcProviders: [oidcIssuer.provider] });
      try {
        await use(api);
      } finally {
        await api.dispose();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

export { expect };
