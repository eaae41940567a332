import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { client } from './client';
import { calendarInput, policyInput } from './sla';
import type { TestServer } from './test-server';

export interface HistoryShape {
  workspaceId: string;
  /** Who conversations are assigned to, round the list. */
  agentIds: readonly string[];
  conversations: number;
  /** Arrivals are spread evenly over the `days` before `until`. */
  days: number;
  until: Date;
}

/**
 * A workspace's history written straight into the tables in a few INSERT … SELECT over
 * generate_series (a million events in seconds, no API round trips): each conversation
 * arrives, is tagged, mostly assigned, answered, sometimes asked again, escalated, drafted
 * with the copilot, closed, and re-opened. Which of these happens is a fixed function of
 * the conversation's number, so every run writes the same history. About 10 events per
 * conversation (docs/benchmarks.md gives the mix). Rows sit below the workspace's
 * current version, as an old workspace's do.
 */
export async function writeHistory(db: Db, shape: HistoryShape): Promise<{ events: number }> {
  const { workspaceId: ws, conversations: n } = shape;
  const start = shape.until.getTime() - shape.days * 86_400_000;
  const step = (shape.until.getTime() - start) / n;
  const agents = `{${shape.agentIds.join(',')}}`;
  // Per conversation g: arrival, reply delay r (10–309 min), and the flags below.
  const base = sql`
    select g,
      (${new Date(start).toISOString()}::timestamptz + make_interval(secs => g * ${step / 1000}::float8)) as t,
      make_interval(mins => 10 + (g * 37) % 300) as r,
      (${agents}::uuid[])[1 + g % ${shape.agentIds.length}] as agent,
      g % 10 < 8 as assigned, g % 20 <> 0 as replied, g % 5 < 3 as asked_again,
      g % 10 = 9 as escalated, g % 10 < 3 as drafted, g % 20 < 17 as closed, g % 20 < 2 as reopened,
      (array['billing','bug','outage','feature-request','vip'])[1 + g % 5] as tag
    from generate_series(1, ${n}) g`;
  const version = sql`(select version from workspaces where id = ${ws})`;
  await db.execute(sql`
    insert into conversations (workspace_id, id, key, host, refs, subject, participants,
      first_message_at, last_message_at, status, priority, assignee_id, tags,
      created_at, updated_at, version)
    select ${ws}, 'h' || g, 'msgid:<h' || g || '@history.test>', 'gmail',
      jsonb_build_array(jsonb_build_object('host', 'gmail', 'mailbox',
        case when g % 3 = 0 then 'sales@acme.test' else 'support@acme.test' end, 'threadId', 'h' || g)),
      'Question ' || g, jsonb_build_array(jsonb_build_object('email', 'c' || g || '@customer.test', 'name', null)),
      t, t + r, case when closed and replied then 'closed' else 'open' end,
      case when escalated then 'high' else 'normal' end,
      case when assigned then agent end, jsonb_build_array(tag), t, t + r, ${version}
    from (${base}) c`);
  await db.execute(sql`
    insert into events (id, workspace_id, version, actor_id, conversation_id, type, before, after, at)
    select gen_random_uuid(), ${ws}, ${version}, e.actor, 'h' || c.g, e.type, e.before, e.after, e.at
    from (${base}) c cross join lateral (values
      (true, null::uuid, 'conversation.created', null::jsonb,
        jsonb_build_object('firstMessageAt', c.t), c.t),
      (true, null, 'conversation.tagged', null, to_jsonb(c.tag), c.t + interval '1 minute'),
      (c.assigned, c.agent, 'conversation.assigned', 'null', to_jsonb(c.agent),
        c.t + make_interval(mins => 5 + c.g % 55)),
      (c.escalated, c.agent, 'conversation.priority', '"normal"', '"high"', c.t + interval '15 minutes'),
      (c.drafted, c.agent, 'copilot.draft', null, jsonb_build_object('task', 'draft',
        'provider', 'offline', 'model', null, 'sources', '[]'::jsonb,
        'outcome', (array['accepted','edited','discarded'])[1 + c.g % 3]), c.t + interval '20 minutes'),
      (c.replied, c.agent, 'conversation.replied', null, jsonb_build_object('at', c.t + c.r), c.t + c.r),
      (c.replied and c.asked_again, null, 'conversation.message_received', null,
        jsonb_build_object('at', c.t + c.r + interval '30 minutes'), c.t + c.r + interval '30 minutes'),
      (c.replied and c.asked_again, c.agent, 'conversation.replied', null,
        jsonb_build_object('at', c.t + c.r + make_interval(mins => 35 + (c.g * 13) % 120)),
        c.t + c.r + make_interval(mins => 35 + (c.g * 13) % 120)),
      (c.replied and c.closed, c.agent, 'conversation.status', null,
        '{"status":"closed","snoozedUntil":null}', c.t + c.r + interval '200 minutes'),
      (c.replied and c.reopened, null, 'conversation.status', null,
        '{"status":"open","snoozedUntil":null}', c.t + c.r + interval '1 day'),
      (c.replied and c.reopened, c.agent, 'conversation.replied', null,
        jsonb_build_object('at', c.t + c.r + interval '1 day 1 hour'), c.t + c.r + interval '1 day 1 hour'),
      (c.replied and c.reopened, c.agent, 'conversation.status', null,
        '{"status":"closed","snoozedUntil":null}', c.t + c.r + interval '1 day 2 hours')
    ) as e(happens, actor, type, before, after, at)
    where e.happens`);
  await db.execute(sql`analyze conversations`);
  await db.execute(sql`analyze events`);
  const [row] = (await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sql`events`)
    .where(sql`workspace_id = ${ws}`)) as { n: number }[];
  return { events: Number(row?.n ?? 0) };
}

/**
 * The workspace report tests and the bench fill: two mailboxes, billing answered in the
 * Berlin office's business hours, everything else in calendar time, and `agents`.
 */
export async function reportWorkspace(server: TestServer, agents: readonly string[]) {
  const ada = await server.signIn('ada@acme.test', 'admin');
  const admin = client(server, ada);
  const agentIds: string[] = [];
  for (const name of agents)
    agentIds.push((await server.signIn(`${name}@acme.test`, 'agent')).member.id);
  await admin.patch('/v1/workspace/settings', {
    mailboxes: ['support@acme.test', 'sales@acme.test'],
  });
  const calendar = (await admin.post('/v1/sla/calendars', calendarInput())).body;
  await admin.post(
    '/v1/sla/policies',
    policyInput({
      name: 'Billing',
      conditions: { tags: ['billing'] },
      targets: { firstResponse: 120, resolution: 720 },
      clock: 'business',
      calendarId: calendar.id,
      pauseWhen: ['pending'],
    }),
  );
  await admin.post(
    '/v1/sla/policies',
    policyInput({
      name: 'General',
      targets: { firstResponse: 240, nextResponse: 240, resolution: 1440 },
    }),
  );
  return { admin: ada, workspaceId: ada.workspace.id, agentIds };
}
