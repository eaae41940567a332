import type { CopilotContext } from '../copilot/provider';
import { DEFAULT_ROUTING, type Note, type Tag, type Team, type ThreadText } from '../schema';
import { conversation, template } from './records';

export const REFUND_TEMPLATE_ID = '00000000-0000-4000-8000-00000000aaa1';
export const BILLING_TEAM_ID = '00000000-0000-4000-8000-00000000bbb1';
export const BILLING_TAG_ID = '00000000-0000-4000-8000-00000000ccc1';
const AUTHOR = '00000000-0000-4000-8000-00000000ddd1';

/** A customer asking for a refund of a double charge, with PII in the text. */
export const refundThread = (): ThreadText => ({
  subject: 'Charged twice for my subscription',
  messages: [
    {
      from: 'Jane Doe <jane.doe@example.com>',
      sentAt: '2026-11-28T10:00:00.000Z',
      text: 'Hi,\n\nI was charged twice for my subscription this month. Please refund the second charge.\nYou can call me on +1 415 555 0134 or write to jane.doe@example.com.\n\nThanks,\nJane',
    },
  ],
});

const note = (id: string, conversationId: string, body: string): Note => ({
  id,
  conversationId,
  authorId: AUTHOR,
  body,
  mentions: [],
  createdAt: '2026-10-01T10:00:00.000Z',
  version: 1,
});

/** What the worker would gather for the refund thread: a matching template and a past case. */
export function refundContext(patch: Partial<CopilotContext> = {}): CopilotContext {
  const past = conversation('cpast0000000000000000000000000001', {
    subject: 'Double charge refund',
    status: 'closed',
    tags: ['billing'],
    participants: [{ email: 'jane.doe@example.com', name: 'Jane Doe' }],
  });
  const tags: Tag[] = [
    { id: BILLING_TAG_ID, name: 'billing', color: '#123456', archived: false, version: 1 },
  ];
  const teams: Team[] = [
    { id: BILLING_TEAM_ID, name: 'Billing', memberIds: [], routing: DEFAULT_ROUTING },
  ];
  return {
    thread: refundThread(),
    conversation: conversation('cnow00000000000000000000000000001', {
      subject: 'Charged twice for my subscription',
      participants: [{ email: 'jane.doe@example.com', name: 'Jane Doe' }],
    }),
    templates: [
      template({
        id: REFUND_TEMPLATE_ID,
        title: 'Refund of a double charge',
        body: '<p>Hi {{customer.firstName}}, we refunded the duplicate charge; it shows in 5 to 10 days.</p>',
        tags: ['billing'],
        instruction: 'Use when a customer was charged twice.',
      }),
      template({
        id: '00000000-0000-4000-8000-00000000aaa2',
        title: 'Password reset',
        body: '<p>Use the reset link on the sign-in page.</p>',
        shortcut: 'reset',
      }),
    ],
    history: [
      {
        conversation: past,
        notes: [
          note(
            '00000000-0000-4000-8000-00000000eee1',
            past.id,
            'Refunded the duplicate charge in Stripe; told her 5-10 days. Her card ends 4242, phone 020 7946 0018.',
          ),
        ],
      },
    ],
    tags,
    teams,
    agent: { name: 'Ana', email: 'ana@acme.test' },
    ...patch,
  };
}
