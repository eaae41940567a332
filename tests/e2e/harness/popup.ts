import { expect, type Locator, type Page } from '@playwright/test';
import { sendToBackground } from './extension-messages';

/**
 * The popup, opened as a tab at chrome-extension://<id>/popup.html (what the toolbar
 * button shows), driven the way a person would: by its labelled fields and buttons.
 * The data-testids are the popup's own (components/popup).
 */
export class PopupPage {
  constructor(readonly page: Page) {}

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  get serverUrl() {
    return this.byTestId('server-url-input');
  }
  get email() {
    return this.byTestId('email-input');
  }
  get devSignIn() {
    return this.byTestId('dev-sign-in-button');
  }
  providerButton(providerId: string) {
    return this.byTestId(`provider-button-${providerId}`);
  }
  get workspace() {
    return this.byTestId('workspace-name');
  }
  get role() {
    return this.byTestId('role');
  }
  get syncStatus() {
    return this.byTestId('sync-status');
  }
  get pending() {
    return this.byTestId('pending-count');
  }
  get lastSync() {
    return this.byTestId('last-sync');
  }
  get error() {
    return this.byTestId('popup-error');
  }
  get signOut() {
    return this.byTestId('sign-out-button');
  }

  /** What the background says about the session (the popup renders the same). */
  state() {
    return sendToBackground(this.page, { type: 'getState' });
  }

  async setServerUrl(url: string) {
    await this.serverUrl.fill(url);
  }

  async signInWithEmail(serverUrl: string, email: string) {
    await this.setServerUrl(serverUrl);
    await this.email.fill(email);
    await this.devSignIn.click();
  }

  async signInWithProvider(serverUrl: string, providerId: string) {
    await this.setServerUrl(serverUrl);
    await this.providerButton(providerId).click();
  }

  async expectSignedIn({ workspace, role }: { workspace: string; role: string }) {
    await expect(this.workspace).toHaveText(workspace, { timeout: 10_000 });
    await expect(this.role).toHaveText(new RegExp(`\\b${role}\\b`, 'i'));
  }

  async expectInSync({ pending = 0 } = {}) {
    // Going live takes a ticket, a WebSocket and a pull: seconds on a busy machine.
    await expect(this.syncStatus).toHaveAttribute('data-online', 'true', { timeout: 20_000 });
    await expect(this.syncStatus).toHaveText(/^\s*online\s*$/i);
    await expect(this.pending).toHaveText(String(pending));
    await expect(this.lastSync).not.toHaveText('never');
  }
}
