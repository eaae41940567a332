import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DB_NAME, toConversationRow } from './db';
import { memoryDb } from './testing/memory-db';
import { conversation } from './testing/records';

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
    expect(await db.meta.get('cursor')).toEqual({ key: 'cursor', value: 7 });
    db.close();
  });
});
