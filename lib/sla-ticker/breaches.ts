import type { SlaTargetKind } from '../schema';
import { conversationCountdowns, type PolicyClocks } from '../sla';
import { type Listener, type Watched, warningKey } from './warnings';

/** A target that used more than it allows, told to leads and admins once. */
export interface SlaBreach {
  key: string;
  conversationId: string;
  subject: string;
  kind: SlaTargetKind;
  /** 0, or the index of a next-response clock. */
  clock: number;
  /** Business (or calendar) time past due, as of the check. */
  overdueMs: number;
  assigneeId: string | null;
  /** Breached lately (the ticker saw it happen); false: already long breached when first seen. */
  fresh: boolean;
}

/** What the background remembers having told of breaches (Dexie meta `slaBreached`). */
export interface BreachEntry {
  key: string;
  at: string;
  /** Told in a summary of breaches found already old (throttles those summaries). */
  summary?: boolean;
}

/**
 * A breach seen within this long of its instant is news, told on its own; an older one
 * (the browser was closed, a first sync) goes into one summary. Alarms may come late and a
 * worker may restart, so this is generous.
 */
export const FRESH_MS = 15 * 60_000;
/** Summaries of old breaches come at most this often (a bootstrap's pages come apart). */
export const STALE_SUMMARY_EVERY_MS = 3_600_000;
/** More fresh breaches at once than this make one summary, like warnings. */
export const MAX_SINGLE_BREACHES = 3;
/** Entries of settled targets are kept this long, like warnings. */
const KEPT_MS = 14 * 24 * 3_600_000;

/** Breaches go up to leads and admins, assigned or not; the assignee had the warning. */
export const hearsBreaches = (listener: Listener) =>
  listener.role === 'lead' || listener.role === 'admin';

export interface BreachCheck {
  /** Breaches to tell now, most overdue first. */
  due: SlaBreach[];
  /** When the next breach will be, if nothing changes meanwhile (null: none, or not heard). */
  nextAt: number | null;
  /** Every target still owed: their entries stay remembered. */
  owed: Set<string>;
}

/** Breaches in the order they are told: the longest overdue first. */
export const longestOverdueFirst = (a: SlaBreach, b: SlaBreach) => b.overdueMs - a.overdueMs;

/**
 * The breaches a lead or admin gets at `now`: owed targets (paused or not) that used more
 * than their target, never told before. Each is fresh when it breached within FRESH_MS
 * (the first working instant past its due time).
 */
export function checkBreaches(
  conversations: readonly Watched[],
  clocks: PolicyClocks,
  listener: Listener,
  told: ReadonlySet<string>,
  now: number,
): BreachCheck {
  const due: SlaBreach[] = [];
  const owed = new Set<string>();
  let nextAt = Infinity;
  const listening = hearsBreaches(listener);
  for (const conversation of conversations) {
    const live = conversationCountdowns(conversation, clocks, now);
    if (!live) continue;
    for (const countdown of live.countdowns) {
      if (!countdown.counting) continue;
      const key = warningKey(conversation.id, countdown.kind, countdown.clock);
      owed.add(key);
      if (!listening || told.has(key)) continue;
      const { target } = countdown;
      // A target used up exactly at a closing is breached at the next working instant.
      const breachAt =
        target.dueAt === null ? null : live.time.advance(Date.parse(target.dueAt), 1);
      if (target.state === 'breached') {
        due.push({
          key,
          conversationId: conversation.id,
          subject: conversation.subject,
          kind: countdown.kind,
          clock: countdown.clock,
          overdueMs: -target.remainingMs,
          assigneeId: conversation.assigneeId,
          fresh: breachAt !== null && now - breachAt < FRESH_MS,
        });
      } else if (countdown.paused) {
        if (countdown.resumesAt !== null) nextAt = Math.min(nextAt, countdown.resumesAt);
      } else if (breachAt !== null) {
        nextAt = Math.min(nextAt, breachAt);
      }
    }
  }
  due.sort(longestOverdueFirst);
  return { due, nextAt: Number.isFinite(nextAt) ? nextAt : null, owed };
}

/** How breaches are shown: one notification each, and at most one summary of the rest. */
export interface BreachAlerts {
  single: SlaBreach[];
  /** Shown as one notification that opens Breached; empty: no summary. */
  summary: SlaBreach[];
}

/**
 * Fresh breaches are told one by one (more than MAX_SINGLE_BREACHES at once: all in the
 * summary); breaches already old when first seen only ever in one summary, and not even
 * that when one was shown within STALE_SUMMARY_EVERY_MS (they are in Breached). Returns
 * the alerts and the entries to remember, every breach of `due` among them, told or not.
 */
export function planBreachAlerts(
  due: readonly SlaBreach[],
  entries: readonly BreachEntry[],
  owed: ReadonlySet<string>,
  now: number,
): { alerts: BreachAlerts; entries: BreachEntry[] } {
  const fresh = due.filter((b) => b.fresh);
  const stale = due.filter((b) => !b.fresh);
  const folded = fresh.length > MAX_SINGLE_BREACHES;
  const single = folded ? [] : fresh;
  const summedUp = folded
    ? [...due]
    : stale.length > 0 &&
        !entries.some((e) => e.summary && now - Date.parse(e.at) < STALE_SUMMARY_EVERY_MS)
      ? stale
      : [];
  const at = new Date(now).toISOString();
  const kept = entries.filter((e) => owed.has(e.key) || now - Date.parse(e.at) < KEPT_MS);
  const inSummary = new Set(summedUp.map((b) => b.key));
  const added = due.map((b) =>
    inSummary.has(b.key) ? { key: b.key, at, summary: true } : { key: b.key, at },
  );
  return { alerts: { single, summary: summedUp }, entries: [...kept, ...added] };
}
