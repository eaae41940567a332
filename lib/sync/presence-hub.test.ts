import { describe, expect, it } from 'vitest';
import type { LiveClientMessage, PresenceEntry } from '../schema';
import type { PresenceUpdate } from '../schema/presence-port';
import { PRESENCE_HEARD_MS, PRESENCE_RENEW_MS, PresenceHub } from './presence-hub';
import type { Timers } from './timers';

const ANA = '00000000-0000-4000-8000-00000000000a';
const BEN = '00000000-0000-4000-8000-00000000000b';
const entry = (memberId: string, state: PresenceEntry['state']): PresenceEntry => ({
  conversationId: 'c1',
  memberId,
  state,
  expiresAt: '2026-11-29T10:00:30.000Z',
});

function setup({ online = true } = {}) {
  let now = 0;
  const intervals = new Map<number, () => void>();
  let next = 0;
  const timers: Timers = {
    now: () => now,
    random: () => 0,
    setTimeout: () => 0,
    clearTimeout: () => {},
    setInterval: (fn) => {
      intervals.set(++next, fn);
      return next;
    },
    clearInterval: (h) => void intervals.delete(h as number),
  };
  const sent: LiveClientMessage[] = [];
  const heard: PresenceUpdate[] = [];
  const link = { online };
  const hub = new PresenceHub<string>({
    timers,
    send: (m) => link.online && sent.push(m) > 0,
    broadcast: (u) => heard.push(u),
  });
  hub.setMe(ANA);
  heard.length = 0;
  const advance = (ms: number) => {
    now += ms;
    for (const fn of [...intervals.values()]) fn();
  };
  return { hub, sent, heard, link, advance, intervals };
}

describe('presence hub', () => {
  it('tells the server the strongest state of its pages, and only changes', () => {
    const { hub, sent } = setup();
    hub.report('tab1', 'c1', 'viewing');
    hub.report('tab2', 'c1', 'viewing');
    hub.report('tab2', 'c1', 'replying');
    hub.report('tab2', 'c1', null);
    hub.dropPage('tab1');
    expect(sent).toEqual([
      { type: 'presence', conversationId: 'c1', state: 'viewing' },
      { type: 'presence', conversationId: 'c1', state: 'replying' },
      { type: 'presence', conversationId: 'c1', state: 'viewing' },
      { type: 'presence', conversationId: 'c1', state: null },
    ]);
  });

  it('renews while a page shows something, and stops its timer when nothing is left', () => {
    const { hub, sent, advance, intervals } = setup();
    hub.report('tab1', 'c1', 'replying');
    advance(PRESENCE_RENEW_MS);
    expect(sent.filter((m) => m.type === 'presence' && m.state === 'replying')).toHaveLength(2);
    hub.report('tab1', 'c1', null);
    expect(intervals.size).toBe(0);
  });

  it('tells again what pages show once the channel reopens', () => {
    const { hub, sent, link } = setup({ online: false });
    hub.report('tab1', 'c1', 'viewing');
    expect(sent).toEqual([]);
    link.online = true;
    hub.connected(true);
    expect(sent).toEqual([{ type: 'presence', conversationId: 'c1', state: 'viewing' }]);
  });

  it('passes others’ entries to pages, never the member’s own, and forgets unrenewed ones', () => {
    const { hub, heard, advance } = setup();
    hub.received('c1', [entry(BEN, 'replying'), entry(ANA, 'viewing')]);
    expect(heard).toEqual([
      { type: 'update', conversationId: 'c1', entries: [entry(BEN, 'replying')] },
    ]);
    expect(hub.snapshot()).toEqual({ type: 'snapshot', entries: [entry(BEN, 'replying')] });
    advance(PRESENCE_HEARD_MS);
    expect(heard.at(-1)).toEqual({ type: 'update', conversationId: 'c1', entries: [] });
    expect(hub.snapshot().entries).toEqual([]);
  });

  it('forgets everything heard when the channel drops', () => {
    const { hub, heard } = setup();
    hub.received('c1', [entry(BEN, 'viewing')]);
    hub.connected(false);
    expect(heard.at(-1)).toEqual({ type: 'snapshot', entries: [] });
  });
});
