import type { BusinessCalendar, SlaPolicy, SlaTargetKind, SlaTargetState } from '../schema/sla';
import { clockOf } from './evaluate';
import { DAY_MS, localOf, MINUTE_MS } from './local-time';

const ABBREVIATIONS: Record<SlaTargetKind, string> = {
  firstResponse: 'FR',
  nextResponse: 'NR',
  resolution: 'RES',
};

/**
 * "12m", "1h", "26h 5m": whole minutes rounded up, so only nothing left reads "0m".
 * Hours are not folded into days, since a business day's length depends on the calendar.
 */
export function formatDuration(ms: number): string {
  const minutes = Math.ceil(Math.abs(ms) / MINUTE_MS);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}

/** The short label of a target's countdown: "FR 12m", "NR overdue 1h 3m", "RES met". */
export function countdownLabel(target: SlaTargetState): string {
  const name = ABBREVIATIONS[target.kind];
  switch (target.state) {
    case 'running':
      return `${name} ${formatDuration(target.remainingMs)}`;
    case 'paused':
      return `${name} paused ${formatDuration(target.remainingMs)}`;
    case 'met':
      return `${name} met`;
    case 'breached':
      return target.completedAt === null
        ? `${name} overdue ${formatDuration(target.remainingMs)}`
        : `${name} missed by ${formatDuration(target.remainingMs)}`;
  }
}

const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/** "Friday 17:50", or "Monday 2026-02-09 09:20" when a week or more after `from`. */
function wallLabel(zone: string, instant: number, from: number): string {
  const local = localOf(zone, instant);
  const day = Math.floor(local / DAY_MS);
  const iso = new Date(local).toISOString();
  const weekday = WEEKDAY_NAMES[new Date(local).getUTCDay()]!;
  const farOff = day - Math.floor(localOf(zone, from) / DAY_MS) >= 7;
  return `${weekday} ${farOff ? `${iso.slice(0, 10)} ` : ''}${iso.slice(11, 16)}`;
}

export interface DuePreviewInput {
  policy: SlaPolicy;
  calendar: BusinessCalendar | null;
  kind: SlaTargetKind;
  arrival: Date;
  /** The zone the sentence speaks in. */
  timeZone: string;
}

/**
 * The policy editor's example: "a P1 outage email arriving Friday 17:50 is due Monday
 * 09:20", for a clock that starts at arrival and is never paused. Null when the policy
 * has no such target.
 */
export function duePreview({ policy, calendar, kind, arrival, timeZone }: DuePreviewInput) {
  const minutes = policy.targets[kind];
  if (minutes === undefined) return null;
  const from = arrival.getTime();
  const due = clockOf(policy, calendar).advance(from, minutes * MINUTE_MS);
  const article = /^[aeiou]/i.test(policy.name) ? 'an' : 'a';
  return `${article} ${policy.name} email arriving ${wallLabel(timeZone, from, from)} is due ${wallLabel(timeZone, due, from)}`;
}
