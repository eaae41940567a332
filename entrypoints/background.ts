// Serves InboxSDK's requests from the Gmail content script (it injects pageWorld.js).
import '@inboxsdk/core/background.js';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { Account } from '../lib/auth/account';
import { SidedeskDb } from '../lib/db';
import { createHandlers, describeError } from '../lib/message-handlers';
import { serveChanges, serveMessages } from '../lib/messaging';
import { SyncEngine } from '../lib/sync/engine';

const SYNC_ALARM = 'sidedesk-sync';

export default defineBackground(() => {
  const db = new SidedeskDb();
  const engine = new SyncEngine({ db, onChange: serveChanges() });
  const account = new Account({
    db,
    engine,
    webAuthFlow: async (url) => {
      const redirectedTo = await browser.identity.launchWebAuthFlow({ url, interactive: true });
      if (!redirectedTo) throw new Error('sign-in window closed');
      return redirectedTo;
    },
    redirectUrl: () => browser.identity.getRedirectURL(),
  });
  // Listeners are registered before anything awaits, so a message or alarm that woke
  // the worker is not missed.
  serveMessages(createHandlers(db, engine, account), describeError);
  const started = engine.start();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void started.then(() => engine.onAlarm());
  });
  void browser.alarms.get(SYNC_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  });
});
