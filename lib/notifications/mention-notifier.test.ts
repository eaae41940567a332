import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type SidedeskDb, toConversationRow } from '../db';
import { deleteMeta, getMeta, setMeta } from '../meta';
import type { Note } from '../schema';
import { memoryDb } from '../testing/memory-db';
import { conversation, member, session } from '../testing/records';
import { MentionNotifier } from './mention-notifier';
import type { BrowserNotification } from './show';

const me = member('00000000-0000-4000-8000-000000000001', 'Ana', 'agent');
const ben = member('00000000-0000-4000-8000-000000000002', 'Ben Lead', 'lead');
const now = Date.parse('2026-01-05T10:00:00.000Z');

const note = (n: number, patch: Partial<Note> = {}): Note => ({
  id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
  conversationId: 'c1',
  authorId: ben.id,
  body: `Please look at this (${n})`,
  mentions: [me.id],
  createdAt: '2026-01-05T09:30:00.000Z',
  version: 2,
  ...patch,
});

let factory: IDBFactory;
let db: SidedeskDb;
let shown: BrowserNotification[];
const notifier = (on = db) =>
  new MentionNotifier({
    db: on,
    now: () => now,
    show: async (notes) => {
      shown.push(...notes);
    },
  });

beforeEach(async () => {
  ({ db, factory } = memoryDb());
  shown = [];
  await db.members.bulkPut([me, ben]);
  await db.conversations.put(toConversationRow(conversation('c1', { subject: 'Refund' })));
  await setMeta(db, 'session', session(me));
});

describe('mention notifications in the worker', () => {
  it('show a new mention with its author and subject, once, even across a restart', async () => {
    await notifier().arrived([note(1), note(2, { mentions: [ben.id] })]);
    expect(shown).toEqual([
      {
        id: `sidedesk-mention:${note(1).id}:c1`,
        title: 'Ben Lead mentioned you',
        message: 'Refund — Please look at this (1)',
        contextMessage: 'Internal note',
      },
    ]);
    expect(await getMeta(db, 'mentionsShown')).toEqual([
      { id: note(1).id, createdAt: note(1).createdAt },
    ]);

    // A re-bootstrap brings the note again, to this worker or to the next one.
    await notifier().arrived([note(1)]);
    const restarted = memoryDb(factory).db;
    await notifier(restarted).arrived([note(1)]);
    expect(shown).toHaveLength(1);
  });

  it('show a note once when two batches bring it at the same time', async () => {
    const one = notifier();
    await Promise.all([one.arrived([note(1)]), one.arrived([note(1), note(3)])]);
    expect(shown.map((s) => s.message)).toEqual([
      'Refund — Please look at this (1)',
      'Refund — Please look at this (3)',
    ]);
  });

  it('tell nobody, and remember nothing, while signed out', async () => {
    await deleteMeta(db, 'session');
    await notifier().arrived([note(1)]);
    expect(shown).toEqual([]);
    expect(await getMeta(db, 'mentionsShown')).toBeUndefined();
  });

  it('keep going after a notification could not be shown', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failing = new MentionNotifier({
      db,
      now: () => now,
      show: async () => {
        throw new Error('notifications blocked');
      },
    });
    await failing.arrived([note(1)]);
    await failing.arrived([note(2)]);
    expect(await getMeta(db, 'mentionsShown')).toHaveLength(2);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
