import { noteSegments } from '../../lib/features/mentions';
import { noteAuthorName } from '../../lib/features/note-author';
import { ago } from '../../lib/features/relative-time';
import type { Member, Note } from '../../lib/schema';
import { NoteComposer } from './NoteComposer';
import type { Run, SidebarActions } from './types';

interface NotesProps {
  notes: Note[] | string | null;
  members: Member[];
  me: Member | null;
  addNote: SidebarActions['addNote'];
  run: Run;
  now: number;
}

/** Outbox notes carry version 0 until the server confirms them (lib/sync/replay.ts). */
const isPending = (note: Note) => note.version === 0;

/** The team's internal notes on this conversation, oldest first, and a composer. */
export function Notes({ notes, members, me, addNote, run, now }: NotesProps) {
  return (
    <section className="section" aria-label="Notes">
      <h2>Notes</h2>
      {typeof notes === 'string' ? (
        <p className="problem">{notes}</p>
      ) : notes === null ? (
        <p className="muted">Loading notes…</p>
      ) : notes.length === 0 ? (
        <p className="muted">No notes yet.</p>
      ) : (
        <ol className="notes" data-testid="notes">
          {notes.map((note) => (
            <li key={note.id} className="note" data-pending={isPending(note) || undefined}>
              <p className="note-meta">
                <strong>{noteAuthorName(note.authorId, members, me?.id ?? null)}</strong>{' '}
                <span className="muted">
                  {isPending(note) ? 'pending' : ago(note.createdAt, now)}
                </span>
              </p>
              <p className="note-body">
                {noteSegments(
                  note.body,
                  members.filter((m) => note.mentions.includes(m.id)),
                ).map((segment, index) =>
                  segment.mention ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: segments never reorder
                    <mark key={index} className="mention" data-member-id={segment.mention}>
                      {segment.text}
                    </mark>
                  ) : (
                    segment.text
                  ),
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
      <NoteComposer members={members} addNote={addNote} run={run} />
    </section>
  );
}
