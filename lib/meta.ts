import { z } from 'zod';
import type { SidedeskDb } from './db';
import { Id, Instant, Membership, PendingInvite, Session, Version } from './schema';
import { PageError, SyncNotice } from './schema/messages';

/** Everything the background keeps besides records: each key has its schema. */
export const MetaSchemas = {
  serverUrl: z.url(),
  /** Tokens live here, in the extension's own IndexedDB: content scripts cannot reach it. */
  identity: z.object({
    token: z.string(),
    email: z.string(),
    name: z.string(),
    memberships: z.array(Membership),
    invites: z.array(PendingInvite),
  }),
  session: Session,
  clientId: Id,
  nextMutationId: z.number().int().positive(),
  /** Absent until a bootstrap completes: then the engine bootstraps. */
  cursor: Version,
  lastSyncAt: Instant,
  lastError: z.string(),
  online: z.boolean(),
  notices: z.array(SyncNotice),
  pageError: PageError,
  /** The DB_VERSION whose schemas the cached records were last checked against. */
  cacheVersion: z.number().int(),
  /** SLA warnings already shown (`conversationId:target:clock`), so a restart never repeats one. */
  slaWarned: z.array(z.object({ key: z.string().max(200), at: Instant })),
  /** SLA breaches already told to this lead or admin (`summary`: told in a summary of old ones). */
  slaBreached: z.array(
    z.object({ key: z.string().max(200), at: Instant, summary: z.boolean().optional() }),
  ),
  /** Mention notifications already shown, by note, kept while the note could still notify. */
  mentionsShown: z.array(z.object({ id: Id, createdAt: Instant })),
} as const;

export type MetaKey = keyof typeof MetaSchemas;
export type MetaValue<K extends MetaKey> = z.infer<(typeof MetaSchemas)[K]>;

/** A stored value that no longer matches its schema reads as absent. */
export async function getMeta<K extends MetaKey>(
  db: SidedeskDb,
  key: K,
): Promise<MetaValue<K> | undefined> {
  const row = await db.meta.get(key);
  if (!row) return undefined;
  const parsed = MetaSchemas[key].safeParse(row.value);
  return parsed.success ? (parsed.data as MetaValue<K>) : undefined;
}

export function setMeta<K extends MetaKey>(db: SidedeskDb, key: K, value: MetaValue<K>) {
  return db.meta.put({ key, value });
}

export function deleteMeta(db: SidedeskDb, ...keys: MetaKey[]) {
  return db.meta.bulkDelete(keys);
}
