import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { BootstrapPage, Change } from '../../lib/schema';
import type { Db, Tx } from '../db/open';
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
import { visibleTemplates } from '../domain/template-access';
import type { CurrentMember } from '../http/context';
import { ApiFailure, notFound } from '../http/errors';

// Newer entities go last: a page token names its entity by index.
const ENTITIES = [
  'workspace',
  'member',
  'tag',
  'template',
  'conversation',
  'note',
  'slaCalendar',
  'slaPolicy',
] as const;

/** The last entity a client of sync protocol `protocol` understands (lib/schema/sync.ts). */
const lastEntityFor = (protocol: number) =>
  protocol >= 2 ? ENTITIES.length - 1 : ENTITIES.indexOf('note');

/** The opaque page token: the snapshot's cursor and where the previous page stopped. */
const PageToken = z
  .object({
    c: z.number().int().nonnegative(),
    e: z
      .number()
      .int()
      .min(0)
      .max(ENTITIES.length - 1),
    a: z.string().max(64).nullable(),
  })
  // Conversation ids are text; every other entity's id is a uuid column.
  .refine(
    (t) => t.a === null || ENTITIES[t.e] === 'conversation' || z.uuid().safeParse(t.a).success,
  );
type PageToken = z.infer<typeof PageToken>;

const encode = (t: PageToken) => Buffer.from(JSON.stringify(t)).toString('base64url');

function decode(page: string): PageToken {
  try {
    return PageToken.parse(JSON.parse(Buffer.from(page, 'base64url').toString('utf8')));
  } catch {
    throw new ApiFailure(
      400,
      'invalid_query',
      'Invalid query: page is not a token this server gave',
    );
  }
}

/**
 * Live records, entity by entity in id order. The cursor is the version when the first
 * page was read: records changed while later pages load come again through pull.
 */
export function bootstrap(
  db: Db,
  member: CurrentMember,
  page: string | undefined,
  limit: number,
  protocol: number,
): Promise<BootstrapPage> {
  const last = lastEntityFor(protocol);
  return db.transaction(
    async (tx) => {
      const [ws] = await tx
        .select({ version: workspaces.version })
        .from(workspaces)
        .where(eq(workspaces.id, member.workspaceId));
      if (!ws) throw notFound('workspace');
      let at: PageToken = page ? decode(page) : { c: ws.version, e: 0, a: null };
      const changes: Change[] = [];
      for (;;) {
        const want = limit - changes.length;
        const rows = await readEntity(tx, member, ENTITIES[at.e]!, at.a, want);
        changes.push(...rows);
        if (rows.length === want)
          return { cursor: at.c, changes, next: encode({ ...at, a: rows.at(-1)!.id }) };
        if (at.e >= last) return { cursor: at.c, changes, next: null };
        at = { ...at, e: at.e + 1, a: null };
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

async function readEntity(
  tx: Tx,
  member: CurrentMember,
  entity: (typeof ENTITIES)[number],
  after: string | null,
  limit: number,
): Promise<Change[]> {
  const ws = member.workspaceId;
  switch (entity) {
    case 'workspace': {
      if (after) return [];
      const rows = await tx.select().from(workspaces).where(eq(workspaces.id, ws));
      return rows.map((r) => ({
        entity,
        id: r.id,
        version: r.recordVersion,
        record: toWorkspace(r),
      }));
    }
    case 'member': {
      const rows = await tx
        .select()
        .from(members)
        .where(and(eq(members.workspaceId, ws), after ? gt(members.id, after) : undefined))
        .orderBy(asc(members.id))
        .limit(limit);
      return rows.map((r) => ({ entity, id: r.id, version: r.version, record: toMember(r) }));
    }
    case 'tag': {
      const rows = await tx
        .select()
        .from(tags)
        .where(
          and(
            eq(tags.workspaceId, ws),
            isNull(tags.deletedAt),
            after ? gt(tags.id, after) : undefined,
          ),
        )
        .orderBy(asc(tags.id))
        .limit(limit);
      return rows.map((r) => ({ entity, id: r.id, version: r.version, record: toTag(r) }));
    }
    case 'template': {
      const rows = await tx
        .select()
        .from(templates)
        .where(
          and(
            eq(templates.workspaceId, ws),
            isNull(templates.deletedAt),
            visibleTemplates(member),
            after ? gt(templates.id, after) : undefined,
          ),
        )
        .orderBy(asc(templates.id))
        .limit(limit);
      return rows.map((r) => ({ entity, id: r.id, version: r.version, record: toTemplate(r) }));
    }
    case 'conversation': {
      const rows = await tx
        .select()
        .from(conversations)
        .where(
          and(
            eq(conversations.workspaceId, ws),
            isNull(conversations.deletedAt),
            after ? gt(conversations.id, after) : undefined,
          ),
        )
        .orderBy(asc(conversations.id))
        .limit(limit);
      return rows.map((r) => ({ entity, id: r.id, version: r.version, record: toConversation(r) }));
    }
    case 'slaCalendar': {
      const rows = await tx
        .select()
        .from(slaCalendars)
        .where(
          and(
            eq(slaCalendars.workspaceId, ws),
            isNull(slaCalendars.deletedAt),
            after ? gt(slaCalendars.id, after) : undefined,
          ),
        )
        .orderBy(asc(slaCalendars.id))
        .limit(limit);
      return rows.map((r) => ({ entity, id: r.id, version: r.version, record: toSlaCalendar(r) }));
    }
    case 'slaPolicy': {
      const rows = await tx
        .select()
        .from(slaPolicies)
        .where(
          and(
            eq(slaPolicies.workspaceId, ws),
            isNull(slaPolicies.deletedAt),
            after ? gt(slaPolicies.id, after) : undefined,
          ),
        )
        .orderBy(asc(slaPolicies.id))
        .limit(limit);
      return rows.map((r) => ({ entity, id: r.id, version: r.version, record: toSlaPolicy(r) }));
    }
    case 'note': {
      const rows = await tx
        .select()
        .from(notes)
        .where(
          and(
            eq(notes.workspaceId, ws),
            isNull(notes.deletedAt),
            after ? gt(notes.id, after) : undefined,
          ),
        )
        .orderBy(asc(notes.id))
        .limit(limit);
      return rows.map((r) => ({ entity, id: r.id, version: r.version, record: toNote(r) }));
    }
  }
}
