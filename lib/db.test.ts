import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DB_NAME, fromConversationRow, toConversationRow } from './db';
import { Conversation } from './schema';
import { memoryDb } from './testing/memory-db';
import { conversation } from './testing/records';

const V2_STORES = {
  conversations:
    'id, key, *refKeys, assigneeKey, *tags, [assigneeKey+status+dueKey], [status+dueKey], *participantEmails',
  confirmed: 'id',
  members: 'id, email',
  tags: 'id, name',
  templates: 'id',
  notes: 'id, conversationId',
  outbox: 'id, conversationId',
  meta: 'key',
};

describe('the cache schema', () => {
  it('upgrades a version 1 cache in place: rows kept, participants indexed', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie(DB_NAME, { indexedDB, IDBKeyRange });
    v1.version(1).stores({
      conversations:
        'id, key, *refKeys, assigneeKey, *tags, [assigneeKey+status+dueKey], [status+dueKey]',
      confirmed: 'id',
      members: 'id, email',
      tags: 'id, name',
      templates: 'id',
      notes: 'id, conversationId',
      outbox: 'id, conversationId',
      meta: 'key',
    });
    const { participantEmails: _, ...oldRow } = toConversationRow(
      conversation('c1', { participants: [{ email: 'Carla@Customer.test', name: 'Carla' }] }),
    );
    await v1.table('conversations').put(oldRow);
    await v1.table('meta').put({ key: 'cursor', value: 7 });
    v1.close();

    const { db } = memoryDb(indexedDB);
    const found = await db.conversations
      .where('participantEmails')
      .equals('carla@customer.test')
      .toArray();
    expect(found.map((row) => row.id)).toEqual(['c1']);
    db.close();
  });

  it('upgrades a version 2 cache for SLA: rows kept, readable, and a bootstrap to come', async () => {
    const indexedDB = new IDBFactory();
    const v2 = new Dexie(DB_NAME, { indexedDB, IDBKeyRange });
    v2.version(2).stores(V2_STORES);
    const { sla: _s, lastMessageFrom: _l, ...before } = toConversationRow(conversation('c1'));
    const { sla: _cs, lastMessageFrom: _cl, ...confirmed } = conversation('c2');
    await v2.table('conversations').put(before);
    await v2.table('confirmed').put({ id: 'c2', record: confirmed });
    await v2.table('outbox').put({
      id: 3,
      name: 'conversation.setPriority',
      args: { conversationId: 'c2', priority: 'high' },
      ts: '2026-01-05T10:00:00.000Z',
      attempts: 0,
      conversationId: 'c2',
    });
    await v2.table('meta').bulkPut([
      { key: 'cursor', value: 7 },
      { key: 'clientId', value: '00000000-0000-4000-8000-000000000001' },
    ]);
    v2.close();

    const { db } = memoryDb(indexedDB);
    const [row] = await db.conversations.toArray();
    expect(Conversation.parse(fromConversationRow(row!))).toEqual(
      fromConversationRow(toConversationRow(conversation('c1'))),
    );
    expect((await db.confirmed.get('c2'))?.record).toMatchObject({
      sla: null,
      lastMessageFrom: null,
    });
    expect(await db.outbox.count()).toBe(1);
    expect(await db.meta.get('clientId')).toBeDefined();
    // The SLA snapshots and the calendars and policies come with the next bootstrap.
    expect(await db.meta.get('cursor')).toBeUndefined();
    expect(await db.slaCalendars.count()).toBe(0);
    expect(await db.slaPolicies.orderBy('position').count()).toBe(0);
    db.close();
  });
});
