import { browser } from 'wxt/browser';
import type { z } from 'zod';
import {
  CHANGES_PORT,
  ChangeNotice,
  type MessageError,
  Reply,
  Request,
  type RequestType,
  ResponseData,
  type ResponseOf,
} from './schema/messages';

export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
type RequestInput<T extends RequestType> = Extract<z.input<typeof Request>, { type: T }>;

/** A request the background refused or could not serve; `code` is stable. */
export class MessageFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageFailed';
  }
}

/** Ask the background (from a content script or an extension page). Both ends validate. */
export async function send<T extends RequestType>(input: RequestInput<T>): Promise<ResponseOf<T>> {
  const request = Request.safeParse(input);
  if (!request.success)
    throw new MessageFailed('bad_request', request.error.issues[0]?.message ?? 'bad request');
  const raw: unknown = await browser.runtime.sendMessage(request.data);
  const reply = Reply.safeParse(raw);
  if (!reply.success)
    throw new MessageFailed('bad_reply', 'the background answered in an unknown shape');
  if (!reply.data.ok) throw new MessageFailed(reply.data.error.code, reply.data.error.message);
  const data = (ResponseData[request.data.type] as z.ZodType).safeParse(reply.data.data);
  if (!data.success)
    throw new MessageFailed('bad_reply', `unexpected answer to ${request.data.type}`);
  return data.data as ResponseOf<T>;
}

export type Handlers = {
  [T in RequestType]: (request: RequestOf<T>) => Promise<ResponseOf<T>>;
};

const failure = (error: MessageError): Reply => ({ ok: false, error });

/**
 * Sign-in, workspace changes and management requests come from the popup or options page,
 * never from a mail page.
 */
export const EXTENSION_PAGES_ONLY = new Set<RequestType>([
  'relay',
  'signIn',
  'getProviders',
  'chooseWorkspace',
  'createWorkspace',
  'acceptInvite',
  'signOut',
]);

export type Sender = { extensionPage: boolean };

/** Validate a raw message, run its handler, and wrap whatever happens in a Reply. */
export async function dispatch(
  handlers: Handlers,
  raw: unknown,
  sender: Sender,
  explain: (e: unknown) => MessageError,
): Promise<Reply> {
  const request = Request.safeParse(raw);
  if (!request.success) {
    const issue = request.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return failure({ code: 'bad_request', message: `${where}${issue?.message ?? 'bad request'}` });
  }
  const { type } = request.data;
  if (EXTENSION_PAGES_ONLY.has(type) && !sender.extensionPage) {
    return failure({ code: 'forbidden', message: `${type} is only for extension pages` });
  }
  try {
    const handler = handlers[type] as (r: Request) => Promise<unknown>;
    const data = await handler(request.data);
    return { ok: true, data: ResponseData[type].parse(data) };
  } catch (e) {
    return failure(explain(e));
  }
}

/** The background's end: every runtime message gets a Reply, never an exception. */
export function serveMessages(handlers: Handlers, explain: (e: unknown) => MessageError) {
  const pages = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    // A content script's sender.url is the mail page's; an extension page's (even one open
    // in a tab) is under the extension's own origin.
    const extensionPage =
      sender.id === browser.runtime.id && Boolean(sender.url?.startsWith(pages));
    void dispatch(handlers, raw, { extensionPage }, explain).then(sendResponse);
    return true;
  });
}

/** Everything may have changed: what a subscriber hears after missing notices. */
const EVERYTHING: ChangeNotice = {
  type: 'changed',
  conversationIds: [],
  tables: ['conversations', 'members', 'tags', 'templates', 'notes', 'session', 'sync'],
};
const RECONNECT_MS = 1000;

/**
 * Hear which records changed; returns the unsubscribe function. The port breaks whenever
 * Chrome stops the background worker: reconnecting wakes it, and since notices may have
 * been missed meanwhile, the listener is told that everything may have changed.
 */
export function subscribeChanges(listener: (notice: ChangeNotice) => void): () => void {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = (missed: boolean) => {
    port = browser.runtime.connect({ name: CHANGES_PORT });
    port.onMessage.addListener((raw) => {
      const notice = ChangeNotice.safeParse(raw);
      if (notice.success) listener(notice.data);
    });
    port.onDisconnect.addListener(() => {
      if (!port) return;
      retry = setTimeout(() => connect(true), RECONNECT_MS);
    });
    if (missed) listener(EVERYTHING);
  };
  connect(false);
  return () => {
    clearTimeout(retry);
    const open = port;
    port = null;
    open?.disconnect();
  };
}

/** The background's end of the change subscriptions; `onListeners` hears how many there are. */
export function serveChanges(onListeners?: (count: number) => void) {
  const ports = new Set<ReturnType<typeof browser.runtime.connect>>();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== CHANGES_PORT) return;
    ports.add(port);
    onListeners?.(ports.size);
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      onListeners?.(ports.size);
    });
  });
  return (notice: ChangeNotice) => {
    for (const port of ports) port.postMessage(notice);
  };
}
