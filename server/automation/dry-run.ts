import { and, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { z } from 'zod';
import { type CreateRule, type DryRunResult, Status } from '../../lib/schema';
import { elapsedTime, workingTime } from '../../lib/sla';
import type { Db } from '../db/open';
import { conversations, events, members, slaPolicies, teams } from '../db/schema';
import { conversationEvents } from '../domain/conversation-events';
import { toConversation } from '../domain/records';
import { loadSlaSetup } from '../domain/sla-setup';
import { allHold } from './conditions';
import { describeAction } from './describe-action';

const LISTED = 200;
const DAY_MS = 86_400_000;
const StatusOf = z.object({ status: Status });
const MessageAt = z.object({ at: z.iso.datetime({ offset: true }) });

/** The log events each trigger type fired on. */
const TRIGGER_EVENTS: Record<CreateRule['trigger']['type'], string> = {
  'conversation.created': 'conversation.created',
  'message.received': 'conversation.message_received',
  'conversation.reopened': 'conversation.status',
  'tag.added': 'conversation.tagged',
  'sla.warning': 'sla.warning',
  'sla.breached': 'sla.breached',
  no_reply: 'conversation.message_received',
};

type Firing = { conversationId: string; at: Date };

/**
 * A rule against the past `days`: when its trigger fired (read from the activity log), and
 * whether its conditions hold on the conversation as it is now, at that moment's time of
 * day. Changes nothing. Conditions read today's tags and priority: history is not replayed.
 */
export async function dryRun(
  db: Db,
  workspaceId: string,
  rule: CreateRule,
  days: number,
  now: Date,
): Promise<DryRunResult> {
  const from = new Date(now.getTime() - days * DAY_MS);
  const setup = await loadSlaSetup(db, workspaceId);
  const firings = firstPerConversation(await firingsOf(db, workspaceId, rule, from, now, setup));
  const rows = firings.length
    ? await db
        .select()
        .from(conversations)
        .where(
          and(
            eq(conversations.workspaceId, workspaceId),
            isNull(conversations.deletedAt),
            inArray(
              conversations.id,
              firings.map((f) => f.conversationId),
            ),
          ),
        )
    : [];
  const byId = new Map(rows.map((r) => [r.id, toConversation(r)]));
  const names = await namesOf(db, workspaceId);
  const effects = rule.actions.map((a) => describeAction(a, names));
  const matches = firings.flatMap((f) => {
    const conversation = byId.get(f.conversationId);
    if (!conversation) return [];
    const subject = { conversation, team: setup.team, calendars: setup.calendars, now: f.at };
    return allHold(rule.conditions, subject)
      ? [
          {
            conversationId: conversation.id,
            subject: conversation.subject,
            at: f.at.toISOString(),
            effects,
          },
        ]
      : [];
  });
  return {
    examined: firings.filter((f) => byId.has(f.conversationId)).length,
    matched: matches.length,
    matches: matches.slice(0, LISTED),
  };
}

async function firingsOf(
  db: Db,
  workspaceId: string,
  rule: CreateRule,
  from: Date,
  now: Date,
  setup: Awaited<ReturnType<typeof loadSlaSetup>>,
): Promise<Firing[]> {
  const trigger = rule.trigger;
  // A no-reply timer that ran out in the period started up to its length earlier.
  const since = trigger.type === 'no_reply' ? new Date(from.getTime() - 30 * DAY_MS) : from;
  const logged = await db
    .select({
      conversationId: events.conversationId,
      before: events.before,
      after: events.after,
      at: events.at,
    })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, workspaceId),
        eq(events.type, TRIGGER_EVENTS[trigger.type]),
        gte(events.at, since),
        lte(events.at, now),
      ),
    );
  const fired = (e: (typeof logged)[number]) => {
    if (trigger.type === 'conversation.reopened') {
      const before = StatusOf.safeParse(e.before);
      const after = StatusOf.safeParse(e.after);
      return (
        before.success &&
        after.success &&
        before.data.status !== 'open' &&
        after.data.status === 'open'
      );
    }
    if (trigger.type === 'tag.added')
      return (
        typeof e.after === 'string' &&
        (trigger.tag === null || trigger.tag.toLowerCase() === e.after.toLowerCase())
      );
    return true;
  };
  const kept = logged.filter((e) => e.conversationId !== null && fired(e));
  if (trigger.type !== 'no_reply')
    return kept.map((e) => ({ conversationId: e.conversationId!, at: e.at }));

  const calendar = trigger.calendarId ? setup.calendars.get(trigger.calendarId) : null;
  if (calendar === undefined) return [];
  const clock = calendar ? workingTime(calendar) : elapsedTime;
  const history = await conversationEvents(
    db,
    workspaceId,
    [...new Set(kept.map((e) => e.conversationId!))],
    ['conversation.replied', 'conversation.message_received'],
  );
  return kept.flatMap((e) => {
    const message = MessageAt.safeParse(e.after);
    if (!message.success) return [];
    const sent = Date.parse(message.data.at);
    const due = clock.advance(sent, trigger.minutes * 60_000);
    if (due < from.getTime() || due > now.getTime()) return [];
    const answered = (history.get(e.conversationId!) ?? []).some((h) => {
      const at = Date.parse(MessageAt.safeParse(h.after).data?.at ?? '');
      return h.type === 'conversation.replied' ? at >= sent && at < due : at > sent && at < due;
    });
    return answered ? [] : [{ conversationId: e.conversationId!, at: new Date(due) }];
  });
}

function firstPerConversation(firings: Firing[]) {
  const first = new Map<string, Firing>();
  for (const f of firings) {
    const seen = first.get(f.conversationId);
    if (!seen || f.at < seen.at) first.set(f.conversationId, f);
  }
  return [...first.values()].sort((a, b) => b.at.getTime() - a.at.getTime());
}

async function namesOf(db: Db, workspaceId: string) {
  const [m, t, p] = await Promise.all([
    db
      .select({ id: members.id, name: members.name })
      .from(members)
      .where(eq(members.workspaceId, workspaceId)),
    db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(eq(teams.workspaceId, workspaceId)),
    db
      .select({ id: slaPolicies.id, name: slaPolicies.name })
      .from(slaPolicies)
      .where(eq(slaPolicies.workspaceId, workspaceId)),
  ]);
  const lookup = (rows: { id: string; name: string }[]) => {
    const map = new Map(rows.map((r) => [r.id, r.name]));
    return (id: string) => map.get(id) ?? 'an unknown one';
  };
  return { member: lookup(m), team: lookup(t), policy: lookup(p) };
}
