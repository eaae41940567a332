import { beforeAll, describe, expect, it } from 'vitest';
import { toConversationRow } from '../db';
import { setMeta } from '../meta';
import { DEFAULT_ROUTING, type Note } from '../schema';
import { BILLING_TEAM_ID, refundThread } from '../testing/copilot-context';
import { memoryDb } from '../testing/memory-db';
import { conversation, member, session, template } from '../testing/records';
import { gatherContext } from './context';

const ana = member('00000000-0000-4000-8000-0000000000a1', 'Ana', 'agent');
const jane = { email: 'jane.doe@example.com', name: 'Jane Doe' };
const other = { email: 'bob@example.com', name: 'Bob' };
const teams = [{ id: BILLING_TEAM_ID, name: 'Billing', memberIds: [], routing: DEFAULT_ROUTING }];

const note = (id: string, conversationId: string, body: string, at: string): Note => ({
  id,
  conversationId,
  authorId: ana.id,
  body,
  mentions: [],
  createdAt: at,
  version: 1,
});

describe('the copilot context from the cache', () => {
  const { db } = memoryDb();
  const request = (conversationId: string | null) => ({
    task: 'draft' as const,
    conversationId,
    thread: refundThread(),
    offlineOnly: false,
  });

  beforeAll(async () => {
    await setMeta(db, 'session', session(ana));
    await db.conversations.bulkPut(
      [
        conversation('now', { participants: [jane], tags: ['billing'] }),
        conversation('jane-old', {
          participants: [jane],
          status: 'closed',
          lastMessageAt: '2026-01-01T09:00:00.000Z',
        }),
        conversation('billing-bob', {
          participants: [other],
          tags: ['billing'],
          status: 'closed',
          lastMessageAt: '2026-02-01T09:00:00.000Z',
        }),
        conversation('unrelated', { participants: [other], tags: ['login'] }),
      ].map(toConversationRow),
    );
    await db.notes.bulkPut([
      note('00000000-0000-4000-8000-0000000000n2', 'jane-old', 'Second', '2026-01-02T09:00:00Z'),
      note('00000000-0000-4000-8000-0000000000n1', 'jane-old', 'First', '2026-01-01T09:00:00Z'),
      note('00000000-0000-4000-8000-0000000000n3', 'unrelated', 'Nope', '2026-01-01T09:00:00Z'),
    ]);
    await db.templates.put(template());
    await db.tags.bulkPut([
      {
        id: '00000000-0000-4000-8000-0000000000t1',
        name: 'billing',
        color: '#111111',
        archived: false,
        version: 1,
      },
      {
        id: '00000000-0000-4000-8000-0000000000t2',
        name: 'old',
        color: '#111111',
        archived: true,
        version: 1,
      },
    ]);
  });

  it('gathers the conversation, templates, live tags, teams and the asking member', async () => {
    const context = await gatherContext(db, request('now'), teams);
    expect(context.conversation?.id).toBe('now');
    expect(context.thread).toEqual(refundThread());
    expect(context.templates.map((t) => t.title)).toEqual(['Refund approved']);
    expect(context.tags.map((t) => t.name)).toEqual(['billing']);
    expect(context.teams).toEqual(teams);
    expect(context.agent).toEqual({ name: 'Ana', email: ana.email });
  });

  it("finds the customer's and the same tags' conversations, newest first, with their notes", async () => {
    const context = await gatherContext(db, request('now'), []);
    expect(context.history.map((p) => p.conversation.id)).toEqual(['billing-bob', 'jane-old']);
    expect(context.history[1]!.notes.map((n) => n.body)).toEqual(['First', 'Second']);
  });

  it('finds the customer from the thread alone when it is not recorded', async () => {
    const context = await gatherContext(db, request(null), []);
    expect(context.conversation).toBeNull();
    expect(context.history.map((p) => p.conversation.id)).toEqual(['now', 'jane-old']);
  });

  it('needs a signed-in member', async () => {
    const { db: empty } = memoryDb();
    await expect(gatherContext(empty, request(null), [])).rejects.toThrow(/not signed in/);
  });
});
