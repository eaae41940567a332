import { expect, it } from 'vitest';
import { contextFor } from '../../testing/copilot-corpus';
import { template } from '../../testing/records';
import { acknowledgement, draftReply } from './draft';

const paul = {
  subject: 'Charged twice for March',
  from: 'Paul Whitfield <paul.whitfield@gmail.com>',
  body: 'Hi,\n\nI was charged twice for my March renewal. Can you refund one?\n\nThanks,\nPaul',
};

it("drafts from the best template in the template's own tone", () => {
  const { text, sources } = draftReply(contextFor(paul));
  expect(text).toBe(
    [
      'Hi Paul,',
      'Thanks for letting us know that you were charged twice for your March renewal.',
      'I have refunded the duplicate charge to your card. Refunds take 5–7 business days to show on your bank statement.',
      'Best regards,\nAna Silva',
    ].join('\n\n'),
  );
  expect(sources.map((s) => [s.kind, s.title])).toEqual([
    ['template', 'Refund issued'],
    ['conversation', 'Duplicate charge in January'],
  ]);
});

it("fills the template's variables and keeps its greeting and sign-off words", () => {
  const welcome = template({
    id: '00000000-0000-4000-8000-000000000999',
    title: 'Renewal charge explained',
    body: '<p>Dear {{customer.firstName}},</p><p>The renewal on {{customer.email}} is charged once a year.</p><p>Kind regards,</p><p>{{agent.name}}</p>',
  });
  const { text } = draftReply(contextFor(paul, { templates: [welcome] }));
  expect(text).toBe(
    [
      'Dear Paul,',
      'Thanks for letting us know that you were charged twice for your March renewal.',
      'The renewal on paul.whitfield@gmail.com is charged once a year.',
      'Kind regards,\nAna Silva',
    ].join('\n\n'),
  );
});

it('says it will look into it when no template fits, and greets a nameless sender', () => {
  const { text, sources } = draftReply(
    contextFor({ subject: 'Zebra', from: 'x@y.test', body: 'My zebra quux is odd today.' }),
  );
  expect(text).toBe(
    [
      'Hi there,',
      'Thanks for letting us know that your zebra quux is odd today.',
      'I am looking into this and will get back to you shortly.',
      'Best regards,\nAna Silva',
    ].join('\n\n'),
  );
  expect(sources).toEqual([]);
});

it('acknowledges a question by its subject, and speaks in our voice', () => {
  const ask = (body: string) =>
    acknowledgement(contextFor({ subject: 'Re: Snooze', from: 'a@b.test', body }));
  expect(ask('When does it end?')).toBe('Thanks for your message about "Snooze".');
  expect(ask('I sent you my invoice and your app lost it.')).toBe(
    'Thanks for letting us know that you sent us your invoice and our app lost it.',
  );
});
