import { describe, expect, it } from 'vitest';
import { AUTOMATION_AUTHOR_ID, type Note } from '../schema';
import { member } from '../testing/records';
import {
  mentionNotification,
  mentionsToShow,
  mentionTarget,
  rememberShown,
} from './mention-notifications';

const ME = '00000000-0000-4000-8000-000000000001';
const BEN = '00000000-0000-4000-8000-000000000002';
const now = Date.parse('2026-01-05T10:00:00.000Z');
const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString();

const note = (n: number, patch: Partial<Note> = {}): Note => ({
  id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
  conversationId: `c${n}`,
  authorId: BEN,
  body: `Note ${n}`,
  mentions: [ME],
  createdAt: hoursAgo(1),
  version: 2,
  ...patch,
});

describe('which new notes tell me of a mention', () => {
  it('those that mention me, by someone else, from the last 24 hours', () => {
    const notes = [
      note(1),
      note(2, { mentions: [BEN] }),
      note(3, { authorId: ME }),
      note(4, { createdAt: hoursAgo(25) }),
      note(5, { authorId: AUTOMATION_AUTHOR_ID, mentions: [BEN, ME] }),
      note(6, { createdAt: hoursAgo(23.9) }),
    ];
    expect(mentionsToShow(notes, ME, [], now).map((n) => n.conversationId)).toEqual([
      'c1',
      'c5',
      'c6',
    ]);
  });

  it('each note once, ever: not again once shown, nor twice in one batch', () => {
    const first = note(1);
    const shown = rememberShown([], [first], now);
    expect(mentionsToShow([first, note(2)], ME, shown, now)).toEqual([note(2)]);
    expect(mentionsToShow([note(3), note(3)], ME, [], now)).toEqual([note(3)]);
  });

  it('remember shown notes only while they could still notify', () => {
    const old = { id: note(1).id, createdAt: hoursAgo(24.5) };
    const kept = { id: note(2).id, createdAt: hoursAgo(2) };
    expect(rememberShown([old, kept], [note(3)], now)).toEqual([
      kept,
      { id: note(3).id, createdAt: note(3).createdAt },
    ]);
    // A forgotten entry's note is outside the window: it cannot show again.
    expect(mentionsToShow([note(1, { createdAt: old.createdAt })], ME, [], now)).toEqual([]);
  });
});

describe('a mention notification', () => {
  const ben = member(BEN, 'Ben Lead', 'lead');

  it('names the author, the subject and the start of the note, and opens the conversation', () => {
    const n = note(1, { body: 'Can you   take this?\nThe customer is waiting.' });
    const shown = mentionNotification(n, [ben], 'Order #1042 arrived damaged');
    expect(shown).toEqual({
      id: `sidedesk-mention:${n.id}:c1`,
      title: 'Ben Lead mentioned you',
      message: 'Order #1042 arrived damaged — Can you take this? The customer is waiting.',
      contextMessage: 'Internal note',
    });
    expect(mentionTarget(shown.id)).toEqual({ conversationId: 'c1' });
  });

  it('comes from Sidedesk automation for a rule’s note, and cuts long notes at 120 characters', () => {
    const body = `${'a'.repeat(119)}é and more`;
    const shown = mentionNotification(note(2, { authorId: AUTOMATION_AUTHOR_ID, body }), [ben], '');
    expect(shown.title).toBe('Sidedesk automation mentioned you');
    expect(shown.message).toBe(`(no subject) — ${'a'.repeat(119)}é…`);
  });

  it('names a former member when the author is gone from the cache', () => {
    expect(mentionNotification(note(3), [], 'Hi').title).toBe('A former member mentioned you');
  });

  it('is the only notification a mention click opens', () => {
    expect(mentionTarget('sidedesk-sla:thread:c1')).toBeNull();
    expect(mentionTarget('sidedesk-mention:n1')).toBeNull();
    expect(mentionTarget('another-extension:1')).toBeNull();
  });
});
