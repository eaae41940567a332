import { randomUUID } from 'node:crypto';
import { and, asc, eq, lte } from 'drizzle-orm';
import type { AutomationActionEvent, Conversation, Rule } from '../../lib/schema';
import { elapsedTime, workingTime } from '../../lib/sla';
import type { Tx } from '../db/open';
import {
  automationJobs,
  conversations,
  incidents,
  notes,
  slaWebhookDeliveries,
  tags,
} from '../db/schema';
import { conversationRow, toConversation } from '../domain/records';
import type { LoggedEvent } from '../domain/sla-history';
import { loadSlaSetup, loggedSlaEvents } from '../domain/sla-setup';
import { nextCheckAt, type SlaSetup, slaSnapshot } from '../domain/sla-snapshot';
import { bumpVersion, eventWriter, lockWorkspace } from '../domain/write';
import { NEW_TAG_COLOR } from '../sync/apply-mutation';
import {
  type ActionContext,
  act,
  type Draft,
  newDraft,
  route,
  type Source,
  takeOver,
} from './actions';
import { allHold } from './conditions';
import { incidentsHolding, loadActionWorkspace, rulesOf } from './context';
import { matchIncident } from './incidents';
import { enqueue, type JobPayload, JobPayloads, type NewJob, RULE_TRIGGERED } from './jobs';

type JobRow = typeof automationJobs.$inferSelect;

/**
 * What one run did: the job it took (null: none due), the version it wrote, and whether
 * more jobs are due (asked in the same transaction, to spare the caller one more).
 */
export type JobRun = { job: JobRow | null; version: number | null; more: boolean };

/**
 * Runs the workspace's next due job under the workspace lock, like every writer: its
 * rules read the latest commit and its changes take one new version. The job is deleted
 * in the same transaction, so a job is applied once, or (if this fails) not at all.
 */
export async function runNextJob(
  tx: Tx,
  workspaceId: string,
  now: Date,
  onTaken: (job: JobRow) => void = () => {},
): Promise<JobRun> {
  const head = await lockWorkspace(tx, workspaceId);
  const [job] = await tx
    .select()
    .from(automationJobs)
    .where(and(eq(automationJobs.workspaceId, workspaceId), lte(automationJobs.runAt, now)))
    .orderBy(asc(automationJobs.runAt), asc(automationJobs.createdAt), asc(automationJobs.id))
    .limit(1);
  if (!job) return { job: null, version: null, more: false };
  onTaken(job);
  const due = and(eq(automationJobs.workspaceId, workspaceId), lte(automationJobs.runAt, now));
  const done = async () => {
    await tx.delete(automationJobs).where(eq(automationJobs.id, job.id));
    const [next] = await tx
      .select({ id: automationJobs.id })
      .from(automationJobs)
      .where(due)
      .limit(1);
    return next !== undefined;
  };
  const [row] = await tx
    .select()
    .from(conversations)
    .where(
      and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, job.conversationId)),
    );
  if (!row || row.deletedAt) return { job, version: null, more: await done() };
  const version = head + 1;
  const [workspace, setup, logged] = await Promise.all([
    loadActionWorkspace(tx, workspaceId),
    loadSlaSetup(tx, workspaceId),
    loggedSlaEvents(tx, workspaceId, [job.conversationId]),
  ]);
  const policies = new Map(setup.policies.map((p) => [p.id, p.name]));
  const ctx: ActionContext = { tx, workspaceId, now, version, policies, ...workspace };
  const history = logged.get(job.conversationId) ?? [];
  const draft = newDraft(toConversation(row));
  const fired = await handle(job, draft, ctx, setup, history);
  if (!draft.events.length && !draft.followUps.length)
    return { job, version: null, more: await done() };
  await write(tx, ctx, draft, setup, history, [...job.fired, ...fired]);
  return { job, version, more: await done() };
}

/** Runs what the job asks for on the draft; returns the ids of the rules that fired. */
async function handle(
  job: JobRow,
  draft: Draft,
  ctx: ActionContext,
  setup: SlaSetup,
  history: readonly LoggedEvent[],
): Promise<string[]> {
  const kind = job.kind as keyof typeof JobPayloads;
  const parsed = JobPayloads[kind]?.safeParse(job.payload);
  if (!parsed?.success) {
    draft.events.push({
      type: 'automation.failed',
      before: null,
      after: { job: job.kind, message: 'the job does not read; it was dropped' },
    });
    return [];
  }
  const payload = parsed.data as Record<string, unknown>;
  const fired: string[] = [];
  // An incident claims its matches first: the rules then see them with their new owner.
  if (kind === 'conversation.created' || kind === 'tag.added') await spikes(draft, ctx);
  if (RULE_TRIGGERED.has(kind)) {
    let candidates = await rulesOf(ctx.tx, ctx.workspaceId, kind);
    if (kind === 'no_reply') {
      candidates = candidates.filter((r) => r.id === payload.ruleId);
      if (!stillUnanswered(draft.conversation, history, String(payload.messageAt))) candidates = [];
    }
    if (kind === 'tag.added')
      candidates = candidates.filter((r) => tagTriggers(r, String(payload.tag)));
    fired.push(...(await runRules(candidates, job.fired, draft, ctx, setup)));
  }
  if (kind === 'message.received')
    draft.followUps.push(...(await noReplyTimers(ctx, setup, job, String(payload.at))));
  if (kind === 'escalated') await nextTier(draft, ctx, payload as JobPayload<'escalated'>);
  if (kind === 'incident.route') await incidentRoute(draft, ctx, String(payload.incidentId));
  if (kind === 'incident.escalate')
    await incidentEscalation(draft, ctx, history, payload as JobPayload<'incident.escalate'>);
  return fired;
}

/** In order; a rule already fired in this chain is skipped, so no rule loops on itself. */
async function runRules(
  candidates: readonly Rule[],
  chain: readonly string[],
  draft: Draft,
  ctx: ActionContext,
  setup: SlaSetup,
) {
  const fired: string[] = [];
  for (const rule of candidates) {
    if (chain.includes(rule.id)) continue;
    const subject = {
      conversation: draft.conversation,
      team: setup.team,
      calendars: setup.calendars,
      now: ctx.now,
    };
    if (!allHold(rule.conditions, subject)) continue;
    fired.push(rule.id);
    const source: Source = { ruleId: rule.id, ruleName: rule.name };
    for (const action of rule.actions) await act(draft, action, source, ctx);
    if (rule.stopProcessing) break;
  }
  return fired;
}

const tagTriggers = (rule: Rule, tag: string) =>
  rule.trigger.type === 'tag.added' &&
  (rule.trigger.tag === null || rule.trigger.tag.toLowerCase() === tag.toLowerCase());

/** No reply since the message, no newer customer message (its own timer runs), not closed. */
function stillUnanswered(c: Conversation, history: readonly LoggedEvent[], messageAt: string) {
  if (c.status === 'closed') return false;
  const since = Date.parse(messageAt);
  return !history.some((e) => {
    const at = Date.parse(String((e.after as { at?: unknown } | null)?.at ?? ''));
    if (e.type === 'conversation.replied') return at >= since;
    return e.type === 'conversation.message_received' && at > since;
  });
}

/** A customer message starts each no-reply rule's timer, in its calendar's business time. */
async function noReplyTimers(
  ctx: ActionContext,
  setup: SlaSetup,
  job: JobRow,
  messageAt: string,
): Promise<NewJob[]> {
  const timers = await rulesOf(ctx.tx, ctx.workspaceId, 'no_reply');
  return timers.flatMap((rule): NewJob[] => {
    if (rule.trigger.type !== 'no_reply') return [];
    const { minutes, calendarId } = rule.trigger;
    const calendar = calendarId ? setup.calendars.get(calendarId) : null;
    if (calendar === undefined) return [];
    const clock = calendar ? workingTime(calendar) : elapsedTime;
    const runAt = new Date(clock.advance(Date.parse(messageAt), minutes * 60_000));
    return [
      {
        kind: 'no_reply',
        conversationId: job.conversationId,
        payload: { ruleId: rule.id, messageAt },
        runAt,
      },
    ];
  });
}

/**
 * Spike detection: an incident the conversation joins routes it to the incident's team; one
 * it opens tells the leads; either way a match with no reply escalates after a while.
 */
async function spikes(draft: Draft, ctx: ActionContext) {
  const c = draft.conversation;
  const held = await incidentsHolding(ctx.tx, ctx.workspaceId, c.id);
  for (const { monitor, incident, opened } of await matchIncident(
    ctx.tx,
    ctx.workspaceId,
    c,
    ctx.now,
  )) {
    if (!incident || held.has(incident.id)) continue;
    const source: Source = { ruleId: null, ruleName: `Incident “${incident.name}”` };
    draft.events.push({
      type: opened ? 'incident.opened' : 'incident.matched',
      before: null,
      after: { incidentId: incident.id, monitorId: monitor.id, name: incident.name },
    });
    if (incident.teamId) await claim(draft, ctx, source, incident.teamId);
    if (opened)
      await act(
        draft,
        {
          type: 'notify',
          memberIds: [],
          roles: ['lead', 'admin'],
          message: `${incident.conversationIds.length} matching conversations within ${monitor.windowMinutes} minutes opened an incident.`,
        },
        source,
        ctx,
      );
    if (opened && incident.teamId)
      draft.followUps.push(
        ...incident.conversationIds
          .filter((id) => id !== c.id)
          .map(
            (conversationId): NewJob => ({
              kind: 'incident.route',
              conversationId,
              payload: { incidentId: incident.id },
              runAt: ctx.now,
            }),
          ),
      );
    const minutes = monitor.escalateAfterMinutes;
    if (minutes === null) continue;
    const runAt = new Date(ctx.now.getTime() + minutes * 60_000);
    const since = ctx.now.toISOString();
    const ids = opened ? incident.conversationIds : [c.id];
    draft.followUps.push(
      ...ids.map(
        (conversationId): NewJob => ({
          kind: 'incident.escalate',
          conversationId,
          payload: { incidentId: incident.id, since, minutes },
          runAt,
        }),
      ),
    );
  }
}

async function nextTier(
  draft: Draft,
  ctx: ActionContext,
  { fromTeamId, reason }: JobPayload<'escalated'>,
) {
  const source: Source = { ruleId: null, ruleName: 'Escalation' };
  const from = fromTeamId ? ctx.teams.get(fromTeamId) : undefined;
  const to = from?.routing.escalatesTo ?? null;
  if (from && to !== null && ctx.teams.has(to)) {
    const effect = await route(draft, to, ctx);
    draft.events.push({
      type: 'automation.action',
      before: null,
      after: { ...source, action: 'route', effect },
    });
    return;
  }
  const where = from ? `no tier above ${from.name}` : 'no team to escalate from';
  await act(
    draft,
    {
      type: 'notify',
      memberIds: [],
      roles: ['lead', 'admin'],
      message: `Escalated (${reason}); ${where}: a lead should take it.`,
    },
    source,
    ctx,
  );
}

async function incidentEscalation(
  draft: Draft,
  ctx: ActionContext,
  history: readonly LoggedEvent[],
  { incidentId, since, minutes }: JobPayload<'incident.escalate'>,
) {
  if (!stillUnanswered(draft.conversation, history, since)) return;
  const name = (await openIncident(ctx.tx, incidentId))?.name;
  if (name === undefined) return;
  await act(
    draft,
    { type: 'escalate', reason: `No response within ${minutes} minutes during incident “${name}”` },
    { ruleId: null, ruleName: `Incident “${name}”` },
    ctx,
  );
}

/** An open incident's name and team; null once resolved. */
async function openIncident(tx: Tx, id: string) {
  const [row] = await tx
    .select({ name: incidents.name, teamId: incidents.teamId, resolvedAt: incidents.resolvedAt })
    .from(incidents)
    .where(eq(incidents.id, id));
  return row && !row.resolvedAt ? row : null;
}

async function incidentRoute(draft: Draft, ctx: ActionContext, incidentId: string) {
  const incident = await openIncident(ctx.tx, incidentId);
  if (!incident?.teamId) return;
  await claim(
    draft,
    ctx,
    { ruleId: null, ruleName: `Incident “${incident.name}”` },
    incident.teamId,
  );
}

/** The incident's team takes the conversation, recorded as the incident's action. */
async function claim(draft: Draft, ctx: ActionContext, source: Source, teamId: string) {
  const effect = await takeOver(draft, teamId, ctx);
  const after: AutomationActionEvent = { ...source, action: 'route', effect };
  draft.events.push({ type: 'automation.action', before: null, after });
}

/** One version: the conversation with its SLA evaluated again, and all the job wrote. */
async function write(
  tx: Tx,
  ctx: ActionContext,
  draft: Draft,
  setup: SlaSetup,
  history: readonly LoggedEvent[],
  fired: string[],
) {
  const { workspaceId, now, version } = ctx;
  if ((await bumpVersion(tx, workspaceId)) !== version)
    throw new Error(`automation version ${version} is not the next one`);
  const c = draft.conversation;
  const sla = slaSnapshot(
    c,
    [...history, ...draft.events.map((e) => ({ type: e.type, after: e.after, at: now }))],
    setup,
    now,
  );
  const values = {
    ...conversationRow(workspaceId, {
      ...c,
      sla: sla.sla,
      dueAt: sla.dueAt,
      version,
      updatedAt: now.toISOString(),
    }),
    slaCheckAt: nextCheckAt(sla.points, now, false),
  };
  const event = eventWriter(tx, workspaceId, version, null, now);
  const writes: Promise<unknown>[] = [
    tx
      .update(conversations)
      .set(values)
      .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, c.id)))
      .execute(),
    ...draft.events.map((e) => event({ ...e, conversationId: c.id })),
    enqueue(tx, workspaceId, draft.followUps, now, fired),
  ];
  if (draft.notes.length)
    writes.push(
      tx
        .insert(notes)
        .values(
          draft.notes.map((n) => ({
            ...n,
            workspaceId,
            createdAt: new Date(n.createdAt),
            version,
          })),
        )
        .execute(),
    );
  if (draft.createdTags.length)
    writes.push(
      tx
        .insert(tags)
        .values(
          draft.createdTags.map((name) => ({
            id: randomUUID(),
            workspaceId,
            name,
            color: NEW_TAG_COLOR,
            archived: false,
            version,
          })),
        )
        .onConflictDoNothing()
        .execute(),
    );
  if (draft.deliveries.length)
    writes.push(tx.insert(slaWebhookDeliveries).values(draft.deliveries).execute());
  await Promise.all(writes);
}
