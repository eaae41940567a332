import { describe, expect, it, vi } from 'vitest';
import type { MailHost, ThreadRow } from '../hosts/types';
import type { Conversation, ThreadRef } from '../schema';
import type { ChangeNotice, Request } from '../schema/messages';
import type { PresenceUpdate } from '../schema/presence-port';
import { policyClocks, slaState } from '../sla';
import { arrived, policy } from '../sla/test-fixtures';
import { conversation } from '../testing/records';
import { ana, ben, tag } from '../testing/thread-data';
import type { Background } from './background';
import { createCommands } from './commands';
import { pageData } from './page-data';
import { chipsFor, concerns, rowChips } from './row-chips';
import { SLA_TONES, slaChip } from './sla-chip';

const texts = (chips: { text: string }[]) => chips.map((c) => c.text);

// P1: first response within 30 min of calendar time, warned 10 min before.
const p1 = policy({
  name: 'P1 outage',
  targets: { firstResponse: 30, resolution: 240 },
  clock: 'calendar',
  calendarId: null,
  warning: { unit: 'minutes', value: 10 },
});
const arrival = Date.parse('2026-03-02T10:00:00.000Z');
const minutes = (n: number) => arrival + n * 60_000;
/** A P1 conversation that arrived at 10:00, as the API evaluated it then. */
const urgent = (id: string, patch: Parameters<typeof conversation>[1] = {}) => {
  const history = [arrived(new Date(arrival).toISOString())];
  const sla = slaState({ policy: p1, calendar: null, history, now: new Date(arrival) });
  return conversation(id, { sla, dueAt: sla.dueAt, ...patch });
};

describe('row chips', () => {
  it('show the assignee’s initials and the status', () => {
    const taken = conversation('c1', { assigneeId: ana.id, status: 'pending' });
    expect(texts(chipsFor(taken, [ana, ben]))).toEqual(['AS', 'pending']);
  });

  it('show only the status while nobody holds the conversation', () => {
    expect(texts(chipsFor(conversation('c1'), [ana]))).toEqual(['open']);
  });

  it('show the tags in their colours, and count those past three', () => {
    const billing = { ...tag('billing'), color: '#fbbc04' };
    const tagged = conversation('c1', { tags: ['billing', 'vip', 'refund', 'bug', 'urgent'] });
    const chips = chipsFor(tagged, [ana], [billing]);
    expect(texts(chips)).toEqual(['open', 'billing', 'vip', 'refund', '+2']);
    expect(chips[1]).toEqual({ text: 'billing', background: '#fbbc04', foreground: '#000000' });
    expect(chips[2]).toMatchObject({ text: 'vip', background: '#6b7280' });
  });

  it('show the most urgent SLA countdown after the status: neutral, amber, then red', () => {
    const clocks = policyClocks([p1], []);
    const at = (n: number) =>
      chipsFor(urgent('c1'), [ana], [], slaChip(urgent('c1'), clocks, minutes(n)));
    expect(at(5)[1]).toEqual({ text: 'FR 25m', ...SLA_TONES.neutral });
    expect(at(22)[1]).toEqual({ text: 'FR 8m', ...SLA_TONES.amber });
    expect(at(93)[1]).toEqual({ text: 'FR overdue 1h 3m', ...SLA_TONES.red });
    expect(texts(at(5))).toEqual(['open', 'FR 25m']);
    expect(slaChip(conversation('c2'), clocks, minutes(5))).toBeNull();
  });

  it('show nothing for a thread Sidedesk does not know', () => {
    expect(chipsFor(null, [ana])).toEqual([]);
  });

  it('are looked up again only when a change may concern the row', () => {
    const notice = (
      ids: string[],
      tables: ('conversations' | 'members' | 'tags' | 'sync')[] = [],
    ) => ({
      type: 'changed' as const,
      conversationIds: ids,
      tables,
    });
    expect(concerns(notice(['c1']), 'c1')).toBe(true);
    expect(concerns(notice(['c2']), 'c1')).toBe(false);
    expect(concerns(notice(['c2']), null)).toBe(true);
    expect(concerns(notice([], ['members']), 'c1')).toBe(true);
    expect(concerns(notice([], ['tags']), 'c1')).toBe(true);
    expect(concerns(notice([], ['sync']), 'c1')).toBe(false);
    expect(concerns({ type: 'changed', conversationIds: [], tables: ['clock'] }, null)).toBe(false);
  });
});

describe('the row chips feature', () => {
  const ref = (threadId: string) => ({
    host: 'gmail' as const,
    mailbox: 'ana@acme.test',
    threadId,
  });

  function page() {
    let onRow: (row: ThreadRow) => void = () => {};
    let onNotice: (notice: ChangeNotice) => void = () => {};
    const lookups: ThreadRef[][] = [];
    const cache = new Map<string, Conversation>();
    const send = vi.fn(async (request: Request) => {
      if (request.type === 'listMembers') return [ana];
      if (request.type === 'listTags') return [];
      if (request.type === 'listSlaPolicies') return [{ ...p1, version: 1 }];
      if (request.type === 'listSlaCalendars') return [];
      if (request.type === 'getConversationsByRefs') {
        lookups.push(request.refs);
        return request.refs.map((r) => cache.get(r.threadId) ?? null);
      }
      throw new Error(`unexpected ${request.type}`);
    });
    const host = {
      onThreadRow: (handler: typeof onRow) => (onRow = handler),
    } as unknown as MailHost;
    let onPresence: (update: PresenceUpdate) => void = () => {};
    const background = {
      send,
      subscribe: (listener: typeof onNotice) => {
        onNotice = listener;
        return () => {};
      },
      presence: (listener: typeof onPresence) => {
        onPresence = listener;
        return { report: () => {}, close: () => {} };
      },
    } as unknown as Background;
    const signal = new AbortController().signal;
    rowChips.init({
      host,
      background,
      commands: createCommands(),
      page: pageData(background, signal),
      signal,
      report: (e) => {
        throw e;
      },
    });
    const row = (threadId: string) => {
      const shown: string[][] = [];
      const r = {
        ref: ref(threadId),
        setChips: (chips: { text: string }[]) => shown.push(texts(chips)),
        signal: new AbortController().signal,
      } as unknown as ThreadRow;
      onRow(r);
      return shown;
    };
    return {
      row,
      cache,
      lookups,
      notify: (n: ChangeNotice) => onNotice(n),
      present: (u: PresenceUpdate) => onPresence(u),
    };
  }

  it('looks a burst of rows up in one request, and redraws only the rows that changed', async () => {
    vi.useFakeTimers();
    try {
      const p = page();
      p.cache.set('t1', conversation('c1', { assigneeId: ana.id }));
      p.cache.set('t2', conversation('c2'));
      const [one, two, three] = [p.row('t1'), p.row('t2'), p.row('t3')];
      await vi.runAllTimersAsync();
      expect(p.lookups).toEqual([[ref('t1'), ref('t2'), ref('t3')]]);
      expect([one, two, three]).toEqual([[['AS', 'open']], [['open']], [[]]]);

      p.cache.set('t2', conversation('c2', { status: 'pending' }));
      p.notify({ type: 'changed', conversationIds: ['c1', 'c2'], tables: [] });
      p.notify({ type: 'changed', conversationIds: ['c2'], tables: [] });
      await vi.runAllTimersAsync();
      // t3 was unknown, so any change may concern it; only t2's chips changed.
      expect(p.lookups[1]).toEqual([ref('t1'), ref('t2'), ref('t3')]);
      expect(p.lookups).toHaveLength(2);
      expect(one).toHaveLength(1);
      expect(two.at(-1)).toEqual(['pending']);
      expect(three).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('redraw the countdowns of the rows that have one on each tick, without a lookup', async () => {
    vi.useFakeTimers({ now: minutes(15) });
    try {
      const p = page();
      p.cache.set('t1', urgent('c1'));
      p.cache.set('t2', conversation('c2'));
      const [one, two] = [p.row('t1'), p.row('t2')];
      await vi.runAllTimersAsync();
      expect(one).toEqual([['open', 'FR 15m']]);
      vi.setSystemTime(minutes(16));
      p.notify({ type: 'changed', conversationIds: [], tables: ['clock'] });
      await vi.runAllTimersAsync();
      expect(one.at(-1)).toEqual(['open', 'FR 14m']);
      // Same minute, same chips: nothing is redrawn.
      p.notify({ type: 'changed', conversationIds: [], tables: ['clock'] });
      await vi.runAllTimersAsync();
      expect(one).toHaveLength(2);
      expect(two).toHaveLength(1);
      expect(p.lookups).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('mark a row with whoever else is on its conversation, without a lookup', async () => {
    vi.useFakeTimers();
    try {
      const p = page();
      p.cache.set('t1', conversation('c1'));
      const one = p.row('t1');
      await vi.runAllTimersAsync();
      const on = { conversationId: 'c1', memberId: ana.id, expiresAt: '2026-03-02T10:00:30.000Z' };
      p.present({ type: 'update', conversationId: 'c1', entries: [{ ...on, state: 'replying' }] });
      await vi.runAllTimersAsync();
      expect(one.at(-1)).toEqual(['✎ AS', 'open']);
      p.present({ type: 'snapshot', entries: [] });
      await vi.runAllTimersAsync();
      expect(one.at(-1)).toEqual(['open']);
      expect(p.lookups).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
