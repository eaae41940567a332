import { expect, it } from 'vitest';
import { contextFor } from '../testing/copilot-corpus';
import { conversation } from '../testing/records';
import { customerOf, latestCustomerMessage, ownText, parseAddress, sentences } from './thread-text';

it('parses senders', () => {
  expect(parseAddress('Ana Silva <Ana@Example.com>')).toEqual({
    email: 'ana@example.com',
    name: 'Ana Silva',
  });
  expect(parseAddress('"Silva, Ana" <ana@example.com>').name).toBe('Silva, Ana');
  expect(parseAddress('ops@kettle-labs.com')).toEqual({ email: 'ops@kettle-labs.com', name: null });
});

it('keeps only what the sender wrote this time', () => {
  const text = [
    'Hi again,',
    '',
    'nothing has arrived yet. Could you check?',
    '',
    'Laura',
    '',
    'On Mon, 3 Mar 2026 at 10:12, Acme Support <support@acme.test> wrote:',
    '> we have issued a refund',
  ].join('\n');
  expect(ownText(text)).toBe('nothing has arrived yet. Could you check?\n\nLaura');
});

it('drops sign-offs, signatures and legal footers', () => {
  const text = [
    'Received, many thanks.',
    '',
    'Best regards',
    '',
    'Sabine Keller',
    'Accounts Payable',
    '',
    'This e-mail may contain confidential information.',
  ].join('\n');
  expect(ownText(text)).toBe('Received, many thanks.');
  expect(ownText('Perfect.\n-- \nJohn\n+1 (415) 555-2671')).toBe('Perfect.');
  expect(ownText('> quoted\nFrom: Support <s@x.test>\nSent: Monday')).toBe('');
});

it('keeps a message that is only a closing', () => {
  expect(ownText('Thank you!')).toBe('Thank you!');
});

it('splits sentences on end punctuation and lines', () => {
  expect(sentences('It broke. Version 3.2 is fine! Why?\nSteps below')).toEqual([
    'It broke.',
    'Version 3.2 is fine!',
    'Why?',
    'Steps below',
  ]);
});

it("finds the customer's latest message, not the team's reply", () => {
  const context = contextFor(
    { subject: 'Refund', from: 'Laura Bianchi <laura@x.test>', body: 'Where is my refund?' },
    {
      conversation: conversation('c1', {
        refs: [{ host: 'gmail', mailbox: 'support@acme.test', threadId: 't1' }],
        participants: [{ email: 'laura@x.test', name: 'Laura Bianchi' }],
      }),
    },
  );
  context.thread.messages.push({
    from: 'Acme Support <support@acme.test>',
    sentAt: null,
    text: 'It is on its way.',
  });
  expect(latestCustomerMessage(context).text).toBe('Where is my refund?');
  expect(customerOf(context)).toEqual({ email: 'laura@x.test', name: 'Laura Bianchi' });
});
