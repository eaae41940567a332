import type {
  Conversation,
  CopilotProviderKind,
  CopilotSource,
  Note,
  PromptMessage,
  Tag,
  Team,
  Template,
  ThreadText,
  TriageSuggestion,
} from '../schema';

/** A past conversation of the same customer or tag, as the cache holds it (no bodies). */
export interface PastConversation {
  conversation: Conversation;
  /** Its internal notes: the only text the team wrote about how it was resolved. */
  notes: readonly Note[];
}

/** Everything a provider may ground an answer on; the worker gathers it from the cache. */
export interface CopilotContext {
  thread: ThreadText;
  /** The cached conversation of the thread, when it is recorded. */
  conversation: Conversation | null;
  /** The templates the asking agent can use. */
  templates: readonly Template[];
  /** The customer's and the same tags' earlier conversations, newest first. */
  history: readonly PastConversation[];
  tags: readonly Tag[];
  teams: readonly Team[];
  agent: { name: string; email: string };
}

/**
 * What a draft or summary streams: first what it is grounded on and the exact prompt
 * (null for the offline provider), then the text in pieces.
 */
export interface CopilotAnswer {
  sources: readonly CopilotSource[];
  prompt: readonly PromptMessage[] | null;
  text: AsyncIterable<string>;
}

/** One model behind the copilot. Every call stops when `signal` aborts. */
export interface CopilotProvider {
  readonly kind: CopilotProviderKind;
  /** The model's name, for the events and the prompt view; null offline. */
  readonly model: string | null;
  draft(context: CopilotContext, signal: AbortSignal): Promise<CopilotAnswer>;
  summary(context: CopilotContext, signal: AbortSignal): Promise<CopilotAnswer>;
  triage(
    context: CopilotContext,
    signal: AbortSignal,
  ): Promise<{ suggestion: TriageSuggestion; prompt: readonly PromptMessage[] | null }>;
}

/** A provider failure the agent is told about in words; the code picks the wording. */
export class CopilotError extends Error {
  constructor(
    readonly code: 'timeout' | 'bad-response' | 'network' | 'unauthorized' | 'cancelled',
    message: string,
  ) {
    super(message);
    this.name = 'CopilotError';
  }
}
