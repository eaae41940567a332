import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BootstrapPage, Conversation } from '../lib/schema';
import { DEMO_MEMBERS, seedIfEmpty } from './seed';
import { startTestServer, type TestServer } from './testing/test-server';

describe('demo seed', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
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
    expect(of('tag')).toHaveLength(5);
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
  });
});
