import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { WorkspaceExport } from '../../lib/schema';
import { toIncident, toMonitor } from '../automation/incident-records';
import { toRule } from '../automation/rule-records';
import type { Db } from '../db/open';
import * as t from '../db/schema';
import { notFound } from '../http/errors';
import { toAuditEntry } from './audit';
import {
  toConversation,
  toEvent,
  toInvite,
  toMember,
  toNote,
  toSettings,
  toSlaCalendar,
  toSlaPolicy,
  toTag,
  toTemplate,
  toTemplateVersion,
} from './records';

/** Rows read per query for the tables that grow with mail: the export never holds them all. */
export const EXPORT_PAGE = 1000;

type Sections = Omit<WorkspaceExport, 'format' | 'formatVersion' | 'exportedAt' | 'workspace'>;
type Rows<K extends keyof Sections> = AsyncIterable<Sections[K]>;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => d?.toISOString() ?? null;
const deletedAt = (r: { deletedAt: Date | null }) => ({ deletedAt: isoOrNull(r.deletedAt) });

/**
 * The export as JSON text, a piece at a time: the big tables are read in keyset pages
 * and written out as they come, so memory stays flat however large the workspace. Each
 * page is a short query of its own, not one long transaction: a client reading slowly,
 * or not at all, holds no connection (PGlite has only one). So a change made during the
 * export may show in one section and not another (docs/data-care.md#export).
 */
export async function* exportJson(
  tx: Db,
  workspaceId: string,
  now: Date,
  pageSize = EXPORT_PAGE,
): AsyncGenerator<string> {
  const [ws] = await tx.select().from(t.workspaces).where(eq(t.workspaces.id, workspaceId));
  if (!ws) throw notFound('workspace');
  const { copilot, ...settings } = toSettings(ws);
  const head: Pick<WorkspaceExport, 'format' | 'formatVersion' | 'exportedAt' | 'workspace'> = {
    format: 'sidedesk.workspace-export',
    formatVersion: 1,
    exportedAt: iso(now),
    workspace: {
      ...settings,
      id: ws.id,
      version: ws.version,
      createdAt: iso(ws.createdAt),
      copilotProvider: ws.copilot.provider,
      slaWebhookUrl: ws.slaWebhook?.url ?? null,
      reviewWebhookUrl: ws.reviewWebhook?.url ?? null,
    },
  };
  yield JSON.stringify(head).slice(0, -1);
  const sections = sectionsOf(tx, workspaceId, pageSize);
  for (const name of Object.keys(sections) as (keyof Sections)[]) {
    yield `,${JSON.stringify(name)}:[`;
    let first = true;
    for await (const page of sections[name]) {
      for (const row of page) {
        yield `${first ? '' : ','}${JSON.stringify(row)}`;
        first = false;
      }
    }
    yield ']';
  }
  yield '}';
}

/** Every section in document order; each yields its rows in pages. */
function sectionsOf(tx: Db, ws: string, size: number): { [K in keyof Sections]: Rows<K> } {
  const all = async function* <R, O>(rows: Promise<R[]>, map: (r: R) => O) {
    yield (await rows).map(map);
  };
  return {
    members: all(tx.select().from(t.members).where(eq(t.members.workspaceId, ws)), (r) => ({
      ...toMember(r),
      createdAt: iso(r.createdAt),
    })),
    invites: all(tx.select().from(t.invites).where(eq(t.invites.workspaceId, ws)), toInvite),
    teams: teams(tx, ws),
    tags: all(tx.select().from(t.tags).where(eq(t.tags.workspaceId, ws)), (r) => ({
      ...toTag(r),
      ...deletedAt(r),
    })),
    templates: all(tx.select().from(t.templates).where(eq(t.templates.workspaceId, ws)), (r) => ({
      ...toTemplate(r),
      ...deletedAt(r),
    })),
    templateVersions: all(
      tx.select().from(t.templateVersions).where(eq(t.templateVersions.workspaceId, ws)),
      toTemplateVersion,
    ),
    slaCalendars: all(
      tx.select().from(t.slaCalendars).where(eq(t.slaCalendars.workspaceId, ws)),
      (r) => ({ ...toSlaCalendar(r), ...deletedAt(r) }),
    ),
    slaPolicies: all(
      tx.select().from(t.slaPolicies).where(eq(t.slaPolicies.workspaceId, ws)),
      (r) => ({ ...toSlaPolicy(r), ...deletedAt(r) }),
    ),
    rules: all(tx.select().from(t.rules).where(eq(t.rules.workspaceId, ws)), (r) => ({
      ...toRule(r),
      ...deletedAt(r),
    })),
    incidentMonitors: all(
      tx.select().from(t.incidentMonitors).where(eq(t.incidentMonitors.workspaceId, ws)),
      (r) => ({ ...toMonitor(r), ...deletedAt(r) }),
    ),
    incidents: all(
      tx.select().from(t.incidents).where(eq(t.incidents.workspaceId, ws)),
      toIncident,
    ),
    goals: all(tx.select().from(t.goals).where(eq(t.goals.workspaceId, ws)), (r) => ({
      id: r.id,
      name: r.name,
      metric: r.metric as Sections['goals'][number]['metric'],
      comparison: r.comparison,
      target: r.target,
      timeframe: r.timeframe,
      filters: r.filters,
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
    })),
    surveys: all(tx.select().from(t.surveys).where(eq(t.surveys.workspaceId, ws)), (r) => ({
      id: r.id,
      conversationId: r.conversationId,
      createdBy: r.createdBy,
      kind: r.kind,
      scale: r.scale,
      createdAt: iso(r.createdAt),
      score: r.score,
      ratedAt: isoOrNull(r.ratedAt),
      comment: r.comment,
      commentedAt: isoOrNull(r.commentedAt),
    })),
    conversations: paged(
      tx,
      size,
      t.conversations,
      t.conversations.id,
      eq(t.conversations.workspaceId, ws),
      (r) => ({ ...toConversation(r), ...deletedAt(r) }),
    ),
    notes: paged(tx, size, t.notes, t.notes.id, eq(t.notes.workspaceId, ws), (r) => ({
      ...toNote(r),
      ...deletedAt(r),
    })),
    events: paged(tx, size, t.events, t.events.id, eq(t.events.workspaceId, ws), toEvent),
    auditLog: paged(
      tx,
      size,
      t.auditLog,
      t.auditLog.id,
      eq(t.auditLog.workspaceId, ws),
      toAuditEntry,
    ),
  };
}

/** Keyset pages over a table's `id` (text or uuid). */
async function* paged<T extends PgTable, O>(
  tx: Db,
  size: number,
  table: T,
  key: AnyPgColumn,
  where: SQL | undefined,
  map: (row: T['$inferSelect']) => O,
): AsyncGenerator<O[]> {
  let after: string | null = null;
  for (;;) {
    const rows = (await tx
      .select()
      .from(table as PgTable)
      .where(and(where, after === null ? undefined : gt(key, after)))
      .orderBy(asc(key))
      .limit(size)) as T['$inferSelect'][];
    if (rows.length) yield rows.map(map);
    if (rows.length < size) return;
    after = (rows.at(-1) as { id: string }).id;
  }
}

async function* teams(tx: Db, ws: string) {
  const [rows, links] = await Promise.all([
    tx.select().from(t.teams).where(eq(t.teams.workspaceId, ws)).orderBy(asc(t.teams.name)),
    tx
      .select({ teamId: t.teamMembers.teamId, memberId: t.teamMembers.memberId })
      .from(t.teamMembers)
      .innerJoin(t.teams, eq(t.teams.id, t.teamMembers.teamId))
      .where(eq(t.teams.workspaceId, ws)),
  ]);
  yield rows.map((r) => ({
    id: r.id,
    name: r.name,
    routing: r.routing,
    memberIds: links.filter((l) => l.teamId === r.id).map((l) => l.memberId),
    createdAt: iso(r.createdAt),
  }));
}
