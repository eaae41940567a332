import { beforeEach, describe, expect, it } from 'vitest';
import { type SidedeskDb, toConversationRow } from '../db';
import { getMeta, setMeta } from '../meta';
import { conversationByRef, listQueue, notesOf } from '../queues';
import type { Change, Conversation } from '../schema';
import { memoryDb } from '../testing/memory-db';
import { conversation, member, session } from '../testing/records';
import { recordMutation, settlePush } from './outbox';
import { applyBootstrapPage, applyPullPage } from './pages';
import { ChangeSummary } from './summary';

const ana = member('00000000-0000-4000-8000-000000000001', 'Ana', 'agent');
const bo = member('00000000-0000-4000-8000-000000000002', 'Bo', 'agent');
const now = '2026-01-05T10:00:00.000Z';

let db: SidedeskDb;

beforeEach(async () => {
  db = memoryDb().db;
  await db.members.bulkPut([ana, bo]);
  await db.conversations.put(toConversationRow(conversation('c1')));
  await setMeta(db, 'session', session(bo));
  await setMeta(db, 'cursor', 1);
});

const mutate = (name: Parameters<typeof recordMutation>[1], args: unknown) =>
  recordMutation(db, name, args, now, new ChangeSummary());

const change = (record: Conversation): Change => ({
  entity: 'conversation',
  id: record.id,
  version: record.version,
  record,
});

const pull = (changes: Change[], lastMutationId: number, cursor = 2) =>
  applyPullPage(
    db,
    { changes, cursor, hasMore: false, lastMutationId, reset: false },
    new ChangeSummary(),
  );

const view = async (id: string) => db.conversations.get(id);

describe('optimistic mutation', () => {
  it('changes the view, queues the row and consumes the id together', async () => {
    const r = await mutate('conversation.setPriority', {
      conversationId: 'c1',
      priority: 'urgent',
    });
    expect(r).toMatchObject({ ok: true, mutationId: 1 });
    expect((await view('c1'))?.priority).toBe('urgent');
    expect(await db.outbox.toArray()).toMatchObject([{ id: 1, name: 'conversation.setPriority' }]);
    expect(await getMeta(db, 'nextMutationId')).toBe(2);
    expect((await db.confirmed.get('c1'))?.record?.priority).toBe('normal');
  });

  it('answers a mutation the rules refuse at once, without queueing it', async () => {
    const r = await mutate('conversation.assign', {
      conversationId: 'c1',
      assigneeId: ana.id,
      expectedAssigneeId: null,
    });
    expect(r).toMatchObject({ ok: false, status: 'forbidden' });
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'nextMutationId')).toBeUndefined();
  });

  it('rejects unknown names and bad args as invalid', async () => {
    const r = await mutate('conversation.setPriority', { conversationId: 'c1', priority: 'meh' });
    expect(r).toMatchObject({ ok: false, status: 'invalid' });
  });

  it('creates a conversation from an upsert, findable by host thread', async () => {
    const ref = { host: 'gmail' as const, mailbox: 'Bo@Example.com', threadId: 'abc' };
    const r = await mutate('conversation.upsert', {
      meta: {
        key: 'msgid:<new@example.com>',
        host: 'gmail',
        ref,
        subject: 'Hello',
        participants: [],
        firstMessageAt: null,
        lastMessageAt: null,
      },
    });
    expect(r.ok).toBe(true);
    expect((await conversationByRef(db, ref))?.subject).toBe('Hello');
    expect((await db.confirmed.toArray()).map((c) => c.record)).toEqual([null]);
  });

  it('shows a pending note beside the confirmed ones', async () => {
    await mutate('note.add', {
      id: '00000000-0000-4000-8000-0000000000b1',
      conversationId: 'c1',
      body: 'call back',
    });
    const notes = await notesOf(db, 'c1', { memberId: bo.id, role: 'agent' });
    expect(notes.map((n) => n.body)).toEqual(['call back']);
  });
});

describe('rebase on pull', () => {
  it('keeps a pending change on top of a newer confirmed snapshot', async () => {
    await mutate('conversation.setPriority', { conversationId: 'c1', priority: 'urgent' });
    await pull([change(conversation('c1', { status: 'pending', version: 2 }))], 0);
    const c = await view('c1');
    expect(c).toMatchObject({ status: 'pending', priority: 'urgent' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('drops processed rows and shows the server record as is', async () => {
    await mutate('conversation.setPriority', { conversationId: 'c1', priority: 'urgent' });
    await mutate('conversation.addTag', { conversationId: 'c1', tag: 'vip' });
    const server = conversation('c1', { priority: 'urgent', version: 3 });
    await pull([change(server)], 2, 3);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.confirmed.count()).toBe(0);
    expect(await view('c1')).toMatchObject({ priority: 'urgent', tags: [], version: 3 });
  });

  it('keeps the queue indexes in step with the rebased view', async () => {
    await mutate('conversation.assign', {
      conversationId: 'c1',
      assigneeId: bo.id,
      expectedAssigneeId: null,
    });
    const mine = () => listQueue(db, 'mine', bo.id, 10);
    expect((await mine()).map((c) => c.id)).toEqual(['c1']);
    await pull([change(conversation('c1', { status: 'closed', version: 2 }))], 0);
    expect(await mine()).toEqual([]);
    expect(await listQueue(db, 'unassigned', bo.id, 10)).toEqual([]);
  });
});

describe('push answers', () => {
  it('a lost assignment race shows the winner and keeps who and when', async () => {
    await mutate('conversation.assign', {
      conversationId: 'c1',
      assigneeId: bo.id,
      expectedAssigneeId: null,
    });
    const current = conversation('c1', {
      assigneeId: ana.id,
      updatedAt: '2026-01-05T09:59:00.000Z',
      version: 5,
    });
    await settlePush(
      db,
      [{ id: 1, status: 'conflict', message: 'assigned meanwhile', current }],
      now,
      new ChangeSummary(),
    );
    expect((await view('c1'))?.assigneeId).toBe(ana.id);
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'notices')).toMatchObject([
      {
        status: 'conflict',
        message: 'Ana took this',
        by: { id: ana.id, name: 'Ana' },
        at: '2026-01-05T09:59:00.000Z',
      },
    ]);
  });

  it('undoes a forbidden mutation but keeps later pending ones', async () => {
    await mutate('conversation.setPriority', { conversationId: 'c1', priority: 'high' });
    await mutate('conversation.setStatus', { conversationId: 'c1', status: 'pending' });
    await settlePush(db, [{ id: 1, status: 'forbidden', message: 'no' }], now, new ChangeSummary());
    expect(await view('c1')).toMatchObject({ priority: 'normal', status: 'pending' });
    expect((await db.outbox.toArray()).map((r) => r.id)).toEqual([2]);
  });

  it('an accepted mutation leaves the outbox and its effect stays', async () => {
    await mutate('conversation.setPriority', { conversationId: 'c1', priority: 'high' });
    await settlePush(db, [{ id: 1, status: 'ok' }], now, new ChangeSummary());
    expect(await db.outbox.count()).toBe(0);
    expect((await view('c1'))?.priority).toBe('high');
  });
});

describe('bootstrap', () => {
  it('replaces the cache but keeps and re-applies the outbox', async () => {
    await db.conversations.put(toConversationRow(conversation('gone')));
    await mutate('conversation.setPriority', { conversationId: 'c1', priority: 'low' });
    const summary = new ChangeSummary();
    await applyBootstrapPage(
      db,
      {
        cursor: 9,
        changes: [change(conversation('c1', { status: 'pending', version: 9 }))],
        next: 'p2',
      },
      { first: true, cursor: 9 },
      summary,
    );
    expect(await getMeta(db, 'cursor')).toBeUndefined();
    await applyBootstrapPage(
      db,
      {
        cursor: 9,
        changes: [{ entity: 'member', id: ana.id, version: 1, record: ana }],
        next: null,
      },
      { first: false, cursor: 9 },
      summary,
    );
    expect(await getMeta(db, 'cursor')).toBe(9);
    expect(await view('gone')).toBeUndefined();
    expect(await view('c1')).toMatchObject({ status: 'pending', priority: 'low' });
    expect(await db.outbox.count()).toBe(1);
  });
});
