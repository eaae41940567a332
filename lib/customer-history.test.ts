import { beforeAll, describe, expect, it } from 'vitest';
import { conversationsWith } from './customer-history';
import { toConversationRow } from './db';
import { memoryDb } from './testing/memory-db';
import { conversation } from './testing/records';

const carla = { email: 'carla@customer.test', name: 'Carla' };
const other = { email: 'someone@else.test', name: null };

describe("a customer's other conversations", () => {
  const { db } = memoryDb();
  beforeAll(() =>
    db.conversations.bulkPut(
      [
        conversation('old', { participants: [carla], lastMessageAt: '2026-01-01T09:00:00.000Z' }),
        conversation('new', {
          participants: [other, carla],
          lastMessageAt: '2026-03-01T09:00:00.000Z',
        }),
        conversation('current', { participants: [carla] }),
        conversation('unrelated', { participants: [other] }),
        conversation('mid', { participants: [carla], lastMessageAt: '2026-02-01T09:00:00.000Z' }),
      ].map(toConversationRow),
    ),
  );

  it('lists every other conversation with the address, newest first, up to the limit', async () => {
    const ids = async (email: string, limit = 10) =>
      (await conversationsWith(db, email, 'current', limit)).map((c) => c.id);
    expect(await ids('carla@customer.test')).toEqual(['new', 'mid', 'old']);
    expect(await ids('Carla@Customer.test', 2)).toEqual(['new', 'mid']);
    expect(await ids('nobody@customer.test')).toEqual([]);
  });

  it('returns records without the index keys', async () => {
    const [first] = await conversationsWith(db, carla.email, 'current', 1);
    expect(first).not.toHaveProperty('participantEmails');
  });
});
