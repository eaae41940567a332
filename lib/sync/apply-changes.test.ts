import { beforeEach, describe, expect, it } from 'vitest';
import type { SidedeskDb } from '../db';
import type { Change, Note } from '../schema';
import { memoryDb } from '../testing/memory-db';
import { applyChanges } from './apply-changes';
import { ChangeSummary } from './summary';

const note = (n: number, patch: Partial<Note> = {}): Note => ({
  id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
  conversationId: 'c1',
  authorId: '00000000-0000-4000-8000-000000000002',
  body: `Note ${n}`,
  mentions: [],
  createdAt: '2026-01-05T09:00:00.000Z',
  version: 2,
  ...patch,
});
const put = (record: Note): Change => ({
  entity: 'note',
  id: record.id,
  version: record.version,
  record,
});

let db: SidedeskDb;
beforeEach(() => {
  db = memoryDb().db;
});

async function apply(changes: Change[]) {
  const summary = new ChangeSummary();
  await applyChanges(db, changes, summary);
  return summary;
}

describe('notes new to the cache', () => {
  it('are told apart from notes it held already, and from deletes', async () => {
    await db.notes.put(note(1));
    const summary = await apply([
      put(note(1, { body: 'Edited', version: 3 })),
      put(note(2)),
      { entity: 'note', id: note(3).id, version: 3, record: null },
    ]);
    expect(summary.newNotes).toEqual([note(2)]);
    expect(summary.toNotice().tables).toEqual(['notes']);
    expect((await apply([put(note(2, { version: 4 }))])).newNotes).toEqual([]);
  });

  it('count once when a batch carries one twice', async () => {
    const summary = await apply([put(note(1)), put(note(1, { version: 3 }))]);
    expect(summary.newNotes.map((n) => n.id)).toEqual([note(1).id]);
  });
});
