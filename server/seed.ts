import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { conversationIdFor } from '../lib/conversation-id';
import {
  type ConversationMeta,
  type Priority,
  type Role,
  type Status,
  WEEKDAYS,
} from '../lib/schema';
import { createApp } from './app';
import { workspaces } from './db/schema';
import { addMember, createWorkspace, sessionFor } from './domain/workspaces';
import { write } from './domain/write';
import type { Deps } from './http/context';

export const DEMO_WORKSPACE = 'Acme Support';
export const DEMO_MEMBERS: { email: string; name: string; role: Role }[] = [
  { email: 'ada@acme.test', name: 'Ada Admin', role: 'admin' },
  { email: 'leo@acme.test', name: 'Leo Lead', role: 'lead' },
  { email: 'ana@acme.test', name: 'Ana Agent', role: 'agent' },
  { email: 'bo@acme.test', name: 'Bo Agent', role: 'agent' },
];
const TAGS: [string, string][] = [
  ['billing', '#2563eb'],
  ['bug', '#dc2626'],
  ['outage', '#ea580c'],
  ['feature-request', '#16a34a'],
  ['vip', '#9333ea'],
  ['login-failure', '#0891b2'],
];

/** Open around the clock, so the demo's countdowns move whenever it is tried. */
const CALENDAR = {
  name: 'Acme support (24/7)',
  timeZone: 'Europe/Berlin',
  alwaysOpen: true,
  weekly: Object.fromEntries(
    WEEKDAYS.map((d) => [d, d === 'sat' || d === 'sun' ? [] : [{ start: '09:00', end: '17:00' }]]),
  ),
};

/** First match wins, in this order; targets in minutes (docs/sla.md). */
const POLICIES = [
  {
    name: 'P1 urgent',
    conditions: { priorities: ['urgent'] },
    targets: { firstResponse: 60, resolution: 240 },
    warning: { unit: 'minutes', value: 15 },
  },
  {
    name: 'P2 billing',
    conditions: { tags: ['billing'] },
    targets: { firstResponse: 240, resolution: 720 },
    pauseWhen: ['pending'],
    warning: { unit: 'percent', value: 20 },
  },
  {
    name: 'P3 general',
    targets: { firstResponse: 480, nextResponse: 480, resolution: 1440 },
    pauseWhen: ['pending', 'snoozed'],
    warning: { unit: 'percent', value: 20 },
  },
];

/** Workspace templates: the compose picker's and the copilot's material. */
const TEMPLATES = [
  {
    title: 'Refund on its way',
    body: '<p>Hi {{customer.firstName}},</p><p>I have refunded the duplicate charge; it shows on your statement within 5 business days.</p><p>{{agent.name}}</p>',
    tags: ['billing'],
    shortcut: 'refund',
  },
  {
    title: 'Outage: we are on it',
    body: '<p>Hi {{customer.firstName}},</p><p>We are aware of the problem and our engineers are working on it. Updates are on our status page; I will write again as soon as it is fixed.</p><p>{{agent.name}}</p>',
    tags: ['outage'],
    shortcut: 'outage',
  },
  {
    title: 'Bug: thanks for the report',
    body: '<p>Hi {{customer.firstName}},</p><p>Thank you for the report. I could reproduce it and have passed it to our engineers with your steps; I will let you know when the fix ships.</p><p>{{agent.name}}</p>',
    tags: ['bug'],
    shortcut: 'bug',
  },
  {
    title: 'Feature request noted',
    body: '<p>Hi {{customer.firstName}},</p><p>Thanks for the idea. I have added your vote to the request our product team reviews each month.</p><p>{{agent.name}}</p>',
    tags: ['feature-request'],
    shortcut: 'idea',
  },
];

/** New mail goes to Frontline's routing; refunds are billing, and urgent. */
const RULES = (frontline: string) => [
  {
    name: 'Refunds are billing',
    trigger: { type: 'conversation.created' },
    conditions: [{ field: 'subject', op: 'containsAny', values: ['refund'] }],
    actions: [
      { type: 'addTag', tag: 'billing' },
      { type: 'setPriority', priority: 'high' },
    ],
  },
  {
    name: 'New mail to Frontline',
    trigger: { type: 'conversation.created' },
    conditions: [{ field: 'assignee', op: 'unassigned' }],
    actions: [{ type: 'route', teamId: frontline }],
  },
  {
    name: 'Unanswered for two hours',
    trigger: { type: 'no_reply', minutes: 120, calendarId: null },
    conditions: [{ field: 'status', op: 'in', values: ['open'] }],
    actions: [
      {
        type: 'notify',
        memberIds: [],
        roles: ['lead'],
        message: 'A customer has waited two hours for a reply.',
      },
    ],
  },
];

/** Frontline takes the work and escalates to Backend, where Bo knows bugs and logins. */
const TEAMS = [
  {
    name: 'Backend',
    members: ['leo@acme.test', 'bo@acme.test'],
    routing: { mode: 'round_robin', useSkills: true },
  },
  {
    name: 'Frontline',
    members: ['ana@acme.test', 'bo@acme.test'],
    routing: { mode: 'load_balanced' },
    escalatesTo: 'Backend',
  },
];
const SKILLS: [string, string[]][] = [['bo@acme.test', ['bug', 'login-failure']]];

/** Three login failures within an hour open an incident for Backend. */
const MONITOR = {
  name: 'Login failures',
  tags: ['login-failure'],
  keywords: ['login failure'],
  threshold: 3,
  windowMinutes: 60,
  escalateAfterMinutes: 15,
  team: 'Backend',
  template: 'Outage: we are on it',
};

type DemoConversation = {
  subject: string;
  from: [string, string];
  hoursAgo: number;
  status: Status;
  priority: Priority;
  assignee: string | null;
  tags: string[];
  note?: [string, string];
};

const CONVERSATIONS: DemoConversation[] = [
  {
    subject: 'Refund for a double charge',
    from: ['Grace Hopper', 'grace@navy.example'],
    hoursAgo: 3,
    status: 'open',
    priority: 'high',
    assignee: 'ana@acme.test',
    tags: ['billing', 'vip'],
    note: ['leo@acme.test', 'VIP account: refund first, questions later.'],
  },
  {
    subject: 'App crashes right after login',
    from: ['Linus Ito', 'linus@kernel.example'],
    hoursAgo: 1,
    status: 'open',
    priority: 'urgent',
    assignee: 'bo@acme.test',
    tags: ['bug'],
  },
  {
    subject: 'Is the API down? Status page says degraded',
    from: ['Margaret Ham', 'margaret@apollo.example'],
    hoursAgo: 0.5,
    status: 'open',
    priority: 'urgent',
    assignee: null,
    tags: ['outage'],
  },
  {
    subject: 'Feature request: dark mode for the dashboard',
    from: ['Alan Kay', 'alan@parc.example'],
    hoursAgo: 30,
    status: 'pending',
    priority: 'low',
    assignee: null,
    tags: ['feature-request'],
  },
  {
    subject: 'Please change the address on our invoices',
    from: ['Barbara Liskov', 'barbara@mit.example'],
    hoursAgo: 72,
    status: 'closed',
    priority: 'normal',
    assignee: 'ana@acme.test',
    tags: ['billing'],
  },
  {
    subject: 'CSV export is missing the last column',
    from: ['Ken Thompson', 'ken@bell.example'],
    hoursAgo: 20,
    status: 'snoozed',
    priority: 'normal',
    assignee: 'leo@acme.test',
    tags: ['bug'],
    note: ['leo@acme.test', "Waiting for the fix in Tuesday's release."],
  },
];

/**
 * The demo workspace, made only when the database has no workspace at all. Everything
 * after the workspace goes through the API's own routes, so it has versions and events
 * like any other write.
 */
export async function seedIfEmpty(deps: Omit<Deps, 'upgradeWebSocket'>): Promise<boolean> {
  const { db } = deps.database;
  const [existing] = await db.select({ n: count() }).from(workspaces);
  if ((existing?.n ?? 0) > 0) return false;

  const now = deps.now();
  const [first, ...others] = DEMO_MEMBERS;
  const { workspace, member: admin } = await createWorkspace(db, DEMO_WORKSPACE, first!, now);
  const ids = new Map([[admin.email, admin.id]]);
  for (const person of others) {
    const m = await write(deps.database, workspace.id, admin.id, now, (w) => addMember(w, person));
    ids.set(m.email, m.id);
  }

  const app = createApp(deps);
  const call = async (email: string, path: string, body: unknown, method = 'POST') => {
    const { token } = await sessionFor(db, deps.tokens, ids.get(email)!);
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok || text.includes('"status":"conflict"') || text.includes('"status":"invalid"'))
      throw new Error(`seeding ${path} failed: ${res.status} ${text}`);
    return JSON.parse(text) as unknown;
  };
  for (const [name, color] of TAGS) await call(admin.email, '/v1/tags', { name, color });
  const calendar = await call(admin.email, '/v1/sla/calendars', CALENDAR);
  for (const policy of POLICIES)
    await call(admin.email, '/v1/sla/policies', {
      ...policy,
      clock: 'business',
      calendarId: (calendar as { id: string }).id,
    });
  const templateIds = new Map<string, string>();
  for (const template of TEMPLATES) {
    const made = await call(admin.email, '/v1/templates', { ...template, scope: 'workspace' });
    templateIds.set(template.title, (made as { id: string }).id);
  }
  for (const [email, skills] of SKILLS)
    await call(admin.email, `/v1/members/${ids.get(email)}`, { skills }, 'PATCH');
  const teamIds = new Map<string, string>();
  for (const team of TEAMS) {
    const memberIds = team.members.map((e) => ids.get(e));
    const made = await call(admin.email, '/v1/teams', { name: team.name, memberIds });
    const id = (made as { id: string }).id;
    teamIds.set(team.name, id);
    const escalatesTo = team.escalatesTo ? teamIds.get(team.escalatesTo) : null;
    await call(admin.email, `/v1/teams/${id}/routing`, { ...team.routing, escalatesTo }, 'PATCH');
  }
  const { team, template, ...monitor } = MONITOR;
  await call(admin.email, '/v1/incidents/monitors', {
    ...monitor,
    teamId: teamIds.get(team),
    templateId: templateIds.get(template),
  });

  let mutationId = 0;
  const m = (name: string, args: unknown) => ({
    id: ++mutationId,
    name,
    args,
    ts: now.toISOString(),
  });
  const mutations = [];
  const notes: { author: string; mutation: ReturnType<typeof m> }[] = [];
  for (const [i, c] of CONVERSATIONS.entries()) {
    const at = new Date(now.getTime() - c.hoursAgo * 3600_000).toISOString();
    const meta: ConversationMeta = {
      key: `msgid:<demo-${i + 1}@acme.test>`,
      host: 'gmail',
      ref: { host: 'gmail', mailbox: 'support@acme.test', threadId: `18c2a0f00000${i + 1}` },
      subject: c.subject,
      participants: [{ name: c.from[0], email: c.from[1] }],
      firstMessageAt: at,
      lastMessageAt: at,
    };
    const conversationId = await conversationIdFor(meta.key);
    mutations.push(m('conversation.upsert', { meta }));
    if (c.assignee)
      mutations.push(
        m('conversation.assign', {
          conversationId,
          assigneeId: ids.get(c.assignee),
          expectedAssigneeId: null,
        }),
      );
    if (c.status !== 'open')
      mutations.push(
        m('conversation.setStatus', {
          conversationId,
          status: c.status,
          snoozedUntil:
            c.status === 'snoozed' ? new Date(now.getTime() + 2 * 86400_000).toISOString() : null,
        }),
      );
    if (c.priority !== 'normal')
      mutations.push(m('conversation.setPriority', { conversationId, priority: c.priority }));
    for (const tag of c.tags) mutations.push(m('conversation.addTag', { conversationId, tag }));
    if (c.note)
      notes.push({
        author: c.note[0],
        mutation: m('note.add', { id: randomUUID(), conversationId, body: c.note[1] }),
      });
  }
  await call(admin.email, '/v1/push', { clientId: randomUUID(), mutations });
  for (const note of notes)
    await call(note.author, '/v1/push', { clientId: randomUUID(), mutations: [note.mutation] });
  // After the demo history, so the rules act on what arrives from now on.
  for (const rule of RULES(teamIds.get('Frontline')!)) await call(admin.email, '/v1/rules', rule);
  return true;
}
