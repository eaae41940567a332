import { describe, expect, it } from 'vitest';
import { conversation } from '../testing/records';
import { ana, ben, leo, sessionOf, tag, threadData } from '../testing/thread-data';
import { actions, initials, noticeLine, sidebarModel } from './sidebar-model';

const now = Date.parse('2026-11-20T10:00:05.000Z');

describe('the thread sidebar', () => {
  it('shows initials of a first and last name, or of a single name', () => {
    expect(initials('Ana Silva')).toBe('AS');
    expect(initials('Maria de la Cruz')).toBe('MC');
    expect(initials('ben')).toBe('BE');
    expect(initials('  ')).toBe('?');
  });

  it('offers Take on an unassigned conversation', () => {
    const model = sidebarModel(threadData(ana), now);
    expect(model).toMatchObject({ assignee: null, canTake: true, canUnassign: false });
  });

  it('shows who holds it, and lets only them (or a lead) unassign', () => {
    const taken = { assigneeId: ana.id };
    expect(sidebarModel(threadData(ana, taken), now)).toMatchObject({
      assignee: { name: 'Ana Silva', initials: 'AS', isMe: true },
      canTake: false,
      canUnassign: true,
    });
    expect(sidebarModel(threadData(ben, taken), now)).toMatchObject({
      assignee: { name: 'Ana Silva', isMe: false },
      canTake: false,
      canUnassign: false,
    });
    expect(sidebarModel(threadData(leo, taken), now)?.canUnassign).toBe(true);
  });

  it('says who won a lost race, and how long ago', () => {
    const notice = {
      mutationId: 7,
      mutation: 'conversation.assign',
      conversationId: 'c1',
      status: 'conflict' as const,
      message: 'Ana Silva took this',
      by: { id: ana.id, name: 'Ana Silva' },
      at: '2026-11-20T10:00:00.000Z',
      recordedAt: '2026-11-20T10:00:01.000Z',
    };
    const other = { ...notice, mutationId: 8, conversationId: 'c2', message: 'other' };
    const data = threadData(ben, { assigneeId: ana.id }, { notices: [other, notice] });
    expect(sidebarModel(data, now)?.notice).toBe('Ana Silva took this 5 s ago');
    expect(noticeLine({ ...notice, at: null }, now)).toBe('Ana Silva took this');
  });

  it('offers the tags not on the conversation and not archived', () => {
    const data = threadData(
      ana,
      { tags: ['billing'] },
      { tags: [tag('billing'), tag('vip'), tag('old', true)] },
    );
    expect(sidebarModel(data, now)?.addableTags).toEqual(['vip']);
  });

  it("tells whether this conversation's changes are saved, saving or waiting offline", () => {
    const line = (online: boolean, pending: number) =>
      // The workspace-wide count (7) is not this conversation's.
      sidebarModel(
        { ...threadData(ana), session: sessionOf(ana, { online, pending: 7 }), pending },
        now,
      )?.sync;
    expect(line(true, 0)).toBe('Saved');
    expect(line(true, 2)).toBe('Saving 2…');
    expect(line(false, 1)).toBe('Offline · 1 waiting');
    expect(line(false, 0)).toBe('Offline');
  });

  it('offers leads every other active member, and Reassign when someone holds it', () => {
    const free = sidebarModel(threadData(leo), now)?.assign;
    expect(free).toMatchObject({ label: 'Assign…', hint: null });
    expect(free?.candidates.map((m) => m.name)).toEqual(['Ana Silva', 'Ben', 'Leo Lead']);
    const held = sidebarModel(threadData(leo, { assigneeId: ana.id }), now)?.assign;
    expect(held?.label).toBe('Reassign…');
    expect(held?.candidates.map((m) => m.name)).toEqual(['Ben', 'Leo Lead']);
  });

  it('offers agents only themselves, and only while nobody holds it, saying why', () => {
    const free = sidebarModel(threadData(ben), now)?.assign;
    expect(free?.candidates).toEqual([ben]);
    expect(free?.hint).toMatch(/leads and admins assign others/);
    const held = sidebarModel(threadData(ben, { assigneeId: ana.id }), now)?.assign;
    expect(held?.candidates).toEqual([]);
    expect(held?.hint).toMatch(/Only leads and admins reassign/);
  });

  it('says until when a conversation is snoozed', () => {
    const until = new Date(now + 2 * 86_400_000).toISOString();
    const model = sidebarModel(threadData(ana, { status: 'snoozed', snoozedUntil: until }), now);
    expect(model?.snoozed).toMatch(/^Snoozed until \S+/);
    expect(sidebarModel(threadData(ana), now)?.snoozed).toBeNull();
  });

  it('lets only leads and admins create tags, and tells agents so', () => {
    expect(sidebarModel(threadData(leo), now)?.createTagBlocked).toBeNull();
    expect(sidebarModel(threadData(ana), now)?.createTagBlocked).toMatch(/Only leads and admins/);
  });

  it('shows nothing until the conversation is in the cache', () => {
    expect(sidebarModel({ ...threadData(ana), conversation: null }, now)).toBeNull();
  });

  it('takes and unassigns against the assignee it showed (compare-and-set)', () => {
    expect(actions.take(conversation('c1'), ben)).toEqual({
      conversationId: 'c1',
      assigneeId: ben.id,
      expectedAssigneeId: null,
    });
    expect(actions.unassign({ ...conversation('c1'), assigneeId: ana.id })).toEqual({
      conversationId: 'c1',
      expectedAssigneeId: ana.id,
    });
  });

  it('forces an assignment only for a lead taking it from its holder', () => {
    const held = conversation('c1', { assigneeId: ana.id });
    expect(actions.assign(held, ben, 'lead')).toEqual({
      conversationId: 'c1',
      assigneeId: ben.id,
      expectedAssigneeId: ana.id,
      force: true,
    });
    expect(actions.assign(conversation('c1'), ben, 'admin').force).toBe(false);
    expect(actions.assign(conversation('c1'), ben, 'agent').force).toBe(false);
  });

  it('snoozes with a time and clears it for every other status', () => {
    const c = conversation('c1');
    const until = '2026-11-21T09:00:00.000Z';
    expect(actions.snooze(c, until)).toEqual({
      conversationId: 'c1',
      status: 'snoozed',
      snoozedUntil: until,
    });
    expect(actions.setStatus(c, 'closed')).toEqual({
      conversationId: 'c1',
      status: 'closed',
      snoozedUntil: null,
    });
  });
});
