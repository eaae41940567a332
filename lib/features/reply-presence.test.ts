import { describe, expect, it, vi } from 'vitest';
import type { MailHost, OpenedCompose } from '../hosts/types';
import type { PresenceState } from '../schema';
import type { Request } from '../schema/messages';
import type { PresenceUpdate } from '../schema/presence-port';
import { conversation } from '../testing/records';
import { ana, ben } from '../testing/thread-data';
import type { Background } from './background';
import { createCommands } from './commands';
import { pageData } from './page-data';
import { replyPresence } from './reply-presence';

function page() {
  let onCompose: (compose: OpenedCompose) => void = () => {};
  let onPresence: (update: PresenceUpdate) => void = () => {};
  const reports: [string, PresenceState | null][] = [];
  const send = vi.fn(async (request: Request) => {
    if (request.type === 'getConversationsByRefs')
      return request.refs.map((r) => (r.threadId === 't-known' ? conversation('c1') : null));
    if (request.type === 'listMembers') return [ana, ben];
    if (request.type === 'listTags') return [];
    if (request.type === 'getState') return { member: ana };
    throw new Error(`unexpected ${request.type}`);
  });
  const host = {
    host: 'gmail',
    mailbox: 'ana@acme.test',
    onComposeOpened: (handler: typeof onCompose) => (onCompose = handler),
  } as unknown as MailHost;
  const background = {
    send,
    subscribe: () => () => {},
    presence: (listener: typeof onPresence) => {
      onPresence = listener;
      return {
        report: (id: string, state: PresenceState | null) => reports.push([id, state]),
        close: () => {},
      };
    },
  } as unknown as Background;
  const signal = new AbortController().signal;
  const context = {
    host,
    background,
    commands: createCommands(),
    signal,
    report: (e: unknown) => {
      throw e;
    },
  };
  const data = pageData(background, signal);
  replyPresence.init({ ...context, page: data });
  /** A reply draft opens on `threadId`; returns its presending and its closing. */
  const openDraft = (threadId: string) => {
    const closed = new AbortController();
    let presending: (send: { cancel(): void }) => void = () => {};
    onCompose({
      threadId: async () => threadId,
      onPresending: (h: typeof presending) => {
        presending = h;
      },
      signal: closed.signal,
    } as unknown as OpenedCompose);
    const press = () => {
      const cancel = vi.fn();
      presending({ cancel });
      return cancel.mock.calls.length > 0;
    };
    return { press, close: () => closed.abort() };
  };
  return { openDraft, reports, present: (u: PresenceUpdate) => onPresence(u), data };
}

const benReplying: PresenceUpdate = {
  type: 'update',
  conversationId: 'c1',
  entries: [
    {
      conversationId: 'c1',
      memberId: ben.id,
      state: 'replying',
      expiresAt: '2026-11-29T10:00:30.000Z',
    },
  ],
};

describe('a reply draft', () => {
  it('shows this page replying to its conversation until it closes', async () => {
    const p = page();
    const draft = p.openDraft('t-known');
    await vi.waitFor(() => expect(p.reports).toEqual([['c1', 'replying']]));
    draft.close();
    expect(p.reports).toEqual([
      ['c1', 'replying'],
      ['c1', null],
    ]);
  });

  it('leaves a thread Sidedesk has not recorded alone', async () => {
    const p = page();
    p.openDraft('t-unknown');
    await new Promise((r) => setTimeout(r, 10));
    expect(p.reports).toEqual([]);
  });

  it('holds the first send while someone else replies, and lets the next one go', async () => {
    const p = page();
    const draft = p.openDraft('t-known');
    await vi.waitFor(() => expect(p.reports).toHaveLength(1));
    expect(draft.press()).toBe(false);
    p.present(benReplying);
    expect(draft.press()).toBe(true);
    expect(p.data.presence.myReply('c1')?.held).toBe(true);
    expect(draft.press()).toBe(false);
  });
});
