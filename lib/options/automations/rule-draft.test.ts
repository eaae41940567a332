import { describe, expect, it } from 'vitest';
import type { Rule } from '../../schema/automation';
import {
  checkRule,
  newAction,
  newCondition,
  newRuleDraft,
  nextKey,
  type RuleDraft,
  ruleDraftOf,
  withField,
} from './rule-draft';

const team = '00000000-0000-4000-8000-000000000001';
const calendar = '00000000-0000-4000-8000-000000000002';

const refunds = (): RuleDraft => ({
  ...newRuleDraft(),
  name: 'Refunds to Billing',
  conditions: [{ ...newCondition(1), values: 'Refund,  invoice ,refund' }],
  actions: [
    { ...newAction(2, 'addTag'), tag: 'billing' },
    { ...newAction(3, 'route'), teamId: team },
  ],
});

describe('the rule editor’s draft', () => {
  it('becomes the body CreateRule takes: comma lists split, each value once', () => {
    expect(checkRule(refunds())).toEqual({
      value: {
        name: 'Refunds to Billing',
        enabled: true,
        trigger: { type: 'conversation.created' },
        conditions: [{ field: 'subject', op: 'containsAny', values: ['refund', 'invoice'] }],
        actions: [
          { type: 'addTag', tag: 'billing' },
          { type: 'route', teamId: team },
        ],
        stopProcessing: false,
      },
      issues: new Map(),
    });
  });

  it('sends only the fields each trigger, condition and action has', () => {
    const draft: RuleDraft = {
      ...refunds(),
      trigger: { type: 'no_reply', tag: 'ignored', minutes: '90', calendarId: calendar },
      conditions: [
        { ...newCondition(1, 'assignee'), values: 'stale' },
        { ...newCondition(2, 'time'), calendarId: calendar },
      ],
      actions: [{ ...newAction(3, 'escalate'), reason: 'No answer in 90 min', tag: 'x' }],
    };
    const { value } = checkRule(draft);
    expect(value?.trigger).toEqual({ type: 'no_reply', minutes: 90, calendarId: calendar });
    expect(value?.conditions).toEqual([
      { field: 'assignee', op: 'unassigned' },
      { field: 'time', op: 'inBusinessHours', calendarId: calendar },
    ]);
    expect(value?.actions).toEqual([{ type: 'escalate', reason: 'No answer in 90 min' }]);
    const anyTag = checkRule({
      ...draft,
      trigger: { ...draft.trigger, type: 'tag.added', tag: ' ' },
    });
    expect(anyTag.value?.trigger).toEqual({ type: 'tag.added', tag: null });
  });

  it('says what is wrong at the body’s paths, in plain words', () => {
    const draft: RuleDraft = {
      ...refunds(),
      name: ' ',
      trigger: { type: 'no_reply', tag: '', minutes: '', calendarId: '' },
      conditions: [
        { ...newCondition(1, 'senderDomain'), values: 'acme' },
        newCondition(2, 'priority'),
      ],
      actions: [newAction(3, 'assign')],
    };
    const { value, issues } = checkRule(draft);
    expect(value).toBeNull();
    expect(Object.fromEntries(issues)).toEqual({
      name: 'Required',
      'trigger.minutes': 'A whole number',
      'conditions.0.values.0': 'a domain such as example.com',
      'conditions.1.values': 'Add at least one',
      'actions.0.memberId': 'Choose one',
    });
    expect(checkRule({ ...refunds(), actions: [] }).issues.get('actions')).toBe('Add at least one');
  });

  it('round-trips a stored rule', () => {
    const rule: Rule = {
      id: '00000000-0000-4000-8000-000000000009',
      position: 0,
      createdBy: null,
      updatedAt: '2026-11-01T00:00:00.000Z',
      ...(checkRule(refunds()).value as Omit<Rule, 'id' | 'position' | 'createdBy' | 'updatedAt'>),
      stopProcessing: true,
    };
    const draft = ruleDraftOf(rule);
    expect(draft.conditions[0]?.values).toBe('refund, invoice');
    expect(checkRule(draft).value).toEqual({
      name: rule.name,
      enabled: true,
      trigger: rule.trigger,
      conditions: rule.conditions,
      actions: rule.actions,
      stopProcessing: true,
    });
    expect(new Set([...draft.conditions, ...draft.actions].map((r) => r.key)).size).toBe(3);
  });

  it('starts a row over when its field changes, and keys new rows apart', () => {
    const row = { ...newCondition(4, 'tags'), op: 'hasNone', values: 'vip' };
    expect(withField(row, 'priority')).toEqual({
      key: 4,
      field: 'priority',
      op: 'in',
      values: '',
      calendarId: '',
    });
    expect(nextKey(refunds())).toBe(4);
  });
});
