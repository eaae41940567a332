import { beforeEach, describe, expect, it } from 'vitest';
import { type SidedeskDb, toConversationRow } from '../db';
import { setMeta } from '../meta';
import { Template } from '../schema';
import { memoryDb } from '../testing/memory-db';
import { conversation, member, session } from '../testing/records';
import { recordMutation } from './outbox';
import { ChangeSummary } from './summary';

const ana = member('00000000-0000-4000-8000-000000000001', 'Ana', 'agent');
const templateId = '00000000-0000-4000-8000-0000000000f1';
const now = '2026-01-05T10:00:00.000Z';
let db: SidedeskDb;

beforeEach(async () => {
  db = memoryDb().db;
  await setMeta(db, 'session', session(ana));
  await db.conversations.put(toConversationRow(conversation('c1')));
  await db.templates.put(
    Template.parse({
      id: templateId,
      ownerId: ana.id,
      title: 'Hi',
      body: 'Hi',
      scope: 'team',
      revision: 1,
      usageCount: 3,
      updatedAt: now,
      version: 1,
    }),
  );
});

const use = (args: unknown) => recordMutation(db, 'template.use', args, now, new ChangeSummary());

describe('template.use on the client', () => {
  it('queues the use without touching the conversation or the count', async () => {
    const before = await db.conversations.get('c1');
    expect(await use({ templateId, conversationId: 'c1' })).toEqual({
      ok: true,
      mutationId: 1,
      conversation: null,
    });
    expect(await use({ templateId, conversationId: null })).toMatchObject({ mutationId: 2 });
    const outbox = await db.outbox.toArray();
    expect(outbox.map((r) => [r.name, r.conversationId])).toEqual([
      ['template.use', 'c1'],
      ['template.use', ''],
    ]);
    expect(await db.conversations.get('c1')).toEqual(before);
    expect((await db.templates.get(templateId))?.usageCount).toBe(3);
    expect(await db.confirmed.count()).toBe(0);
  });

  it('refuses an unknown template or conversation at once, queuing nothing', async () => {
    const unknown = '00000000-0000-4000-8000-0000000000ff';
    expect(await use({ templateId: unknown, conversationId: null })).toMatchObject({
      ok: false,
      status: 'invalid',
    });
    expect(await use({ templateId, conversationId: 'nope' })).toMatchObject({ ok: false });
    expect(await db.outbox.count()).toBe(0);
  });
});
