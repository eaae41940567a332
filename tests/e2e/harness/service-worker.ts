import type { BrowserContext, CDPSession, Page } from '@playwright/test';

type Version = {
  versionId: string;
  registrationId: string;
  scriptURL: string;
  runningStatus: string;
};

/**
 * Control the extension's service worker through the DevTools protocol, as Chrome does
 * when it puts an idle worker to sleep: `ServiceWorker.stopWorker` ends it at once, with
 * whatever it was doing (a fetch in flight included) cut off.
 */
export class ServiceWorkerControl {
  private versions = new Map<string, Version>();
  private statusLog: string[] = [];

  private constructor(
    private readonly cdp: CDPSession,
    private readonly extensionId: string,
  ) {}

  static async attach(context: BrowserContext, page: Page, extensionId: string) {
    const cdp = await context.newCDPSession(page);
    const control = new ServiceWorkerControl(cdp, extensionId);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions as Version[]) {
        if (!v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) continue;
        control.versions.set(v.versionId, v);
        control.statusLog.push(v.runningStatus);
      }
    });
    await cdp.send('ServiceWorker.enable');
    await control.waitFor((s) => s !== undefined, 'the worker to be known');
    return control;
  }

  /** running | starting | stopping | stopped (of the newest version). */
  status(): string | undefined {
    return this.current()?.runningStatus;
  }

  /** Every running-status change seen, in order. */
  history(): readonly string[] {
    return this.statusLog;
  }

  /**
   * Resolves once the worker has stopped. With mail pages open it may start again at once
   * (their ports reconnect and wake it), so any 'stopped' seen since the call counts, not
   * only the current status.
   */
  async stop(): Promise<void> {
    const version = this.current();
    if (!version) throw new Error(`no service worker of ${this.extensionId} is known`);
    const seen = this.statusLog.length;
    await this.cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
    await this.waitFor(() => this.statusLog.slice(seen).includes('stopped'), 'the worker to stop');
  }

  async waitFor(
    predicate: (status: string | undefined) => boolean,
    what: string,
    timeoutMs = 10_000,
  ) {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.status())) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what} (status: ${this.status()})`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async detach() {
    await this.cdp.detach().catch(() => {});
  }

  private current(): Version | undefined {
    let newest: Version | undefined;
    for (const v of this.versions.values()) {
      if (!newest || Number(v.versionId) >= Number(newest.versionId)) newest = v;
    }
    return newest;
  }
}
