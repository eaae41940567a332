import type { Note } from '../schema';
import type { ChangeNotice } from '../schema/messages';

type Table = ChangeNotice['tables'][number];

/** What a write to the cache touched, for the change notifications. */
export class ChangeSummary {
  readonly conversationIds = new Set<string>();
  readonly tables = new Set<Table>();
  /** Notes written that the cache did not hold before (the mention notifications read them). */
  readonly newNotes: Note[] = [];

  conversation(id: string) {
    this.conversationIds.add(id);
    return this;
  }

  table(name: Table) {
    this.tables.add(name);
    return this;
  }

  newNote(note: Note) {
    this.newNotes.push(note);
    return this;
  }

  get empty() {
    return this.conversationIds.size === 0 && this.tables.size === 0;
  }

  toNotice(): ChangeNotice {
    return {
      type: 'changed',
      conversationIds: [...this.conversationIds],
      tables: [...this.tables],
    };
  }
}
