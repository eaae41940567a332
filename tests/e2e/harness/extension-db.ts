import type { Page } from '@playwright/test';
import type { ConversationRow, OutboxRow } from '../../../lib/db';
import { DB_NAME } from '../../../lib/db';

/**
 * Read the extension's Dexie database straight from IndexedDB, in an extension page: the
 * pages share the extension's origin with the background, so they see the same database.
 * Plain IndexedDB, so the probe depends on nothing but the table names in lib/db.ts.
 */
export function readTable<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    ({ dbName, table }) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(table)) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction(table, 'readonly').objectStore(table).getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            resolve(all.result as T[]);
          };
        };
      }),
    { dbName: DB_NAME, table },
  );
}

export async function cachedConversation(page: Page, id: string) {
  const rows = await readTable<ConversationRow>(page, 'conversations');
  return rows.find((row) => row.id === id);
}

export function outbox(page: Page) {
  return readTable<OutboxRow>(page, 'outbox');
}
