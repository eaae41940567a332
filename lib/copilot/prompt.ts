import type { CopilotSource, CopilotTask, PromptMessage } from '../schema';
import { Intent, Priority, Sentiment } from '../schema';
import { bodyText } from '../templates/filter';
import type { CopilotContext } from './provider';
import { redactPii } from './redact';
import { type Grounding, groundingFor } from './retrieval';
import { customerOf, ownText } from './thread-text';

/** What is sent to an external model, exactly, and what it was grounded on. */
export interface BuiltPrompt {
  messages: PromptMessage[];
  sources: CopilotSource[];
}

/** Room for the thread: the newest messages that fit, each clipped. */
const THREAD_CHARS = 40_000;
const MESSAGE_CHARS = 8_000;
const TEMPLATE_CHARS = 2_000;
const NOTE_CHARS = 1_000;
const NOTES_PER_CONVERSATION = 5;
const MAX_TAGS = 100;
const MAX_TEAMS = 50;

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

const RULES = [
  'Write in the team’s tone: the templates below are how this team writes to customers.',
  'Use only facts found in the thread, the templates and the past conversations below. Never invent facts: no prices, dates, order numbers, links, names or policies that are not written there.',
  'Never promise anything (a refund, a delivery date, a fix, a compensation, a call back) unless a template or the team’s own messages in the thread already promise it. When something needs checking, say that the team will look into it.',
  'Answer in the language the customer wrote in.',
];
const REDACTED =
  'Details such as [email], [phone], [address] and [card] were removed for privacy: keep these placeholders as they are and never guess what they stood for.';

function task(kind: CopilotTask, context: CopilotContext, text: (s: string) => string): string {
  const customer = customerOf(context);
  const customerName = text(customer.name ?? customer.email);
  const agent = text(context.agent.name);
  if (kind === 'draft')
    return `Write the reply that ${agent}, of the support team, will send to ${customerName}. Write only the body of the email, in plain text: no subject line, no notes to ${agent}. Greet ${customerName} by name and sign off as ${agent}.`;
  if (kind === 'summary')
    return 'Summarize this thread for a teammate who picks it up: what the customer wants, what was already said or done, and what is still open. Plain text, at most five short bullet points starting with "- ".';
  return triageTask(context, text);
}

function triageTask(context: CopilotContext, text: (s: string) => string): string {
  const list = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');
  const tags = context.tags.slice(0, MAX_TAGS).map((t) => text(t.name));
  const teams = context.teams.slice(0, MAX_TEAMS).map((t) => `${t.id} (${text(t.name)})`);
  return [
    'Triage this thread. Answer with one JSON object and nothing else, of exactly this shape:',
    '{"intent": {"value": INTENT, "reason": REASON}, "priority": {"value": PRIORITY, "reason": REASON}, "sentiment": {"value": SENTIMENT, "reason": REASON}, "tag": {"name": TAG, "reason": REASON} or null, "template": {"id": TEMPLATE_ID, "title": TITLE, "reason": REASON} or null, "team": {"id": TEAM_ID, "name": NAME, "reason": REASON} or null, "close": {"reason": REASON} or null}',
    `INTENT is one of ${list(Intent.options)}.`,
    `PRIORITY is one of ${list(Priority.options)}.`,
    `SENTIMENT is one of ${list(Sentiment.options)}.`,
    `TAG is one of the workspace's tags: ${tags.length ? list(tags) : 'none (so "tag" is null)'}.`,
    'TEMPLATE_ID is the id of one of the templates above that fits a reply, or "template" is null.',
    `TEAM_ID is the id of the team that should handle it: ${teams.length ? teams.join(', ') : 'none (so "team" is null)'}.`,
    '"close" is set only when the customer only says thank you and nothing is left to do.',
    'REASON is one short line (under 200 characters) saying why.',
  ].join('\n');
}

function references(kind: CopilotTask, grounding: Grounding, text: (s: string) => string): string {
  const parts: string[] = [];
  if (grounding.templates.length > 0) {
    parts.push('## Templates of the team, best match first');
    for (const { template } of grounding.templates) {
      const head =
        kind === 'triage'
          ? `### ${text(template.title)} (id ${template.id})`
          : `### ${text(template.title)}`;
      parts.push(head);
      if (template.instruction) parts.push(`How to use it: ${text(template.instruction)}`);
      parts.push(text(clip(bodyText(template.body), TEMPLATE_CHARS)));
    }
  }
  if (grounding.conversations.length > 0) {
    parts.push('## Resolved past conversations, with the notes the team wrote about them');
    for (const { past } of grounding.conversations) {
      const { subject, tags } = past.conversation;
      parts.push(`### ${text(subject)}${tags.length ? ` [${tags.map(text).join(', ')}]` : ''}`);
      const notes = past.notes.slice(-NOTES_PER_CONVERSATION);
      if (notes.length === 0) parts.push('(no notes)');
      for (const note of notes) parts.push(`- ${text(clip(note.body, NOTE_CHARS))}`);
    }
  }
  return parts.join('\n\n');
}

/** The thread, oldest first: the newest messages that fit, each as its sender wrote it. */
function threadText(context: CopilotContext, text: (s: string) => string): string {
  const kept: string[] = [];
  let room = THREAD_CHARS;
  const messages = context.thread.messages;
  let index = messages.length - 1;
  for (; index >= 0; index--) {
    const message = messages[index]!;
    const body = clip(ownText(message.text) || message.text.trim(), MESSAGE_CHARS);
    const when = message.sentAt ? `, ${message.sentAt}` : '';
    const block = `--- From ${text(message.from)}${when}\n${text(body)}`;
    if (block.length > room && kept.length > 0) break;
    kept.unshift(block);
    room -= block.length;
  }
  const left = index + 1;
  const skipped = left > 0 ? [`(${left} earlier messages left out)`] : [];
  return [`Subject: ${text(context.thread.subject)}`, ...skipped, ...kept].join('\n\n');
}

/**
 * The messages sent to an external model for one task: the rules and the team's
 * references (templates, resolved conversations from `groundingFor`) as the system
 * message, then the thread and the task as the user's. With `redact`, every text taken
 * from the thread, the cache or the agent goes through `redactPii` first.
 */
export function promptFor(
  kind: CopilotTask,
  context: CopilotContext,
  { redact }: { redact: boolean },
): BuiltPrompt {
  const text = redact ? redactPii : (s: string) => s;
  const grounding = groundingFor(
    context,
    kind === 'triage' ? { templates: 5, conversations: 3 } : { templates: 3, conversations: 3 },
  );
  const reference = references(kind, grounding, text);
  const system = [
    'You help a customer support team answer email from a shared inbox.',
    ...RULES.map((rule) => `- ${rule}`),
    ...(redact ? [`- ${REDACTED}`] : []),
    ...(reference
      ? ['', reference]
      : ['', 'The team has no template or past conversation for this.']),
  ].join('\n');
  const user = [threadText(context, text), '', task(kind, context, text)].join('\n');
  return {
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ],
    sources: [
      ...grounding.templates.map((t) => t.source),
      ...grounding.conversations.map((c) => c.source),
    ],
  };
}
