import { beforeAll, describe, expect, it } from 'vitest';
import { toConversationRow } from './db';
import { conversationByRef, conversationsByRefs, listQueue, owingConversations } from './queues';
import type { Conversation, SlaEvent, SlaPolicy } from './schema';
import { slaState } from './sla';
import { arrived, berlin, berlinOffice, policy, status } from './sla/test-fixtures';
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

  it('breaching soon and breached list nothing without SLA policies', async () => {
    expect(await ids('breaching')).toEqual([]);
    expect(await ids('breached')).toEqual([]);
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

describe('SLA queues', () => {
  const { db } = memoryDb();
  // Berlin office, Mon–Fri 09–12 and 13–17. P3: first response 4 h, warned 48 min before.
  const p3 = policy({
    id: '00000000-0000-4000-8000-0000000000a3',
    name: 'P3 general',
    targets: { firstResponse: 4 * 60 },
    warning: { unit: 'percent', value: 20 },
  });
  // P2: first response 2 h, warned 30 min before, paused while pending.
  const p2 = policy({
    id: '00000000-0000-4000-8000-0000000000a2',
    name: 'P2 billing',
    targets: { firstResponse: 120 },
    warning: { unit: 'minutes', value: 30 },
    pauseWhen: ['pending'],
  });
  /** A conversation as the API evaluated it at its last event (`dueAt` indexed from it). */
  const evaluated = (
    id: string,
    p: SlaPolicy,
    history: SlaEvent[],
    patch: Partial<Conversation> = {},
  ) => {
    const last = history.at(-1)?.at ?? '';
    const sla = slaState({ policy: p, calendar: berlinOffice, history, now: new Date(last) });
    return conversation(id, { sla, dueAt: sla.dueAt, ...patch });
  };
  const now = Date.parse(berlin('2026-03-03T11:20'));

  beforeAll(async () => {
    await db.slaCalendars.put({ ...berlinOffice, version: 1 });
    await db.slaPolicies.bulkPut([
      { ...p3, version: 1 },
      { ...p2, version: 1 },
    ]);
    await db.conversations.bulkPut(
      [
        // Due Tue 12:00, warned from 11:12.
        evaluated('risky', p3, [arrived(berlin('2026-03-02T16:00'))], { assigneeId: me }),
        // Due Tue 11:30, warned from 10:42.
        evaluated('riskier', p3, [arrived(berlin('2026-03-02T15:30'))]),
        // Due Tue 14:00, warned from 13:12: not yet.
        evaluated('calm', p3, [arrived(berlin('2026-03-03T09:00'))]),
        // Due Mon 14:00: overdue by 3 h 20 of business time.
        evaluated('late', p3, [arrived(berlin('2026-03-02T09:00'))], { assigneeId: other }),
        // In its warning window when it went pending: paused, so not about to breach.
        evaluated(
          'waiting',
          p2,
          [arrived(berlin('2026-03-03T09:00')), status(berlin('2026-03-03T10:45'), 'pending')],
          { status: 'pending' },
        ),
        // Overdue when it went pending: still breached.
        evaluated(
          'late-waiting',
          p2,
          [arrived(berlin('2026-03-02T09:00')), status(berlin('2026-03-02T11:30'), 'pending')],
          { status: 'pending' },
        ),
        // Missed, then closed: nothing is owed any more.
        evaluated(
          'closed-late',
          p3,
          [arrived(berlin('2026-03-02T09:00')), status(berlin('2026-03-02T15:00'), 'closed')],
          { status: 'closed' },
        ),
      ].map(toConversationRow),
    );
  });
  const ids = async (queue: 'breaching' | 'breached', limit = 10) =>
    (await listQueue(db, queue, me, limit, now)).map((c) => c.id);

  it('breaching soon: clocks that count in their warning window, soonest due first', async () => {
    expect(await ids('breaching')).toEqual(['riskier', 'risky']);
    expect(await ids('breaching', 1)).toEqual(['riskier']);
  });

  it('breached: clocks still owed past their target, paused or not, longest overdue first', async () => {
    expect(await ids('breached')).toEqual(['late-waiting', 'late']);
  });

  it('moves a conversation from breaching soon to breached as business time passes', async () => {
    // 12:40 is lunch: the 12:00 due is used up but not exceeded until the office opens.
    const lunch = Date.parse(berlin('2026-03-03T12:40'));
    expect((await listQueue(db, 'breaching', me, 10, lunch)).map((c) => c.id)).toEqual(['risky']);
    const afternoon = Date.parse(berlin('2026-03-03T13:01'));
    const breachedThen = await listQueue(db, 'breached', me, 10, afternoon);
    expect(breachedThen.map((c) => c.id)).toEqual(['late-waiting', 'late', 'riskier', 'risky']);
  });

  it('the ticker watches every conversation with a clock owed and a due time', async () => {
    const watched = await owingConversations(db);
    expect(watched.map((c) => c.id).sort()).toEqual(
      ['calm', 'late', 'late-waiting', 'risky', 'riskier'].sort(),
    );
  });
});
