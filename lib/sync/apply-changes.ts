import { type SidedeskDb, toConversationRow } from '../db';
import { getMeta, setMeta } from '../meta';
import type { Change, Member, Workspace } from '../schema';
import type { ChangeSummary } from './summary';

/**
 * Write the server's snapshots. A conversation with a confirmed copy (it has, or just had,
 * pending mutations) gets the copy replaced and its view rebuilt by `rebase`; any other is
 * written as is.
 */
export async function applyChanges(db: SidedeskDb, changes: Change[], summary: ChangeSummary) {
  const pending = new Set((await db.confirmed.toCollection().primaryKeys()).map(String));
  const knownNotes = await cachedNoteIds(db, changes);
  for (const change of changes) {
    switch (change.entity) {
      case 'conversation':
        summary.conversation(change.id);
        if (pending.has(change.id))
          await db.confirmed.put({ id: change.id, record: change.record });
        else if (change.record) await db.conversations.put(toConversationRow(change.record));
        else await db.conversations.delete(change.id);
        break;
      case 'member':
        summary.table('members');
        await putOrDelete(db.members, change.id, change.record);
        if (change.record) await refreshOwnMember(db, change.record, summary);
        break;
      case 'tag':
        summary.table('tags');
        await putOrDelete(db.tags, change.id, change.record);
        break;
      case 'template':
        summary.table('templates');
        await putOrDelete(db.templates, change.id, change.record);
        break;
      case 'note':
        summary.table('notes');
        if (change.record && !knownNotes.has(change.id)) {
          summary.newNote(change.record);
          knownNotes.add(change.id);
        }
        await putOrDelete(db.notes, change.id, change.record);
        break;
      case 'slaCalendar':
        summary.table('sla');
        await putOrDelete(db.slaCalendars, change.id, change.record);
        break;
      case 'slaPolicy':
        summary.table('sla');
        await putOrDelete(db.slaPolicies, change.id, change.record);
        break;
      case 'workspace':
        if (change.record) await refreshWorkspace(db, change.record, summary);
        break;
    }
  }
}

/** Which of the notes these changes write the cache holds already. */
async function cachedNoteIds(db: SidedeskDb, changes: Change[]): Promise<Set<string>> {
  const ids = changes.flatMap((c) => (c.entity === 'note' ? [c.id] : []));
  if (ids.length === 0) return new Set();
  const cached = await db.notes.bulkGet(ids);
  return new Set(cached.flatMap((note) => (note ? [note.id] : [])));
}

async function putOrDelete<T>(
  table: { put(row: T): Promise<unknown>; delete(id: string): Promise<void> },
  id: string,
  record: T | null,
) {
  if (record) await table.put(record);
  else await table.delete(id);
}

/** A role or name change of the signed-in member applies at once, to the UI and the rules. */
async function refreshOwnMember(db: SidedeskDb, member: Member, summary: ChangeSummary) {
  const session = await getMeta(db, 'session');
  if (session?.member.id !== member.id) return;
  await setMeta(db, 'session', { ...session, member });
  summary.table('session');
}

async function refreshWorkspace(db: SidedeskDb, workspace: Workspace, summary: ChangeSummary) {
  const session = await getMeta(db, 'session');
  if (session?.workspace.id !== workspace.id) return;
  await setMeta(db, 'session', { ...session, workspace });
  summary.table('session');
}
