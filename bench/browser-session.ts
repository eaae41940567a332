import { ApiProcess } from '../tests/e2e/harness/api-process';
import { launchWithExtension } from '../tests/e2e/harness/chromium';
import { guardNetwork } from '../tests/e2e/harness/network-guard';
import { PopupPage } from '../tests/e2e/harness/popup';
import { seedWorkspace } from '../tests/e2e/harness/seed';

export type BrowserSession = Awaited<ReturnType<typeof browserSession>>;

/**
 * The built extension (.output/e2e) in the system Chromium, every outside host blocked,
 * signed in through its popup as the agent of a fresh workspace on the real API (a child
 * process on loopback, embedded database): what an agent's browser is.
 */
export async function browserSession() {
  const api = await ApiProcess.start({ template: null });
  const workspace = await seedWorkspace(api.url, { conversations: 0 }).catch(async (error) => {
    await api.dispose();
    throw error;
  });
  const browser = await launchWithExtension();
  const close = async () => {
    await browser.close();
    await api.dispose();
  };
  try {
    await guardNetwork(browser.context);
    const page = await browser.context.newPage();
    await page.goto(browser.pageUrl('popup.html'));
    const popup = new PopupPage(page);
    await popup.signInWithEmail(api.url, workspace.agent.email);
    await page
      .locator('[data-testid="sync-status"][data-online="true"]')
      .waitFor({ timeout: 30_000 });
    return { api, workspace, browser, popup, close };
  } catch (error) {
    await close();
    throw error;
  }
}
