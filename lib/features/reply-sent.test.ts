import { describe, expect, it, vi } from 'vitest';
import type { MailHost, OpenedCompose, SentReply } from '../hosts/types';
import type { Request } from '../schema/messages';
import { conversation } from '../testing/records';
import type { Background } from './background';
import { createCommands } from './commands';
import { pageData } from './page-data';
import { replySent } from './reply-sent';

const AT = '2026-11-29T10:00:00.000Z';

function page(refused = false) {
  let onCompose: (compose: OpenedCompose) => void = () => {};
  const mutations: unknown[] = [];
  const reported: unknown[] = [];
  const send = vi.fn(async (request: Request) => {
    if (request.type === 'getConversationsByRefs') {
      return request.refs.map((r) => (r.threadId === 't-known' ? conversation('c1') : null));
    }
    if (request.type === 'mutate') {
      mutations.push({ name: request.name, args: request.args });
      return refused
        ? { ok: false, status: 'forbidden', message: 'not a member' }
        : { ok: true, mutationId: 1, conversation: null };
    }
    throw new Error(`unexpected ${request.type}`);
  });
  const host = {
    host: 'gmail',
    mailbox: 'ana@acme.test',
    onComposeOpened: (handler: typeof onCompose) => (onCompose = handler),
  } as unknown as MailHost;
  const background = { send, subscribe: () => () => {} } as unknown as Background;
  const signal = new AbortController().signal;
  replySent.init({
    host,
    background,
    commands: createCommands(),
    page: pageData(background, signal),
    signal,
    report: (e) => reported.push(e),
  });
  /** A draft opens, then goes out as `sent`. */
  const sendDraft = (sent: SentReply) => {
    let onSent: (s: SentReply) => void = () => {};
    onCompose({ onSent: (h: typeof onSent) => (onSent = h) } as unknown as OpenedCompose);
    onSent(sent);
  };
  return { sendDraft, mutations, reported };
}

describe('a reply sent from the page', () => {
  it('is recorded on its conversation with the time it went out', async () => {
    const p = page();
    p.sendDraft({ threadId: 't-known', at: AT });
    await vi.waitFor(() => expect(p.mutations).toHaveLength(1));
    expect(p.mutations).toEqual([
      { name: 'conversation.reply', args: { conversationId: 'c1', at: AT } },
    ]);
  });

  it('is left alone in a thread Sidedesk has not recorded, and for a new message', async () => {
    const p = page();
    p.sendDraft({ threadId: 't-unknown', at: AT });
    p.sendDraft({ threadId: null, at: AT });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(p.mutations).toEqual([]);
    expect(p.reported).toEqual([]);
  });

  it('reports a reply the background refused to record', async () => {
    const p = page(true);
    p.sendDraft({ threadId: 't-known', at: AT });
    await vi.waitFor(() => expect(p.reported).toHaveLength(1));
    expect(String(p.reported[0])).toContain('not a member');
  });
});
