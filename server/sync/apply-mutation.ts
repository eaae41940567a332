import { and, eq, inArray, isNull } from 'drizzle-orm';
import { conversationIdFor } from '../../lib/conversation-id';
import { type Actor, applyMutation } from '../../lib/mutations/apply';
import type { Change, ConversationMutation, MutationOf, MutationResult } from '../../lib/schema';
import type { NewJob } from '../automation/jobs';
import { triggersOf } from '../automation/triggers';
import type { Tx } from '../db/open';
import { conversations, members, notes, tags } from '../db/schema';
import { conversationRow, toConversation, toNote, toTag } from '../domain/records';
import { newestMessageEvent } from '../domain/sla-history';
import { loadSlaSetup, loggedSlaEvents, teamCandidates } from '../domain/sla-setup';
import { nextCheckAt, slaSnapshot } from '../domain/sla-snapshot';
import { bumpVersion, eventWriter } from '../domain/write';

/** A tag created by tagging a conversation with a new name (leads, admins, automations). */
export const NEW_TAG_COLOR = '#6b7280';

/**
 * `version`: what the mutation wrote at (null: nothing); `head`: the workspace's version
 * after it; `changes`: what a pull of `version` returns, for the poke.
 */
export type Outcome = {
  result: MutationResult;
  version: number | null;
  head?: number;
  changes?: Change[];
};

/**
 * Runs one mutation inside the caller's transaction, which already holds the workspace
 * lock (`head` is the version under it), so every read here sees the latest commit; the
 * version is bumped only when something is written, so a rejected or no-op mutation
 * leaves no trace but its result. Reads go out together, then writes go out together:
 * postgres.js pipelines each group into one round trip, and statements still run in the
 * order they were issued. A changed conversation gets its SLA evaluated again at `now`, in
 * the same version.
 */
export async function applyInTx(
  tx: Tx,
  workspaceId: string,
  head: number,
  actor: Actor,
  mutation: ConversationMutation,
  now: Date,
): Promise<{ outcome: Outcome; writes: Promise<unknown>[]; triggers?: NewJob[] }> {
  const { id } = mutation;
  const conversationId =
    mutation.name === 'conversation.upsert'
      ? await conversationIdFor(mutation.args.meta.key)
      : mutation.args.conversationId;
  const [rows, noteFound, active, tag, setup, logged] = await Promise.all([
    tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, conversationId))),
    mutation.name === 'note.add' ? noteExists(tx, workspaceId, mutation.args.id) : false,
    activeAmong(tx, workspaceId, membersNamedBy(mutation)),
    mutation.name === 'conversation.addTag'
      ? liveTag(tx, workspaceId, mutation.args.tag)
      : undefined,
    loadSlaSetup(
      tx,
      workspaceId,
      teamCandidates(
        workspaceId,
        conversationId,
        mutation.name === 'conversation.upsert' ? addressesOf(mutation.args.meta) : [],
      ),
    ),
    loggedSlaEvents(tx, workspaceId, [conversationId]),
  ]);
  const row = rows[0];
  const current = row && !row.deletedAt ? toConversation(row) : null;
  const done = (outcome: Outcome) => ({ outcome, writes: [] });
  if (noteFound) return done({ ...rejected(id, 'invalid', `note ${id} already exists`), head });

  const version = head + 1;
  const outcome = applyMutation(
    current,
    mutation,
    actor,
    {
      now: now.toISOString(),
      version,
      isActiveMember: (m) => active.has(m),
      tagExists: () => tag !== undefined,
    },
    conversationId,
  );
  if (!outcome.ok) {
    if (outcome.status === 'conflict')
      return done({
        result: { id, status: 'conflict', message: outcome.message, current },
        version: null,
        head,
      });
    return done({ ...rejected(id, outcome.status, outcome.message), head });
  }
  const { applied } = outcome;
  if (applied.noop) return done({ result: { id, status: 'ok' }, version: null, head });

  const message =
    mutation.name === 'conversation.upsert'
      ? newestMessageEvent(current, applied.conversation, setup.team)
      : null;
  const newEvents = message ? [applied.event, message] : [applied.event];
  const sla = slaSnapshot(
    applied.conversation,
    [
      ...(logged.get(conversationId) ?? []),
      ...newEvents.map((e) => ({ type: e.type, after: e.after, at: now })),
    ],
    setup,
    now,
  );
  const values = {
    ...conversationRow(workspaceId, {
      ...applied.conversation,
      sla: sla.sla,
      dueAt: sla.dueAt,
      version,
    }),
    slaCheckAt: nextCheckAt(sla.points, now, false),
  };
  const conversationChange: Change = {
    entity: 'conversation',
    id: conversationId,
    version,
    record: toConversation({ ...values, deletedAt: null }),
  };
  const created: Change[] = [];
  const added: Change[] = [];
  const writes: Promise<unknown>[] = [
    bumpVersion(tx, workspaceId).then((bumped) => {
      if (bumped !== version)
        throw new Error(`version ${bumped} written under the lock of ${head}`);
    }),
    tx
      .insert(conversations)
      .values(values)
      .onConflictDoUpdate({
        target: [conversations.workspaceId, conversations.id],
        set: { ...values, deletedAt: null },
      })
      .execute(),
  ];
  if (applied.note) {
    const note = {
      ...applied.note,
      workspaceId,
      createdAt: new Date(applied.note.createdAt),
      version,
    };
    writes.push(tx.insert(notes).values(note).execute());
    added.push({
      entity: 'note',
      id: note.id,
      version,
      record: toNote({ ...note, deletedAt: null }),
    });
  }
  if (applied.createdTag) {
    const tag = {
      id: crypto.randomUUID(),
      workspaceId,
      name: applied.createdTag,
      color: NEW_TAG_COLOR,
      archived: false,
      version,
    };
    writes.push(tx.insert(tags).values(tag).execute());
    created.push({
      entity: 'tag',
      id: tag.id,
      version,
      record: toTag({ ...tag, deletedAt: null }),
    });
  }
  const event = eventWriter(tx, workspaceId, version, actor.memberId, now);
  writes.push(...newEvents.map((e) => event({ ...e, conversationId })));
  // In the order a pull gives one version's changes: tags, then conversations, then notes.
  const changes = [...created, conversationChange, ...added];
  return {
    outcome: { result: { id, status: 'ok' }, version, head: version, changes },
    writes,
    triggers: triggersOf(conversationId, newEvents, now),
  };
}

export const rejected = (
  id: number,
  status: 'forbidden' | 'invalid',
  message: string,
): Outcome => ({
  result: { id, status, message },
  version: null,
});

const addressesOf = (meta: MutationOf<'conversation.upsert'>['args']['meta']) => [
  ...meta.participants.map((p) => p.email),
  ...(meta.lastMessageFrom ? [meta.lastMessageFrom] : []),
];

/** The members whose standing a mutation's rules ask about: the assignee, the mentioned. */
function membersNamedBy(mutation: ConversationMutation): string[] {
  if (mutation.name === 'conversation.assign') return [mutation.args.assigneeId];
  if (mutation.name === 'note.add') return mutation.args.mentions;
  return [];
}

async function activeAmong(tx: Tx, workspaceId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: members.id })
    .from(members)
    .where(
      and(
        eq(members.workspaceId, workspaceId),
        eq(members.status, 'active'),
        inArray(members.id, ids),
      ),
    );
  return new Set(rows.map((m) => m.id));
}

async function noteExists(tx: Tx, workspaceId: string, noteId: string) {
  const [found] = await tx
    .select({ id: notes.id })
    .from(notes)
    .where(and(eq(notes.workspaceId, workspaceId), eq(notes.id, noteId)));
  return found !== undefined;
}

export async function liveTag(tx: Tx, workspaceId: string, name: string) {
  const [found] = await tx
    .select()
    .from(tags)
    .where(and(eq(tags.workspaceId, workspaceId), eq(tags.name, name), isNull(tags.deletedAt)));
  return found;
}
