import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import {
  GOAL_METRICS,
  type GoalMetric,
  type ReportFigures,
  type ReportFilters,
  type ReviewMover,
  type WeeklyReview,
} from '../../lib/schema';
import { DAY_MS } from '../../lib/sla/local-time';
import type { Db } from '../db/open';
import { conversations, workspaces } from '../db/schema';
import { notFound } from '../http/errors';
import { type Period, weekOf } from './periods';
import { reportSummary } from './summary';

/** Tags the review breaks first-contact resolution down by. */
const MAX_TAGS = 10;
/** Movers the review lists. */
const MAX_MOVERS = 5;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The review of the week holding `date` (Monday to Monday in `timeZone`): one summary for
 * the week and one for the week before (the movers), one per mailbox and one per tag.
 */
export async function weeklyReview(
  db: Db,
  workspaceId: string,
  date: string,
  timeZone: string,
  now: Date,
): Promise<WeeklyReview> {
  const week = weekOf(timeZone, date);
  const before = weekOf(timeZone, iso(Date.parse(week.week) - 7 * DAY_MS).slice(0, 10));
  const figures = async (period: Period, filters: Partial<ReportFilters> = {}) =>
    (
      await reportSummary(
        db,
        workspaceId,
        { ...filters, from: iso(period.from), to: iso(period.to), clock: 'calendar', timeZone },
        now,
      )
    ).figures;

  const [workspace] = await db
    .select({ mailboxes: workspaces.mailboxes })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!workspace) throw notFound('workspace');
  const current = await figures(week);
  const previous = await figures(before);
  const mailboxes: WeeklyReview['mailboxes'] = [];
  for (const mailbox of workspace.mailboxes) {
    const f = await figures(week, { mailbox: mailbox.toLowerCase() });
    mailboxes.push({ mailbox, conversations: f.conversations, firstResponse: f.firstResponse });
  }
  const tags: WeeklyReview['tags'] = [];
  for (const tag of await mostUsedTags(db, workspaceId, week)) {
    const f = await figures(week, { tag });
    tags.push({
      tag,
      conversations: f.conversations,
      firstContactResolution: f.firstContactResolution,
    });
  }
  return {
    week: week.week,
    from: iso(week.from),
    to: iso(week.to),
    timeZone,
    asOf: now.toISOString(),
    conversations: { current: current.conversations, previous: previous.conversations },
    mailboxes,
    tags,
    escalationRate: current.escalationRate,
    copilotAcceptance: current.copilotAcceptance,
    sla: {
      firstResponse: current.slaFirstResponse,
      nextResponse: current.slaNextResponse,
      resolution: current.slaResolution,
    },
    movers: movers(previous, current),
  };
}

/** The goal metrics that changed most, relatively; a figure absent or 0 last week has no ratio. */
export function movers(previous: ReportFigures, current: ReportFigures): ReviewMover[] {
  const moved: ReviewMover[] = [];
  for (const metric of Object.keys(GOAL_METRICS) as GoalMetric[]) {
    const spec = GOAL_METRICS[metric];
    const was = spec.read(previous).value;
    const is = spec.read(current).value;
    if (was === null || is === null || was === 0 || was === is) continue;
    const change = (is - was) / was;
    moved.push({
      metric,
      title: spec.title,
      unit: spec.unit,
      previous: was,
      current: is,
      change,
      improved: spec.better === 'lower' ? change < 0 : change > 0,
    });
  }
  return moved
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.metric.localeCompare(b.metric))
    .slice(0, MAX_MOVERS);
}

/** The tags on the most conversations that arrived in the period (as reports count arrivals). */
async function mostUsedTags(db: Db, workspaceId: string, period: Period) {
  const arrival = sql`coalesce(${conversations.firstMessageAt}, ${conversations.createdAt})`;
  const rows = await db
    .select({ tag: sql<string>`jsonb_array_elements_text(${conversations.tags})` })
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, workspaceId),
        isNull(conversations.deletedAt),
        gte(arrival, iso(period.from)),
        lt(arrival, iso(period.to)),
      ),
    )
    .groupBy(sql`1`)
    .orderBy(sql`count(*) desc`, sql`1`)
    .limit(MAX_TAGS);
  return rows.map((r) => r.tag);
}
