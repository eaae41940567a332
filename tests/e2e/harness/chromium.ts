import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';
import { EXTENSION_ID } from '../../../lib/extension-identity';
import { EXTENSION_DIR } from './paths';

/** The system Chromium (Playwright's own browser download is never used). */
export function chromiumPath(): string {
  const executable = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executable)) {
    throw new Error(
      `Chromium not found at ${executable}. Install it with \`apt-get install -y chromium\` ` +
        '(Debian), or point CHROMIUM_PATH at a Chromium binary. Playwright browser downloads ' +
        'are not used by these tests.',
    );
  }
  return executable;
}

export type ExtensionBrowser = {
  context: BrowserContext;
  /** The extension's background service worker, as first seen. */
  serviceWorker: Worker;
  extensionId: string;
  /** chrome-extension://<id>/<page> */
  pageUrl: (page: string) => string;
  close: () => Promise<void>;
};

/** Launch Chromium with the built extension loaded, in a fresh throwaway profile. */
export async function launchWithExtension(
  extensionDir: string = EXTENSION_DIR,
): Promise<ExtensionBrowser> {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npx wxt build\` first.`);
  }
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'sidedesk-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath(),
      headless: false,
      args: [
        '--headless=new',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        // A second wall behind the route guard: no outside host even resolves.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      ],
    });
    const serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: 15_000,
      }));
    const extensionId = new URL(serviceWorker.url()).host;
    if (extensionId !== EXTENSION_ID) {
      throw new Error(
        `The extension loaded with id ${extensionId}, expected the pinned ${EXTENSION_ID} ` +
          '(is the manifest `key` missing from the build?)',
      );
    }
    const opened = context;
    return {
      context: opened,
      serviceWorker,
      extensionId,
      pageUrl: (page) => `chrome-extension://${extensionId}/${page.replace(/^\//, '')}`,
      close: async () => {
        await opened.close().catch(() => {});
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
