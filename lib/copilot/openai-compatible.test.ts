import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BILLING_TEAM_ID, REFUND_TEMPLATE_ID, refundContext } from '../testing/copilot-context';
import { type FakeOpenAI, startFakeOpenAI } from '../testing/openai-server';
import { openAICompatibleProvider } from './openai-compatible';
import { CopilotError } from './provider';

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(() => server?.close());
beforeEach(() => {
  server.mode = 'stream';
  server.reply = ['Hello', ' there', '!'];
  server.delayMs = 5;
});

const provider = (patch: Partial<Parameters<typeof openAICompatibleProvider>[0]> = {}) =>
  openAICompatibleProvider({
    baseUrl: server.baseUrl,
    model: 'llama3.1:8b',
    apiKey: 'sk-test-key',
    redactPii: true,
    ...patch,
  });

const collect = async (text: AsyncIterable<string>) => {
  const pieces: string[] = [];
  for await (const piece of text) pieces.push(piece);
  return pieces;
};

/** The CopilotError a promise or a stream ends with. */
const failure = async (work: () => Promise<unknown>) => {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(CopilotError);
    return error as CopilotError;
  }
  throw new Error('expected a CopilotError');
};

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('OpenAI-compatible provider against a local server', () => {
  it('streams a draft piece by piece, and sends exactly the prompt it reports', async () => {
    const sent = server.requests.length;
    const answer = await provider().draft(refundContext(), new AbortController().signal);
    expect(await collect(answer.text)).toEqual(['Hello', ' there', '!']);

    const request = server.requests[sent]!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe('Bearer sk-test-key');
    expect(request.body).toMatchObject({ model: 'llama3.1:8b', stream: true });
    expect(request.body.messages).toEqual(answer.prompt);
    expect(answer.prompt?.map((m) => m.role)).toEqual(['system', 'user']);

    // Grounded on the team's template and the resolved past conversation, as reported.
    expect(answer.sources).toEqual([
      expect.objectContaining({ kind: 'template', id: REFUND_TEMPLATE_ID }),
      expect.objectContaining({ kind: 'conversation', id: 'cpast0000000000000000000000000001' }),
    ]);
    const [system, user] = answer.prompt!;
    expect(system!.content).toContain('Never invent facts');
    expect(system!.content).toContain('Never promise');
    expect(system!.content).toContain('Refund of a double charge');
    expect(system!.content).toContain('Refunded the duplicate charge in Stripe');
    expect(user!.content).toContain('Charged twice for my subscription');
    expect(user!.content).toContain('sign off as Ana');
    expect(user!.content).toContain('Jane Doe');
  });

  it('never lets an email or phone of the thread reach the server when redaction is on', async () => {
    const sent = server.requests.length;
    const answer = await provider().draft(refundContext(), new AbortController().signal);
    await collect(answer.text);
    const body = JSON.stringify(server.requests[sent]!.body);
    expect(body).not.toContain('jane.doe@example.com');
    expect(body).not.toContain('415 555 0134');
    expect(body).not.toContain('020 7946 0018');
    expect(body).toContain('[email]');
    expect(body).toContain('[phone]');
    expect(body).toContain('keep these placeholders');

    const open = await provider({ redactPii: false }).draft(
      refundContext(),
      new AbortController().signal,
    );
    await collect(open.text);
    const plain = JSON.stringify(server.requests.at(-1)!.body);
    expect(plain).toContain('jane.doe@example.com');
    expect(plain).not.toContain('keep these placeholders');
  });

  it('streams a summary', async () => {
    server.reply = ['- Jane was charged twice.', '\n- She wants the second charge refunded.'];
    const answer = await provider().summary(refundContext(), new AbortController().signal);
    expect((await collect(answer.text)).join('')).toBe(
      '- Jane was charged twice.\n- She wants the second charge refunded.',
    );
    expect(server.requests.at(-1)!.body.messages.at(-1)!.content).toContain('Summarize');
  });

  it('asks triage for JSON and keeps only what the workspace has', async () => {
    const json = JSON.stringify({
      intent: { value: 'billing', reason: 'Charged twice' },
      priority: { value: 'high', reason: 'Money taken twice' },
      sentiment: { value: 'negative', reason: 'Unhappy' },
      tag: { name: 'Billing', reason: 'A billing question' },
      template: { id: REFUND_TEMPLATE_ID, title: 'made-up title', reason: 'Double charge' },
      team: { id: '00000000-0000-4000-8000-000000000999', name: 'Invented', reason: 'x' },
      close: null,
    });
    server.reply = ['```json\n', json.slice(0, 40), json.slice(40), '\n```'];
    const { suggestion, prompt } = await provider().triage(
      refundContext(),
      new AbortController().signal,
    );
    expect(suggestion).toMatchObject({
      intent: { value: 'billing' },
      priority: { value: 'high' },
      tag: { name: 'billing' },
      template: { id: REFUND_TEMPLATE_ID, title: 'Refund of a double charge' },
      team: null,
    });
    expect(server.requests.at(-1)!.body.messages).toEqual(prompt);
    expect(prompt!.at(-1)!.content).toContain('one JSON object');
    expect(prompt!.at(-1)!.content).toContain(BILLING_TEAM_ID);
  });

  it('says clearly when triage is not the JSON asked for', async () => {
    server.reply = ['I think', ' this is about billing.'];
    const prose = await failure(() =>
      provider().triage(refundContext(), new AbortController().signal),
    );
    expect(prose.code).toBe('bad-response');
    expect(prose.message).toContain('was not JSON');

    server.reply = [JSON.stringify({ intent: { value: 'angry', reason: 'x' } })];
    const shape = await failure(() =>
      provider().triage(refundContext(), new AbortController().signal),
    );
    expect(shape.code).toBe('bad-response');
    expect(shape.message).toMatch(/did not have the expected shape \(intent\.value/);
  });

  it('turns a garbage stream, an HTML page or an empty answer into a bad-response', async () => {
    for (const mode of ['garbage', 'html'] as const) {
      server.mode = mode;
      const answer = await provider().draft(refundContext(), new AbortController().signal);
      const error = await failure(() => collect(answer.text));
      expect(error.code, mode).toBe('bad-response');
      expect(error.message, mode).toContain(new URL(server.baseUrl).host);
    }
    server.mode = 'stream';
    server.reply = [];
    const empty = await provider().draft(refundContext(), new AbortController().signal);
    const error = await failure(() => collect(empty.text));
    expect(error).toMatchObject({ code: 'bad-response' });
    expect(error.message).toContain('no text');
  });

  it('tells a refused key (401) and an unknown model (404) apart', async () => {
    server.mode = 'unauthorized';
    const refused = await provider().draft(refundContext(), new AbortController().signal);
    const auth = await failure(() => collect(refused.text));
    expect(auth.code).toBe('unauthorized');
    expect(auth.message).toMatch(/refused the API key \(401\).*options page/);

    server.mode = 'not-found';
    const missing = await provider().draft(refundContext(), new AbortController().signal);
    const notFound = await failure(() => collect(missing.text));
    expect(notFound.code).toBe('bad-response');
    expect(notFound.message).toContain('model "llama3.1:8b"');
  });

  it('says the provider cannot be reached when nothing listens', async () => {
    const gone = await startFakeOpenAI();
    await gone.close();
    const answer = await provider({ baseUrl: gone.baseUrl }).draft(
      refundContext(),
      new AbortController().signal,
    );
    const error = await failure(() => collect(answer.text));
    expect(error.code).toBe('network');
    expect(error.message).toContain(`Cannot reach ${new URL(gone.baseUrl).host}`);
  });

  it('stops mid-stream when cancelled, and the request is dropped', async () => {
    server.reply = Array.from({ length: 50 }, (_, i) => `w${i} `);
    server.delayMs = 20;
    const abandoned = server.abandoned;
    const controller = new AbortController();
    const answer = await provider().draft(refundContext(), controller.signal);
    const pieces: string[] = [];
    const error = await failure(async () => {
      for await (const piece of answer.text) {
        pieces.push(piece);
        if (pieces.length === 3) controller.abort();
      }
    });
    expect(error.code).toBe('cancelled');
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(pieces.length).toBeLessThan(50);
    await waitFor(() => server.abandoned > abandoned);
  });

  it('gives up when no first token comes in time, with a clear message', async () => {
    server.mode = 'silent';
    const abandoned = server.abandoned;
    const started = Date.now();
    const answer = await provider({ firstTokenMs: 300 }).draft(
      refundContext(),
      new AbortController().signal,
    );
    const error = await failure(() => collect(answer.text));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/sent no answer within 0\.3 s/);
    expect(Date.now() - started).toBeLessThan(5000);
    await waitFor(() => server.abandoned > abandoned);
  });

  it('gives up on an answer that never finishes, after passing on what came', async () => {
    server.mode = 'trickle';
    server.delayMs = 30;
    const answer = await provider({ totalMs: 400 }).draft(
      refundContext(),
      new AbortController().signal,
    );
    const pieces: string[] = [];
    const error = await failure(async () => {
      for await (const piece of answer.text) pieces.push(piece);
    });
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/did not finish its answer within 0\.4 s/);
    expect(pieces.length).toBeGreaterThan(0);
  });

  it('stops the request when the reader stops reading', async () => {
    server.reply = Array.from({ length: 50 }, (_, i) => `w${i} `);
    server.delayMs = 20;
    const abandoned = server.abandoned;
    const answer = await provider().draft(refundContext(), new AbortController().signal);
    for await (const piece of answer.text) if (piece) break;
    await waitFor(() => server.abandoned > abandoned);
  });

  it('sends nothing for a signal already aborted', async () => {
    const sent = server.requests.length;
    const controller = new AbortController();
    controller.abort();
    const answer = await provider().draft(refundContext(), controller.signal);
    expect((await failure(() => collect(answer.text))).code).toBe('cancelled');
    expect(server.requests.length).toBe(sent);
  });
});
