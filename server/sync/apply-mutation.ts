import { and, eq, inArray, isNull } from 'drizzle-orm';
import { conversationIdFor } from '../../lib/conversation-id';
import { type Actor, applyMutation } from '../../lib/mutations/apply';
import type { Mutation, MutationResult } from '../../lib/schema';
import type { Tx } from '../db/open';
import { conversations, members, notes, tags } from '../db/schema';
import { conversationRow, toConversation } from '../domain/records';
import { bumpVersion, eventWriter, lockWorkspace } from '../domain/write';

const NEW_TAG_COLOR = '#6b7280';

/** `version`: what the mutation wrote at (null: nothing); `head`: the workspace's version after it. */
export type Outcome = { result: MutationResult; version: number | null; head?: number };

/**
 * Runs one mutation inside the caller's transaction. The workspace lock comes first, so
 * the record read here is the latest committed one; the version is bumped only when
 * something is written, so a rejected or no-op mutation leaves no trace but its result.
 */
export async function applyInTx(
  tx: Tx,
  workspaceId: string,
  actor: Actor,
  mutation: Mutation,
  now: Date,
): Promise<Outcome> {
  const { id } = mutation;
  const head = await lockWorkspace(tx, workspaceId);
  const conversationId =
    mutation.name === 'conversation.upsert'
      ? await conversationIdFor(mutation.args.meta.key)
      : mutation.args.conversationId;
  const [row] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, conversationId)))
    .for('update');
  const current = row && !row.deletedAt ? toConversation(row) : null;

  if (mutation.name === 'note.add' && (await noteExists(tx, workspaceId, mutation.args.id)))
    return { ...rejected(id, 'invalid', `note ${mutation.args.id} already exists`), head };

  const active = await activeAmong(tx, workspaceId, membersNamedBy(mutation));
  const tagExists =
    mutation.name === 'conversation.addTag' &&
    (await liveTag(tx, workspaceId, mutation.args.tag)) !== undefined;

  const outcome = applyMutation(
    current,
    mutation,
    actor,
    {
      now: now.toISOString(),
      version: head + 1,
      isActiveMember: (m) => active.has(m),
      tagExists: () => tagExists,
    },
    conversationId,
  );
  if (!outcome.ok) {
    if (outcome.status === 'conflict')
      return {
        result: { id, status: 'conflict', message: outcome.message, current },
        version: null,
        head,
      };
    return { ...rejected(id, outcome.status, outcome.message), head };
  }
  const { applied } = outcome;
  if (applied.noop) return { result: { id, status: 'ok' }, version: null, head };

  const version = await bumpVersion(tx, workspaceId);
  const values = conversationRow(workspaceId, { ...applied.conversation, version });
  await tx
    .insert(conversations)
    .values(values)
    .onConflictDoUpdate({
      target: [conversations.workspaceId, conversations.id],
      set: { ...values, deletedAt: null },
    });
  if (applied.note)
    await tx.insert(notes).values({
      ...applied.note,
      workspaceId,
      createdAt: new Date(applied.note.createdAt),
      version,
    });
  if (applied.createdTag)
    await tx.insert(tags).values({
      id: crypto.randomUUID(),
      workspaceId,
      name: applied.createdTag,
      color: NEW_TAG_COLOR,
      version,
    });
  await eventWriter(
    tx,
    workspaceId,
    version,
    actor.memberId,
    now,
  )({
    ...applied.event,
    conversationId,
  });
  return { result: { id, status: 'ok' }, version, head: version };
}

const rejected = (id: number, status: 'forbidden' | 'invalid', message: string): Outcome => ({
  result: { id, status, message },
  version: null,
});

/** The members whose standing a mutation's rules ask about: the assignee, the mentioned. */
function membersNamedBy(mutation: Mutation): string[] {
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
