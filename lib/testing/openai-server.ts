import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the fake endpoint answers the next requests:
 * - `stream`: the reply in SSE chunks, `delayMs` apart;
 * - `silent`: headers, then nothing (a model still loading);
 * - `trickle`: one chunk every `delayMs`, forever (a model that never finishes);
 * - `garbage`: an event stream whose events are not JSON;
 * - `html`: 200 with an HTML page (a proxy's login page, a wrong base URL);
 * - `unauthorized`: 401 with OpenAI's error body; `not-found`: 404 (unknown model).
 */
export type FakeMode =
  | 'stream'
  | 'silent'
  | 'trickle'
  | 'garbage'
  | 'html'
  | 'unauthorized'
  | 'not-found';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: {
    model: string;
    stream?: boolean;
    messages: { role: string; content: string }[];
    [key: string]: unknown;
  };
}

export interface FakeOpenAI {
  /** The `/v1` base URL, as an admin would enter it. */
  baseUrl: string;
  mode: FakeMode;
  /** What `stream` sends, one string per chunk. */
  reply: string[];
  delayMs: number;
  readonly requests: ReceivedRequest[];
  /** Requests whose connection the client closed before the answer ended. */
  readonly abandoned: number;
  close(): Promise<void>;
}

const chunk = (model: string, delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 1_760_000_000,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  })}\n\n`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A local OpenAI-compatible server for tests: `POST /v1/chat/completions` on 127.0.0.1,
 * a free port. It records every request body and header, and answers as `mode` says.
 */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  let abandoned = 0;
  const requests: ReceivedRequest[] = [];
  const state: Pick<FakeOpenAI, 'mode' | 'reply' | 'delayMs'> = {
    mode: 'stream',
    reply: ['Hello', ' there', '!'],
    delayMs: 5,
  };

  const answer = async (res: ServerResponse, model: string) => {
    const open = () => !res.destroyed && !res.writableEnded;
    res.on('close', () => {
      if (!res.writableFinished) abandoned++;
    });
    const sse = () =>
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    switch (state.mode) {
      case 'unauthorized':
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end(
          JSON.stringify({
            error: {
              message: 'Incorrect API key provided: sk-wro***ong.',
              type: 'invalid_request_error',
              code: 'invalid_api_key',
            },
          }),
        );
      case 'not-found':
        res.writeHead(404, { 'content-type': 'application/json' });
        return res.end(
          JSON.stringify({ error: { message: `model "${model}" not found`, type: 'not_found' } }),
        );
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<!doctype html><title>Sign in</title><p>Please sign in</p>');
      case 'garbage':
        sse();
        res.write('data: this is not json\n\n');
        res.write('data: {"nope": tru\n\n');
        return res.end('data: [DONE]\n\n');
      case 'silent':
        sse();
        res.flushHeaders();
        return;
      case 'trickle':
        sse();
        res.write(chunk(model, { role: 'assistant', content: '' }));
        while (open()) {
          res.write(chunk(model, { content: 'and ' }));
          await sleep(state.delayMs);
        }
        return;
      case 'stream':
        sse();
        res.write(chunk(model, { role: 'assistant', content: '' }));
        for (const piece of state.reply) {
          await sleep(state.delayMs);
          if (!open()) return;
          res.write(chunk(model, { content: piece }));
        }
        res.write(chunk(model, {}, 'stop'));
        return res.end('data: [DONE]\n\n');
    }
  };

  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (b: Buffer) => parts.push(b));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(parts).toString('utf8')) as ReceivedRequest['body'];
      requests.push({ path: req.url, headers: req.headers, body });
      void answer(res, body.model);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    get mode() {
      return state.mode;
    },
    set mode(mode) {
      state.mode = mode;
    },
    get reply() {
      return state.reply;
    },
    set reply(reply) {
      state.reply = reply;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms) {
      state.delayMs = ms;
    },
    requests,
    get abandoned() {
      return abandoned;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
