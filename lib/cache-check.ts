import type { z } from 'zod';
import {
  type ConfirmedRow,
  type ConversationRow,
  DB_VERSION,
  fromConversationRow,
  type OutboxRow,
  type SidedeskDb,
} from './db';
import { deleteMeta, getMeta, setMeta } from './meta';
import {
  Conversation,
  Member,
  MutationArgs,
  MutationName,
  Note,
  SlaCalendarRecord,
  SlaPolicyRecord,
  Tag,
  Template,
} from './schema';

export type CacheCheck = { dropped: number };

type Keyed<T extends { id: string | number }> = {
  toArray(): Promise<T[]>;
  bulkDelete(keys: T['id'][]): Promise<void>;
};

async function dropInvalid<T extends { id: string | number }>(
  table: Keyed<T>,
  valid: (row: T) => boolean,
) {
  const bad = (await table.toArray()).filter((row) => !valid(row)).map((row) => row.id);
  await table.bulkDelete(bad);
  return bad.length;
}

const matches = (schema: z.ZodType) => (row: unknown) => schema.safeParse(row).success;

/**
 * Records written by an older version of the extension may not fit today's schemas.
 * Once per DB_VERSION, check every cached record; drop the misfits and forget the cursor,
 * so the next sync re-bootstraps them from the server. Pending outbox rows that no longer
 * parse are dropped too: the server would refuse them.
 */
export async function checkCache(db: SidedeskDb): Promise<CacheCheck> {
  if ((await getMeta(db, 'cacheVersion')) === DB_VERSION) return { dropped: 0 };
  return db.transaction('rw', db.tables, async () => {
    const dropped =
      (await dropInvalid(
        db.conversations,
        (row: ConversationRow) => Conversation.safeParse(fromConversationRow(row)).success,
      )) +
      (await dropInvalid(db.confirmed, (row: ConfirmedRow) =>
        row.record === null ? true : Conversation.safeParse(row.record).success,
      )) +
      (await dropInvalid(db.members, matches(Member))) +
      (await dropInvalid(db.tags, matches(Tag))) +
      (await dropInvalid(db.templates, matches(Template))) +
      (await dropInvalid(db.notes, matches(Note))) +
      (await dropInvalid(db.slaCalendars, matches(SlaCalendarRecord))) +
      (await dropInvalid(db.slaPolicies, matches(SlaPolicyRecord))) +
      (await dropInvalid(db.outbox, (row: OutboxRow) => {
        const name = MutationName.safeParse(row.name);
        return name.success && MutationArgs[name.data].safeParse(row.args).success;
      }));
    if (dropped > 0) await deleteMeta(db, 'cursor');
    await setMeta(db, 'cacheVersion', DB_VERSION);
    return { dropped };
  });
}
