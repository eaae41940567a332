import { beforeEach, describe, expect, it } from 'vitest';
import { type SidedeskDb, toConversationRow } from '../db';
import { setMeta } from '../meta';
import { memoryDb } from '../testing/memory-db';
import { conversation, member, session } from '../testing/records';
import { recordMutation } from './outbox';
import { rebase } from './rebase';
import { actorOf } from './rules';
import { ChangeSummary } from './summary';

const ana = member('00000000-0000-4000-8000-000000000001', 'Ana', 'agent');
const now = '2026-01-05T10:00:00.000Z';
let db: SidedeskDb;

beforeEach(async () => {
  db = memoryDb().db;
  await setMeta(db, 'session', session(ana));
  await db.conversations.put(toConversationRow(conversation('c1')));
});

const record = (args: object) =>
  recordMutation(db, 'copilot.record', args, now, new ChangeSummary());
const args = {
  conversationId: 'c1',
  task: 'draft',
  provider: 'offline',
  model: null,
  sources: [{ kind: 'template', id: '00000000-0000-4000-8000-0000000000f1' }],
  outcome: 'accepted',
};

describe('copilot.record on the client', () => {
  it('queues the record without touching the conversation', async () => {
    const before = await db.conversations.get('c1');
    expect(await record(args)).toEqual({ ok: true, mutationId: 1, conversation: null });
    expect(await record({ ...args, conversationId: null, task: 'summary' })).toMatchObject({
      mutationId: 2,
    });
    const outbox = await db.outbox.toArray();
    expect(outbox.map((r) => [r.name, r.conversationId])).toEqual([
      ['copilot.record', 'c1'],
      ['copilot.record', ''],
    ]);
    // A rebase of the conversation skips the record: the view stays the server's.
    await rebase(db, actorOf(session(ana)), 1, new ChangeSummary(), new Set(['c1']));
    expect(await db.conversations.get('c1')).toEqual(before);
    expect(await db.confirmed.count()).toBe(0);
  });

  it('refuses text riding along or an unknown conversation at once, queuing nothing', async () => {
    expect(await record({ ...args, text: 'Dear Jane' })).toMatchObject({
      ok: false,
      status: 'invalid',
      message: expect.stringContaining('text'),
    });
    expect(await record({ ...args, conversationId: 'nope' })).toMatchObject({
      ok: false,
      message: 'unknown conversation nope',
    });
    expect(await db.outbox.count()).toBe(0);
  });
});
