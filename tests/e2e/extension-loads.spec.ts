import { EXTENSION_ID } from '../../lib/extension-identity';
import { expect, test } from './fixtures';

test('the extension loads in Chromium with its pinned id and its popup renders', async ({
  extension,
  network,
}) => {
  const { context, serviceWorker } = extension;
  expect(extension.extensionId).toBe(EXTENSION_ID);
  expect(serviceWorker.url()).toBe(`chrome-extension://${EXTENSION_ID}/background.js`);

  // The worker runs code: the manifest it reads is the one we built.
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.name).toBe('Sidedesk');

  const popup = await context.newPage();
  const errors: string[] = [];
  popup.on('pageerror', (error) => errors.push(error.message));
  await popup.goto(extension.pageUrl('popup.html'));
  await expect(popup.locator('#root')).not.toBeEmpty();
  await expect(popup).toHaveTitle(/Sidedesk/);
  expect(errors).toEqual([]);
  expect(network.blocked).toEqual([]);
});
