import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Change } from '../../lib/schema';
import type { Tx } from '../db/open';
import { conversations, members, notes, tags, templates, workspaces } from '../db/schema';
import {
  toConversation,
  toMember,
  toNote,
  toTag,
  toTemplate,
  toWorkspace,
} from '../domain/records';
import type { CurrentMember } from '../http/context';

/** Personal templates are their owner's alone; everyone else sees them as deleted. */
export const canSeeTemplate = (
  member: Pick<CurrentMember, 'id'>,
  t: { scope: string; ownerId: string },
) => t.scope !== 'personal' || t.ownerId === member.id;

/** Entities in the order a client should apply them within one version. */
const ORDER: Change['entity'][] = [
  'workspace',
  'member',
  'tag',
  'template',
  'conversation',
  'note',
];

/**
 * Where a pull page ends: the last version whose changes all fit in `limit`, except that
 * a single version larger than the limit is sent whole (a version is never split).
 */
export async function pageEnd(
  tx: Tx,
  workspaceId: string,
  cursor: number,
  head: number,
  limit: number,
): Promise<number> {
  const range = (v: AnyPgColumn, ws: AnyPgColumn) =>
    and(eq(ws, workspaceId), gt(v, cursor), lte(v, head));
  const take = limit + 1;
  const lists = await Promise.all([
    tx
      .select({ v: workspaces.recordVersion })
      .from(workspaces)
      .where(
        and(
          eq(workspaces.id, workspaceId),
          gt(workspaces.recordVersion, cursor),
          lte(workspaces.recordVersion, head),
        ),
      ),
    ...[members, tags, templates, conversations, notes].map((t) =>
      tx
        .select({ v: t.version })
        .from(t)
        .where(range(t.version, t.workspaceId))
        .orderBy(asc(t.version))
        .limit(take),
    ),
  ]);
  const versions = lists
    .flat()
    .map((r) => r.v)
    .sort((a, b) => a - b);
  const first = versions[limit];
  if (first === undefined) return head;
  return versions[0]! < first ? first - 1 : first;
}

/** Every change with cursor < version ≤ end, as current snapshots or tombstones. */
export async function changesBetween(
  tx: Tx,
  member: CurrentMember,
  cursor: number,
  end: number,
): Promise<Change[]> {
  const ws = member.workspaceId;
  const range = (v: AnyPgColumn, w: AnyPgColumn) => and(eq(w, ws), gt(v, cursor), lte(v, end));
  const [wsRows, memberRows, tagRows, templateRows, conversationRows, noteRows] = await Promise.all(
    [
      tx
        .select()
        .from(workspaces)
        .where(
          and(
            eq(workspaces.id, ws),
            gt(workspaces.recordVersion, cursor),
            lte(workspaces.recordVersion, end),
          ),
        ),
      tx.select().from(members).where(range(members.version, members.workspaceId)),
      tx.select().from(tags).where(range(tags.version, tags.workspaceId)),
      tx.select().from(templates).where(range(templates.version, templates.workspaceId)),
      tx
        .select()
        .from(conversations)
        .where(range(conversations.version, conversations.workspaceId)),
      tx.select().from(notes).where(range(notes.version, notes.workspaceId)),
    ],
  );
  const changes: Change[] = [
    ...wsRows.map(
      (r): Change => ({
        entity: 'workspace',
        id: r.id,
        version: r.recordVersion,
        record: toWorkspace(r),
      }),
    ),
    ...memberRows.map(
      (r): Change => ({ entity: 'member', id: r.id, version: r.version, record: toMember(r) }),
    ),
    ...tagRows.map(
      (r): Change => ({
        entity: 'tag',
        id: r.id,
        version: r.version,
        record: r.deletedAt ? null : toTag(r),
      }),
    ),
    ...templateRows.map(
      (r): Change => ({
        entity: 'template',
        id: r.id,
        version: r.version,
        record: r.deletedAt || !canSeeTemplate(member, r) ? null : toTemplate(r),
      }),
    ),
    ...conversationRows.map(
      (r): Change => ({
        entity: 'conversation',
        id: r.id,
        version: r.version,
        record: r.deletedAt ? null : toConversation(r),
      }),
    ),
    ...noteRows.map(
      (r): Change => ({
        entity: 'note',
        id: r.id,
        version: r.version,
        record: r.deletedAt ? null : toNote(r),
      }),
    ),
  ];
  return changes.sort(
    (a, b) => a.version - b.version || ORDER.indexOf(a.entity) - ORDER.indexOf(b.entity),
  );
}
