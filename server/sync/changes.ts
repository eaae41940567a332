import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { type AnyPgColumn, unionAll } from 'drizzle-orm/pg-core';
import type { Change } from '../../lib/schema';
import type { Tx } from '../db/open';
import {
  conversations,
  members,
  notes,
  slaCalendars,
  slaPolicies,
  tags,
  templates,
  workspaces,
} from '../db/schema';
import {
  toConversation,
  toMember,
  toNote,
  toSlaCalendar,
  toSlaPolicy,
  toTag,
  toTemplate,
  toWorkspace,
} from '../domain/records';
import { canSeeTemplate, templateViewer } from '../domain/template-access';
import type { CurrentMember } from '../http/context';

/** Entities in the order a client should apply them within one version. */
const ORDER: Change['entity'][] = [
  'workspace',
  'member',
  'tag',
  'template',
  'slaCalendar',
  'slaPolicy',
  'conversation',
  'note',
];

type Entity = Change['entity'];

/** The entities a client of sync protocol `protocol` understands (lib/schema/sync.ts). */
export function entitiesFor(protocol: number): ReadonlySet<Entity> {
  return new Set(
    protocol >= 2 ? ORDER : ORDER.filter((e) => e !== 'slaCalendar' && e !== 'slaPolicy'),
  );
}

export type PageEnd = {
  end: number;
  /** The entities with changes in (cursor, end]: the only tables worth reading. */
  entities: Set<Entity>;
};

/**
 * Where a pull page ends: the last version whose changes all fit in `limit`, except that
 * a single version larger than the limit is sent whole (a version is never split). One
 * query over every synced table's (workspace, version) index, so a pull reads no table
 * that has nothing for it. Only the entities the client understands count.
 */
export async function pageEnd(
  tx: Tx,
  workspaceId: string,
  cursor: number,
  head: number,
  limit: number,
  synced: ReadonlySet<Entity>,
): Promise<PageEnd> {
  const inRange = (entity: Entity, v: AnyPgColumn, scope: AnyPgColumn) =>
    tx
      .select({
        // A constant of our own, never input: inlined so every branch of the union agrees.
        entity: sql<Entity>`${sql.raw(`'${entity}'::text`)}`.as('entity'),
        v: sql<number>`${v}`.mapWith(Number).as('v'),
      })
      .from(scope.table)
      .where(and(eq(scope, workspaceId), gt(v, cursor), lte(v, head)));
  const sources: [Entity, AnyPgColumn, AnyPgColumn][] = [
    ['workspace', workspaces.recordVersion, workspaces.id],
    ['member', members.version, members.workspaceId],
    ['tag', tags.version, tags.workspaceId],
    ['template', templates.version, templates.workspaceId],
    ['slaCalendar', slaCalendars.version, slaCalendars.workspaceId],
    ['slaPolicy', slaPolicies.version, slaPolicies.workspaceId],
    ['conversation', conversations.version, conversations.workspaceId],
    ['note', notes.version, notes.workspaceId],
  ];
  const [first, second, ...rest] = sources
    .filter(([entity]) => synced.has(entity))
    .map(([entity, v, scope]) => inRange(entity, v, scope));
  const list = await unionAll(first!, second!, ...rest)
    .orderBy(sql`2`)
    .limit(limit + 1);
  const overflow = list[limit];
  if (overflow === undefined) return { end: head, entities: new Set(list.map((r) => r.entity)) };
  if (list[0]!.v === overflow.v)
    // One version holds more than a page: it goes whole, from whichever tables it touched.
    return { end: overflow.v, entities: new Set(synced) };
  const end = overflow.v - 1;
  return { end, entities: new Set(list.filter((r) => r.v <= end).map((r) => r.entity)) };
}

/** Every change with cursor < version ≤ end, as current snapshots or tombstones. */
export async function changesBetween(
  tx: Tx,
  member: CurrentMember,
  cursor: number,
  { end, entities }: PageEnd,
): Promise<Change[]> {
  const ws = member.workspaceId;
  const range = (v: AnyPgColumn, w: AnyPgColumn) => and(eq(w, ws), gt(v, cursor), lte(v, end));
  const only = async <T>(entity: Entity, read: () => Promise<T[]>): Promise<T[]> =>
    entities.has(entity) ? read() : [];
  const [
    wsRows,
    memberRows,
    tagRows,
    templateRows,
    calendarRows,
    policyRows,
    conversationRows,
    noteRows,
  ] = await Promise.all([
    only('workspace', () =>
      tx.select().from(workspaces).where(range(workspaces.recordVersion, workspaces.id)),
    ),
    only('member', () =>
      tx.select().from(members).where(range(members.version, members.workspaceId)),
    ),
    only('tag', () => tx.select().from(tags).where(range(tags.version, tags.workspaceId))),
    only('template', () =>
      tx.select().from(templates).where(range(templates.version, templates.workspaceId)),
    ),
    only('slaCalendar', () =>
      tx.select().from(slaCalendars).where(range(slaCalendars.version, slaCalendars.workspaceId)),
    ),
    only('slaPolicy', () =>
      tx.select().from(slaPolicies).where(range(slaPolicies.version, slaPolicies.workspaceId)),
    ),
    only('conversation', () =>
      tx
        .select()
        .from(conversations)
        .where(range(conversations.version, conversations.workspaceId)),
    ),
    only('note', () => tx.select().from(notes).where(range(notes.version, notes.workspaceId))),
  ]);
  // A template this member may not see reads as deleted, so it leaves their cache.
  const viewer = templateRows.length ? await templateViewer(tx, member) : null;
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
        record: r.deletedAt || !canSeeTemplate(viewer!, r) ? null : toTemplate(r),
      }),
    ),
    ...calendarRows.map(
      (r): Change => ({
        entity: 'slaCalendar',
        id: r.id,
        version: r.version,
        record: r.deletedAt ? null : toSlaCalendar(r),
      }),
    ),
    ...policyRows.map(
      (r): Change => ({
        entity: 'slaPolicy',
        id: r.id,
        version: r.version,
        record: r.deletedAt ? null : toSlaPolicy(r),
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
