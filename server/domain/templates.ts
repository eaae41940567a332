import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { TemplateContent } from '../../lib/schema';
import type { Db, Tx } from '../db/open';
import { teams, templates, templateVersions } from '../db/schema';
import type { CurrentMember } from '../http/context';
import { ApiFailure, forbidden, notFound } from '../http/errors';
import { toTemplate, toTemplateContent } from './records';
import {
  canSeeTemplate,
  mayWriteTemplate,
  templateViewer,
  visibleTemplates,
  WRITERS,
} from './template-access';
import type { Write } from './write';

export type TemplateRow = typeof templates.$inferSelect;

/** Rows per INSERT: well under Postgres' 65535 parameters for the widest table. */
const CHUNK = 500;

/** Every live template this member may see, by title. */
export function visibleTemplateRows(db: Db, me: CurrentMember) {
  return db
    .select()
    .from(templates)
    .where(
      and(
        eq(templates.workspaceId, me.workspaceId),
        isNull(templates.deletedAt),
        visibleTemplates(me),
      ),
    )
    .orderBy(asc(templates.title), asc(templates.id));
}

/** New templates at revision 1, each with its first version and a `template.created` event. */
export async function createTemplates(w: Write, ownerId: string, contents: TemplateContent[]) {
  const rows: TemplateRow[] = [];
  for (let i = 0; i < contents.length; i += CHUNK) {
    const chunk = contents.slice(i, i + CHUNK).map((content) => ({
      ...content,
      id: randomUUID(),
      workspaceId: w.workspaceId,
      ownerId,
      revision: 1,
      updatedAt: w.now,
      version: w.version,
    }));
    const inserted = await w.tx.insert(templates).values(chunk).returning();
    await recordRevisions(w, inserted);
    rows.push(...inserted);
  }
  await Promise.all(rows.map((r) => w.event({ type: 'template.created', after: toTemplate(r) })));
  return rows.map(toTemplate);
}

/** The live template, if this member may see it; else 404. */
export async function visibleTemplate(db: Db | Tx, me: CurrentMember, id: string) {
  const [row] = await db
    .select()
    .from(templates)
    .where(
      and(
        eq(templates.id, id),
        eq(templates.workspaceId, me.workspaceId),
        isNull(templates.deletedAt),
      ),
    );
  if (!row || !canSeeTemplate(await templateViewer(db, me), row)) throw notFound('template');
  return row;
}

/** The template, if this member can see it (else 404) and may change it (else 403). */
export async function writableTemplate(w: Write, me: CurrentMember, id: string) {
  const row = await visibleTemplate(w.tx, me, id);
  if (!mayWriteTemplate(me, row.scope, row.ownerId))
    throw forbidden(
      `Only ${WRITERS[row.scope].join(' or ')} members change ${row.scope} templates`,
    );
  return row;
}

/** An edit from a revision that is not the current one: 409 with the current template. */
export function staleCheck(current: TemplateRow, revision: number) {
  if (current.revision !== revision)
    throw new ApiFailure(
      409,
      'conflict',
      `The template changed meanwhile (revision ${current.revision}, you edited ${revision})`,
      undefined,
      { current: toTemplate(current) },
    );
}

/**
 * A team is named only by team-scoped templates, and must be one of this workspace's.
 * `at` is where the team id sits in the request, for the 400's path.
 */
export async function checkTeams(
  w: Write,
  items: { content: Pick<TemplateContent, 'scope' | 'teamId'>; at: string }[],
) {
  const named = items.filter((i) => i.content.teamId !== null);
  const wrongScope = named.find((i) => i.content.scope !== 'team');
  if (wrongScope) throw invalid(wrongScope.at, 'only team templates belong to a team');
  if (!named.length) return;
  const ids = [...new Set(named.map((i) => i.content.teamId!))];
  const found = await w.tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.workspaceId, w.workspaceId), inArray(teams.id, ids)));
  const known = new Set(found.map((t) => t.id));
  const unknown = named.find((i) => !known.has(i.content.teamId!));
  if (unknown) throw invalid(unknown.at, 'no such team in this workspace');
}

const invalid = (path: string, message: string) =>
  new ApiFailure(400, 'invalid_body', `Invalid request body: ${path}: ${message}`, [
    { path, message },
  ]);

/** Every revision is kept whole, so any of them can be shown, compared and restored. */
export async function recordRevisions(w: Write, rows: TemplateRow[]) {
  if (!rows.length) return;
  await w.tx.insert(templateVersions).values(
    rows.map((r) => ({
      workspaceId: w.workspaceId,
      templateId: r.id,
      revision: r.revision,
      content: toTemplateContent(r),
      authorId: w.actorId,
      at: w.now,
    })),
  );
}

/**
 * Who sees a named team's templates follows team membership and role, so when either
 * changes those templates get a new version: pull then sends them afresh to whoever now
 * sees them, and as deleted to whoever no longer does.
 */
export async function touchTeamTemplates(w: Write, teamId?: string) {
  await w.tx
    .update(templates)
    .set({ version: w.version })
    .where(
      and(
        eq(templates.workspaceId, w.workspaceId),
        isNull(templates.deletedAt),
        eq(templates.scope, 'team'),
        teamId ? eq(templates.teamId, teamId) : isNotNull(templates.teamId),
      ),
    );
}
