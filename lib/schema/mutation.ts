import { z } from 'zod';
import { Id, Instant } from './common';
import { ConversationMeta, Priority, Status, TagName } from './conversation';
import { CopilotOutcome, CopilotProviderKind, CopilotSource, CopilotTask } from './copilot';

const ConversationId = z.string().min(1).max(64);
const TRIAGE_OUTCOMES = new Set<string>(['applied', 'discarded']);
const TEXT_OUTCOMES = new Set<string>(['accepted', 'edited', 'discarded']);

export const MutationArgs = {
  'conversation.upsert': z.object({ meta: ConversationMeta }),
  'conversation.assign': z.object({
    conversationId: ConversationId,
    assigneeId: Id,
    /** Compare-and-set: the assignee the client saw. Leads and admins may `force`. */
    expectedAssigneeId: Id.nullable(),
    force: z.boolean().default(false),
  }),
  'conversation.unassign': z.object({
    conversationId: ConversationId,
    expectedAssigneeId: Id,
  }),
  'conversation.setStatus': z
    .object({
      conversationId: ConversationId,
      status: Status,
      snoozedUntil: Instant.nullable().default(null),
    })
    .refine((a) => (a.status === 'snoozed') === (a.snoozedUntil !== null), {
      message: 'snoozedUntil is required with status snoozed, and only then',
      path: ['snoozedUntil'],
    }),
  'conversation.setPriority': z.object({ conversationId: ConversationId, priority: Priority }),
  'conversation.addTag': z.object({ conversationId: ConversationId, tag: TagName }),
  'conversation.removeTag': z.object({ conversationId: ConversationId, tag: TagName }),
  'note.add': z.object({
    id: Id,
    conversationId: ConversationId,
    body: z.string().trim().min(1).max(20_000),
    mentions: z.array(Id).max(50).default([]),
  }),
  /**
   * To the next tier of its team: the assignee becomes a follower and the server routes it
   * to the tier above (which the client does not know: teams are not synced).
   */
  'conversation.escalate': z.object({
    conversationId: ConversationId,
    reason: z.string().trim().min(1).max(500),
  }),
  /** An agent's reply was sent at `at` (metadata only): it answers the SLA's response clocks. */
  'conversation.reply': z.object({ conversationId: ConversationId, at: Instant }),
  /** A template was inserted into a draft; the conversation is null for a new message. */
  'template.use': z.object({ templateId: Id, conversationId: ConversationId.nullable() }),
  /**
   * A copilot answer and what the agent did with it, recorded as an event. Strict, and
   * every string a name or an id: no text of the thread or the answer can ride along.
   */
  'copilot.record': z
    .strictObject({
      conversationId: ConversationId.nullable(),
      task: CopilotTask,
      provider: CopilotProviderKind,
      model: z
        .string()
        .regex(/^[\w.:/@+-]{1,200}$/, 'a model name')
        .nullable(),
      sources: z
        .array(
          z.strictObject({
            kind: CopilotSource.shape.kind,
            id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a record id'),
          }),
        )
        .max(20),
      /** `applied`: triage suggestions applied; the others say what became of a text. */
      outcome: z.union([CopilotOutcome, z.literal('applied')]),
    })
    .refine((a) => (a.task === 'triage' ? TRIAGE_OUTCOMES : TEXT_OUTCOMES).has(a.outcome), {
      message:
        'triage is applied or discarded; a draft or summary is accepted, edited or discarded',
      path: ['outcome'],
    }),
} as const;

export type MutationName = keyof typeof MutationArgs;
export const MutationName = z.enum(Object.keys(MutationArgs) as [MutationName, ...MutationName[]]);

export type MutationOf<N extends MutationName> = {
  id: number;
  name: N;
  args: z.infer<(typeof MutationArgs)[N]>;
  ts: string;
};
export type Mutation = { [N in MutationName]: MutationOf<N> }[MutationName];
/** Mutations that only record something (an event, a usage count). */
export type RecordMutation = MutationOf<'template.use'> | MutationOf<'copilot.record'>;
/** Mutations that change a conversation. */
export type ConversationMutation = Exclude<Mutation, RecordMutation>;

/** The envelope is checked first; a bad name or args makes that one mutation `invalid`. */
export const MutationEnvelope = z.object({
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  name: z.string().min(1).max(80),
  args: z.unknown(),
  ts: Instant,
});
export type MutationEnvelope = z.infer<typeof MutationEnvelope>;

export type ParsedMutation = { ok: true; mutation: Mutation } | { ok: false; message: string };

export function parseMutation(envelope: MutationEnvelope): ParsedMutation {
  const name = MutationName.safeParse(envelope.name);
  if (!name.success) return { ok: false, message: `unknown mutation "${envelope.name}"` };
  const args = MutationArgs[name.data].safeParse(envelope.args);
  if (!args.success) {
    const issue = args.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'args';
    return { ok: false, message: `${name.data}: ${where}: ${issue?.message ?? 'invalid'}` };
  }
  return {
    ok: true,
    mutation: { id: envelope.id, name: name.data, args: args.data, ts: envelope.ts } as Mutation,
  };
}
