import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  COPILOT_PORT,
  type CopilotCredentials,
  type CopilotEvent,
  type CopilotRequest,
  type TriageSuggestion,
} from '../schema';
import { refundContext, refundThread } from '../testing/copilot-context';
import { memoryDb } from '../testing/memory-db';
import { type FakeOpenAI, startFakeOpenAI } from '../testing/openai-server';
import { askCopilot } from './client';
import { gatherContext } from './context';
import { openAICompatibleProvider } from './openai-compatible';
import type { CopilotProvider } from './provider';
import { type CopilotDeps, chooseProvider, serveCopilotPort } from './run';
import type { CopilotSetup } from './setup';

type Listener<T> = (value: T) => void;
interface End {
  messages: Set<Listener<unknown>>;
  disconnects: Set<() => void>;
  closed: boolean;
}

/**
 * Two ends of a runtime Port, as Chrome behaves: messages arrive later and copied, a
 * disconnect is heard only by the other end, and a closed port refuses to post.
 */
function portPair() {
  const end = (): End => ({ messages: new Set(), disconnects: new Set(), closed: false });
  const side = (self: End, other: End) => ({
    name: COPILOT_PORT,
    postMessage(message: unknown) {
      if (self.closed) throw new Error('Attempting to use a disconnected port object');
      const copy = structuredClone(message);
      setTimeout(() => {
        if (!other.closed) for (const listener of other.messages) listener(copy);
      });
    },
    disconnect() {
      if (self.closed) return;
      self.closed = true;
      other.closed = true;
      setTimeout(() => {
        for (const listener of other.disconnects) listener();
      });
    },
    onMessage: { addListener: (listener: Listener<unknown>) => self.messages.add(listener) },
    onDisconnect: { addListener: (listener: () => void) => self.disconnects.add(listener) },
  });
  const page = end();
  const worker = end();
  return { page: side(page, worker), worker: side(worker, page) };
}
type FakePort = ReturnType<typeof portPair>['page'];

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(() => server?.close());
beforeEach(() => {
  server.mode = 'stream';
  server.reply = ['Hi Jane,', ' we are', ' on it.'];
  server.delayMs = 5;
});

const credentials = (patch: Partial<CopilotCredentials> = {}): CopilotCredentials => ({
  provider: 'openai-compatible',
  baseUrl: server.baseUrl,
  model: 'llama3.1:8b',
  apiKey: 'sk-test',
  redactPii: true,
  externalAllowed: true,
  ...patch,
});

const offlineSuggestion: TriageSuggestion = {
  intent: { value: 'billing', reason: 'Mentions a charge' },
  priority: { value: 'normal', reason: 'No urgency' },
  sentiment: { value: 'neutral', reason: 'Calm' },
  tag: null,
  template: null,
  team: null,
  close: null,
};
const offline: CopilotProvider = {
  kind: 'offline',
  model: null,
  draft: async () => ({
    sources: [],
    prompt: null,
    text: (async function* () {
      yield 'Offline ';
      yield 'draft';
    })(),
  }),
  summary: async () => ({ sources: [], prompt: null, text: (async function* () {})() }),
  triage: async () => ({ suggestion: offlineSuggestion, prompt: null }),
};

function deps(patch: Partial<CopilotDeps> & { creds?: Partial<CopilotCredentials> } = {}) {
  const { creds, ...rest } = patch;
  return {
    setup: async (): Promise<CopilotSetup> => ({ credentials: credentials(creds), teams: [] }),
    context: async (request: CopilotRequest) => refundContext({ thread: request.thread }),
    offline,
    external: (settings) => openAICompatibleProvider({ ...settings, firstTokenMs: 500 }),
    ...rest,
  } satisfies CopilotDeps;
}

const request = (patch: Partial<CopilotRequest> = {}): CopilotRequest => ({
  task: 'draft',
  conversationId: null,
  thread: refundThread(),
  offlineOnly: false,
  ...patch,
});

/** A page asking through the real client, the worker serving on the other end. */
async function ask(
  req: unknown,
  workerDeps: CopilotDeps,
  options: { signal?: AbortSignal; onEvent?: (e: CopilotEvent, ports: FakePort) => void } = {},
) {
  const events: CopilotEvent[] = [];
  const { page, worker } = portPair();
  await askCopilot(
    req as CopilotRequest,
    {
      onEvent: (event) => {
        events.push(event);
        options.onEvent?.(event, worker);
      },
      signal: options.signal ?? new AbortController().signal,
    },
    (name) => {
      expect(name).toBe(COPILOT_PORT);
      serveCopilotPort(worker, workerDeps);
      return page as unknown as ReturnType<Parameters<typeof askCopilot>[2] & {}>;
    },
  );
  return events;
}

const types = (events: CopilotEvent[]) => events.map((e) => e.type);

describe('the copilot port', () => {
  it('streams a draft from the external provider: prompt, sources, text, done', async () => {
    const sent = server.requests.length;
    const events = await ask(request(), deps());
    expect(types(events)).toEqual(['prompt', 'sources', 'text', 'text', 'text', 'done']);
    const [prompt, sources] = events;
    expect(prompt).toMatchObject({ provider: 'openai-compatible', model: 'llama3.1:8b' });
    // The prompt shown is the one the provider received.
    expect(prompt?.type === 'prompt' && prompt.messages).toEqual(
      server.requests[sent]!.body.messages,
    );
    expect(sources?.type === 'sources' && sources.sources.length).toBeGreaterThan(0);
    const text = events.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('');
    expect(text).toBe('Hi Jane, we are on it.');
  });

  it('uses the offline provider when asked, chosen, forbidden or not set up', async () => {
    const sent = server.requests.length;
    const cases: [string, CopilotRequest, CopilotDeps][] = [
      ['offline only', request({ offlineOnly: true }), deps()],
      ['offline chosen', request(), deps({ creds: { provider: 'offline' } })],
      ['external forbidden', request(), deps({ creds: { externalAllowed: false } })],
      ['no model', request(), deps({ creds: { model: null } })],
      [
        'settings unreadable',
        request(),
        deps({
          setup: async () => {
            throw new Error('offline');
          },
        }),
      ],
    ];
    for (const [why, req, d] of cases) {
      const events = await ask(req, d);
      expect(events[0], why).toEqual({
        type: 'prompt',
        provider: 'offline',
        model: null,
        messages: null,
      });
      expect(types(events), why).toEqual(['prompt', 'sources', 'text', 'text', 'done']);
    }
    expect(server.requests.length).toBe(sent);
  });

  it('answers triage with its suggestion, the prompt shown and the template as source', async () => {
    server.reply = [
      JSON.stringify({
        intent: { value: 'billing', reason: 'Charged twice' },
        priority: { value: 'high', reason: 'Money' },
        sentiment: { value: 'negative', reason: 'Upset' },
        tag: null,
        template: {
          id: '00000000-0000-4000-8000-00000000aaa1',
          title: 'x',
          reason: 'Double charge',
        },
        team: null,
        close: null,
      }),
    ];
    const events = await ask(request({ task: 'triage' }), deps());
    expect(types(events)).toEqual(['prompt', 'sources', 'triage', 'done']);
    expect(events[1]).toEqual({
      type: 'sources',
      sources: [
        {
          kind: 'template',
          id: '00000000-0000-4000-8000-00000000aaa1',
          title: 'Refund of a double charge',
          reason: 'Double charge',
        },
      ],
    });
    expect(events[2]).toMatchObject({ suggestion: { priority: { value: 'high' } } });
  });

  it('refuses a bad request with a clear error', async () => {
    const events = await ask({ task: 'poem', thread: refundThread() }, deps());
    expect(events).toEqual([
      {
        type: 'error',
        code: 'invalid-request',
        message: expect.stringContaining('task'),
      },
    ]);
  });

  it('asks a signed-out agent to sign in', async () => {
    const { db } = memoryDb();
    const events = await ask(
      request(),
      deps({ context: (req, setup) => gatherContext(db, req, setup?.teams ?? []) }),
    );
    expect(events).toEqual([
      { type: 'error', code: 'disabled', message: 'Sign in to Sidedesk to use the copilot.' },
    ]);
  });

  it('keeps what came before a timeout, then says what happened', async () => {
    server.mode = 'trickle';
    server.delayMs = 40;
    const events = await ask(
      request(),
      deps({ external: (s) => openAICompatibleProvider({ ...s, totalMs: 400 }) }),
    );
    expect(types(events).slice(0, 3)).toEqual(['prompt', 'sources', 'text']);
    expect(events.at(-1)).toMatchObject({
      type: 'error',
      code: 'timeout',
      message: expect.stringContaining('did not finish'),
    });
    expect(events.filter((e) => e.type === 'error')).toHaveLength(1);
  });

  it('passes a provider failure on in words', async () => {
    server.mode = 'unauthorized';
    const events = await ask(request(), deps());
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'unauthorized' });
    server.mode = 'garbage';
    expect((await ask(request(), deps())).at(-1)).toMatchObject({
      type: 'error',
      code: 'bad-response',
    });
  });

  it('cancels the provider call when the page stops asking', async () => {
    server.reply = Array.from({ length: 100 }, (_, i) => `w${i} `);
    server.delayMs = 20;
    const abandoned = server.abandoned;
    const controller = new AbortController();
    const events = await ask(request(), deps(), {
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'text') controller.abort();
      },
    });
    expect(events.at(-1)).toEqual({ type: 'error', code: 'cancelled', message: 'Stopped.' });
    expect(types(events).filter((t) => t === 'text')).toHaveLength(1);
    for (let i = 0; i < 100 && server.abandoned === abandoned; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(server.abandoned).toBeGreaterThan(abandoned);
  });

  it('tells the page when the worker goes away mid-answer', async () => {
    server.reply = Array.from({ length: 100 }, (_, i) => `w${i} `);
    server.delayMs = 20;
    const events = await ask(request(), deps(), {
      onEvent: (event, worker) => {
        if (event.type === 'text') worker.disconnect();
      },
    });
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'network' });
  });

  it('turns an event the page cannot read into an error, keeping what came before', async () => {
    const broken: CopilotProvider = {
      ...offline,
      triage: async () =>
        ({
          suggestion: { ...offlineSuggestion, intent: { value: 'nonsense', reason: '' } },
          prompt: null,
        }) as never,
    };
    const events = await ask(
      request({ task: 'triage' }),
      deps({ offline: broken, creds: { provider: 'offline' } }),
    );
    const viaOffline = await ask(
      request({ task: 'triage', offlineOnly: true }),
      deps({ offline: broken }),
    );
    for (const list of [events, viaOffline]) {
      expect(list.at(-1)).toMatchObject({ type: 'error', code: 'bad-response' });
      expect(list[0]).toMatchObject({ type: 'prompt' });
    }
  });
});

describe('chooseProvider', () => {
  const setup = (patch: Partial<CopilotCredentials>): CopilotSetup => ({
    credentials: credentials(patch),
    teams: [],
  });
  it('picks the endpoint only when it is chosen, allowed and complete', () => {
    const d = { offline };
    expect(chooseProvider(request(), setup({}), d).kind).toBe('openai-compatible');
    expect(chooseProvider(request(), setup({ baseUrl: null }), d)).toBe(offline);
    expect(chooseProvider(request(), setup({ externalAllowed: false }), d)).toBe(offline);
    expect(chooseProvider(request({ offlineOnly: true }), setup({}), d)).toBe(offline);
    expect(chooseProvider(request(), null, d)).toBe(offline);
  });
});
