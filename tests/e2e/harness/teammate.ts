import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { guardNetwork, type NetworkGuard } from './network-guard';
import { PopupPage } from './popup';

export type Teammate = ExtensionBrowser & {
  /** Every outside host is blocked; `blocked` lists what tried. */
  network: NetworkGuard;
  /** The popup, open in a tab (its page also serves to reach the worker). */
  popup: PopupPage;
};

/**
 * Another person's browser beside the test's own `extension`: its own profile and
 * extension, every outside host blocked, the popup open. Close it with `close()`.
 */
export async function launchTeammate(): Promise<Teammate> {
  const browser = await launchWithExtension();
  try {
    const network = await guardNetwork(browser.context);
    const page = await browser.context.newPage();
    await page.goto(browser.pageUrl('popup.html'));
    return { ...browser, network, popup: new PopupPage(page) };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
