import { describe, expect, it } from 'vitest';
import { HEARTBEAT_MS, LiveConnection, type WebSocketFactory } from './live';
import type { Timers } from './timers';

class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  serverCloses() {
    this.readyState = 3;
    this.onclose?.({});
  }
}

function fakeTimers() {
  const timeouts: { fn: () => void; ms: number }[] = [];
  const intervals: { fn: () => void; ms: number }[] = [];
  const timers: Timers = {
    now: () => 0,
    random: () => 0,
    setTimeout: (fn, ms) => timeouts.push({ fn, ms }),
    clearTimeout: () => {},
    setInterval: (fn, ms) => intervals.push({ fn, ms }),
    clearInterval: () => {},
  };
  return { timers, timeouts, intervals };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('live connection', () => {
  it('pulls on poke, pings to stay alive and reconnects with a fresh ticket', async () => {
    FakeSocket.all = [];
    const { timers, timeouts, intervals } = fakeTimers();
    const pokes: number[] = [];
    const status: boolean[] = [];
    let n = 0;
    const live = new LiveConnection({
      WebSocket: FakeSocket as unknown as WebSocketFactory,
      timers,
      connectUrl: async () => `ws://api.test/v1/live?ticket=t${++n}`,
      onPoke: (v) => pokes.push(v),
      onStatus: (s) => status.push(s),
      onError: () => {},
    });
    live.ensure();
    live.ensure();
    await tick();
    expect(FakeSocket.all.map((s) => s.url)).toEqual(['ws://api.test/v1/live?ticket=t1']);
    const first = FakeSocket.all[0]!;
    first.open();
    expect(live.open).toBe(true);
    first.onmessage?.({ data: JSON.stringify({ type: 'poke', version: 7 }) });
    first.onmessage?.({ data: 'not json' });
    expect(pokes).toEqual([7]);
    expect(intervals[0]?.ms).toBe(HEARTBEAT_MS);
    intervals[0]?.fn();
    expect(first.sent).toEqual(['{"type":"ping"}']);

    first.serverCloses();
    expect(status).toEqual([true, false]);
    expect(timeouts[0]?.ms).toBe(500);
    timeouts[0]?.fn();
    await tick();
    expect(FakeSocket.all[1]?.url).toBe('ws://api.test/v1/live?ticket=t2');

    live.stop();
    expect(FakeSocket.all[1]?.readyState).toBe(3);
  });

  it('passes presence on, and sends only while open', async () => {
    FakeSocket.all = [];
    const { timers } = fakeTimers();
    const heard: unknown[] = [];
    const live = new LiveConnection({
      WebSocket: FakeSocket as unknown as WebSocketFactory,
      timers,
      connectUrl: async () => 'ws://api.test/v1/live?ticket=t',
      onPoke: () => {},
      onStatus: () => {},
      onError: () => {},
      onPresence: (conversationId, entries) => heard.push({ conversationId, entries }),
    });
    const viewing = { type: 'presence', conversationId: 'c1', state: 'viewing' } as const;
    expect(live.send(viewing)).toBe(false);
    live.ensure();
    await tick();
    const socket = FakeSocket.all[0]!;
    socket.open();
    expect(live.send(viewing)).toBe(true);
    expect(socket.sent).toEqual([JSON.stringify(viewing)]);
    socket.onmessage?.({
      data: JSON.stringify({ type: 'presence', conversationId: 'c1', entries: [] }),
    });
    expect(heard).toEqual([{ conversationId: 'c1', entries: [] }]);
    live.stop();
  });
});
