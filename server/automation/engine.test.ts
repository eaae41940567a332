import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationIdFor } from '../../lib/conversation-id';
import type { CreateRule, Rule } from '../../lib/schema';
import { automationJobs, conversations, events, notes } from '../db/schema';
import { client } from '../testing/client';
import { testDatabases } from '../testing/databases';
import { customerMessage, mutation } from '../testing/fixtures';
import { policyInput } from '../testing/sla';
import { startTestServer, type TestServer, type TestSession } from '../testing/test-server';

const T0 = '2026-11-30T09:00:00.000Z';
const MINUTE = 60_000;

for (const target of testDatabases()) {
  describe(`automation rules [${target.name}]`, () => {
    let server: TestServer;
    let clock = new Date(T0);
    let adminSession: TestSession;
    let admin: ReturnType<typeof client>;
    let agent: ReturnType<typeof client>;
    let agentId: string;
    let leadId: string;
    const clientId = randomUUID();
    let n = 0;

    beforeAll(async () => {
      server = await startTestServer({ database: target, now: () => clock });
      adminSession = await server.signIn('ada@acme.test', 'admin');
      admin = client(server, adminSession);
      const lead = await server.signIn('leo@acme.test', 'lead', { name: 'Leo' });
      leadId = lead.member.id;
      const ana = await server.signIn('ana@acme.test', 'agent', { name: 'Ana' });
      agentId = ana.member.id;
      agent = client(server, ana);
      await admin.patch('/v1/workspace/settings', { mailboxes: ['support@acme.test'] });
    });
    afterAll(() => server?.close());

    const push = async (name: string, args: unknown) => {
      const r = await admin.post('/v1/push', { clientId, mutations: [mutation(++n, name, args)] });
      expect(r.body.results[0].status).toBe('ok');
    };
    /** A customer's message arriving now, with the given subject; resolves to its id. */
    const arrive = async (subject: string) => {
      const m = customerMessage(subject, clock);
      await push('conversation.upsert', { meta: m });
      return conversationIdFor(m.key);
    };
    const rule = async (input: CreateRule): Promise<Rule> => {
      const r = await admin.post('/v1/rules', input);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body;
    };
    const removeRules = async () => {
      for (const r of (await admin.get<Rule[]>('/v1/rules')).body)
        await admin.delete(`/v1/rules/${r.id}`);
    };
    const row = async (id: string) => {
      const [found] = await server.database.db
        .select()
        .from(conversations)
        .where(eq(conversations.id, id));
      return found!;
    };
    const eventsOf = async (id: string, type: string) =>
      server.database.db
        .select()
        .from(events)
        .where(and(eq(events.conversationId, id), eq(events.type, type)));

    it('only leads and admins manage rules, and a rule may name only its own workspace', async () => {
      const input: CreateRule = {
        name: 'Urgent VIPs',
        enabled: true,
        trigger: { type: 'conversation.created' },
        conditions: [],
        actions: [{ type: 'setPriority', priority: 'urgent' }],
        stopProcessing: false,
      };
      expect((await agent.get('/v1/rules')).status).toBe(403);
      expect((await agent.post('/v1/rules', input)).status).toBe(403);
      const other = client(
        server,
        await server.signIn('eve@evil.test', 'admin', { workspace: 'Evil' }),
      );
      const theirTeam = await other.post('/v1/teams', { name: 'Theirs' });
      const refused = await admin.post('/v1/rules', {
        ...input,
        actions: [{ type: 'route', teamId: theirTeam.body.id }],
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain('no live team');
      const bad = await admin.post('/v1/rules', { ...input, actions: [] });
      expect(bad.status).toBe(400);
      expect((await admin.post('/v1/rules', { ...input, trigger: { type: 'never' } })).status).toBe(
        400,
      );
      expect((await other.get('/v1/rules')).body).toEqual([]);
    });

    it('runs on arrival: conditions on subject and sender, actions recorded as events naming the rule', async () => {
      await removeRules();
      const refunds = await rule({
        name: 'Refunds to billing',
        enabled: true,
        trigger: { type: 'conversation.created' },
        conditions: [
          { field: 'subject', op: 'containsAny', values: ['refund'] },
          { field: 'senderDomain', op: 'in', values: ['example.com'] },
        ],
        actions: [
          { type: 'addTag', tag: 'billing' },
          { type: 'setPriority', priority: 'high' },
          { type: 'notify', memberIds: [], roles: ['lead'], message: 'A refund came in' },
        ],
        stopProcessing: false,
      });
      const id = await arrive('Refund for order 42');
      const other = await arrive('Where is my parcel?');
      const c = await row(id);
      expect(c.tags).toEqual(['billing']);
      expect(c.priority).toBe('high');
      expect((await row(other)).priority).toBe('normal');
      // One version holds them all, and a version's events have no order of their own.
      const actions = (await eventsOf(id, 'automation.action'))
        .map((e) => e.after as { action: string })
        .sort((a, b) => a.action.localeCompare(b.action));
      expect(actions).toEqual([
        {
          ruleId: refunds.id,
          ruleName: 'Refunds to billing',
          action: 'addTag',
          effect: 'tagged billing',
        },
        {
          ruleId: refunds.id,
          ruleName: 'Refunds to billing',
          action: 'notify',
          effect: 'notified Leo',
        },
        {
          ruleId: refunds.id,
          ruleName: 'Refunds to billing',
          action: 'setPriority',
          effect: 'priority set to high',
        },
      ]);
      // The change events are the usual ones, by nobody: reports and the timeline read them.
      const [tagged] = await eventsOf(id, 'conversation.tagged');
      expect(tagged?.actorId).toBeNull();
      const [note] = await server.database.db
        .select()
        .from(notes)
        .where(eq(notes.conversationId, id));
      expect(note?.mentions).toEqual([leadId]);
      expect(note?.body).toBe('Refunds to billing: A refund came in');
    });

    it('evaluates in order and stops where a rule says so; reordering changes the winner', async () => {
      await removeRules();
      const high = await rule({
        name: 'High first',
        enabled: true,
        trigger: { type: 'conversation.created' },
        conditions: [],
        actions: [{ type: 'setPriority', priority: 'high' }],
        stopProcessing: true,
      });
      const low = await rule({
        name: 'Then low',
        enabled: true,
        trigger: { type: 'conversation.created' },
        conditions: [],
        actions: [{ type: 'setPriority', priority: 'low' }],
        stopProcessing: false,
      });
      const first = await arrive('Order');
      expect((await row(first)).priority).toBe('high');
      expect(await eventsOf(first, 'automation.action')).toHaveLength(1);

      await admin.post('/v1/rules/reorder', { ids: [low.id, high.id] });
      const second = await arrive('Order again');
      // Low ran first and did not stop; High ran after it and won.
      expect((await row(second)).priority).toBe('high');
      expect(
        (await eventsOf(second, 'automation.action')).map(
          (e) => (e.after as { ruleName: string }).ruleName,
        ),
      ).toEqual(['Then low', 'High first']);

      await admin.patch(`/v1/rules/${high.id}`, { enabled: false });
      const third = await arrive('Order thrice');
      expect((await row(third)).priority).toBe('low');
    });

    it('never loops: a rule does not fire again in the chain its own action started', async () => {
      await removeRules();
      await rule({
        name: 'a to b',
        enabled: true,
        trigger: { type: 'tag.added', tag: 'a' },
        conditions: [],
        actions: [
          { type: 'removeTag', tag: 'a' },
          { type: 'addTag', tag: 'b' },
        ],
        stopProcessing: false,
      });
      await rule({
        name: 'b to a',
        enabled: true,
        trigger: { type: 'tag.added', tag: 'b' },
        conditions: [],
        actions: [
          { type: 'removeTag', tag: 'b' },
          { type: 'addTag', tag: 'a' },
        ],
        stopProcessing: false,
      });
      await rule({
        name: 'tag anything, add seen',
        enabled: true,
        trigger: { type: 'tag.added', tag: null },
        conditions: [],
        actions: [{ type: 'addTag', tag: 'seen' }],
        stopProcessing: false,
      });
      const id = await arrive('Ping pong');
      await push('conversation.addTag', { conversationId: id, tag: 'a' });
      const c = await row(id);
      expect(c.tags.sort()).toEqual(['a', 'seen']);
      const fired = (await eventsOf(id, 'automation.action')).map(
        (e) => (e.after as { ruleName: string }).ruleName,
      );
      // a→b, then b→a; "seen" fires once for the member's tag and never again in its chain.
      expect(fired.filter((r) => r === 'a to b')).toHaveLength(2);
      expect(fired.filter((r) => r === 'b to a')).toHaveLength(2);
      expect(fired.filter((r) => r === 'tag anything, add seen')).toHaveLength(1);
      const left = await server.database.db
        .select()
        .from(automationJobs)
        .where(eq(automationJobs.conversationId, id));
      expect(left).toEqual([]);
    });

    it('no reply for N minutes fires once the time has passed, and not when someone replied', async () => {
      await removeRules();
      await rule({
        name: 'Unanswered half hour',
        enabled: true,
        trigger: { type: 'no_reply', minutes: 30, calendarId: null },
        conditions: [],
        actions: [{ type: 'setPriority', priority: 'urgent' }],
        stopProcessing: false,
      });
      clock = new Date(T0);
      const waiting = await arrive('Still waiting');
      const answered = await arrive('Answered soon');
      clock = new Date(Date.parse(T0) + 10 * MINUTE);
      await push('conversation.reply', { conversationId: answered, at: clock.toISOString() });
      clock = new Date(Date.parse(T0) + 29 * MINUTE);
      await admin.post('/v1/sla/sweep');
      expect((await row(waiting)).priority).toBe('normal');
      clock = new Date(Date.parse(T0) + 31 * MINUTE);
      const swept = await admin.post('/v1/sla/sweep');
      expect(swept.body.automations.ran).toBeGreaterThanOrEqual(2);
      expect((await row(waiting)).priority).toBe('urgent');
      expect((await row(answered)).priority).toBe('normal');
      clock = new Date(T0);
    });

    it('an SLA breach fires its rules once, from the sweep, with the webhook called', async () => {
      await removeRules();
      clock = new Date(T0);
      const policy = await admin.post('/v1/sla/policies', policyInput({ name: 'Breach test' }));
      expect(policy.status).toBe(201);
      await rule({
        name: 'Breached: urgent and tell the world',
        enabled: true,
        trigger: { type: 'sla.breached' },
        conditions: [],
        actions: [{ type: 'setPriority', priority: 'urgent' }, { type: 'webhook' }],
        stopProcessing: false,
      });
      const id = await arrive('Slow one');
      clock = new Date(Date.parse(T0) + 31 * MINUTE);
      await admin.post('/v1/sla/sweep');
      expect((await row(id)).priority).toBe('urgent');
      const effects = (await eventsOf(id, 'automation.action')).map(
        (e) => (e.after as { effect: string }).effect,
      );
      // No webhook is set in this workspace: the action says so rather than fail.
      expect(effects.sort()).toEqual([
        'priority set to urgent',
        'skipped: no workspace webhook is set',
      ]);
      clock = new Date(Date.parse(T0) + 40 * MINUTE);
      await admin.post('/v1/sla/sweep');
      expect(await eventsOf(id, 'automation.action')).toHaveLength(2);
      await admin.delete(`/v1/sla/policies/${policy.body.id}`);
      clock = new Date(T0);
    });

    it('the dry run lists what last week would have matched and changes nothing', async () => {
      await removeRules();
      const before = await server.database.db.select().from(conversations);
      const preview = await admin.post('/v1/rules/dry-run', {
        rule: {
          name: 'Refunds',
          trigger: { type: 'conversation.created' },
          conditions: [{ field: 'subject', op: 'containsAny', values: ['refund'] }],
          actions: [{ type: 'assign', memberId: agentId }],
        },
      });
      expect(preview.status).toBe(200);
      expect(preview.body.matched).toBe(1);
      expect(preview.body.examined).toBeGreaterThanOrEqual(7);
      expect(preview.body.matches[0]).toMatchObject({
        subject: 'Refund for order 42',
        effects: ['assign to Ana'],
      });
      expect(await server.database.db.select().from(conversations)).toEqual(before);
      expect((await agent.post('/v1/rules/dry-run', { rule: preview.body })).status).toBe(403);
    });
  });
}
