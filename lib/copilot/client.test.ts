import { describe, expect, it } from 'vitest';
import type { CopilotEvent, CopilotRequest } from '../schema';
import { refundThread } from '../testing/copilot-context';
import { askCopilot } from './client';

const request: CopilotRequest = {
  task: 'summary',
  conversationId: null,
  thread: refundThread(),
  offlineOnly: false,
};

/** A worker end that answers the request with `answers`, then stays open. */
function fakeWorker(answers: unknown[]) {
  const state = { posted: [] as unknown[], disconnected: false };
  const listeners = new Set<(m: unknown) => void>();
  const port = {
    postMessage(message: unknown) {
      state.posted.push(message);
      setTimeout(() => {
        for (const answer of answers) for (const l of listeners) l(answer);
      });
    },
    disconnect() {
      state.disconnected = true;
    },
    onMessage: { addListener: (l: (m: unknown) => void) => listeners.add(l) },
    onDisconnect: { addListener: () => {} },
  };
  return {
    state,
    connect: () => port as unknown as ReturnType<Parameters<typeof askCopilot>[2] & {}>,
  };
}

const run = async (answers: unknown[], signal = new AbortController().signal) => {
  const worker = fakeWorker(answers);
  const events: CopilotEvent[] = [];
  await askCopilot(request, { onEvent: (e) => events.push(e), signal }, worker.connect);
  return { events, ...worker.state };
};

describe('askCopilot', () => {
  it('sends the request, passes the events on and hangs up after done', async () => {
    const r = await run([
      { type: 'prompt', provider: 'offline', model: null, messages: null },
      { type: 'sources', sources: [] },
      { type: 'text', delta: 'Jane wants a refund.' },
      { type: 'done' },
      { type: 'text', delta: 'too late' },
    ]);
    expect(r.posted).toEqual([request]);
    expect(r.events.map((e) => e.type)).toEqual(['prompt', 'sources', 'text', 'done']);
    expect(r.disconnected).toBe(true);
  });

  it('ends with an error on an event it cannot read, keeping the ones before', async () => {
    const r = await run([
      { type: 'text', delta: 'Kept' },
      { type: 'text', delta: 42 },
      { type: 'done' },
    ]);
    expect(r.events).toEqual([
      { type: 'text', delta: 'Kept' },
      {
        type: 'error',
        code: 'bad-response',
        message: expect.stringContaining('does not understand'),
      },
    ]);
    expect(r.disconnected).toBe(true);
  });

  it('does not connect for a request already stopped', async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await run([{ type: 'done' }], controller.signal);
    expect(r.posted).toEqual([]);
    expect(r.events).toEqual([{ type: 'error', code: 'cancelled', message: 'Stopped.' }]);
  });

  it('says so when the background cannot be reached', async () => {
    const events: CopilotEvent[] = [];
    await askCopilot(
      request,
      { onEvent: (e) => events.push(e), signal: new AbortController().signal },
      () => {
        throw new Error('Extension context invalidated.');
      },
    );
    expect(events).toEqual([
      { type: 'error', code: 'network', message: expect.stringContaining('context invalidated') },
    ]);
  });
});
