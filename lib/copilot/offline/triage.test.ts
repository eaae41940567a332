import { describe, expect, it } from 'vitest';
import { TriageSuggestion } from '../../schema';
import { contextFor, corpusTags } from '../../testing/copilot-corpus';
import { triageEmails } from '../../testing/triage-emails';
import { triage } from './triage';

const mail = (subject: string, body: string, from = 'Paul Whitfield <paul@example.com>') =>
  contextFor({ subject, from, body });

describe('triage', () => {
  it('suggests every field with a reason', () => {
    const suggestion = triage(
      mail(
        'Charged twice for March',
        'Hi,\n\nthere are two charges of $49.00 on my bank statement. Can you refund one?\n\nThanks,\nPaul',
      ),
    );
    expect(suggestion).toEqual({
      intent: { value: 'billing', reason: "Mentions 'charged', 'refund', 'charges'" },
      priority: { value: 'high', reason: "At stake: 'charged twice', 'two charges'" },
      sentiment: { value: 'neutral', reason: 'Matter-of-fact: no upset or warm words' },
      tag: { name: 'Billing', reason: "The workspace's tag for billing" },
      template: {
        id: '00000000-0000-4000-8000-000000000101',
        title: 'Refund issued',
        reason: "Matches 'charged', 'bank', 'statement', 'refund'",
      },
      team: {
        id: '00000000-0000-4000-8000-000000000301',
        name: 'Billing',
        reason: "Its name says 'billing', which handles billing",
      },
      close: null,
    });
  });

  it('makes an outage urgent', () => {
    const s = triage(mail('Site down?', 'None of us can load the app, we get 502 Bad Gateway.'));
    expect([s.intent.value, s.priority.value]).toEqual(['outage', 'urgent']);
    expect(s.team?.name).toBe('Tech Support');
  });

  it('makes an upset customer who cannot work urgent', () => {
    const s = triage(
      mail('Locked out', 'This is ridiculous, I am locked out of my account again.'),
    );
    expect([s.intent.value, s.priority.value, s.sentiment.value]).toEqual([
      'login',
      'urgent',
      'negative',
    ]);
  });

  it('suggests closing a thank-you, and not one that asks for more', () => {
    const thanks = triage(mail('Re: Refund', 'That worked, thank you so much!'));
    expect(thanks.intent.value).toBe('thanks');
    expect(thanks.priority.value).toBe('low');
    expect(thanks.sentiment.value).toBe('positive');
    expect(thanks.close).toEqual({ reason: 'A thank-you with nothing more to answer' });
    expect(thanks.team).toBeNull();
    expect(thanks.template).toBeNull();
    // The workspace's "thanks" tag is archived: no tag rather than a dead one.
    expect(corpusTags.find((t) => t.name === 'thanks')?.archived).toBe(true);
    expect(thanks.tag).toBeNull();

    const more = triage(
      mail('Re: Refund', 'Thanks, that worked! But the invoice still shows the old amount.'),
    );
    expect(more.close).toBeNull();
    expect(more.intent.value).toBe('billing');
  });

  it('reads a mail without a topic word as a question', () => {
    const s = triage(mail('Quick one', 'When does the snooze end exactly?'));
    expect(s.intent).toEqual({
      value: 'how-to',
      reason: 'No topic words found; read as a general question',
    });
  });

  it('reads only the latest message, not the quoted reply', () => {
    const s = triage(
      mail(
        'Re: Cancel',
        'Got it, thanks a lot!\n\nOn Mon, 3 Mar 2026, Support <support@acme.test> wrote:\n> Your subscription is cancelled.',
      ),
    );
    expect(s.intent.value).toBe('thanks');
  });

  it('fits the contract on every labelled email', () => {
    for (const email of triageEmails()) {
      expect(() => TriageSuggestion.parse(triage(contextFor(email))), email.id).not.toThrow();
    }
  });
});
