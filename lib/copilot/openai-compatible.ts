import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { APICallError, type LanguageModel, streamText } from 'ai';
import type { PromptMessage } from '../schema';
import { promptFor } from './prompt';
import { type CopilotContext, CopilotError, type CopilotProvider } from './provider';
import { parseTriage } from './triage-answer';

export interface OpenAICompatibleSettings {
  /** The `/v1`-style base URL: OpenAI, Azure OpenAI (its `/openai/v1`), Ollama, vLLM, LM Studio. */
  baseUrl: string;
  model: string;
  apiKey: string | null;
  /** Redact PII from every text of the prompt (the admin may turn it off). */
  redactPii: boolean;
  /** No first piece of the answer within this long: the provider is given up on. */
  firstTokenMs?: number;
  /** The whole answer within this long, or it is given up on. */
  totalMs?: number;
  fetch?: typeof fetch;
}

export const FIRST_TOKEN_MS = 20_000;
export const TOTAL_MS = 90_000;

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Azure OpenAI takes its key in `api-key`; every other server in `Authorization: Bearer`. */
function authHeaders(baseUrl: string, apiKey: string | null): Record<string, string> {
  if (!apiKey) return {};
  const host = new URL(baseUrl).hostname;
  const azure = /\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)$/;
  return azure.test(host) ? { 'api-key': apiKey } : { authorization: `Bearer ${apiKey}` };
}

/**
 * The copilot on an OpenAI-compatible chat completions endpoint, through the AI SDK. Runs
 * in the background worker (the key never reaches a page). Every answer streams; triage
 * streams too and is parsed once complete, so the same first-token and total timeouts
 * apply to every task. No retries: the agent sees the failure at once and may ask again.
 */
export function openAICompatibleProvider(settings: OpenAICompatibleSettings): CopilotProvider {
  const endpoint = settings.baseUrl.replace(/\/+$/, '');
  const where = new URL(endpoint).host;
  const model = createOpenAICompatible({
    name: 'sidedesk',
    baseURL: endpoint,
    headers: authHeaders(endpoint, settings.apiKey),
    ...(settings.fetch && { fetch: settings.fetch }),
  }).chatModel(settings.model);
  const limits = {
    firstTokenMs: settings.firstTokenMs ?? FIRST_TOKEN_MS,
    totalMs: settings.totalMs ?? TOTAL_MS,
  };
  const call = (messages: readonly PromptMessage[], signal: AbortSignal) =>
    answer(model, messages, signal, { ...limits, where, modelName: settings.model });

  const text =
    (task: 'draft' | 'summary') => async (context: CopilotContext, signal: AbortSignal) => {
      const { messages, sources } = promptFor(task, context, { redact: settings.redactPii });
      return { sources, prompt: messages, text: call(messages, signal) };
    };

  return {
    kind: 'openai-compatible',
    model: settings.model,
    draft: text('draft'),
    summary: text('summary'),
    async triage(context, signal) {
      const { messages } = promptFor('triage', context, { redact: settings.redactPii });
      let raw = '';
      for await (const piece of call(messages, signal)) raw += piece;
      return { suggestion: parseTriage(raw, context), prompt: messages };
    },
  };
}

type Limits = { firstTokenMs: number; totalMs: number; where: string; modelName: string };

/**
 * The answer's text in pieces, as the provider streams it. The request starts on the
 * first read and stops when `signal` aborts, a limit passes or the reader stops reading.
 * Every failure is a CopilotError whose message an agent can act on.
 */
async function* answer(
  model: LanguageModel,
  messages: readonly PromptMessage[],
  signal: AbortSignal,
  limits: Limits,
): AsyncGenerator<string, void, undefined> {
  if (signal.aborted) throw new CopilotError('cancelled', 'Stopped.');
  const controller = new AbortController();
  let timedOut: string | null = null;
  const giveUp = (why: string) => () => {
    timedOut = why;
    controller.abort();
  };
  const cancel = () => controller.abort();
  signal.addEventListener('abort', cancel, { once: true });
  const firstToken = setTimeout(
    giveUp(
      `${limits.where} sent no answer within ${seconds(limits.firstTokenMs)}: the model may be loading or overloaded. Try again, or ask the admin to check the provider.`,
    ),
    limits.firstTokenMs,
  );
  const total = setTimeout(
    giveUp(`${limits.where} did not finish its answer within ${seconds(limits.totalMs)}.`),
    limits.totalMs,
  );
  let received = 0;
  try {
    const result = streamText({
      model,
      messages: messages.map((m) => ({ role: m.role, content: m.content })),
      allowSystemInMessages: true,
      maxRetries: 0,
      abortSignal: controller.signal,
      // Failures come as `error` parts of the stream below; nothing to log here.
      onError: () => {},
    });
    for await (const part of result.fullStream) {
      if (part.type === 'text-delta') {
        if (part.text === '') continue;
        clearTimeout(firstToken);
        received += part.text.length;
        yield part.text;
      } else if (part.type === 'error') {
        throw part.error;
      } else if (part.type === 'abort') {
        break;
      }
    }
    if (controller.signal.aborted) throw new DOMException('aborted', 'AbortError');
    if (received === 0)
      throw new CopilotError(
        'bad-response',
        `${limits.where} answered with no text: check that "${limits.modelName}" is a chat model.`,
      );
  } catch (error) {
    if (timedOut) throw new CopilotError('timeout', timedOut);
    if (signal.aborted) throw new CopilotError('cancelled', 'Stopped.');
    throw describeFailure(error, limits);
  } finally {
    clearTimeout(firstToken);
    clearTimeout(total);
    signal.removeEventListener('abort', cancel);
    // A reader that stopped early (or failed) leaves no request running.
    controller.abort();
  }
}

const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 297)}…` : text);

/** What went wrong, in words an agent (or the admin they ask) can act on. */
export function describeFailure(error: unknown, limits: Pick<Limits, 'where' | 'modelName'>) {
  if (error instanceof CopilotError) return error;
  const { where } = limits;
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const said = error.message ? ` (${clip(error.message)})` : '';
    if (status === undefined)
      return new CopilotError(
        'network',
        `Cannot reach ${where}${said}. Is the provider running, and does it allow the extension's origin (CORS)?`,
      );
    if (status === 401 || status === 403)
      return new CopilotError(
        'unauthorized',
        `${where} refused the API key (${status}). Ask an admin to check the key in the options page.`,
      );
    if (status === 404)
      return new CopilotError(
        'bad-response',
        `${where} has no chat completions for model "${limits.modelName}" (404)${said}. Check the base URL and the model name.`,
      );
    if (status === 429)
      return new CopilotError(
        'bad-response',
        `${where} is rate limiting (429). Try again shortly.`,
      );
    return new CopilotError('bad-response', `${where} failed with ${status}${said}.`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CopilotError(
    'bad-response',
    `${where} sent an answer that is not OpenAI-compatible: ${clip(message)}`,
  );
}
