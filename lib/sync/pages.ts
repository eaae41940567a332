import { recordTables, type SidedeskDb } from '../db';
import { deleteMeta, getMeta, setMeta } from '../meta';
import type { BootstrapPage, Change, PullResponse } from '../schema';
import { applyChanges } from './apply-changes';
import { rebase } from './rebase';
import { actorOf } from './rules';
import type { ChangeSummary } from './summary';

const everything = (db: SidedeskDb) => [...recordTables(db), db.outbox, db.meta];

/**
 * One pull page, in one transaction. Outbox rows the server has processed are dropped only
 * with the last page: `lastMutationId` may cover changes still on a later page.
 */
export async function applyPullPage(db: SidedeskDb, page: PullResponse, summary: ChangeSummary) {
  await db.transaction('rw', everything(db), async () => {
    const session = await getMeta(db, 'session');
    if (!session) return;
    if (!page.hasMore) {
      const done = await db.outbox.where('id').belowOrEqual(page.lastMutationId).delete();
      if (done > 0) summary.table('sync');
    }
    await applyChanges(db, page.changes, summary);
    await setMeta(db, 'cursor', page.cursor);
    await rebase(db, actorOf(session), page.cursor, summary);
  });
}

/** One version's changes as a poke carried them, applied on a cache at `version - 1`. */
export async function applyPokedVersion(
  db: SidedeskDb,
  version: number,
  changes: Change[],
  summary: ChangeSummary,
) {
  await db.transaction('rw', everything(db), async () => {
    const session = await getMeta(db, 'session');
    if (!session || (await getMeta(db, 'cursor')) !== version - 1) return;
    await applyChanges(db, changes, summary);
    await setMeta(db, 'cursor', version);
    await rebase(db, actorOf(session), version, summary);
  });
}

/**
 * One bootstrap page. The first clears the cache (the outbox stays) and marks every
 * conversation with pending mutations as unknown to the server until a page says
 * otherwise; the cursor is written with the last page only, so a bootstrap cut short
 * starts over.
 */
export async function applyBootstrapPage(
  db: SidedeskDb,
  page: BootstrapPage,
  position: { first: boolean; cursor: number },
  summary: ChangeSummary,
) {
  await db.transaction('rw', everything(db), async () => {
    const session = await getMeta(db, 'session');
    if (!session) return;
    if (position.first) {
      await deleteMeta(db, 'cursor');
      await Promise.all(recordTables(db).map((t) => t.clear()));
      const pending = await db.outbox.orderBy('conversationId').uniqueKeys();
      await db.confirmed.bulkPut(pending.map((id) => ({ id: String(id), record: null })));
      for (const t of ['conversations', 'members', 'tags', 'templates', 'notes', 'sla'] as const) {
        summary.table(t);
      }
    }
    await applyChanges(db, page.changes, summary);
    if (page.next === null) {
      await setMeta(db, 'cursor', position.cursor);
      await rebase(db, actorOf(session), position.cursor, summary);
    }
  });
}
