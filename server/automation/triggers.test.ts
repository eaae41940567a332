import { describe, expect, it } from 'vitest';
import { triggersOf } from './triggers';

const now = new Date('2026-11-30T10:00:00Z');

describe('triggers of an accepted change', () => {
  it('maps the change events to the jobs they fire', () => {
    const jobs = triggersOf(
      'c1',
      [
        { type: 'conversation.created', before: null, after: {} },
        {
          type: 'conversation.message_received',
          after: { at: '2026-11-30T09:59:00Z', from: 'jo@x.test' },
        },
        { type: 'conversation.tagged', before: null, after: 'billing' },
        { type: 'conversation.status', before: { status: 'closed' }, after: { status: 'open' } },
        {
          type: 'conversation.escalated',
          before: null,
          after: {
            reason: 'Needs a fix',
            fromTeamId: null,
            toTeamId: null,
            previousAssigneeId: null,
            ruleId: null,
          },
        },
      ],
      now,
    );
    expect(jobs.map((j) => [j.kind, j.payload])).toEqual([
      ['conversation.created', {}],
      ['message.received', { at: '2026-11-30T09:59:00Z' }],
      ['tag.added', { tag: 'billing' }],
      ['conversation.reopened', {}],
      ['escalated', { fromTeamId: null, reason: 'Needs a fix' }],
    ]);
    expect(jobs.every((j) => j.conversationId === 'c1' && j.runAt === now)).toBe(true);
  });

  it('fires nothing for what is not a trigger, or does not read', () => {
    expect(
      triggersOf(
        'c1',
        [
          { type: 'conversation.status', before: { status: 'open' }, after: { status: 'closed' } },
          { type: 'conversation.status', before: { status: 'open' }, after: { status: 'open' } },
          { type: 'conversation.message_received', after: { when: 'yesterday' } },
          { type: 'conversation.tagged', after: 42 },
          { type: 'conversation.escalated', after: { reason: 1 } },
          { type: 'note.added', after: { noteId: 'n' } },
        ],
        now,
      ),
    ).toEqual([]);
  });
});
