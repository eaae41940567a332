import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BootstrapPage, Conversation, Member, Team, Template } from '../lib/schema';
import { sessionFor } from './domain/workspaces';
import { DEMO_MEMBERS, seedIfEmpty } from './seed';
import { startTestServer, type TestServer } from './testing/test-server';

describe('demo seed', () => {
  let server: TestServer;
  let offsetMs = 0;
  beforeAll(async () => {
    server = await startTestServer({ now: () => new Date(Date.now() + offsetMs) });
  });
  afterAll(() => server?.close());

  it('seeds an empty database once, through the write path', async () => {
    expect(await seedIfEmpty(server.deps)).toBe(true);
    expect(await seedIfEmpty(server.deps)).toBe(false);
    const signIn = await server.app.request('/v1/auth/dev', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ana@acme.test' }),
    });
    const { memberships, identityToken, name } = (await signIn.json()) as {
      memberships: { workspaceId: string; role: string }[];
      identityToken: string;
      name: string;
    };
    expect(memberships).toMatchObject([{ role: 'agent' }]);
    expect(name).toBe('Ana Agent');
    const session = await server.app.request('/v1/auth/token', {
      method: 'POST',
      headers: { authorization: `Bearer ${identityToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ workspaceId: memberships[0]!.workspaceId }),
    });
    const { token } = (await session.json()) as { token: string };
    const boot = await server.app.request('/v1/bootstrap?protocol=2', {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await boot.json()) as BootstrapPage;
    const of = (e: string) => page.changes.filter((c) => c.entity === e);
    expect(of('member')).toHaveLength(DEMO_MEMBERS.length);
    expect(of('tag')).toHaveLength(6);
    expect(of('note')).toHaveLength(2);
    expect(of('slaCalendar')).toHaveLength(1);
    const policies = of('slaPolicy').map((c) => c.record as { name: string; position: number });
    expect(policies.sort((a, b) => a.position - b.position).map((p) => p.name)).toEqual([
      'P1 urgent',
      'P2 billing',
      'P3 general',
    ]);
    expect(of('template')).toHaveLength(4);
    const conversations = of('conversation').map((c) => c.record as Conversation);
    expect(conversations).toHaveLength(6);
    expect(new Set(conversations.map((c) => c.status))).toEqual(
      new Set(['open', 'pending', 'closed', 'snoozed']),
    );
    expect(conversations.every((c) => c.refs[0]?.mailbox === 'support@acme.test')).toBe(true);
    // Every demo conversation falls under a policy, so the inbox shows countdowns.
    expect(conversations.every((c) => c.sla !== null)).toBe(true);
    expect(page.cursor).toBeGreaterThan(10);

    const members = of('member').map((c) => c.record as Member);
    const bo = members.find((m) => m.email === 'bo@acme.test')!;
    expect(bo.skills).toEqual(['bug', 'login-failure']);
    const get = async (path: string) => {
      const res = await server.app.request(path, { headers: { authorization: `Bearer ${token}` } });
      return res.json();
    };
    const teams = (await get('/v1/teams')) as Team[];
    const backend = teams.find((t) => t.name === 'Backend')!;
    expect(backend.routing).toMatchObject({ mode: 'round_robin', useSkills: true });
    expect(backend.memberIds).toContain(bo.id);
    expect(teams.find((t) => t.name === 'Frontline')!.routing).toMatchObject({
      mode: 'load_balanced',
      escalatesTo: backend.id,
    });
    const { token: leadToken } = await sessionFor(
      server.database.db,
      server.deps.tokens,
      members.find((m) => m.role === 'lead')!.id,
    );
    const monitors = await server.app.request('/v1/incidents/monitors', {
      headers: { authorization: `Bearer ${leadToken}` },
    });
    const templates = of('template').map((c) => c.record as Template);
    expect(await monitors.json()).toMatchObject([
      {
        name: 'Login failures',
        keywords: ['login failure'],
        tags: ['login-failure'],
        threshold: 3,
        windowMinutes: 60,
        escalateAfterMinutes: 15,
        teamId: backend.id,
        templateId: templates.find((t) => t.title === 'Outage: we are on it')!.id,
      },
    ]);
  });

  it("runs the demo's spike scenario: three login failures in an hour, Backend takes them, escalation after 15 minutes", async () => {
    const leo = DEMO_MEMBERS.find((m) => m.role === 'lead')!;
    const call = async (email: string, path: string, body?: unknown) => {
      const signIn = await server.app.request('/v1/auth/dev', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      const { memberships, identityToken } = (await signIn.json()) as {
        memberships: { workspaceId: string }[];
        identityToken: string;
      };
      const session = await server.app.request('/v1/auth/token', {
        method: 'POST',
        headers: { authorization: `Bearer ${identityToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ workspaceId: memberships[0]!.workspaceId }),
      });
      const { token } = (await session.json()) as { token: string };
      const res = await server.app.request(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return res.json();
    };
    const clientId = crypto.randomUUID();
    const arrive = async (n: number, subject: string) => {
      const at = new Date(Date.now() + offsetMs).toISOString();
      const meta = {
        key: `msgid:<spike-${n}-${clientId}@acme.test>`,
        host: 'gmail',
        ref: { host: 'gmail', mailbox: 'support@acme.test', threadId: `spike${n}` },
        subject,
        participants: [{ name: null, email: `user${n}@customer.test` }],
        firstMessageAt: at,
        lastMessageAt: at,
        lastMessageFrom: `user${n}@customer.test`,
      };
      const pushed = await call('ana@acme.test', '/v1/push', {
        clientId,
        mutations: [{ id: n, name: 'conversation.upsert', args: { meta }, ts: at }],
      });
      expect(pushed.results[0].status).toBe('ok');
    };
    await arrive(1, 'Login failure on the dashboard');
    offsetMs = 20 * 60_000;
    await arrive(2, 'Cannot sign in: login failure');
    offsetMs = 40 * 60_000;
    await arrive(3, 'login failure after password reset');
    const [incident] = (await call(leo.email, '/v1/incidents?state=open')) as {
      name: string;
      teamId: string;
      conversationIds: string[];
    }[];
    expect(incident?.name).toBe('Login failures');
    expect(incident?.conversationIds).toHaveLength(3);
    const teams = (await call(leo.email, '/v1/teams')) as Team[];
    const backend = teams.find((t) => t.name === 'Backend')!;
    const timelines = async () =>
      Promise.all(
        incident!.conversationIds.map(
          async (id) =>
            (await call(leo.email, `/v1/conversations/${id}/events`)) as {
              type: string;
              after: { effect?: string; reason?: string };
            }[],
        ),
      );
    for (const events of await timelines())
      expect(events.some((e) => e.type === 'conversation.assigned')).toBe(true);
    const boot = (await call(leo.email, '/v1/bootstrap?protocol=2')) as BootstrapPage;
    const spike = boot.changes
      .map((c) => c.record as Conversation)
      .filter((c) => c && incident!.conversationIds.includes(c.id));
    expect(spike.map((c) => c.teamId)).toEqual([backend.id, backend.id, backend.id]);
    expect(
      spike.every((c) => c.assigneeId !== null && backend.memberIds.includes(c.assigneeId)),
    ).toBe(true);

    // 15 minutes after the incident opened, nobody has answered: each escalates.
    offsetMs = 56 * 60_000;
    await call('ada@acme.test', '/v1/sla/sweep', {});
    for (const events of await timelines())
      expect(events.find((e) => e.type === 'conversation.escalated')?.after.reason).toBe(
        'No response within 15 minutes during incident “Login failures”',
      );
  });
});
