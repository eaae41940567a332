import type { SlaTargetKind, SlaTargetState } from '../schema';
import {
  type Countdown,
  type CountdownSubject,
  type CountdownTone,
  conversationCountdowns,
  type PolicyClocks,
  TARGET_NAMES,
} from '../sla';
import { formatUntil } from './snooze-times';

/** One SLA target as the sidebar lists it. */
export interface SlaTargetLine {
  kind: SlaTargetKind;
  /** "First response". */
  name: string;
  /** "FR 12m", "FR overdue 1h 3m", "FR met": the countdown, in its tone. */
  label: string;
  tone: CountdownTone;
  state: SlaTargetState['state'];
  /** When: "due today 14:30", "paused until Tue 3 Dec, 09:00", "met today 10:05". */
  detail: string;
}

export interface SlaSectionModel {
  policy: string;
  targets: SlaTargetLine[];
}

function detailOf(countdown: Countdown, now: Date): string {
  const { dueAt, completedAt, state } = countdown.target;
  const at = (iso: string) => formatUntil(iso, now);
  if (completedAt !== null) return `${state === 'met' ? 'met' : 'done late'} ${at(completedAt)}`;
  if (countdown.paused) {
    const until = countdown.resumesAt;
    return until === null
      ? 'paused while waiting'
      : `paused until ${at(new Date(until).toISOString())}`;
  }
  if (dueAt === null) return '';
  return state === 'breached' ? `was due ${at(dueAt)}` : `due ${at(dueAt)}`;
}

/** The sidebar's SLA section at `now`; null when no policy applies (or is known here). */
export function slaSection(
  conversation: CountdownSubject,
  clocks: PolicyClocks,
  now: number,
): SlaSectionModel | null {
  const live = conversationCountdowns(conversation, clocks, now);
  if (!live) return null;
  return {
    policy: live.policy.name,
    targets: live.countdowns.map((c) => ({
      kind: c.kind,
      name: TARGET_NAMES[c.kind],
      label: c.label,
      tone: c.tone,
      state: c.target.state,
      detail: detailOf(c, new Date(now)),
    })),
  };
}
