import {
  CopilotEvent,
  CopilotRequest,
  type CopilotSource,
  type PromptMessage,
  type TriageSuggestion,
} from '../schema';
import { NotSignedIn } from '../sync/outbox';
import { type OpenAICompatibleSettings, openAICompatibleProvider } from './openai-compatible';
import { type CopilotContext, CopilotError, type CopilotProvider } from './provider';
import type { CopilotSetup } from './setup';

/** The part of a runtime Port the copilot uses (tests pass a fake). */
export interface CopilotPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface CopilotDeps {
  /** The workspace's settings and teams (cached by the caller); a failure means offline. */
  setup(): Promise<CopilotSetup>;
  /** Gathers the request's context from the cache; throws NotSignedIn when signed out. */
  context(request: CopilotRequest, setup: CopilotSetup | null): Promise<CopilotContext>;
  offline: CopilotProvider;
  /** The external provider for these settings (tests point it at a local server). */
  external?(settings: OpenAICompatibleSettings): CopilotProvider;
}

/**
 * The provider a request gets: the offline one when the page asks for it (automatic
 * triage), when the workspace chose it or forbids external providers, when the endpoint
 * is not fully set, or when the settings cannot be read (offline, signed out).
 */
export function chooseProvider(
  request: CopilotRequest,
  setup: CopilotSetup | null,
  deps: Pick<CopilotDeps, 'offline' | 'external'>,
): CopilotProvider {
  const c = setup?.credentials;
  if (request.offlineOnly || !c || c.provider !== 'openai-compatible' || !c.externalAllowed)
    return deps.offline;
  if (!c.baseUrl || !c.model) return deps.offline;
  const settings = { baseUrl: c.baseUrl, model: c.model, apiKey: c.apiKey, redactPii: c.redactPii };
  return (deps.external ?? openAICompatibleProvider)(settings);
}

const promptEvent = (
  provider: CopilotProvider,
  messages: readonly PromptMessage[] | null,
): CopilotEvent => ({
  type: 'prompt',
  provider: provider.kind,
  model: provider.model,
  messages: messages ? [...messages] : null,
});

/** A triage is grounded on the template it suggests, when it suggests one. */
const triageSources = (suggestion: TriageSuggestion): CopilotSource[] =>
  suggestion.template
    ? [
        {
          kind: 'template',
          id: suggestion.template.id,
          title: suggestion.template.title,
          reason: suggestion.template.reason,
        },
      ]
    : [];

/** A failure as the agent reads it. */
function errorEvent(error: unknown): CopilotEvent {
  if (error instanceof CopilotError)
    return { type: 'error', code: error.code, message: error.message };
  if (error instanceof NotSignedIn)
    return { type: 'error', code: 'disabled', message: 'Sign in to Sidedesk to use the copilot.' };
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'error', code: 'bad-response', message: `The copilot failed: ${message}` };
}

/**
 * Serves one copilot request on its own port: the first message is the request; the
 * answer goes back as events, in order — prompt, sources, text pieces (or the triage),
 * then done or error. A port that disconnects cancels the provider call. Every event is
 * checked before it leaves; one that would not parse becomes an error event.
 */
export function serveCopilotPort(port: CopilotPort, deps: CopilotDeps): void {
  const controller = new AbortController();
  let started = false;
  let ended = false;
  port.onDisconnect.addListener(() => controller.abort());
  const post = (event: CopilotEvent) => {
    if (ended || controller.signal.aborted) return;
    const checked = CopilotEvent.safeParse(event);
    const sent: CopilotEvent = checked.success
      ? checked.data
      : { type: 'error', code: 'bad-response', message: 'The copilot produced an invalid answer.' };
    if (sent.type === 'done' || sent.type === 'error') ended = true;
    try {
      port.postMessage(sent);
    } catch {
      // The page went away: the disconnect listener cancels the call.
      controller.abort();
    }
  };
  port.onMessage.addListener((raw) => {
    if (started) return;
    started = true;
    const request = CopilotRequest.safeParse(raw);
    if (!request.success) {
      const issue = request.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return post({
        type: 'error',
        code: 'invalid-request',
        message: `The copilot request is not valid (${where}${issue?.message ?? 'invalid'}).`,
      });
    }
    void answer(request.data, deps, controller.signal, post).then(
      () => post({ type: 'done' }),
      (error: unknown) => post(errorEvent(error)),
    );
  });
}

async function answer(
  request: CopilotRequest,
  deps: CopilotDeps,
  signal: AbortSignal,
  post: (event: CopilotEvent) => void,
): Promise<void> {
  // Read even offline-only: the teams help triage, and our own API is not a provider.
  const setup = await deps.setup().catch(() => null);
  const context = await deps.context(request, setup);
  const provider = chooseProvider(request, setup, deps);
  if (signal.aborted) return;
  if (request.task === 'triage') {
    const { suggestion, prompt } = await provider.triage(context, signal);
    post(promptEvent(provider, prompt));
    post({ type: 'sources', sources: triageSources(suggestion) });
    post({ type: 'triage', suggestion });
    return;
  }
  const reply = await provider[request.task](context, signal);
  post(promptEvent(provider, reply.prompt));
  post({ type: 'sources', sources: [...reply.sources] });
  for await (const delta of reply.text) {
    if (signal.aborted) return;
    post({ type: 'text', delta });
  }
}
