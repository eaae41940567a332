import { describe, expect, it } from 'vitest';
import { type LoggedEvent, newestMessageEvent, slaHistory } from './sla-history';
import { teamOf } from './sla-subject';

const created = {
  firstMessageAt: '2026-11-16T08:41:05.000Z',
  createdAt: '2026-11-16T09:00:00.000Z',
};
const logged = (type: string, after: unknown, at: string): LoggedEvent => ({
  type,
  after,
  at: new Date(at),
});

describe('the SLA history of a conversation', () => {
  it('arrives with its first message, or when first seen if that message has no date', () => {
    expect(slaHistory(created, [])).toEqual([{ type: 'arrived', at: created.firstMessageAt }]);
    expect(slaHistory({ ...created, firstMessageAt: null }, [])).toEqual([
      { type: 'arrived', at: created.createdAt },
    ]);
  });

  it('reads status changes when they were made, a snooze with its end', () => {
    const history = slaHistory(created, [
      logged(
        'conversation.status',
        { status: 'pending', snoozedUntil: null },
        '2026-11-16T10:00:00Z',
      ),
      logged(
        'conversation.status',
        { status: 'snoozed', snoozedUntil: '2026-11-17T09:00:00.000Z' },
        '2026-11-16T11:00:00Z',
      ),
      logged(
        'conversation.status',
        { status: 'closed', snoozedUntil: null },
        '2026-11-18T09:00:00Z',
      ),
    ]);
    expect(history.slice(1)).toEqual([
      { type: 'status', at: '2026-11-16T10:00:00.000Z', status: 'pending' },
      {
        type: 'status',
        at: '2026-11-16T11:00:00.000Z',
        status: 'snoozed',
        until: '2026-11-17T09:00:00.000Z',
      },
      { type: 'status', at: '2026-11-18T09:00:00.000Z', status: 'closed' },
    ]);
  });

  it('takes a snooze that ended before it was set as open', () => {
    const history = slaHistory(created, [
      logged(
        'conversation.status',
        { status: 'snoozed', snoozedUntil: '2026-11-16T09:00:00.000Z' },
        '2026-11-16T10:00:00Z',
      ),
    ]);
    expect(history[1]).toEqual({ type: 'status', at: '2026-11-16T10:00:00.000Z', status: 'open' });
  });

  it('dates replies and customer messages by when they were sent, not recorded', () => {
    const history = slaHistory(created, [
      logged('conversation.replied', { at: '2026-11-16T10:15:00.000Z' }, '2026-11-16T10:20:00Z'),
      logged(
        'conversation.message_received',
        { at: '2026-11-17T14:02:00.000Z', from: 'maria@customer.test' },
        '2026-11-17T15:00:00Z',
      ),
    ]);
    expect(history.slice(1)).toEqual([
      { type: 'agentReply', at: '2026-11-16T10:15:00.000Z' },
      { type: 'customerMessage', at: '2026-11-17T14:02:00.000Z' },
    ]);
  });

  it('ignores other events and ones that do not read as expected', () => {
    const history = slaHistory(created, [
      logged('conversation.tagged', 'vip', '2026-11-16T10:00:00Z'),
      logged('conversation.status', { status: 'archived' }, '2026-11-16T10:00:00Z'),
      logged('conversation.replied', { when: 'now' }, '2026-11-16T10:00:00Z'),
    ]);
    expect(history).toHaveLength(1);
  });
});

describe('what an upsert tells of the newest message', () => {
  const team = teamOf(['ana@acme.test'], ['support@acme.test']);
  const at = '2026-11-17T14:02:00.000Z';
  const before = { lastMessageAt: '2026-11-16T10:15:00.000Z', lastMessageFrom: 'ana@acme.test' };

  it('a message from a member or a shared mailbox is a reply, anyone else a customer', () => {
    expect(
      newestMessageEvent(before, { lastMessageAt: at, lastMessageFrom: 'maria@x.test' }, team),
    ).toEqual({
      type: 'conversation.message_received',
      after: { at, from: 'maria@x.test' },
    });
    for (const from of ['ana@acme.test', 'support@acme.test'])
      expect(
        newestMessageEvent(before, { lastMessageAt: at, lastMessageFrom: from }, team)?.type,
      ).toBe('conversation.replied');
  });

  it('says nothing while the sender is unknown, or of a message already told', () => {
    expect(
      newestMessageEvent(before, { lastMessageAt: at, lastMessageFrom: null }, team),
    ).toBeNull();
    expect(
      newestMessageEvent(
        before,
        { lastMessageAt: '2026-11-16T11:15:00.000+01:00', lastMessageFrom: 'ana@acme.test' },
        team,
      ),
    ).toBeNull();
  });

  it('tells the sender of a message first seen without one', () => {
    const listed = { lastMessageAt: at, lastMessageFrom: null };
    expect(
      newestMessageEvent(listed, { lastMessageAt: at, lastMessageFrom: 'maria@x.test' }, team)
        ?.type,
    ).toBe('conversation.message_received');
  });

  it('tells the first message of a new conversation when its sender is known', () => {
    expect(
      newestMessageEvent(null, { lastMessageAt: at, lastMessageFrom: 'ana@acme.test' }, team)?.type,
    ).toBe('conversation.replied');
  });
});
