import type {
  Conversation,
  ConversationMutation,
  EscalationEvent,
  MutationOf,
  Note,
  Role,
  Template,
  ThreadRef,
} from '../schema';

export type Actor = { memberId: string; role: Role };

/** What the rules need to know beyond the record itself. */
export type MutationContext = {
  now: string;
  /** The new version the change will carry (the client uses its cursor until confirmed). */
  version: number;
  isActiveMember(id: string): boolean;
  tagExists(name: string): boolean;
};

export type Applied = {
  conversation: Conversation;
  note?: Note;
  /** A tag the mutation creates (leads and admins only). */
  createdTag?: string;
  /** Nothing changed (an upsert of what is already known): no version, no event. */
  noop?: boolean;
  event: { type: string; before: unknown; after: unknown };
};

export type Rejected = { status: 'conflict' | 'forbidden' | 'invalid'; message: string };

export type ApplyResult = { ok: true; applied: Applied } | ({ ok: false } & Rejected);

const reject = (status: Rejected['status'], message: string): ApplyResult => ({
  ok: false,
  status,
  message,
});

const canManage = (role: Role) => role === 'lead' || role === 'admin';

const sameRef = (a: ThreadRef, b: ThreadRef) =>
  a.host === b.host && a.mailbox === b.mailbox && a.threadId === b.threadId;

const minInstant = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : Date.parse(a) <= Date.parse(b) ? a : b;
const maxInstant = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : Date.parse(a) >= Date.parse(b) ? a : b;

/** How far ahead of our clock a reply's time may be: the sender's clock may run fast. */
const REPLY_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The one place the rules of a conversation change live: the API runs it inside the
 * write transaction, the extension runs it for the optimistic view and to rebase
 * pending mutations on confirmed state. `conversationId` is the id the upsert derives.
 */
export function applyMutation(
  current: Conversation | null,
  mutation: ConversationMutation,
  actor: Actor,
  ctx: MutationContext,
  conversationId?: string,
): ApplyResult {
  if (mutation.name === 'conversation.upsert') {
    if (!conversationId) return reject('invalid', 'conversation id missing');
    return upsert(current, mutation.args.meta, conversationId, ctx);
  }
  if (!current) return reject('invalid', `unknown conversation ${mutation.args.conversationId}`);
  const change = (patch: Partial<Conversation>, type: string, before: unknown, after: unknown) =>
    ({
      ok: true,
      applied: {
        conversation: { ...current, ...patch, updatedAt: ctx.now, version: ctx.version },
        event: { type, before, after },
      },
    }) satisfies ApplyResult;

  switch (mutation.name) {
    case 'conversation.assign': {
      const { assigneeId, expectedAssigneeId, force } = mutation.args;
      if (force && !canManage(actor.role))
        return reject('forbidden', 'only leads and admins can force-assign');
      if (assigneeId !== actor.memberId && !canManage(actor.role))
        return reject('forbidden', 'agents can only take conversations for themselves');
      if (!ctx.isActiveMember(assigneeId))
        return reject('invalid', 'assignee is not an active member');
      if (!force && current.assigneeId !== expectedAssigneeId)
        return reject('conflict', 'the conversation was assigned meanwhile');
      if (current.assigneeId === assigneeId)
        return change({}, 'conversation.assigned', current.assigneeId, assigneeId);
      return change({ assigneeId }, 'conversation.assigned', current.assigneeId, assigneeId);
    }
    case 'conversation.unassign': {
      if (current.assigneeId !== mutation.args.expectedAssigneeId)
        return reject('conflict', 'the conversation was reassigned meanwhile');
      if (current.assigneeId !== actor.memberId && !canManage(actor.role))
        return reject('forbidden', 'agents can only unassign themselves');
      return change({ assigneeId: null }, 'conversation.unassigned', current.assigneeId, null);
    }
    case 'conversation.setStatus': {
      const { status, snoozedUntil } = mutation.args;
      return change(
        { status, snoozedUntil },
        'conversation.status',
        { status: current.status, snoozedUntil: current.snoozedUntil },
        { status, snoozedUntil },
      );
    }
    case 'conversation.setPriority':
      return change(
        { priority: mutation.args.priority },
        'conversation.priority',
        current.priority,
        mutation.args.priority,
      );
    case 'conversation.addTag': {
      const { tag } = mutation.args;
      const exists = ctx.tagExists(tag);
      if (!exists && !canManage(actor.role))
        return reject('forbidden', `only leads and admins can create the tag "${tag}"`);
      const tags = current.tags.includes(tag) ? current.tags : [...current.tags, tag];
      if (tags.length > 50) return reject('invalid', 'a conversation has at most 50 tags');
      const result = change({ tags }, 'conversation.tagged', null, tag);
      return exists ? result : { ok: true, applied: { ...result.applied, createdTag: tag } };
    }
    case 'conversation.removeTag': {
      const { tag } = mutation.args;
      return change(
        { tags: current.tags.filter((t) => t !== tag) },
        'conversation.untagged',
        tag,
        null,
      );
    }
    case 'conversation.escalate': {
      const previous = current.assigneeId;
      if (previous !== null && previous !== actor.memberId && !canManage(actor.role))
        return reject(
          'forbidden',
          'agents can only escalate their own or unassigned conversations',
        );
      const followers =
        previous === null || current.followers.includes(previous)
          ? current.followers
          : [...current.followers, previous].slice(-100);
      const after: EscalationEvent = {
        reason: mutation.args.reason,
        fromTeamId: current.teamId,
        toTeamId: null,
        previousAssigneeId: previous,
        ruleId: null,
      };
      return change({ assigneeId: null, followers }, 'conversation.escalated', null, after);
    }
    case 'conversation.reply': {
      const { at } = mutation.args;
      if (Date.parse(at) > Date.parse(ctx.now) + REPLY_CLOCK_SKEW_MS)
        return reject('invalid', 'a reply cannot have been sent in the future');
      return change({}, 'conversation.replied', null, { at });
    }
    case 'note.add': {
      const { id, body, mentions } = mutation.args;
      const unknown = mentions.find((m) => !ctx.isActiveMember(m));
      if (unknown) return reject('invalid', `mentioned member ${unknown} is not an active member`);
      const note: Note = {
        id,
        conversationId: current.id,
        authorId: actor.memberId,
        body,
        mentions,
        createdAt: ctx.now,
        version: ctx.version,
      };
      return {
        ok: true,
        applied: {
          conversation: { ...current, updatedAt: ctx.now, version: ctx.version },
          note,
          event: { type: 'note.added', before: null, after: { noteId: id } },
        },
      };
    }
  }
}

function upsert(
  current: Conversation | null,
  meta: MutationOf<'conversation.upsert'>['args']['meta'],
  id: string,
  ctx: MutationContext,
): ApplyResult {
  if (!current) {
    const conversation: Conversation = {
      id,
      key: meta.key,
      host: meta.host,
      refs: [meta.ref],
      subject: meta.subject,
      participants: meta.participants,
      firstMessageAt: meta.firstMessageAt,
      lastMessageAt: meta.lastMessageAt,
      status: 'open',
      snoozedUntil: null,
      priority: 'normal',
      assigneeId: null,
      tags: [],
      dueAt: null,
      sla: null,
      lastMessageFrom: meta.lastMessageFrom ?? null,
      teamId: null,
      followers: [],
      slaPolicyId: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      version: ctx.version,
    };
    return {
      ok: true,
      applied: { conversation, event: { type: 'conversation.created', before: null, after: meta } },
    };
  }
  if (current.key !== meta.key) return reject('invalid', 'the key does not match the conversation');
  const refs = current.refs.some((r) => sameRef(r, meta.ref))
    ? current.refs
    : [...current.refs, meta.ref];
  const known = new Set(current.participants.map((p) => p.email));
  const participants = [
    ...current.participants,
    ...meta.participants.filter((p) => !known.has(p.email)),
  ].slice(0, 100);
  const next: Conversation = {
    ...current,
    refs: refs.slice(0, 200),
    subject: current.subject || meta.subject,
    participants,
    firstMessageAt: minInstant(current.firstMessageAt, meta.firstMessageAt),
    lastMessageAt: maxInstant(current.lastMessageAt, meta.lastMessageAt),
    lastMessageFrom: newestSender(current, meta),
  };
  const unchanged =
    next.refs.length === current.refs.length &&
    next.subject === current.subject &&
    next.participants.length === current.participants.length &&
    next.firstMessageAt === current.firstMessageAt &&
    next.lastMessageAt === current.lastMessageAt &&
    next.lastMessageFrom === current.lastMessageFrom;
  if (unchanged)
    return {
      ok: true,
      applied: {
        conversation: current,
        noop: true,
        event: { type: 'conversation.seen', before: null, after: null },
      },
    };
  return {
    ok: true,
    applied: {
      conversation: { ...next, updatedAt: ctx.now, version: ctx.version },
      event: { type: 'conversation.updated', before: null, after: meta },
    },
  };
}

/**
 * The newest message's sender: what the page says of a newer message (unknown when it does
 * not say), or of the same message when its sender was not known yet. A thread list row
 * reports a new message without its sender; opening the thread names it later.
 */
function newestSender(
  current: Conversation,
  meta: MutationOf<'conversation.upsert'>['args']['meta'],
): string | null {
  if (meta.lastMessageAt === null) return current.lastMessageFrom;
  const said = meta.lastMessageFrom ?? null;
  if (current.lastMessageAt === null) return said;
  const page = Date.parse(meta.lastMessageAt);
  const known = Date.parse(current.lastMessageAt);
  if (page > known) return said;
  if (page === known) return current.lastMessageFrom ?? said;
  return current.lastMessageFrom;
}

export type TemplateUse = {
  template: Template;
  event: { type: 'template.used'; conversationId: string | null; after: { templateId: string } };
};

/**
 * Inserting a template counts one use. The template must be one the actor can see (a
 * personal template is its owner's alone), and the conversation, when named, must exist.
 */
export function applyTemplateUse(
  template: Template | null,
  conversationExists: boolean,
  mutation: MutationOf<'template.use'>,
  actor: Actor,
  version: number,
): { ok: true; applied: TemplateUse } | { ok: false; status: 'invalid'; message: string } {
  const { templateId, conversationId } = mutation.args;
  const visible =
    template && (template.scope !== 'personal' || template.ownerId === actor.memberId);
  if (!visible) return { ok: false, status: 'invalid', message: `unknown template ${templateId}` };
  if (conversationId !== null && !conversationExists)
    return { ok: false, status: 'invalid', message: `unknown conversation ${conversationId}` };
  return {
    ok: true,
    applied: {
      template: { ...template, usageCount: template.usageCount + 1, version },
      event: { type: 'template.used', conversationId, after: { templateId } },
    },
  };
}
