import type { SidedeskDb } from '../db';
import { getMeta, setMeta } from '../meta';
import { cachedPolicyClocks, owingConversations } from '../queues';
import type { ChangeNotice } from '../schema/messages';
import type { PolicyClocks } from '../sla';
import type { Timers } from '../sync/timers';
import {
  type BreachAlerts,
  checkBreaches,
  longestOverdueFirst,
  planBreachAlerts,
  type SlaBreach,
} from './breaches';
import { nextLabelChange } from './next-wake';
import type { NamedBreach } from './notifications';
import { earliest, inSlices, mergeChecks } from './slices';
import { checkWarnings, rememberWarned, type SlaWarning, soonestFirst } from './warnings';

export const SLA_ALARM = 'sidedesk-sla';

/** What the pages hear when only time passed: their countdowns read differently. */
export const CLOCK_NOTICE: ChangeNotice = {
  type: 'changed',
  conversationIds: [],
  tables: ['clock'],
};

/** Chrome fires no alarm sooner than this after it is set. */
const ALARM_MIN_MS = 30_000;
/** A timer fires this long after the instant it waits for, so the pages see it passed. */
const MARGIN_MS = 50;
/** Changes come in bursts (a pull's pages, a bootstrap): one check after them. */
const SETTLE_MS = 200;
/** The longest one timer waits; the check then sets the next. */
const MAX_WAIT_MS = 6 * 3_600_000;
/** After a check failed (the cache unreadable for a moment), the next try. */
const RETRY_MS = 60_000;

export interface SlaTickerOptions {
  db: SidedeskDb;
  /** Tells every connected page (the changes port). */
  broadcast(notice: ChangeNotice): void;
  /** Shows warnings (chrome.notifications). */
  notify(warnings: SlaWarning[]): Promise<void>;
  /** Shows breaches to a lead or admin (chrome.notifications); absent: remembered, not shown. */
  notifyBreaches?(alerts: BreachAlerts & { single: NamedBreach[] }): Promise<void>;
  /** The chrome.alarm named SLA_ALARM, which wakes a stopped worker. */
  alarm: { set(when: number): Promise<void>; clear(): Promise<void> };
  timers: Pick<Timers, 'now' | 'setTimeout' | 'clearTimeout'>;
}

/**
 * The one timer behind every SLA countdown (DESIGN.md §1). At each wake and after each
 * change it reads the conversations that owe something from Dexie, warns of targets that
 * reached their warning time, tells leads and admins of breaches, and waits for the next instant anything changes: while a
 * page listens, the next time a countdown reads differently (the pages then hear a `clock`
 * notice and recompute their labels); otherwise only the next warning or breach, for which
 * a chrome.alarm also wakes the worker should it stop meanwhile. What it has told of is
 * kept in Dexie; everything else is read again after a restart.
 */
export class SlaTicker {
  private listening = false;
  private timer: unknown = null;
  private settling: unknown = null;
  private chain: Promise<void> = Promise.resolve();
  /** Compiled clocks, kept while policies and calendars stay the same (docs/sla.md, Cost). */
  private clocks: Promise<PolicyClocks> | null = null;

  constructor(private readonly opts: SlaTickerOptions) {}

  /** When the worker starts, or the alarm or timer fires: the pages recompute, then a check. */
  wake(): Promise<void> {
    this.opts.broadcast(CLOCK_NOTICE);
    return this.check();
  }

  /** Whether any page listens: label changes are worth a wake only then. */
  setListening(listening: boolean) {
    if (listening === this.listening) return;
    this.listening = listening;
    this.soon();
  }

  /** After every write to the cache. */
  changed({ tables, conversationIds }: ChangeNotice) {
    const everything = tables.includes('conversations') || tables.includes('session');
    if (everything || tables.includes('sla')) this.clocks = null;
    if (everything || tables.includes('sla') || conversationIds.length > 0) this.soon();
  }

  /** Checks now, after any check already under way. */
  check(): Promise<void> {
    const run = this.chain.then(() => this.run());
    this.chain = run;
    return run;
  }

  private soon() {
    if (this.settling !== null) return;
    this.settling = this.opts.timers.setTimeout(() => {
      this.settling = null;
      void this.check();
    }, SETTLE_MS);
  }

  private async run() {
    const now = this.opts.timers.now();
    try {
      await this.runAt(now);
    } catch (error) {
      console.warn('Sidedesk SLA ticker:', error);
      this.waitUntil(now + RETRY_MS, now);
    }
  }

  private async runAt(now: number) {
    const { db, alarm } = this.opts;
    const session = await getMeta(db, 'session');
    if (!session) {
      this.waitUntil(null, now);
      await alarm.clear();
      return;
    }
    this.clocks ??= cachedPolicyClocks(db);
    const [clocks, conversations, entries = [], breachEntries = []] = await Promise.all([
      this.clocks,
      owingConversations(db),
      getMeta(db, 'slaWarned'),
      getMeta(db, 'slaBreached'),
    ]);
    const { member } = session;
    const warned = new Set(entries.map((e) => e.key));
    const check = mergeChecks(
      await inSlices(conversations, (part) => checkWarnings(part, clocks, member, warned, now)),
      soonestFirst,
    );
    if (check.due.length > 0) {
      // Remembered before shown: a worker stopped in between loses a warning, never repeats one.
      await setMeta(db, 'slaWarned', rememberWarned(entries, check.due, check.owed, now));
      await this.opts.notify(check.due);
    }
    const told = new Set(breachEntries.map((e) => e.key));
    const breaches = mergeChecks(
      await inSlices(conversations, (part) => checkBreaches(part, clocks, member, told, now)),
      longestOverdueFirst,
    );
    if (breaches.due.length > 0) {
      const plan = planBreachAlerts(breaches.due, breachEntries, breaches.owed, now);
      // Remembered before shown, like warnings.
      await setMeta(db, 'slaBreached', plan.entries);
      const { single, summary } = plan.alerts;
      if (this.opts.notifyBreaches && (single.length > 0 || summary.length > 0)) {
        await this.opts.notifyBreaches({ single: await this.named(single, member.id), summary });
      }
    }
    const labels = this.listening
      ? earliest(await inSlices(conversations, (part) => nextLabelChange(part, clocks, now)))
      : null;
    const nextAlert = earliest([check.nextAt, breaches.nextAt]);
    this.waitUntil(earliest([labels, nextAlert]), now);
    if (nextAlert === null) await alarm.clear();
    else await alarm.set(Math.max(nextAlert, now + ALARM_MIN_MS));
  }

  /** Breaches with their assignee's name ("you" for the listener's own). */
  private async named(breaches: SlaBreach[], me: string): Promise<NamedBreach[]> {
    const ids = [...new Set(breaches.flatMap((b) => (b.assigneeId ? [b.assigneeId] : [])))];
    const members = await this.opts.db.members.bulkGet(ids);
    const names = new Map(members.flatMap((m) => (m ? [[m.id, m.name] as const] : [])));
    return breaches.map((b) => ({
      ...b,
      assignee:
        b.assigneeId === null
          ? null
          : b.assigneeId === me
            ? 'you'
            : (names.get(b.assigneeId) ?? 'a teammate'),
    }));
  }

  private waitUntil(at: number | null, now: number) {
    const { timers } = this.opts;
    if (this.timer !== null) timers.clearTimeout(this.timer);
    this.timer = null;
    if (at === null) return;
    const delay = Math.min(MAX_WAIT_MS, Math.max(0, at - now) + MARGIN_MS);
    this.timer = timers.setTimeout(() => {
      this.timer = null;
      void this.wake();
    }, delay);
  }
}
