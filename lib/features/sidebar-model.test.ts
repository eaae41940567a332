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

  it('tells whether changes are saved, saving or waiting offline', () => {
    const line = (sync: Parameters<typeof sessionOf>[1]) =>
      sidebarModel({ ...threadData(ana), session: sessionOf(ana, sync) }, now)?.sync;
    expect(line({})).toBe('Saved');
    expect(line({ pending: 2 })).toBe('Saving 2…');
    expect(line({ online: false, pending: 1 })).toBe('Offline · 1 waiting');
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
});
