import { browser } from 'wxt/browser';
import type { PresenceState } from './schema';
import { PRESENCE_PORT, PresenceReport, PresenceUpdate } from './schema/presence-port';

type Port = ReturnType<typeof browser.runtime.connect>;

/** The worker's side of presence, as the port needs it (lib/sync/presence-hub.ts). */
interface Hub {
  report(page: Port, conversationId: string, state: PresenceState | null): void;
  dropPage(page: Port): void;
  snapshot(): PresenceUpdate;
}

/**
 * The background's end: each mail page's port reports what it shows and hears who else is
 * on what. A page that goes away (its port breaks) ends whatever it showed. Returns the
 * broadcast to every page.
 */
export function servePresence(hub: () => Hub) {
  const ports = new Set<Port>();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PRESENCE_PORT || port.sender?.id !== browser.runtime.id) return;
    ports.add(port);
    port.onMessage.addListener((raw) => {
      const report = PresenceReport.safeParse(raw);
      if (report.success) hub().report(port, report.data.conversationId, report.data.state);
    });
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      hub().dropPage(port);
    });
    port.postMessage(hub().snapshot());
  });
  return (update: PresenceUpdate) => {
    for (const port of ports) port.postMessage(update);
  };
}

export interface PresencePort {
  report(conversationId: string, state: PresenceState | null): void;
  close(): void;
}

const RECONNECT_MS = 1000;

/**
 * A mail page's end. The port breaks whenever Chrome stops the worker: reconnecting wakes
 * it, the page's reports are sent again and the worker answers with a fresh snapshot.
 */
export function connectPresence(listener: (update: PresenceUpdate) => void): PresencePort {
  const reports = new Map<string, PresenceState>();
  let port: Port | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const post = (conversationId: string, state: PresenceState | null) =>
    port?.postMessage({ type: 'presence', conversationId, state } satisfies PresenceReport);
  const connect = () => {
    port = browser.runtime.connect({ name: PRESENCE_PORT });
    port.onMessage.addListener((raw) => {
      const update = PresenceUpdate.safeParse(raw);
      if (update.success) listener(update.data);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      if (!closed) retry = setTimeout(connect, RECONNECT_MS);
    });
    for (const [conversationId, state] of reports) post(conversationId, state);
  };
  connect();
  return {
    report(conversationId, state) {
      if (state) reports.set(conversationId, state);
      else reports.delete(conversationId);
      post(conversationId, state);
    },
    close() {
      closed = true;
      clearTimeout(retry);
      const open = port;
      port = null;
      open?.disconnect();
    },
  };
}
