import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../lib/conversation-id';
import type { Role } from '../lib/schema';
import { incidents } from './db/schema';
import { ROUTE_DOCS } from './openapi/routes';
import { testDatabases } from './testing/databases';
import { meta, mutation } from './testing/fixtures';
import { calendarInput, policyInput } from './testing/sla';
import { startTestServer, type TestServer, type TestSession } from './testing/test-server';

type Who = 'admin' | 'lead' | 'agent' | 'none' | 'identity' | 'other' | 'deactivated';
const EVERYONE: Who[] = ['admin', 'lead', 'agent', 'none', 'identity', 'other', 'deactivated'];

type Ctx = {
  server: TestServer;
  a: { admin: TestSession; conversationId: string };
  /** The identity token of the person making this request (a fresh email each time). */
  email: string;
};
/**
 * `fresh`: the route revokes its caller's tokens, so each member case calls it as a new
 * member of the same role and workspace, keeping the shared tokens valid.
 */
type Req = { path: string; body?: unknown; fresh?: true };
type Rule = { expect: Record<Who, number>; request: (ctx: Ctx) => Promise<Req> | Req };

const all = (status: number): Record<Who, number> =>
  Object.fromEntries(EVERYONE.map((w) => [w, status])) as Record<Who, number>;

/** A workspace route: allowed roles get `ok`, the others 403; no member token is 401. */
const members = (ok: number, roles: Role[], other: number): Record<Who, number> => ({
  admin: roles.includes('admin') ? ok : 403,
  lead: roles.includes('lead') ? ok : 403,
  agent: roles.includes('agent') ? ok : 403,
  other,
  none: 401,
  identity: 401,
  deactivated: 401,
});
const identityOnly = (ok: number) => ({ ...all(401), identity: ok });
const ANY: Role[] = ['admin', 'lead', 'agent'];
const LEAD: Role[] = ['lead', 'admin'];

const adminPost = async (ctx: Ctx, path: string, body: unknown, method = 'POST') => {
  const res = await ctx.server.app.request(path, {
    method,
    headers: ctx.a.admin.headers,
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; invite: { id: string } };
};
const unique = () => randomUUID().slice(0, 8);
const ratingPath = async (ctx: Ctx) => {
  const link = await adminPost(ctx, '/v1/surveys', {
    conversationId: ctx.a.conversationId,
    kind: 'csat',
  });
  return new URL((link as unknown as { url: string }).url).pathname;
};
const calendar = () => calendarInput(`cal-${unique()}`);
const policy = () => policyInput({ name: `pol-${unique()}` });
const rule = () => ({
  name: `rule-${unique()}`,
  trigger: { type: 'conversation.created' },
  actions: [{ type: 'setPriority', priority: 'high' }],
});
const monitor = () => ({
  name: `mon-${unique()}`,
  tags: [],
  keywords: ['outage'],
  threshold: 5,
  windowMinutes: 30,
  teamId: null,
  templateId: null,
  escalateAfterMinutes: null,
});
const GOAL = {
  name: 'FRT',
  metric: 'firstResponseP90',
  target: 3_600_000,
  timeframe: { kind: 'month' },
};

/**
 * Who may call what. Every route of the app must appear here: a new route without a row
 * fails the test until someone decides its rule.
 */
const RULES: Record<string, Rule> = {
  'GET /healthz': { expect: all(200), request: () => ({ path: '/healthz' }) },
  'GET /livez': { expect: all(200), request: () => ({ path: '/livez' }) },
  'GET /openapi.json': { expect: all(200), request: () => ({ path: '/openapi.json' }) },
  'GET /docs': { expect: all(200), request: () => ({ path: '/docs' }) },
  'GET /docs/assets/:file': {
    expect: all(200),
    request: () => ({ path: '/docs/assets/swagger-ui.css' }),
  },
  'GET /v1/auth/providers': { expect: all(200), request: () => ({ path: '/v1/auth/providers' }) },
  'POST /v1/auth/dev': {
    expect: all(200),
    request: () => ({ path: '/v1/auth/dev', body: { email: `dev-${unique()}@acme.test` } }),
  },
  'POST /v1/auth/oidc': {
    expect: all(401),
    request: () => ({
      path: '/v1/auth/oidc',
      body: { idToken: 'x'.repeat(40), nonce: 'nonce-1234' },
    }),
  },
  'POST /v1/auth/token': {
    expect: identityOnly(403),
    request: (ctx) => ({ path: '/v1/auth/token', body: { workspaceId: ctx.a.admin.workspace.id } }),
  },
  'POST /v1/auth/sign-out-everywhere': {
    expect: members(204, ANY, 204),
    request: () => ({ path: '/v1/auth/sign-out-everywhere', fresh: true }),
  },
  'POST /v1/workspaces': {
    expect: identityOnly(201),
    request: () => ({ path: '/v1/workspaces', body: { name: `W ${unique()}` } }),
  },
  'POST /v1/invites/accept': {
    expect: identityOnly(201),
    request: async (ctx) => {
      const created = (await adminPost(ctx, '/v1/invites', {
        email: ctx.email,
        role: 'agent',
      })) as unknown as {
        code: string;
      };
      return { path: '/v1/invites/accept', body: { code: created.code } };
    },
  },
  'GET /v1/invites': {
    expect: members(200, ['admin'], 200),
    request: () => ({ path: '/v1/invites' }),
  },
  'POST /v1/invites': {
    expect: members(201, ['admin'], 201),
    request: () => ({
      path: '/v1/invites',
      body: { email: `inv-${unique()}@acme.test`, role: 'agent' },
    }),
  },
  'DELETE /v1/invites/:id': {
    expect: members(200, ['admin'], 404),
    request: async (ctx) => {
      const { invite } = await adminPost(ctx, '/v1/invites', {
        email: `x-${unique()}@acme.test`,
        role: 'agent',
      });
      return { path: `/v1/invites/${invite.id}` };
    },
  },
  'POST /v1/invites/:id/resend': {
    expect: members(201, ['admin'], 404),
    request: async (ctx) => {
      const { invite } = await adminPost(ctx, '/v1/invites', {
        email: `r-${unique()}@acme.test`,
        role: 'agent',
      });
      return { path: `/v1/invites/${invite.id}/resend` };
    },
  },
  'GET /v1/workspace/settings': {
    expect: members(200, ANY, 200),
    request: () => ({ path: '/v1/workspace/settings' }),
  },
  'PATCH /v1/workspace/settings': {
    expect: members(200, ['admin'], 200),
    request: () => ({ path: '/v1/workspace/settings', body: { retentionDays: 90 } }),
  },
  'GET /v1/workspace/export': {
    expect: members(200, ['admin'], 200),
    request: () => ({ path: '/v1/workspace/export' }),
  },
  'DELETE /v1/workspace': {
    // The matrix keeps its workspaces: a wrong name is refused after the role check.
    expect: members(400, ['admin'], 400),
    request: () => ({ path: '/v1/workspace', body: { confirm: 'not the name' } }),
  },
  'GET /v1/audit': {
    expect: members(200, ['admin'], 200),
    request: () => ({ path: '/v1/audit' }),
  },
  'GET /v1/copilot/settings': {
    expect: members(200, ANY, 200),
    request: () => ({ path: '/v1/copilot/settings' }),
  },
  'PATCH /v1/copilot/settings': {
    expect: members(200, ['admin'], 200),
    request: () => ({ path: '/v1/copilot/settings', body: { redactPii: true } }),
  },
  'GET /v1/copilot/credentials': {
    expect: members(200, ANY, 200),
    request: () => ({ path: '/v1/copilot/credentials' }),
  },
  'GET /v1/me': { expect: members(200, ANY, 200), request: () => ({ path: '/v1/me' }) },
  'GET /v1/members': { expect: members(200, ANY, 200), request: () => ({ path: '/v1/members' }) },
  'PATCH /v1/members/:id': {
    expect: members(200, ['admin'], 404),
    request: async (ctx) => {
      const target = await ctx.server.signIn(`t-${unique()}@acme.test`, 'agent');
      return { path: `/v1/members/${target.member.id}`, body: { availability: 'away' } };
    },
  },
  'POST /v1/members/:id/deactivate': {
    expect: members(200, ['admin'], 404),
    request: async (ctx) => {
      const target = await ctx.server.signIn(`q-${unique()}@acme.test`, 'agent');
      return { path: `/v1/members/${target.member.id}/deactivate`, body: { reassignTo: null } };
    },
  },
  'POST /v1/members/:id/sign-out': {
    expect: members(204, ['admin'], 404),
    request: async (ctx) => {
      const target = await ctx.server.signIn(`so-${unique()}@acme.test`, 'agent');
      return { path: `/v1/members/${target.member.id}/sign-out` };
    },
  },
  'GET /v1/teams': { expect: members(200, ANY, 200), request: () => ({ path: '/v1/teams' }) },
  'POST /v1/teams': {
    expect: members(201, LEAD, 201),
    request: () => ({ path: '/v1/teams', body: { name: `team-${unique()}` } }),
  },
  'PATCH /v1/teams/:id': {
    expect: members(200, LEAD, 404),
    request: async (ctx) => {
      const team = await adminPost(ctx, '/v1/teams', { name: `pt-${unique()}` });
      return { path: `/v1/teams/${team.id}`, body: { name: `pt-${unique()}` } };
    },
  },
  'PUT /v1/teams/:id/members': {
    expect: members(200, LEAD, 404),
    request: async (ctx) => {
      const team = await adminPost(ctx, '/v1/teams', { name: `mt-${unique()}` });
      return { path: `/v1/teams/${team.id}/members`, body: { memberIds: [] } };
    },
  },
  'DELETE /v1/teams/:id': {
    expect: members(204, LEAD, 404),
    request: async (ctx) => {
      const team = await adminPost(ctx, '/v1/teams', { name: `dt-${unique()}` });
      return { path: `/v1/teams/${team.id}` };
    },
  },
  'PATCH /v1/teams/:id/routing': {
    expect: members(200, LEAD, 404),
    request: async (ctx) => {
      const team = await adminPost(ctx, '/v1/teams', { name: `rt-${unique()}` });
      return { path: `/v1/teams/${team.id}/routing`, body: { mode: 'round_robin' } };
    },
  },
  'GET /v1/rules': {
    expect: members(200, LEAD, 200),
    request: () => ({ path: '/v1/rules' }),
  },
  'POST /v1/rules': {
    expect: members(201, LEAD, 201),
    request: () => ({ path: '/v1/rules', body: rule() }),
  },
  'PATCH /v1/rules/:id': {
    expect: members(200, LEAD, 404),
    request: async (ctx) => {
      const r = await adminPost(ctx, '/v1/rules', rule());
      return { path: `/v1/rules/${r.id}`, body: { enabled: false } };
    },
  },
  'DELETE /v1/rules/:id': {
    expect: members(204, LEAD, 404),
    request: async (ctx) => {
      const r = await adminPost(ctx, '/v1/rules', rule());
      return { path: `/v1/rules/${r.id}` };
    },
  },
  'POST /v1/rules/reorder': {
    // Another workspace's lead lists none of these rules: its list changed meanwhile.
    expect: members(200, LEAD, 409),
    request: async (ctx) => {
      await adminPost(ctx, '/v1/rules', rule());
      const res = await ctx.server.app.request('/v1/rules', { headers: ctx.a.admin.headers });
      const ids = ((await res.json()) as { id: string }[]).map((r) => r.id);
      return { path: '/v1/rules/reorder', body: { ids } };
    },
  },
  'POST /v1/rules/dry-run': {
    expect: members(200, LEAD, 200),
    request: () => ({ path: '/v1/rules/dry-run', body: { rule: rule() } }),
  },
  'GET /v1/incidents/monitors': {
    expect: members(200, LEAD, 200),
    request: () => ({ path: '/v1/incidents/monitors' }),
  },
  'POST /v1/incidents/monitors': {
    expect: members(201, LEAD, 201),
    request: () => ({ path: '/v1/incidents/monitors', body: monitor() }),
  },
  'PATCH /v1/incidents/monitors/:id': {
    expect: members(200, LEAD, 404),
    request: async (ctx) => {
      const m = await adminPost(ctx, '/v1/incidents/monitors', monitor());
      return { path: `/v1/incidents/monitors/${m.id}`, body: { threshold: 9 } };
    },
  },
  'DELETE /v1/incidents/monitors/:id': {
    expect: members(204, LEAD, 404),
    request: async (ctx) => {
      const m = await adminPost(ctx, '/v1/incidents/monitors', monitor());
      return { path: `/v1/incidents/monitors/${m.id}` };
    },
  },
  'GET /v1/incidents': {
    expect: members(200, ANY, 200),
    request: () => ({ path: '/v1/incidents?state=all' }),
  },
  'POST /v1/incidents/:id/resolve': {
    expect: members(200, LEAD, 404),
    request: async (ctx) => {
      const m = await adminPost(ctx, '/v1/incidents/monitors', monitor());
      const id = randomUUID();
      await ctx.server.database.db.insert(incidents).values({
        id,
        workspaceId: ctx.a.admin.workspace.id,
        monitorId: m.id,
        name: 'Spike',
        openedAt: new Date(),
        conversationIds: [ctx.a.conversationId],
      });
      return { path: `/v1/incidents/${id}/resolve` };
    },
  },
  'GET /v1/tags': { expect: members(200, ANY, 200), request: () => ({ path: '/v1/tags' }) },
  'GET /v1/tags/counts': {
    expect: members(200, ANY, 200),
    request: () => ({ path: '/v1/tags/counts' }),
  },
  'POST /v1/tags/:id/merge': {
    expect: members(200, LEAD, 404),
    request: async (ctx) => {
      const from = await adminPost(ctx, '/v1/tags', { name: `mf-${unique()}` });
      const into = await adminPost(ctx, '/v1/tags', { name: `mi-${unique()}` });
      return { path: `/v1/tags/${from.id}/merge`, body: { into: into.id } };
    },
  },
  'POST /v1/tags': {
    expect: members(201, LEAD, 201),
    request: () => ({ path: '/v1/tags', body: { name: `tag-${unique()}` } }),
  },
  'PATCH /v1/tags/:id': {
    expect: members(200, LEAD, 404),
    request: async (ctx) => {
      const tag = await adminPost(ctx, '/v1/tags', { name: `p-${unique()}` });
      return { path: `/v1/tags/${tag.id}`, body: { color: '#112233' } };
    },
  },
  'DELETE /v1/tags/:id': {
    expect: members(204, LEAD, 404),
    request: async (ctx) => {
      const tag = await adminPost(ctx, '/v1/tags', { name: `d-${unique()}` });
      return { path: `/v1/tags/${tag.id}` };
    },
  },
  'GET /v1/templates': {
    expect: members(200, ANY, 200),
    request: () => ({ path: '/v1/templates' }),
  },
  'POST /v1/templates': {
    expect: members(201, LEAD, 201),
    request: () => ({ path: '/v1/templates', body: { title: 'Hi', body: 'Hello', scope: 'team' } }),
  },
  'PATCH /v1/templates/:id': {
    expect: members(200, ['admin'], 404),
    request: async (ctx) => {
      const t = await adminPost(ctx, '/v1/templates', {
        title: 'W',
        body: 'x',
        scope: 'workspace',
      });
      return { path: `/v1/templates/${t.id}`, body: { revision: 1, title: 'W2' } };
    },
  },
  'DELETE /v1/templates/:id': {
    expect: members(204, ['admin'], 404),
    request: async (ctx) => {
      const t = await adminPost(ctx, '/v1/templates', {
        title: 'D',
        body: 'x',
        scope: 'workspace',
      });
      return { path: `/v1/templates/${t.id}` };
    },
  },
  'GET /v1/templates/:id/versions': {
    expect: members(200, ANY, 404),
    request: async (ctx) => {
      const t = await adminPost(ctx, '/v1/templates', {
        title: 'V',
        body: 'x',
        scope: 'workspace',
      });
      return { path: `/v1/templates/${t.id}/versions` };
    },
  },
  'POST /v1/templates/:id/restore': {
    expect: members(200, ['admin'], 404),
    request: async (ctx) => {
      const t = await adminPost(ctx, '/v1/templates', {
        title: 'R',
        body: 'x',
        scope: 'workspace',
      });
      return { path: `/v1/templates/${t.id}/restore`, body: { revision: 1 } };
    },
  },
  'GET /v1/templates/:id/usage': {
    expect: members(200, ANY, 404),
    request: async (ctx) => {
      const t = await adminPost(ctx, '/v1/templates', {
        title: 'U',
        body: 'x',
        scope: 'workspace',
      });
      return { path: `/v1/templates/${t.id}/usage` };
    },
  },
  'GET /v1/templates/export': {
    expect: members(200, ANY, 200),
    request: () => ({ path: '/v1/templates/export' }),
  },
  'POST /v1/templates/import': {
    expect: members(201, ANY, 201),
    request: () => ({
      path: '/v1/templates/import',
      body: { version: 1, templates: [{ title: 'I', body: 'x', scope: 'personal' }] },
    }),
  },
  'GET /v1/sla/calendars': {
    expect: members(200, ANY, 200),
    request: () => ({ path: '/v1/sla/calendars' }),
  },
  'POST /v1/sla/calendars': {
    expect: members(201, ['admin'], 201),
    request: () => ({ path: '/v1/sla/calendars', body: calendar() }),
  },
  'GET /v1/sla/calendars/:id': {
    expect: members(200, ANY, 404),
    request: async (ctx) => {
      const c = await adminPost(ctx, '/v1/sla/calendars', calendar());
      return { path: `/v1/sla/calendars/${c.id}` };
    },
  },
  'PATCH /v1/sla/calendars/:id': {
    expect: members(200, ['admin'], 404),
    request: async (ctx) => {
      const c = await adminPost(ctx, '/v1/sla/calendars', calendar());
      return {
        path: `/v1/sla/calendars/${c.id}`,
        body: { expectedVersion: (c as unknown as { version: number }).version, name: 'x' },
      };
    },
  },
  'DELETE /v1/sla/calendars/:id': {
    expect: members(204, ['admin'], 404),
    request: async (ctx) => {
      const c = await adminPost(ctx, '/v1/sla/calendars', calendar());
      return { path: `/v1/sla/calendars/${c.id}` };
    },
  },
  'POST /v1/sla/calendars/:id/holidays/import': {
    expect: members(200, ['admin'], 404),
    request: async (ctx) => {
      const c = await adminPost(ctx, '/v1/sla/calendars', calendar());
      return {
        path: `/v1/sla/calendars/${c.id}/holidays/import`,
        body: { country: 'DE', years: [2026] },
      };
    },
  },
  'GET /v1/sla/policies': {
    expect: members(200, ANY, 200),
    request: () => ({ path: '/v1/sla/policies' }),
  },
  'POST /v1/sla/policies': {
    expect: members(201, ['admin'], 201),
    request: () => ({ path: '/v1/sla/policies', body: policy() }),
  },
  'POST /v1/sla/policies/reorder': {
    // Another workspace's policies are not this one's list.
    expect: members(200, ['admin'], 409),
    request: async (ctx) => {
      await adminPost(ctx, '/v1/sla/policies', policy());
      const res = await ctx.server.app.request('/v1/sla/policies', {
        headers: ctx.a.admin.headers,
      });
      const ids = ((await res.json()) as { id: string }[]).map((p) => p.id).reverse();
      return { path: '/v1/sla/policies/reorder', body: { ids } };
    },
  },
  'PATCH /v1/sla/policies/:id': {
    expect: members(200, ['admin'], 404),
    request: async (ctx) => {
      const p = await adminPost(ctx, '/v1/sla/policies', policy());
      return {
        path: `/v1/sla/policies/${p.id}`,
        body: { expectedVersion: (p as unknown as { version: number }).version, name: 'y' },
      };
    },
  },
  'DELETE /v1/sla/policies/:id': {
    expect: members(204, ['admin'], 404),
    request: async (ctx) => {
      const p = await adminPost(ctx, '/v1/sla/policies', policy());
      return { path: `/v1/sla/policies/${p.id}` };
    },
  },
  'POST /v1/sla/sweep': {
    expect: members(200, ['admin'], 200),
    request: () => ({ path: '/v1/sla/sweep' }),
  },
  'GET /v1/sla/webhook': {
    expect: members(200, ['admin'], 200),
    request: () => ({ path: '/v1/sla/webhook' }),
  },
  'PUT /v1/sla/webhook': {
    expect: members(200, ['admin'], 200),
    request: () => ({ path: '/v1/sla/webhook', body: { url: null, secret: null } }),
  },
  'POST /v1/sla/webhook/test': {
    // Workspace A has a webhook (nothing listens on the discard port); the other has none.
    expect: members(200, ['admin'], 409),
    request: async (ctx) => {
      await adminPost(
        ctx,
        '/v1/sla/webhook',
        { url: 'http://127.0.0.1:9/hook', secret: 's'.repeat(32) },
        'PUT',
      );
      return { path: '/v1/sla/webhook/test' };
    },
  },
  'GET /v1/reports/summary': {
    expect: members(200, LEAD, 200),
    request: () => ({
      path: '/v1/reports/summary?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z',
    }),
  },
  'GET /v1/reports/conversations': {
    expect: members(200, LEAD, 200),
    request: () => ({
      path: '/v1/reports/conversations?metric=conversations&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z',
    }),
  },
  'GET /v1/reports/summary.csv': {
    expect: members(200, LEAD, 200),
    request: () => ({
      path: '/v1/reports/summary.csv?table=figures&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z',
    }),
  },
  'GET /v1/reports/conversations.csv': {
    expect: members(200, LEAD, 200),
    request: () => ({
      path: '/v1/reports/conversations.csv?metric=conversations&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z',
    }),
  },
  'GET /v1/reports/conversations/:id': {
    expect: members(200, LEAD, 404),
    request: (ctx) => ({ path: `/v1/reports/conversations/${ctx.a.conversationId}` }),
  },
  'GET /v1/reports/weekly': {
    expect: members(200, LEAD, 200),
    request: () => ({ path: '/v1/reports/weekly?week=2026-11-23' }),
  },
  'POST /v1/reports/weekly/send': {
    // Workspace A has a review webhook (nothing listens on the discard port); the other has none.
    expect: members(200, ['admin'], 409),
    request: async (ctx) => {
      await adminPost(ctx, '/v1/reports/weekly/webhook', { url: 'http://127.0.0.1:9/r' }, 'PUT');
      return { path: '/v1/reports/weekly/send' };
    },
  },
  'GET /v1/reports/weekly/webhook': {
    expect: members(200, ['admin'], 200),
    request: () => ({ path: '/v1/reports/weekly/webhook' }),
  },
  'PUT /v1/reports/weekly/webhook': {
    expect: members(200, ['admin'], 200),
    request: () => ({ path: '/v1/reports/weekly/webhook', body: { url: null } }),
  },
  'GET /v1/goals': { expect: members(200, ANY, 200), request: () => ({ path: '/v1/goals' }) },
  'GET /v1/goals/:id': {
    expect: members(200, ANY, 404),
    request: async (ctx) => ({
      path: `/v1/goals/${(await adminPost(ctx, '/v1/goals', GOAL)).id}`,
    }),
  },
  'POST /v1/goals': {
    expect: members(201, LEAD, 201),
    request: () => ({ path: '/v1/goals', body: GOAL }),
  },
  'PUT /v1/goals/:id': {
    expect: members(200, LEAD, 404),
    request: async (ctx) => ({
      path: `/v1/goals/${(await adminPost(ctx, '/v1/goals', GOAL)).id}`,
      body: GOAL,
    }),
  },
  'DELETE /v1/goals/:id': {
    expect: members(204, LEAD, 404),
    request: async (ctx) => ({
      path: `/v1/goals/${(await adminPost(ctx, '/v1/goals', GOAL)).id}`,
    }),
  },
  'GET /v1/conversations/:id/events': {
    expect: members(200, ANY, 404),
    request: (ctx) => ({ path: `/v1/conversations/${ctx.a.conversationId}/events` }),
  },
  'GET /v1/bootstrap': {
    expect: members(200, ANY, 200),
    request: () => ({ path: '/v1/bootstrap' }),
  },
  'POST /v1/pull': {
    expect: members(200, ANY, 200),
    request: () => ({ path: '/v1/pull', body: { clientId: randomUUID(), cursor: 0 } }),
  },
  'POST /v1/push': {
    expect: members(200, ANY, 200),
    request: (ctx) => ({
      path: '/v1/push',
      body: {
        clientId: randomUUID(),
        mutations: [
          mutation(1, 'conversation.setPriority', {
            conversationId: ctx.a.conversationId,
            priority: 'high',
          }),
        ],
      },
    }),
  },
  'POST /v1/live/ticket': {
    expect: members(200, ANY, 200),
    request: () => ({ path: '/v1/live/ticket' }),
  },
  'GET /v1/live': { expect: all(401), request: () => ({ path: '/v1/live' }) },
  'POST /v1/surveys': {
    expect: members(201, ANY, 404),
    request: (ctx) => ({
      path: '/v1/surveys',
      body: { conversationId: ctx.a.conversationId, kind: 'csat' },
    }),
  },
  // The customer's rating pages: the signed token is the only credential.
  'GET /s/:token': {
    expect: all(200),
    request: async (ctx) => ({ path: await ratingPath(ctx) }),
  },
  'POST /s/:token/comment': {
    // The matrix sends JSON; the page takes a form, so the comment is missing.
    expect: all(400),
    request: async (ctx) => ({ path: `${await ratingPath(ctx)}/comment`, body: {} }),
  },
};

const routeKeys = (server: TestServer) =>
  [
    ...new Set(
      server.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`),
    ),
  ].sort();

for (const target of testDatabases()) {
  describe(`authorization matrix [${target.name}]`, () => {
    let server: TestServer;
    const tokens = {} as Record<Exclude<Who, 'none' | 'identity'>, TestSession>;
    let conversationId: string;
    /** Ids that belong to workspace A only, and to B only. */
    const idsA = new Set<string>();
    const idsB = new Set<string>();

    const seed = async (admin: TestSession, ids: Set<string>) => {
      const m = meta();
      const id = await conversationIdFor(m.key);
      const res = await server.app.request('/v1/push', {
        method: 'POST',
        headers: admin.headers,
        body: JSON.stringify({
          clientId: randomUUID(),
          mutations: [
            mutation(1, 'conversation.upsert', { meta: m }),
            mutation(2, 'conversation.addTag', { conversationId: id, tag: `t-${unique()}` }),
            mutation(3, 'note.add', { id: randomUUID(), conversationId: id, body: 'secret' }),
          ],
        }),
      });
      expect(res.status).toBe(200);
      await server.app.request('/v1/templates', {
        method: 'POST',
        headers: admin.headers,
        body: JSON.stringify({ title: 'T', body: 'b', scope: 'workspace' }),
      });
      const boot = await server.app.request('/v1/bootstrap', { headers: admin.headers });
      for (const c of ((await boot.json()) as { changes: { id: string }[] }).changes) ids.add(c.id);
      ids.add(admin.workspace.id);
      return id;
    };

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      tokens.admin = await server.signIn('ada@a.test', 'admin');
      tokens.lead = await server.signIn('leo@a.test', 'lead');
      tokens.agent = await server.signIn('ana@a.test', 'agent');
      tokens.deactivated = await server.signIn('dee@a.test', 'agent');
      tokens.other = await server.signIn('oz@b.test', 'admin', { workspace: 'Other workspace' });
      conversationId = await seed(tokens.admin, idsA);
      await seed(tokens.other, idsB);
      const off = await server.app.request(`/v1/members/${tokens.deactivated.member.id}`, {
        method: 'PATCH',
        headers: tokens.admin.headers,
        body: JSON.stringify({ status: 'deactivated' }),
      });
      expect(off.status).toBe(200);
    });
    afterAll(() => server?.close());

    it('has a rule for every route, and a route for every rule', () => {
      const routes = routeKeys(server);
      expect(routes.filter((r) => !(r in RULES))).toEqual([]);
      expect(Object.keys(RULES).filter((r) => !routes.includes(r))).toEqual([]);
    });

    it('documents every route in the OpenAPI table', () => {
      expect(routeKeys(server).filter((r) => !(r in ROUTE_DOCS))).toEqual([]);
    });

    const cases = Object.keys(RULES).flatMap((route) =>
      EVERYONE.map((who) => [route, who] as const),
    );
    it.each(cases)('%s as %s', async (route, who) => {
      const rule = RULES[route]!;
      const email = `id-${unique()}@acme.test`;
      const { path, body, fresh } = await rule.request({
        server,
        a: { admin: tokens.admin, conversationId },
        email,
      });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (who === 'identity')
        headers.authorization = `Bearer ${(await server.tokens.identity(email, 'Ivy')).token}`;
      else if (fresh && who !== 'none' && who !== 'deactivated') {
        const { member, workspace } = tokens[who];
        const stand = await server.signIn(`${who}-${unique()}@acme.test`, member.role, {
          workspace: workspace.name,
        });
        headers.authorization = stand.headers.authorization;
      } else if (who !== 'none') headers.authorization = tokens[who].headers.authorization;
      const method = route.split(' ')[0]!;
      const res = await server.app.request(path, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      expect({ status: res.status, text: text.slice(0, 300) }).toMatchObject({
        status: rule.expect[who],
      });
      // No answer ever carries the other workspace's ids (beyond those the request sent).
      const sent = path + JSON.stringify(body ?? null);
      const foreign = [...(who === 'other' ? idsA : idsB)].filter((id) => !sent.includes(id));
      expect(foreign.filter((id) => text.includes(id))).toEqual([]);
      // The API's errors are JSON; the customer's rating pages answer with a page.
      if (res.status >= 400 && !res.headers.get('content-type')?.startsWith('text/html'))
        expect(JSON.parse(text)).toHaveProperty('error.code');
    });

    it('never changed a record across workspaces', async () => {
      const res = await server.app.request(`/v1/conversations/${conversationId}/events`, {
        headers: tokens.admin.headers,
      });
      const events = (await res.json()) as { actorId: string | null }[];
      const actors = new Set(events.map((e) => e.actorId));
      expect(actors.has(tokens.other.member.id)).toBe(false);
    });
  });
}
