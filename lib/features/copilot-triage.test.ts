import { describe, expect, it } from 'vitest';
import type { TriageSuggestion } from '../schema';
import { conversation } from '../testing/records';
import { isNewConversation, triageLines, triageSources, triageSteps } from './copilot-triage';

const suggestion: TriageSuggestion = {
  intent: { value: 'billing', reason: 'mentions a double charge' },
  priority: { value: 'high', reason: 'money taken twice' },
  sentiment: { value: 'negative', reason: '“unacceptable”' },
  tag: { name: 'billing', reason: 'the workspace’s tag for billing' },
  template: {
    id: '00000000-0000-4000-8000-00000000aaaa',
    title: 'Refund approved',
    reason: 'refund questions',
  },
  team: { id: '00000000-0000-4000-8000-00000000cccc', name: 'Billing', reason: 'handles refunds' },
  close: null,
};

describe('copilot triage', () => {
  it('is offered for open, unassigned, untagged conversations only', () => {
    expect(isNewConversation(conversation('c1'))).toBe(true);
    expect(isNewConversation(conversation('c1', { tags: ['vip'] }))).toBe(false);
    expect(isNewConversation(conversation('c1', { status: 'pending' }))).toBe(false);
    expect(
      isNewConversation(conversation('c1', { assigneeId: '00000000-0000-4000-8000-000000000001' })),
    ).toBe(false);
  });

  it('lists every suggestion with its reason; team and template are advice', () => {
    const lines = triageLines(suggestion, conversation('c1'));
    expect(lines.map((l) => [l.label, l.value, l.applies])).toEqual([
      ['Topic', 'billing', false],
      ['Tag', 'billing', true],
      ['Priority', 'high', true],
      ['Sentiment', 'negative', false],
      ['Template', 'Refund approved', false],
      ['Team', 'Billing', false],
    ]);
    expect(lines.every((l) => l.reason.length > 0)).toBe(true);
  });

  it('applies the tag and priority, and closes only when chosen', () => {
    const c = conversation('c1');
    expect(triageSteps(suggestion, c, { close: true })).toEqual([
      { kind: 'tag', tag: 'billing' },
      { kind: 'priority', priority: 'high' },
    ]);
    const thanks: TriageSuggestion = {
      ...suggestion,
      intent: { value: 'thanks', reason: 'says thank you' },
      tag: null,
      priority: { value: 'normal', reason: 'nothing to do' },
      close: { reason: 'only thanks us' },
    };
    expect(triageSteps(thanks, c, { close: false })).toEqual([]);
    expect(triageSteps(thanks, c, { close: true })).toEqual([{ kind: 'close' }]);
  });

  it('changes nothing the conversation already has', () => {
    const c = conversation('c1', { tags: ['Billing'], priority: 'high' });
    expect(triageSteps(suggestion, c, { close: false })).toEqual([]);
    expect(triageSources(suggestion)).toEqual([
      { kind: 'template', id: '00000000-0000-4000-8000-00000000aaaa' },
    ]);
  });
});
