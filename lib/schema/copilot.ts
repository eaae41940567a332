import { z } from 'zod';
import { Id, Instant } from './common';
import { Priority } from './conversation-fields';

/** Which model answers: the built-in offline one (no model at all) or an OpenAI-compatible endpoint. */
export const CopilotProviderKind = z.enum(['offline', 'openai-compatible']);
export type CopilotProviderKind = z.infer<typeof CopilotProviderKind>;

/** The workspace's copilot settings as every member reads them; the key is write-only. */
export const CopilotSettings = z.object({
  provider: CopilotProviderKind,
  /** OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio: the `/v1`-style base URL. */
  baseUrl: z.url().nullable(),
  model: z.string().trim().min(1).max(200).nullable(),
  keySet: z.boolean(),
  /** Redact PII before the external provider sees a thread (the admin may turn it off). */
  redactPii: z.boolean(),
  /** The workspace's switch: when false no thread leaves the browser, whatever `provider` says. */
  externalAllowed: z.boolean(),
});
export type CopilotSettings = z.infer<typeof CopilotSettings>;

/** An admin's change; `apiKey` null clears the stored key, absent keeps it. */
export const UpdateCopilotSettings = z
  .object({
    provider: CopilotProviderKind,
    baseUrl: z.url().nullable(),
    model: z.string().trim().min(1).max(200).nullable(),
    apiKey: z.string().min(1).max(4000).nullable(),
    redactPii: z.boolean(),
    externalAllowed: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateCopilotSettings = z.infer<typeof UpdateCopilotSettings>;

/** What the background worker needs to call the provider: the key reaches no page. */
export const CopilotCredentials = CopilotSettings.omit({ keySet: true }).extend({
  apiKey: z.string().nullable(),
});
export type CopilotCredentials = z.infer<typeof CopilotCredentials>;

/** One message of the thread as the page read it, only when the agent asked. */
export const ThreadMessageText = z.object({
  from: z.string().max(500),
  sentAt: Instant.nullable(),
  text: z.string().max(100_000),
});
export type ThreadMessageText = z.infer<typeof ThreadMessageText>;

export const ThreadText = z.object({
  subject: z.string().max(998),
  messages: z.array(ThreadMessageText).min(1).max(200),
});
export type ThreadText = z.infer<typeof ThreadText>;

export const CopilotTask = z.enum(['draft', 'summary', 'triage']);
export type CopilotTask = z.infer<typeof CopilotTask>;

/** The page's request on the copilot port; the worker adds templates, history and settings. */
export const CopilotRequest = z.object({
  task: CopilotTask,
  /** The cached conversation, when the thread is recorded (history and events need it). */
  conversationId: z.string().min(1).max(64).nullable(),
  thread: ThreadText,
  /** Force the offline provider: automatic triage never sends a thread out. */
  offlineOnly: z.boolean().default(false),
});
export type CopilotRequest = z.infer<typeof CopilotRequest>;

/** What a draft or summary was grounded on. */
export const CopilotSource = z.object({
  kind: z.enum(['template', 'conversation']),
  id: z.string().min(1).max(64),
  title: z.string().max(998),
  /** Why it was picked, one line. */
  reason: z.string().max(300),
});
export type CopilotSource = z.infer<typeof CopilotSource>;

export const Intent = z.enum([
  'outage',
  'billing',
  'login',
  'bug',
  'feature-request',
  'how-to',
  'cancellation',
  'shipping',
  'account',
  'thanks',
]);
export type Intent = z.infer<typeof Intent>;
export const Sentiment = z.enum(['positive', 'neutral', 'negative']);
export type Sentiment = z.infer<typeof Sentiment>;

const Reason = z.string().min(1).max(300);
/** Triage suggestions, each with a one-line reason; applying them is one click. */
export const TriageSuggestion = z.object({
  intent: z.object({ value: Intent, reason: Reason }),
  priority: z.object({ value: Priority, reason: Reason }),
  sentiment: z.object({ value: Sentiment, reason: Reason }),
  /** The workspace's tag named for the intent, when one exists. */
  tag: z.object({ name: z.string(), reason: Reason }).nullable(),
  template: z.object({ id: Id, title: z.string(), reason: Reason }).nullable(),
  team: z.object({ id: Id, name: z.string(), reason: Reason }).nullable(),
  /** A thank-you-only reply: suggest closing. */
  close: z.object({ reason: Reason }).nullable(),
});
export type TriageSuggestion = z.infer<typeof TriageSuggestion>;

/** Name of the runtime Port a page opens per copilot request; disconnecting cancels it. */
export const COPILOT_PORT = 'sidedesk:copilot';

export const CopilotErrorCode = z.enum([
  'timeout',
  'bad-response',
  'network',
  'unauthorized',
  'disabled',
  'cancelled',
  'invalid-request',
]);
export type CopilotErrorCode = z.infer<typeof CopilotErrorCode>;

export const PromptMessage = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});
export type PromptMessage = z.infer<typeof PromptMessage>;

/**
 * What the worker posts back on the copilot port, in order: prompt, sources, text or
 * triage, then done or error.
 */
export const CopilotEvent = z.discriminatedUnion('type', [
  /** Exactly what is sent to the provider (redacted when redaction is on); null offline. */
  z.object({
    type: z.literal('prompt'),
    provider: CopilotProviderKind,
    model: z.string().nullable(),
    messages: z.array(PromptMessage).nullable(),
  }),
  z.object({ type: z.literal('sources'), sources: z.array(CopilotSource) }),
  z.object({ type: z.literal('text'), delta: z.string() }),
  z.object({ type: z.literal('triage'), suggestion: TriageSuggestion }),
  z.object({ type: z.literal('done') }),
  z.object({ type: z.literal('error'), code: CopilotErrorCode, message: z.string() }),
]);
export type CopilotEvent = z.infer<typeof CopilotEvent>;

/** What happened to a draft or summary, recorded as an event with no text at all. */
export const CopilotOutcome = z.enum(['accepted', 'edited', 'discarded']);
export type CopilotOutcome = z.infer<typeof CopilotOutcome>;
