import { describe, expect, it } from 'vitest';
import { contextFor, corpusHistory } from '../testing/copilot-corpus';
import { conversation } from '../testing/records';
import { groundingFor } from './retrieval';

const refundMail = {
  subject: 'Charged twice this month',
  from: 'Dave Ross <dave@example.org>',
  body: 'Hi, my card was charged twice for the renewal. Can I get a refund of the second charge?\n\nThanks,\nDave',
};

describe('groundingFor', () => {
  it('ranks templates by the subject and the latest message, with a reason', () => {
    const { templates } = groundingFor(contextFor(refundMail));
    expect(templates.map((t) => t.template.title)).toEqual([
      'Refund issued',
      'Payment declined: other ways to pay',
    ]);
    expect(templates[0]!.source).toEqual({
      kind: 'template',
      id: templates[0]!.template.id,
      title: 'Refund issued',
      reason: "Matches 'charged', 'card', 'refund'",
    });
    expect(templates[0]!.score).toBeGreaterThan(templates[1]!.score);
  });

  it('tags a template reason with the tags it shares with the thread', () => {
    const own = conversation('c9', { tags: ['billing'] });
    const [best] = groundingFor(contextFor(refundMail, { conversation: own })).templates;
    expect(best!.source.reason).toBe("Matches 'charged', 'card', 'refund'; tagged billing");
  });

  it('keeps a past conversation that shares only a common word out', () => {
    const { conversations } = groundingFor(contextFor(refundMail));
    expect(conversations.map((c) => [c.past.conversation.id, c.source.reason])).toEqual([
      ['h3', "Same customer; matches 'charged', 'twice', 'renewal', 'refund'"],
    ]);
  });

  it('counts the same customer even without shared words', () => {
    const mail = { subject: 'Hello', from: 'Laura <laura.bianchi@libero.it>', body: 'Quux zebra' };
    const { conversations } = groundingFor(contextFor(mail));
    expect(conversations.map((c) => [c.past.conversation.id, c.source.reason])).toEqual([
      ['h1', 'Same customer'],
    ]);
  });

  it('boosts the same tags and leaves out the conversation itself', () => {
    const own = conversation('h3', { tags: ['Billing'] });
    const { conversations } = groundingFor(contextFor(refundMail, { conversation: own }), {
      conversations: 5,
    });
    expect(conversations.map((c) => c.past.conversation.id)).toEqual(['h1', 'h2']);
    expect(conversations[1]!.source.reason).toBe('Tagged Billing');
  });

  it('honours the limits and never returns an open conversation', () => {
    const grounding = groundingFor(contextFor({ ...refundMail, from: 'laura.bianchi@libero.it' }), {
      templates: 1,
      conversations: 10,
    });
    expect(grounding.templates).toHaveLength(1);
    const ids = grounding.conversations.map((c) => c.past.conversation.id);
    expect(ids).not.toContain('h5');
    expect(corpusHistory.find((p) => p.conversation.id === 'h5')?.conversation.status).toBe('open');
  });

  it('finds nothing for a message that shares no words', () => {
    const grounding = groundingFor(
      contextFor({ subject: 'Zebra', from: 'x@y.test', body: 'Quux zebra' }),
    );
    expect(grounding).toEqual({ templates: [], conversations: [] });
  });
});
