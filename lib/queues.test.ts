import { beforeAll, describe, expect, it } from 'vitest';
import { toConversationRow } from './db';
import { conversationByRef, conversationsByRefs, listQueue } from './queues';
import { memoryDb } from './testing/memory-db';
import { conversation } from './testing/records';

const me = '00000000-0000-4000-8000-000000000001';
const other = '00000000-0000-4000-8000-000000000002';

describe('queues', () => {
  const { db } = memoryDb();
  beforeAll(() =>
    db.conversations.bulkPut(
      [
        conversation('late', { assigneeId: me, dueAt: '2026-01-07T09:00:00.000Z', tags: ['vip'] }),
        conversation('undated', { assigneeId: me }),
        conversation('soon', { assigneeId: me, dueAt: '2026-01-06T09:00:00.000Z' }),
        conversation('closed', { assigneeId: me, status: 'closed', tags: ['vip'] }),
        conversation('waiting', { assigneeId: me, status: 'pending' }),
        conversation('theirs', { assigneeId: other, dueAt: '2026-01-05T12:00:00.000Z' }),
        conversation('free', { dueAt: '2026-01-08T09:00:00.000Z' }),
      ].map(toConversationRow),
    ),
  );
  const ids = async (queue: Parameters<typeof listQueue>[1], limit = 10) =>
    (await listQueue(db, queue, me, limit)).map((c) => c.id);

  it('mine: exactly my open conversations (not pending, closed or theirs), soonest due first', async () => {
    expect(await ids('mine')).toEqual(['soon', 'late', 'undated']);
    expect(await ids('mine', 1)).toEqual(['soon']);
  });

  it('unassigned and all open', async () => {
    expect(await ids('unassigned')).toEqual(['free']);
    expect(await ids('all-open')).toEqual(['theirs', 'soon', 'late', 'free', 'undated']);
  });

  it('breaching soon lists nothing until SLA policies exist', async () => {
    expect(await ids('breaching')).toEqual([]);
  });

  it('by tag, whatever the status', async () => {
    expect(await ids('tag:vip')).toEqual(['late', 'closed']);
  });

  it('finds a conversation by any host thread that maps to it', async () => {
    const found = await conversationByRef(db, {
      host: 'gmail',
      mailbox: 'support@example.com',
      threadId: 't-free',
    });
    expect(found?.id).toBe('free');
    expect(found).not.toHaveProperty('refKeys');
  });

  it('looks many host threads up at once, in order, null for the unknown', async () => {
    const ref = (threadId: string) => ({
      host: 'gmail' as const,
      mailbox: 'Support@Example.com',
      threadId,
    });
    const found = await conversationsByRefs(db, [ref('t-soon'), ref('t-nope'), ref('t-free')]);
    expect(found.map((c) => c?.id ?? null)).toEqual(['soon', null, 'free']);
  });
});
