import type { CopilotContext, PastConversation } from '../copilot/provider';
import { DEFAULT_ROUTING, type Note, type Tag, type Team, type Template } from '../schema';
import { conversation, template } from './records';

/** A support workspace the copilot tests and the triage bench ground on. */

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

const t = (n: number, title: string, tags: string[], paragraphs: string[], instruction?: string) =>
  template({
    id: uuid(100 + n),
    title,
    shortcut: null,
    folder: null,
    tags,
    instruction: instruction ?? null,
    body: `<p>Hi {{customer.firstName}},</p>${paragraphs.map((p) => `<p>${p}</p>`).join('')}<p>Best regards,<br>{{agent.name}}</p>`,
  });

export const corpusTemplates: Template[] = [
  t(
    1,
    'Refund issued',
    ['billing'],
    [
      'I have refunded the duplicate charge to your card. Refunds take 5–7 business days to show on your bank statement.',
    ],
    'Name the amount when the customer gave it.',
  ),
  t(
    2,
    'Invoice reissued with VAT number',
    ['billing'],
    [
      'Attached is a new copy of your invoice with the VAT number and billing address you asked for. The old invoice is void.',
    ],
  ),
  t(
    3,
    'Payment declined: other ways to pay',
    ['billing'],
    [
      'Your card payment was declined by the bank. You can retry from <b>Settings → Billing</b>, use another card, or pay the renewal by bank transfer; your account stays active meanwhile.',
    ],
  ),
  t(
    4,
    'Password reset steps',
    ['login'],
    [
      'Please use <a href="https://app.example.com/reset">the reset page</a> to choose a new password. If the reset email does not arrive within five minutes, check spam and let me know: I can send a sign-in link instead.',
    ],
  ),
  t(
    5,
    'Two-factor recovery',
    ['login'],
    [
      'To sign in without your authenticator, use one of your backup codes. If you cannot find them, reply from this address and I will reset two-factor authentication on your account after a short identity check.',
    ],
  ),
  t(
    6,
    'SSO sign-in troubleshooting',
    ['login'],
    [
      'After a certificate rotation in your identity provider, upload the new SAML signing certificate under <b>Settings → Security → SSO</b> and sign in once as an admin to confirm it.',
    ],
  ),
  t(
    7,
    'Incident acknowledged',
    ['outage'],
    [
      'We are aware of the outage and our engineers are working on it right now. Follow the status page for updates; I will write again as soon as the service is restored.',
    ],
    'Only while an incident is open.',
  ),
  t(
    8,
    'Bug report received',
    ['bug'],
    [
      'Thank you for the detailed report and the steps to reproduce it. I have passed it to our engineers and will let you know when the fix ships.',
    ],
  ),
  t(
    9,
    'Feature request logged',
    ['feature-request'],
    [
      'Thanks for the suggestion! I have added it to our product roadmap board, where the team reviews ideas every month. I cannot promise a date, but I will tell you when it ships.',
    ],
  ),
  t(
    10,
    'Cancellation confirmed',
    ['cancellation'],
    [
      'Your subscription is cancelled and will not renew. You keep access until the end of the current billing period; after that your data is deleted within 30 days.',
    ],
  ),
  t(
    11,
    'Where is my order',
    ['shipping'],
    [
      'I have checked your order with the carrier: the parcel is in transit and the tracking will update within two days. If it has not arrived by then, I will send a replacement.',
    ],
  ),
  t(
    12,
    'Damaged item replacement',
    ['shipping'],
    [
      'I am sorry your item arrived damaged. A replacement ships today at no cost, and you do not need to return the damaged one.',
    ],
  ),
  t(
    13,
    'Transfer workspace ownership',
    ['account'],
    [
      'To transfer ownership, an admin opens <b>Settings → Members</b> and makes you the owner. If no admin is left, reply with a note on company letterhead and I will transfer it for you.',
    ],
  ),
  t(
    14,
    'Inviting teammates',
    ['question'],
    [
      'You can invite a colleague from <b>Settings → Members → Invite</b>: they get an email with a link to join your workspace.',
    ],
  ),
  t(
    15,
    'Exporting your data',
    ['question'],
    [
      'You can export all conversations with their notes as JSON or CSV under <b>Settings → Data → Export</b>.',
    ],
  ),
];

const tag = (n: number, name: string, archived = false): Tag => ({
  id: uuid(200 + n),
  name,
  color: '#6b7280',
  archived,
  version: 1,
});

export const corpusTags: Tag[] = [
  tag(1, 'Billing'),
  tag(2, 'login'),
  tag(3, 'bug'),
  tag(4, 'feature-request'),
  tag(5, 'outage'),
  tag(6, 'shipping'),
  tag(7, 'account'),
  tag(8, 'cancellation'),
  tag(9, 'question'),
  tag(10, 'vip'),
  tag(11, 'thanks', true),
];

export const corpusTeams: Team[] = [
  { id: uuid(301), name: 'Billing', memberIds: [], routing: DEFAULT_ROUTING },
  { id: uuid(302), name: 'Tech Support', memberIds: [], routing: DEFAULT_ROUTING },
  { id: uuid(303), name: 'Logistics', memberIds: [], routing: DEFAULT_ROUTING },
  { id: uuid(304), name: 'Product', memberIds: [], routing: DEFAULT_ROUTING },
  { id: uuid(305), name: 'Customer Success', memberIds: [], routing: DEFAULT_ROUTING },
];

const note = (n: number, conversationId: string, body: string): Note => ({
  id: uuid(500 + n),
  conversationId,
  authorId: uuid(401),
  body,
  mentions: [],
  createdAt: '2026-02-10T10:00:00.000Z',
  version: 1,
});

const past = (
  id: string,
  subject: string,
  customer: { email: string; name: string },
  patch: Partial<PastConversation['conversation']>,
  notes: string[],
): PastConversation => ({
  conversation: conversation(id, { subject, participants: [customer], ...patch }),
  notes: notes.map((body, i) => note(Number(id.replace(/\D/g, '')) * 10 + i, id, body)),
});

const laura = { email: 'laura.bianchi@libero.it', name: 'Laura Bianchi' };
const sabine = { email: 's.keller@moebelhaus-keller.de', name: 'Sabine Keller' };

export const corpusHistory: PastConversation[] = [
  past(
    'h1',
    'Refund for order 5531',
    laura,
    {
      status: 'closed',
      tags: ['Billing'],
      lastMessageAt: '2026-03-03T10:12:00.000Z',
    },
    ['Refunded $120 to the original card; the customer had returned the order unused.'],
  ),
  past(
    'h2',
    'Invoice address wrong',
    sabine,
    {
      status: 'closed',
      tags: ['Billing'],
      lastMessageAt: '2026-01-20T09:00:00.000Z',
    },
    [
      'Reissued invoice 77102 with the head office address. She needs the VAT number on every invoice.',
    ],
  ),
  past(
    'h3',
    'Duplicate charge in January',
    { email: 'dave@example.org', name: 'Dave Ross' },
    {
      status: 'closed',
      tags: ['Billing'],
      lastMessageAt: '2026-02-01T09:00:00.000Z',
    },
    ['Payment provider retried the renewal and charged twice; refunded the second charge.'],
  ),
  past(
    'h4',
    'Cannot log in after password reset',
    { email: 'mia@example.org', name: 'Mia Chen' },
    {
      status: 'closed',
      tags: ['login'],
      lastMessageAt: '2026-02-11T09:00:00.000Z',
    },
    ['Browser kept an old session cookie; clearing cookies for the app fixed the sign-in loop.'],
  ),
  past(
    'h5',
    'Parcel stuck in customs',
    laura,
    {
      status: 'open',
      tags: ['shipping'],
      lastMessageAt: '2026-03-10T09:00:00.000Z',
    },
    ['Waiting on the carrier.'],
  ),
];

const AGENT = { name: 'Ana Silva', email: 'ana@acme.test' };

/** A new conversation's context: one customer email, the corpus around it. */
export function contextFor(
  email: { subject: string; from: string; body: string },
  patch: Partial<CopilotContext> = {},
): CopilotContext {
  return {
    thread: {
      subject: email.subject,
      messages: [{ from: email.from, sentAt: null, text: email.body }],
    },
    conversation: null,
    templates: corpusTemplates,
    history: corpusHistory,
    tags: corpusTags,
    teams: corpusTeams,
    agent: AGENT,
    ...patch,
  };
}
