import { describe, expect, it } from 'vitest';
import { checkCache } from './cache-check';
import { DB_VERSION, toConversationRow } from './db';
import { getMeta, setMeta } from './meta';
import { memoryDb } from './testing/memory-db';
import { conversation } from './testing/records';

describe('cache check after an upgrade', () => {
  it('drops records that no longer fit and forgets the cursor, keeping the rest', async () => {
    const { db } = memoryDb();
    await db.conversations.bulkPut([
      toConversationRow(conversation('good')),
      { ...toConversationRow(conversation('old')), status: 'archived' } as never,
    ]);
    await db.outbox.bulkPut([
      {
        id: 1,
        name: 'conversation.setPriority',
        args: { conversationId: 'good', priority: 'high' },
        ts: '2026-01-05T10:00:00.000Z',
        attempts: 0,
        conversationId: 'good',
      },
      {
        id: 2,
        name: 'conversation.retired' as never,
        args: {},
        ts: '2026-01-05T10:00:00.000Z',
        attempts: 0,
        conversationId: 'good',
      },
    ]);
    await setMeta(db, 'cursor', 7);

    expect(await checkCache(db)).toEqual({ dropped: 2 });
    expect((await db.conversations.toArray()).map((c) => c.id)).toEqual(['good']);
    expect((await db.outbox.toArray()).map((r) => r.id)).toEqual([1]);
    expect(await getMeta(db, 'cursor')).toBeUndefined();
    expect(await getMeta(db, 'cacheVersion')).toBe(DB_VERSION);
  });

  it('runs once per version', async () => {
    const { db } = memoryDb();
    await setMeta(db, 'cacheVersion', DB_VERSION);
    await db.conversations.put({ ...toConversationRow(conversation('x')), status: 'bad' } as never);
    expect(await checkCache(db)).toEqual({ dropped: 0 });
  });

  it('reads a meta value that no longer fits its schema as absent', async () => {
    const { db } = memoryDb();
    await db.meta.put({ key: 'cursor', value: 'seven' });
    expect(await getMeta(db, 'cursor')).toBeUndefined();
  });
});
