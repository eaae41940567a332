import { expect, it } from 'vitest';
import { contextFor } from '../../testing/copilot-corpus';
import { conversation } from '../../testing/records';
import { summarise } from './summary';

const LAURA = 'Laura Bianchi <laura.bianchi@libero.it>';
const SUPPORT = 'Acme Support <support@acme.test>';

function longThread() {
  const context = contextFor(
    {
      subject: 'Refund not received',
      from: LAURA,
      body: [
        'Hello,',
        '',
        'I returned order 7781 two weeks ago and was promised a refund of $80 to my Visa card. The refund has not shown up on my card yet. My bank says nothing is pending. I checked twice.',
        '',
        'Best regards,',
        'Laura',
      ].join('\n'),
    },
    {
      conversation: conversation('c-new', {
        refs: [{ host: 'gmail', mailbox: 'support@acme.test', threadId: 't' }],
        participants: [{ email: 'laura.bianchi@libero.it', name: 'Laura Bianchi' }],
      }),
    },
  );
  context.thread.messages.push(
    {
      from: SUPPORT,
      sentAt: null,
      text: 'Hi Laura,\n\nthe refund was sent on Monday; card refunds take 5 business days. I will check with the bank.\n\nBest,\nAna\n\nOn Tue, Laura wrote:\n> I returned order 7781',
    },
    {
      from: LAURA,
      sentAt: null,
      text: 'It is Friday now and the refund is still not on my card. Could you send me the refund reference so my bank can trace it?\n\nSent from my iPhone',
    },
  );
  return context;
}

it('picks the informative sentences in order, without quotes or signatures', () => {
  const { text } = summarise(longThread());
  expect(text.split('\n')).toEqual([
    '3 messages: Refund not received',
    '- Laura: I returned order 7781 two weeks ago and was promised a refund of $80 to my Visa card.',
    '- Laura: The refund has not shown up on my card yet.',
    '- Laura: It is Friday now and the refund is still not on my card.',
    '- Laura: Could you send me the refund reference so my bank can trace it?',
    '',
    'Previous conversations with Laura Bianchi:',
    '- 2026-03-03 "Refund for order 5531" (closed, Billing): Refunded $120 to the original card; the customer had returned the order unused.',
    '- 2026-03-10 "Parcel stuck in customs" (open, shipping): Waiting on the carrier.',
  ]);
});

it("names the customer's previous conversations as its sources", () => {
  const { sources } = summarise(longThread());
  expect(sources).toEqual([
    {
      kind: 'conversation',
      id: 'h1',
      title: 'Refund for order 5531',
      reason: 'Same customer, closed 2026-03-03',
    },
    {
      kind: 'conversation',
      id: 'h5',
      title: 'Parcel stuck in customs',
      reason: 'Same customer, open 2026-03-10',
    },
  ]);
});

it('keeps a short message whole and lists no history for a new customer', () => {
  const summary = summarise(
    contextFor({
      subject: 'Dark mode?',
      from: 'yuki@hoshi.test',
      body: 'Any plans for dark mode?',
    }),
  );
  expect(summary).toEqual({
    text: '1 message: Dark mode?\n- yuki@hoshi.test: Any plans for dark mode?',
    sources: [],
  });
});
