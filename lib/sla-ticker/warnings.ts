import type { Conversation, Role, SlaTargetKind } from '../schema';
import { conversationCountdowns, type PolicyClocks } from '../sla';

export type Watched = Pick<
  Conversation,
  'id' | 'subject' | 'assigneeId' | 'sla' | 'status' | 'snoozedUntil'
>;

/** Whose warnings are told to whom: the assignee, or leads and admins while nobody holds it. */
export interface Listener {
  id: string;
  role: Role;
}

/** A target that reached its warning time, told once per conversation, target and clock. */
export interface SlaWarning {
  key: string;
  conversationId: string;
  subject: string;
  kind: SlaTargetKind;
  /** Business (or calendar) time left, as of the check. */
  remainingMs: number;
  /** Assigned to the listener; false for an unassigned conversation told to a lead. */
  mine: boolean;
}

/** What the background remembers having warned of (Dexie meta `slaWarned`). */
export interface WarnedEntry {
  key: string;
  at: string;
}

/** A re-opened conversation's resolution is the same clock: its entry is kept this long. */
const KEPT_MS = 14 * 24 * 3_600_000;

export const warningKey = (conversationId: string, kind: SlaTargetKind, clock: number) =>
  `${conversationId}:${kind}:${clock}`;

function hears(listener: Listener, conversation: Watched) {
  if (conversation.assigneeId === null)
    return listener.role === 'lead' || listener.role === 'admin';
  return conversation.assigneeId === listener.id;
}

export interface WarningCheck {
  /** Targets to warn of now. */
  due: SlaWarning[];
  /** When the next one will be, if nothing changes meanwhile. */
  nextAt: number | null;
  /** Every target still owed, warned or not: their entries stay remembered. */
  owed: Set<string>;
}

/** Warnings in the order they are told: the least time left first. */
export const soonestFirst = (a: SlaWarning, b: SlaWarning) => a.remainingMs - b.remainingMs;

/**
 * The warnings the listener gets at `now`: clocks that count (not paused), reached their
 * warning time and are not overdue, of conversations they hear, never warned of before.
 * A clock already overdue when first seen is not warned of: it shows in Breached.
 */
export function checkWarnings(
  conversations: readonly Watched[],
  clocks: PolicyClocks,
  listener: Listener,
  warned: ReadonlySet<string>,
  now: number,
): WarningCheck {
  const due: SlaWarning[] = [];
  const owed = new Set<string>();
  let nextAt = Infinity;
  for (const conversation of conversations) {
    const live = conversationCountdowns(conversation, clocks, now);
    if (!live) continue;
    const listening = hears(listener, conversation);
    for (const countdown of live.countdowns) {
      if (!countdown.counting) continue;
      const key = warningKey(conversation.id, countdown.kind, countdown.clock);
      owed.add(key);
      if (!listening || warned.has(key) || countdown.target.state === 'breached') continue;
      if (countdown.warning && countdown.paused) {
        if (countdown.resumesAt !== null) nextAt = Math.min(nextAt, countdown.resumesAt);
      } else if (countdown.warning) {
        due.push({
          key,
          conversationId: conversation.id,
          subject: conversation.subject,
          kind: countdown.kind,
          remainingMs: countdown.target.remainingMs,
          mine: conversation.assigneeId === listener.id,
        });
      } else if (!countdown.warning && countdown.target.warnAt !== null) {
        nextAt = Math.min(nextAt, Date.parse(countdown.target.warnAt));
      }
    }
  }
  due.sort(soonestFirst);
  return { due, nextAt: Number.isFinite(nextAt) ? nextAt : null, owed };
}

/**
 * The entries worth keeping once `told` were warned of at `now`: those of targets still
 * owed, and recent ones (a conversation missing from the cache for a moment, during a
 * re-bootstrap, must not be warned of again).
 */
export function rememberWarned(
  entries: readonly WarnedEntry[],
  told: readonly SlaWarning[],
  owed: ReadonlySet<string>,
  now: number,
): WarnedEntry[] {
  const at = new Date(now).toISOString();
  const kept = entries.filter((e) => owed.has(e.key) || now - Date.parse(e.at) < KEPT_MS);
  return [...kept, ...told.map((w) => ({ key: w.key, at }))];
}
