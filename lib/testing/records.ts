import type { Conversation, Member, Session, Template } from '../schema';

const t0 = '2026-01-05T09:00:00.000Z';

export const member = (id: string, name: string, role: Member['role']): Member => ({
  id,
  email: `${name.toLowerCase()}@example.com`,
  name,
  role,
  status: 'active',
  availability: 'available',
  capacity: null,
  skills: [],
  calendarId: null,
  version: 1,
});

export const conversation = (id: string, patch: Partial<Conversation> = {}): Conversation => ({
  id,
  key: `msgid:<${id}@example.com>`,
  host: 'gmail',
  refs: [{ host: 'gmail', mailbox: 'support@example.com', threadId: `t-${id}` }],
  subject: `Subject ${id}`,
  participants: [{ email: 'customer@example.com', name: null }],
  firstMessageAt: t0,
  lastMessageAt: t0,
  status: 'open',
  snoozedUntil: null,
  priority: 'normal',
  assigneeId: null,
  tags: [],
  dueAt: null,
  sla: null,
  lastMessageFrom: null,
  teamId: null,
  followers: [],
  slaPolicyId: null,
  createdAt: t0,
  updatedAt: t0,
  version: 1,
  ...patch,
});

export const session = (me: Member): Session => ({
  token: 'token',
  expiresAt: '2030-01-01T00:00:00.000Z',
  workspace: {
    id: '00000000-0000-4000-8000-0000000000aa',
    name: 'Acme',
    version: 1,
    createdAt: t0,
  },
  member: me,
});

export const template = (patch: Partial<Template> = {}): Template => ({
  id: '00000000-0000-4000-8000-00000000aaaa',
  ownerId: '00000000-0000-4000-8000-00000000bbbb',
  title: 'Refund approved',
  body: '<p>Hi {{customer.firstName}}, your refund is on its way.</p>',
  scope: 'workspace',
  folder: 'Billing',
  shortcut: 'refund',
  tags: [],
  instruction: null,
  teamId: null,
  revision: 1,
  usageCount: 0,
  updatedAt: t0,
  version: 1,
  ...patch,
});
