import { type BusinessCalendar, SlaPolicy, type SlaTargetKind } from '../../schema';
import { duePreview, zonedInstant } from '../../sla';
import { DAY_MS, localOf } from '../../sla/local-time';
import { UNSAVED_ID } from './calendar-draft';
import { plainWords } from './issues';
import { type PolicyDraft, TARGET_KINDS, TARGET_LABELS, targetMinutes } from './policy-draft';

/** The preview's default arrival: Friday 17:50 of the current week (Monday first) in `zone`. */
export function fridayArrival(zone: string, now: number): string {
  const today = Math.floor(localOf(zone, now) / DAY_MS);
  const sinceMonday = (new Date(today * DAY_MS).getUTCDay() + 6) % 7;
  const friday = today - sinceMonday + 4;
  return `${new Date(friday * DAY_MS).toISOString().slice(0, 10)}T17:50`;
}

export type PreviewLine = {
  kind: SlaTargetKind;
  label: string;
  /** "a P1 email arriving Friday 17:50 is due Monday 09:20", or why there is none. */
  text: string;
  ok: boolean;
};

export type Preview = {
  /** The zone the sentences speak in. */
  zone: string;
  lines: PreviewLine[];
  /** Why nothing can be shown, when nothing can. */
  note: string | null;
};

type Input = {
  draft: PolicyDraft;
  calendars: readonly BusinessCalendar[];
  /** The arrival as a wall time in the preview's zone ("2026-03-06T17:50"). */
  arrival: string;
  /** The zone a calendar-time policy's preview speaks in: the browser's. */
  localZone: string;
};

/**
 * When each target of the policy being edited would be due for an email arriving at
 * `arrival`, with the engine's own `duePreview`: the same clock the countdowns use.
 */
export function previewOf({ draft, calendars, arrival, localZone }: Input): Preview {
  const calendar =
    draft.clock === 'business' ? (calendars.find((c) => c.id === draft.calendarId) ?? null) : null;
  const zone = calendar?.timeZone ?? localZone;
  if (draft.clock === 'business' && !calendar) {
    return { zone, lines: [], note: 'Choose a calendar to see when targets would be due.' };
  }
  let at: Date;
  try {
    at = new Date(zonedInstant(zone, arrival));
  } catch {
    return { zone, lines: [], note: 'Choose when the email arrives.' };
  }
  const policy: SlaPolicy = {
    id: UNSAVED_ID,
    name: draft.name.trim() || 'matching',
    position: 0,
    conditions: { priorities: [], tags: [], mailboxes: [], customerDomains: [], segments: [] },
    targets: {},
    clock: draft.clock,
    pauseWhen: [],
    warning: null,
    calendarId: calendar?.id ?? null,
  };
  const lines = TARGET_KINDS.flatMap((kind): PreviewLine[] => {
    const minutes = targetMinutes(draft.targets[kind]);
    const label = TARGET_LABELS[kind];
    if (!minutes.ok) return [{ kind, label, text: minutes.message, ok: false }];
    if (minutes.value === undefined) return [];
    const allowed = SlaPolicy.shape.targets.shape[kind].safeParse(minutes.value, {
      error: plainWords,
    });
    if (!allowed.success) {
      return [{ kind, label, text: `${allowed.error.issues[0]?.message} minutes`, ok: false }];
    }
    const text = duePreview({
      policy: { ...policy, targets: { [kind]: minutes.value } },
      calendar,
      kind,
      arrival: at,
      timeZone: zone,
    });
    return text ? [{ kind, label, text, ok: true }] : [];
  });
  return {
    zone,
    lines,
    note: lines.length ? null : 'Set a target to see when it would be due.',
  };
}
