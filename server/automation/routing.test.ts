import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING, type TeamRouting } from '../../lib/schema';
import { conversations, members, slaCalendars, teamMembers, teams } from '../db/schema';
import { lockWorkspace } from '../domain/write';
import { type ConversationFields, insertConversation } from '../testing/automation';
import { testDatabases } from '../testing/databases';
import { startTestServer, type TestServer } from '../testing/test-server';
import { chooseAssignee } from './routing';

/** Monday 30 November 2026, 11:00 in Berlin. */
const NOW = new Date('2026-11-30T10:00:00Z');
/** The same day in the Berlin lunch break (12:00–13:00 local). */
const LUNCH = new Date('2026-11-30T11:30:00Z');
const day = (start: string, end: string) => [{ start, end }];

for (const target of testDatabases()) {
  describe(`routing [${target.name}]`, () => {
    let server: TestServer;
    let db: TestServer['database']['db'];

    beforeAll(async () => {
      server = await startTestServer({ database: target });
      db = server.database.db;
    });
    afterAll(() => server?.close());

    /** A workspace of its own with a team of `names` (ids in the order given). */
    const teamOf = async (names: string[], routing: Partial<TeamRouting> = {}) => {
      const workspace = `W ${randomUUID()}`;
      const admin = await server.signIn(`admin-${randomUUID()}@acme.test`, 'admin', { workspace });
      const ids: string[] = [];
      for (const name of names) {
        const s = await server.signIn(`${name}-${randomUUID()}@acme.test`, 'agent', {
          workspace,
          name,
        });
        ids.push(s.member.id);
      }
      const byName = Object.fromEntries(names.map((n, i) => [n, ids[i]!]));
      const teamId = randomUUID();
      const ws = admin.workspace.id;
      await db.insert(teams).values({
        id: teamId,
        workspaceId: ws,
        name: 'Support',
        routing: { ...DEFAULT_ROUTING, mode: 'round_robin', ...routing },
        createdAt: NOW,
      });
      if (ids.length)
        await db.insert(teamMembers).values(ids.map((memberId) => ({ teamId, memberId })));
      const route = (fields: ConversationFields = {}, now = NOW) =>
        db.transaction(async (tx) => {
          await lockWorkspace(tx, ws);
          const c = await insertConversation(tx, ws, fields);
          const choice = await chooseAssignee(
            tx,
            ws,
            teamId,
            { tags: c.tags, dueAt: c.dueAt?.toISOString() ?? null },
            now,
          );
          if (choice.memberId)
            await tx
              .update(conversations)
              .set({ assigneeId: choice.memberId, teamId })
              .where(and(eq(conversations.workspaceId, ws), eq(conversations.id, c.id)));
          return choice;
        });
      const nameOf = (id: string | null) => names[ids.indexOf(id!)] ?? null;
      const set = (name: string, fields: Partial<typeof members.$inferInsert>) =>
        db.update(members).set(fields).where(eq(members.id, byName[name]!));
      const calendar = async (weekly: Record<string, { start: string; end: string }[]>) => {
        const id = randomUUID();
        const days = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [], ...weekly };
        await db.insert(slaCalendars).values({
          id,
          workspaceId: ws,
          name: `cal ${id}`,
          timeZone: 'Europe/Berlin',
          alwaysOpen: false,
          weekly: days,
          holidays: [],
          updatedAt: NOW,
          version: 1,
        });
        return id;
      };
      /** Names in id order: round-robin's stable order. */
      const order = [...names].sort((a, b) => (byName[a]! < byName[b]! ? -1 : 1));
      return { ws, teamId, byName, route, nameOf, set, calendar, order };
    };

    it('round-robin goes through the team in id order and wraps, moving its place', async () => {
      const t = await teamOf(['Ana', 'Bo', 'Cy']);
      const picked: (string | null)[] = [];
      for (let i = 0; i < 4; i++) picked.push(t.nameOf((await t.route()).memberId));
      expect(picked).toEqual([...t.order, t.order[0]]);
      const [team] = await db.select().from(teams).where(eq(teams.id, t.teamId));
      expect(team!.lastAssignedId).toBe(t.byName[t.order[0]!]);
      expect((await t.route()).reason).toBe(`round-robin: ${t.order[1]}`);
    });

    it('respects capacity: open work counts, closed and deleted work does not', async () => {
      const t = await teamOf(['Ana', 'Bo']);
      await t.set('Ana', { capacity: 2 });
      await t.set('Bo', { capacity: 1 });
      await insertConversation(db, t.ws, { assigneeId: t.byName.Ana, status: 'pending' });
      await insertConversation(db, t.ws, { assigneeId: t.byName.Bo, status: 'closed' });
      await insertConversation(db, t.ws, { assigneeId: t.byName.Bo, deletedAt: NOW });
      const picked = [];
      for (let i = 0; i < 2; i++) picked.push(t.nameOf((await t.route()).memberId));
      expect(picked.sort()).toEqual(['Ana', 'Bo']);
      expect(await t.route()).toEqual({
        memberId: null,
        reason: 'no member available: all at capacity',
      });
    });

    it('skips away and deactivated members', async () => {
      const t = await teamOf(['Ana', 'Bo', 'Cy']);
      await t.set('Ana', { availability: 'away' });
      await t.set('Cy', { status: 'deactivated' });
      for (let i = 0; i < 3; i++) expect(t.nameOf((await t.route()).memberId)).toBe('Bo');
      await t.set('Bo', { availability: 'away' });
      expect((await t.route()).reason).toBe('no member available: 2 away, 1 deactivated');
    });

    it('skips members outside their working hours', async () => {
      const t = await teamOf(['Ana', 'Bo']);
      const office = await t.calendar({
        mon: [...day('09:00', '12:00'), ...day('13:00', '17:00')],
      });
      await t.set('Ana', { calendarId: office });
      await t.set('Bo', { calendarId: office });
      expect((await t.route({}, LUNCH)).reason).toBe('no member available: all out of hours');
      await t.set('Bo', { calendarId: null });
      expect(t.nameOf((await t.route({}, LUNCH)).memberId)).toBe('Bo');
      const first = t.nameOf((await t.route({}, NOW)).memberId);
      const second = t.nameOf((await t.route({}, NOW)).memberId);
      expect([first, second].sort()).toEqual(['Ana', 'Bo']);
    });

    it('with skills on, gives tagged work to who knows the tag', async () => {
      const t = await teamOf(['Ana', 'Bo', 'Cy'], { useSkills: true });
      await t.set('Bo', { skills: ['Billing'] });
      for (let i = 0; i < 3; i++)
        expect(t.nameOf((await t.route({ tags: ['billing', 'vip'] })).memberId)).toBe('Bo');
      const untagged = [];
      for (let i = 0; i < 3; i++) untagged.push(t.nameOf((await t.route()).memberId));
      expect(untagged.sort()).toEqual(['Ana', 'Bo', 'Cy']);
    });

    it('load-balanced gives the work to the least loaded member', async () => {
      const t = await teamOf(['Ana', 'Bo', 'Cy'], { mode: 'load_balanced' });
      for (let i = 0; i < 3; i++)
        await insertConversation(db, t.ws, { assigneeId: t.byName.Ana, status: 'open' });
      await insertConversation(db, t.ws, { assigneeId: t.byName.Bo, status: 'open' });
      const choice = await t.route();
      expect(choice).toEqual({ memberId: t.byName.Cy, reason: 'load-balanced: Cy (0 open)' });
      // Bo and Cy now have one each: the tie goes on in round-robin order after Cy.
      expect(t.nameOf((await t.route()).memberId)).toBe('Bo');
      expect(t.nameOf((await t.route()).memberId)).toBe('Cy');
    });

    it('deadline-aware routing hands urgent work to who opens first before the due time', async () => {
      const t = await teamOf(['Ana', 'Bo'], { deadlineAware: true });
      // At lunch in Berlin: Ana opens at 13:00 local, Bo at 15:00.
      await t.set('Ana', {
        calendarId: await t.calendar({ mon: [...day('09:00', '12:00'), ...day('13:00', '17:00')] }),
      });
      await t.set('Bo', { calendarId: await t.calendar({ mon: day('15:00', '20:00') }) });
      const dueAt = new Date('2026-11-30T13:00:00Z');
      expect(await t.route({ dueAt }, LUNCH)).toEqual({
        memberId: t.byName.Ana,
        reason: 'deadline-aware: Ana opens at 2026-11-30T12:00:00.000Z',
      });
      // Without a due time nobody is working, so it waits in the queue.
      expect((await t.route({}, LUNCH)).memberId).toBeNull();
    });

    it('manual teams keep the work in their queue', async () => {
      const t = await teamOf(['Ana'], { mode: 'manual' });
      expect(await t.route()).toEqual({
        memberId: null,
        reason: 'manual: stays in the team queue',
      });
    });

    it('refuses a team of another workspace', async () => {
      const a = await teamOf(['Ana']);
      const b = await teamOf(['Bo']);
      await expect(
        db.transaction((tx) => chooseAssignee(tx, a.ws, b.teamId, { tags: [], dueAt: null }, NOW)),
      ).rejects.toMatchObject({ status: 404 });
    });

    /** On Postgres each transaction runs on a pooled connection and really races. */
    const spread = async (arrivals: number) => {
      const t = await teamOf(['Ana', 'Bo', 'Cy', 'Di', 'Ed']);
      for (const name of Object.keys(t.byName)) await t.set(name, { capacity: 30 });
      const choices = await Promise.all(Array.from({ length: arrivals }, () => t.route()));
      const loads = await db
        .select({ assigneeId: conversations.assigneeId })
        .from(conversations)
        .where(and(eq(conversations.workspaceId, t.ws), isNotNull(conversations.assigneeId)));
      const perMember = Object.values(t.byName).map(
        (id) => loads.filter((l) => l.assigneeId === id).length,
      );
      return { choices, perMember };
    };

    it('200 parallel arrivals: nobody over capacity, round-robin even within one', async () => {
      const { choices, perMember } = await spread(200);
      expect(perMember.every((n) => n <= 30)).toBe(true);
      expect(perMember.reduce((a, b) => a + b)).toBe(150);
      expect(Math.max(...perMember) - Math.min(...perMember)).toBeLessThanOrEqual(1);
      expect(choices.filter((c) => c.memberId === null)).toHaveLength(50);
      expect(choices.find((c) => c.memberId === null)?.reason).toBe(
        'no member available: all at capacity',
      );
    });

    it('100 parallel arrivals on five members: exactly 20 each', async () => {
      const { perMember } = await spread(100);
      expect(perMember).toEqual([20, 20, 20, 20, 20]);
    });
  });
}
