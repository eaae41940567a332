import { randomUUID } from 'node:crypto';
import { conversationIdFor } from '../../lib/conversation-id';
import { client } from './client';
import { meta, mutation } from './fixtures';
import type { TestServer, TestSession } from './test-server';

/**
 * Writes a conversation history through the sync API, each step at the instant given
 * (the server's clock is set by `setClock`): the events reports are computed from.
 */
export function historyWriter(server: TestServer, who: TestSession, setClock: (at: Date) => void) {
  const api = client(server, who);
  const clientId = randomUUID();
  let n = 0;
  const push = async (at: string, name: string, args: unknown) => {
    setClock(new Date(at));
    const r = await api.post('/v1/push', { clientId, mutations: [mutation(++n, name, args)] });
    if (r.body?.results?.[0]?.status !== 'ok')
      throw new Error(`${name} at ${at} was refused: ${JSON.stringify(r.body)}`);
  };
  const status = (id: string, at: string, to: 'open' | 'closed') =>
    push(at, 'conversation.setStatus', { conversationId: id, status: to, snoozedUntil: null });
  return {
    /** A customer's first message to `mailbox` at `at`; resolves to the conversation id. */
    async arrive(at: string, mailbox = 'support@acme.test') {
      const m = { ...meta(undefined, mailbox), firstMessageAt: at, lastMessageAt: at };
      await push(at, 'conversation.upsert', { meta: m });
      return conversationIdFor(m.key);
    },
    reply: (id: string, at: string) => push(at, 'conversation.reply', { conversationId: id, at }),
    tag: (id: string, at: string, tag: string) =>
      push(at, 'conversation.addTag', { conversationId: id, tag }),
    escalate: (id: string, at: string) =>
      push(at, 'conversation.setPriority', { conversationId: id, priority: 'high' }),
    close: (id: string, at: string) => status(id, at, 'closed'),
    reopen: (id: string, at: string) => status(id, at, 'open'),
    draft: (id: string, at: string, outcome: 'accepted' | 'edited' | 'discarded') =>
      push(at, 'copilot.record', {
        conversationId: id,
        task: 'draft',
        provider: 'offline',
        model: null,
        sources: [],
        outcome,
      }),
  };
}
