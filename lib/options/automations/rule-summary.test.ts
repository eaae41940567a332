import { describe, expect, it } from 'vitest';
import { matchSentence, ruleText, triggerText } from './rule-summary';

const team = '00000000-0000-4000-8000-000000000001';
const ana = '00000000-0000-4000-8000-000000000002';
const names = { team: new Map([[team, 'Billing']]), member: new Map([[ana, 'Ana']]) };

describe('a rule in words', () => {
  it('names the trigger, the conditions and the actions', () => {
    expect(
      ruleText(
        {
          trigger: { type: 'conversation.created' },
          conditions: [
            { field: 'subject', op: 'containsAny', values: ['refund', 'invoice'] },
            { field: 'team', op: 'notIn', values: [team] },
          ],
          actions: [
            { type: 'addTag', tag: 'billing' },
            { type: 'route', teamId: team },
            { type: 'notify', memberIds: [ana], roles: ['lead'], message: 'look' },
          ],
        },
        names,
      ),
    ).toEqual({
      when: 'When a conversation is created',
      conditions: 'if Subject contains any of refund, invoice and Team is none of Billing',
      actions: 'add tag billing, route to Billing, notify Ana, leads',
    });
  });

  it('says when what it points at is gone', () => {
    expect(
      ruleText(
        {
          trigger: { type: 'tag.added', tag: null },
          conditions: [],
          actions: [{ type: 'assign', memberId: team }],
        },
        {},
      ),
    ).toEqual({
      when: 'When any tag is added',
      conditions: 'always',
      actions: 'assign to a deleted member',
    });
    expect(triggerText({ type: 'no_reply', minutes: 30, calendarId: null }, {})).toBe(
      'When there is no reply after 30 min',
    );
  });

  it('counts a dry run’s matches', () => {
    expect(matchSentence({ examined: 41, matched: 3 })).toBe('3 of 41 conversations would match');
    expect(matchSentence({ examined: 1, matched: 1 })).toBe('1 of 1 conversation would match');
  });
});
