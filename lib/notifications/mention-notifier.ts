import type { SidedeskDb } from '../db';
import { getMeta, setMeta } from '../meta';
import type { Note } from '../schema';
import { mentionNotification, mentionsToShow, rememberShown } from './mention-notifications';
import type { BrowserNotification } from './show';

export interface MentionNotifierOptions {
  db: SidedeskDb;
  now(): number;
  /** Shows them (chrome.notifications). */
  show(notes: BrowserNotification[]): Promise<void>;
}

/**
 * Tells the signed-in member of notes that mention them as the sync brings them in
 * (docs/automations.md#notifications). Batches run one after another, so two pages in
 * quick succession never both show a note.
 */
export class MentionNotifier {
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly opts: MentionNotifierOptions) {}

  /** Notes the sync just wrote to the cache that it did not hold before. */
  arrived(notes: readonly Note[]): Promise<void> {
    const run = this.chain
      .then(() => this.tell(notes))
      .catch((error) => console.warn('Sidedesk mention notifications:', error));
    this.chain = run;
    return run;
  }

  private async tell(notes: readonly Note[]) {
    const { db } = this.opts;
    const [session, shown = []] = await Promise.all([
      getMeta(db, 'session'),
      getMeta(db, 'mentionsShown'),
    ]);
    if (!session) return;
    const now = this.opts.now();
    const due = mentionsToShow(notes, session.member.id, shown, now);
    if (due.length === 0) return;
    // Remembered before shown: a worker stopped in between loses a mention, never repeats one.
    await setMeta(db, 'mentionsShown', rememberShown(shown, due, now));
    const [authors, conversations] = await Promise.all([
      db.members.bulkGet(due.map((n) => n.authorId)),
      db.conversations.bulkGet(due.map((n) => n.conversationId)),
    ]);
    const members = authors.filter((m) => m !== undefined);
    await this.opts.show(
      due.map((note, i) => mentionNotification(note, members, conversations[i]?.subject ?? null)),
    );
  }
}
