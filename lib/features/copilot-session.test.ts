import { describe, expect, it } from 'vitest';
import type { CopilotEvent, ThreadText } from '../schema';
import { type AskCopilot, runCopilot } from './copilot-session';

const thread: ThreadText = {
  subject: 'Order #1042 arrived damaged',
  messages: [{ from: 'maria@customer.test', sentAt: null, text: 'The lamp is cracked.' }],
};

function collect(ask: AskCopilot, options: { signal?: AbortSignal; silenceMs?: number } = {}) {
  const events: CopilotEvent[] = [];
  const asked: unknown[] = [];
  const done = runCopilot({
    task: 'draft',
    conversationId: 'c1',
    readText: async () => thread,
    ask: (request, o) => {
      asked.push(request);
      return ask(request, o);
    },
    onEvent: (e) => events.push(e),
    signal: options.signal ?? new AbortController().signal,
    silenceMs: options.silenceMs,
  });
  return { events, asked, done };
}

describe('a copilot request from the page', () => {
  it('sends the thread read now and passes the events on', async () => {
    const { events, asked, done } = collect(async (_r, { onEvent }) => {
      onEvent({ type: 'prompt', provider: 'offline', model: null, messages: null });
      onEvent({ type: 'text', delta: 'Hi' });
      onEvent({ type: 'done' });
    });
    await done;
    expect(asked).toEqual([{ task: 'draft', conversationId: 'c1', thread, offlineOnly: false }]);
    expect(events.map((e) => e.type)).toEqual(['prompt', 'text', 'done']);
  });

  it('ends with one error when the page cannot be read', async () => {
    const events: CopilotEvent[] = [];
    await runCopilot({
      task: 'summary',
      conversationId: null,
      readText: () => Promise.reject(new Error('the reading pane is gone')),
      ask: () => Promise.reject(new Error('never asked')),
      onEvent: (e) => events.push(e),
      signal: new AbortController().signal,
    });
    expect(events).toEqual([
      {
        type: 'error',
        code: 'invalid-request',
        message: 'The thread could not be read: the reading pane is gone',
      },
    ]);
  });

  it('says cancelled when the agent stops, and aborts the worker’s request', async () => {
    const stop = new AbortController();
    let aborted = false;
    const { events, done } = collect(
      (_r, { onEvent, signal }) =>
        new Promise((_resolve, reject) => {
          onEvent({ type: 'text', delta: 'Hi' });
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('port closed'));
          });
          stop.abort();
        }),
      { signal: stop.signal },
    );
    await done;
    expect(aborted).toBe(true);
    expect(events.at(-1)).toEqual({ type: 'error', code: 'cancelled', message: 'Stopped.' });
  });

  it('times out when the worker goes quiet', async () => {
    const { events, done } = collect(
      (_r, { signal }) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
      { silenceMs: 20 },
    );
    await done;
    expect(events).toEqual([
      { type: 'error', code: 'timeout', message: 'Nothing came for a minute.' },
    ]);
  });

  it('turns a broken port into a network error, and a missing end into one too', async () => {
    const broken = collect(() => Promise.reject(new Error('port disconnected')));
    await broken.done;
    expect(broken.events).toEqual([
      { type: 'error', code: 'network', message: 'port disconnected' },
    ]);
    const silent = collect(async () => {});
    await silent.done;
    expect(silent.events.at(-1)).toMatchObject({ type: 'error', code: 'network' });
  });
});
