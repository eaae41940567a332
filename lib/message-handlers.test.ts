import { describe, expect, it, vi } from 'vitest';
import type { Account } from './auth/account';
import { createHandlers } from './message-handlers';
import type { SyncEngine } from './sync/engine';
import { memoryDb } from './testing/memory-db';

/** Handlers whose messages touch only the cache; the engine is there to announce. */
function handlers() {
  const { db } = memoryDb();
  const announceSyncState = vi.fn();
  const engine = { announceSyncState } as unknown as SyncEngine;
  return { db, announceSyncState, handlers: createHandlers(db, engine, {} as Account) };
}

describe('a mail page’s reported failure', () => {
  it('is kept for the popup, announced, and gone once dismissed', async () => {
    const { handlers: h, announceSyncState } = handlers();
    await h.reportError({
      type: 'reportError',
      source: 'gmail thread-sidebar',
      message: 'Gmail thread not fully read: the subject is missing',
    });
    expect((await h.getState({ type: 'getState' })).sync.pageError).toMatchObject({
      source: 'gmail thread-sidebar',
      message: 'Gmail thread not fully read: the subject is missing',
    });
    expect(announceSyncState).toHaveBeenCalledTimes(1);

    await h.dismissPageError({ type: 'dismissPageError' });
    expect((await h.getState({ type: 'getState' })).sync.pageError).toBeNull();
    expect(announceSyncState).toHaveBeenCalledTimes(2);
  });

  it('keeps only the newest report', async () => {
    const { handlers: h } = handlers();
    await h.reportError({ type: 'reportError', source: 'gmail row-chips', message: 'first' });
    await h.reportError({ type: 'reportError', source: 'gmail list-upsert', message: 'second' });
    expect((await h.getState({ type: 'getState' })).sync.pageError).toMatchObject({
      source: 'gmail list-upsert',
      message: 'second',
    });
  });
});
