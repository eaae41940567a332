import { describe, expect, it } from 'vitest';
import type { Event } from '../schema';
import { ana, leo } from '../testing/thread-data';
import { timeline } from './timeline';

const now = new Date('2026-11-20T10:00:00.000Z');
let n = 0;
const event = (type: string, actorId: string | null, before: unknown, after: unknown): Event => {
  n++;
  return {
    id: `00000000-0000-4000-8000-00000000100${n}`,
    version: n,
    actorId,
    conversationId: 'c1',
    type,
    before,
    after,
    at: new Date(now.getTime() - (10 - n) * 60_000).toISOString(),
  };
};

describe('the activity timeline', () => {
  it('reads each change as a sentence, newest first, with how long ago', () => {
    const events = [
      event('conversation.created', ana.id, null, {}),
      event('conversation.assigned', ana.id, null, ana.id),
      event(
        'conversation.status',
        leo.id,
        { status: 'open', snoozedUntil: null },
        {
          status: 'pending',
          snoozedUntil: null,
        },
      ),
      event('conversation.tagged', leo.id, null, 'vip'),
      event('conversation.untagged', ana.id, 'vip', null),
      event('note.added', ana.id, null, { noteId: 'x' }),
      event('conversation.assigned', leo.id, ana.id, leo.id),
      event('conversation.assigned', leo.id, leo.id, ana.id),
      event('conversation.unassigned', leo.id, ana.id, null),
    ];
    const lines = timeline(events, [ana, leo], now).map((e) => `${e.text} · ${e.ago}`);
    expect(lines).toEqual([
      'Leo Lead unassigned Ana Silva · 1 min ago',
      'Leo Lead assigned this to Ana Silva · 2 min ago',
      'Leo Lead took this · 3 min ago',
      'Ana Silva added a note · 4 min ago',
      'Ana Silva removed tag vip · 5 min ago',
      'Leo Lead added tag vip · 6 min ago',
      'Leo Lead set status pending · 7 min ago',
      'Ana Silva took this · 8 min ago',
      'Ana Silva started tracking this conversation · 9 min ago',
    ]);
  });

  it('tells what became of copilot answers, never their text', () => {
    const record = (task: string, provider: string, outcome: string) => ({
      task,
      provider,
      model: provider === 'offline' ? null : 'gpt-4o-mini',
      sources: [],
      outcome,
    });
    const events = [
      event('copilot.draft', ana.id, null, record('draft', 'offline', 'edited')),
      event('copilot.draft', leo.id, null, record('draft', 'openai-compatible', 'accepted')),
      event('copilot.triage', ana.id, null, record('triage', 'offline', 'applied')),
      event('copilot.draft', ana.id, null, { unexpected: true }),
    ];
    expect(timeline(events, [ana, leo], now).map((e) => e.text)).toEqual([
      'Ana Silva: copilot.draft',
      'Ana Silva applied the copilot’s triage (offline)',
      'Leo Lead inserted a copilot draft unchanged',
      'Ana Silva inserted a copilot draft after editing it (offline)',
    ]);
  });

  it('tells replies, customer messages and SLA alerts', () => {
    const alert = (target: string) => ({
      target,
      clock: 0,
      dueAt: null,
      warnAt: null,
      assigneeId: ana.id,
      policyId: '00000000-0000-4000-8000-0000000000a1',
    });
    const at = '2026-11-20T09:00:00.000Z';
    const events = [
      event('conversation.message_received', ana.id, null, { at, from: 'maria@customer.test' }),
      event('sla.warning', null, null, alert('firstResponse')),
      event('conversation.replied', ana.id, null, { at }),
      event('conversation.replied', ana.id, null, { at, from: 'Leo@acme.test' }),
      event('sla.breached', null, null, alert('resolution')),
    ];
    const members = [ana, { ...leo, email: 'leo@acme.test' }];
    expect(timeline(events, members, now).map((e) => e.text)).toEqual([
      'Resolution missed its SLA',
      'Leo Lead replied',
      'Ana Silva replied',
      'First response is due soon',
      'maria@customer.test wrote',
    ]);
  });

  it('tells what the customer answered on a rating link', () => {
    const rated = (kind: string, scale: string, score: number) =>
      event('survey.rated', null, null, {
        surveyId: '00000000-0000-4000-8000-0000000000b1',
        kind,
        scale,
        score,
      });
    const events = [
      rated('csat', 'thumbs', 1),
      rated('csat', 'five', 4),
      rated('nps', 'ten', 9),
      rated('ces', 'seven', 6),
      rated('csat', 'five', 9),
    ];
    expect(timeline(events, [ana], now).map((e) => e.text)).toEqual([
      'The customer answered a rating link',
      'The customer found it 6 of 7 easy to get help (CES)',
      'The customer would recommend us 9 of 10 (NPS)',
      'The customer rated the reply 4 of 5 (CSAT)',
      'The customer rated the reply 👍 (CSAT)',
    ]);
  });

  it('names the rule behind each automatic change, and why a conversation was escalated', () => {
    const ruleId = '00000000-0000-4000-8000-0000000000c1';
    const escalation = (reason: string, by: string | null) => ({
      reason,
      fromTeamId: null,
      toTeamId: null,
      previousAssigneeId: ana.id,
      ruleId: by,
    });
    const events = [
      event('automation.action', null, null, {
        ruleId,
        ruleName: 'Refunds to Billing',
        action: 'route',
        effect: 'routed to Billing, assigned to Ana Silva (round-robin)',
      }),
      event('conversation.escalated', leo.id, null, escalation('Needs a refund approval', null)),
      event('conversation.escalated', null, null, escalation('No reply in 4 h', ruleId)),
      event('automation.action', null, null, { unexpected: true }),
    ];
    expect(timeline(events, [ana, leo], now).map((e) => e.text)).toEqual([
      'A rule acted on this',
      'A rule escalated this: No reply in 4 h',
      'Leo Lead escalated this: Needs a refund approval',
      'Rule “Refunds to Billing”: routed to Billing, assigned to Ana Silva (round-robin)',
    ]);
  });

  it('says snoozed until when, and copes with unknown people, types and shapes', () => {
    const until = new Date(2026, 10, 21, 9, 0).toISOString();
    const events = [
      event('conversation.status', null, null, { status: 'snoozed', snoozedUntil: until }),
      event('conversation.assigned', '00000000-0000-4000-8000-0000000000ff', null, 42),
      event('conversation.merged', ana.id, null, null),
    ];
    const texts = timeline(events, [ana], now).map((e) => e.text);
    expect(texts[0]).toBe('Ana Silva: conversation.merged');
    expect(texts[1]).toBe('A former member changed the assignee');
    expect(texts[2]).toMatch(/^Someone snoozed this until .+/);
  });
});
