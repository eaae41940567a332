// Serves InboxSDK's requests from the Gmail content script (it injects pageWorld.js).
import '@inboxsdk/core/background.js';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { Account } from '../lib/auth/account';
import { serveCopilot } from '../lib/copilot/serve';
import { SidedeskDb } from '../lib/db';
import { createHandlers, describeError } from '../lib/message-handlers';
import { serveChanges, serveMessages } from '../lib/messaging';
import { getMeta } from '../lib/meta';
import { MentionNotifier } from '../lib/notifications/mention-notifier';
import { openNotification } from '../lib/notifications/open-notification';
import { showNotifications } from '../lib/notifications/show';
import { servePresence } from '../lib/presence-port';
import { showBreaches, showWarnings } from '../lib/sla-ticker/notifications';
import { SLA_ALARM, SlaTicker } from '../lib/sla-ticker/ticker';
import { SyncEngine } from '../lib/sync/engine';
import { PresenceHub } from '../lib/sync/presence-hub';
import { realTimers } from '../lib/sync/timers';

const SYNC_ALARM = 'sidedesk-sync';

export default defineBackground(() => {
  const db = new SidedeskDb();
  // One timer for every SLA countdown and warning (lib/sla-ticker/ticker.ts).
  const sla = new SlaTicker({
    db,
    broadcast: (notice) => broadcast(notice),
    notify: showWarnings,
    notifyBreaches: showBreaches,
    alarm: {
      set: (when) => browser.alarms.create(SLA_ALARM, { when }),
      clear: () => browser.alarms.clear(SLA_ALARM).then(() => undefined),
    },
    timers: realTimers,
  });
  const broadcast = serveChanges((listeners) => sla.setListening(listeners > 0));
  // Who is on which conversation (docs/automations.md#presence-and-collisions).
  const presence: PresenceHub<unknown> = new PresenceHub({
    timers: realTimers,
    send: (message) => engine.sendLive(message),
    broadcast: (update) => broadcastPresence(update),
  });
  const broadcastPresence = servePresence(() => presence);
  const knowMe = () =>
    getMeta(db, 'session').then((session) => presence.setMe(session?.member.id ?? null));
  // Notes that mention the member, as the sync brings them (docs/automations.md#notifications).
  const mentions = new MentionNotifier({ db, now: Date.now, show: showNotifications });
  const engine = new SyncEngine({
    db,
    onChange: (notice) => {
      broadcast(notice);
      sla.changed(notice);
      // A workspace or sign-in change (copilot settings resend the workspace record).
      if (notice.tables.includes('session')) {
        copilot.clear();
        void knowMe();
      }
    },
    onNewNotes: (notes) => void mentions.arrived(notes),
    onLive: (open) => presence.connected(open),
    onPresence: (conversationId, entries) => presence.received(conversationId, entries),
  });
  void knowMe();
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
  // The copilot calls its provider from here: keys never reach a page (docs/copilot.md).
  const copilot = serveCopilot(db, (request) => engine.relay(request));
  const started = engine.start();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void started.then(() => engine.onAlarm());
    if (alarm.name === SLA_ALARM) void sla.wake();
  });
  browser.notifications.onClicked.addListener((id) => void openNotification(id, db));
  void sla.wake();
  void browser.alarms.get(SYNC_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  });
});
