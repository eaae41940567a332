import type { z } from 'zod';
import {
  type Priority,
  SlaPolicy,
  type SlaPolicyRecord,
  type SlaTargetKind,
  type SlaWarning,
  type UpdateSlaPolicy,
} from '../../schema';
import type { Parsed } from '../members/members';
import { UNSAVED_ID } from './calendar-draft';
import { type Checked, issuesOf, plainWords } from './issues';
import { sameValue } from './same';

export type Duration = { hours: string; minutes: string };
type Pause = SlaPolicy['pauseWhen'][number];

/** The policy editor's state: text where the admin types, lists where they pick. */
export type PolicyDraft = {
  name: string;
  priorities: Priority[];
  tags: string[];
  /** Comma-separated, as typed. */
  mailboxes: string;
  customerDomains: string;
  segments: string;
  targets: Record<SlaTargetKind, Duration>;
  clock: SlaPolicy['clock'];
  /** Kept while a calendar clock is chosen, so switching back keeps the choice. */
  calendarId: string | null;
  pauseWhen: Pause[];
  warning: { unit: 'none' | SlaWarning['unit']; value: string };
};

/** What a policy is made of: the record without its id, order and version. */
export type PolicyFields = Omit<SlaPolicyRecord, 'id' | 'position' | 'version'>;

export const TARGET_KINDS: readonly SlaTargetKind[] = [
  'firstResponse',
  'nextResponse',
  'resolution',
];

export const TARGET_LABELS: Record<SlaTargetKind, string> = {
  firstResponse: 'First response',
  nextResponse: 'Next response',
  resolution: 'Resolution',
};

const noTime = (): Duration => ({ hours: '', minutes: '' });

const durationOf = (minutes: number | undefined): Duration =>
  minutes === undefined
    ? noTime()
    : { hours: String(Math.floor(minutes / 60)), minutes: String(minutes % 60) };

export const newPolicyDraft = (calendarId: string | null): PolicyDraft => ({
  name: '',
  priorities: [],
  tags: [],
  mailboxes: '',
  customerDomains: '',
  segments: '',
  targets: { firstResponse: noTime(), nextResponse: noTime(), resolution: noTime() },
  clock: 'business',
  calendarId,
  pauseWhen: ['pending', 'snoozed'],
  warning: { unit: 'percent', value: '20' },
});

export const policyDraftOf = (p: SlaPolicyRecord): PolicyDraft => ({
  name: p.name,
  priorities: [...p.conditions.priorities],
  tags: [...p.conditions.tags],
  mailboxes: p.conditions.mailboxes.join(', '),
  customerDomains: p.conditions.customerDomains.join(', '),
  segments: p.conditions.segments.join(', '),
  targets: {
    firstResponse: durationOf(p.targets.firstResponse),
    nextResponse: durationOf(p.targets.nextResponse),
    resolution: durationOf(p.targets.resolution),
  },
  clock: p.clock,
  calendarId: p.calendarId,
  pauseWhen: [...p.pauseWhen],
  warning: p.warning
    ? { unit: p.warning.unit, value: String(p.warning.value) }
    : { unit: 'none', value: '' },
});

/** "a, b,, c" → ["a", "b", "c"]: commas or new lines between entries, each once. */
export const listOf = (text: string) => [
  ...new Set(
    text
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** A target's minutes; both fields empty is no target (not tracked). */
export function targetMinutes({ hours, minutes }: Duration): Parsed<number | undefined> {
  const [h, m] = [hours.trim(), minutes.trim()];
  if (h === '' && m === '') return { ok: true, value: undefined };
  const [hv, mv] = [h === '' ? 0 : Number(h), m === '' ? 0 : Number(m)];
  if (!Number.isInteger(hv) || hv < 0 || !Number.isInteger(mv) || mv < 0 || mv > 59) {
    return { ok: false, message: 'Whole hours, and minutes from 0 to 59' };
  }
  if (hv === 0 && mv === 0) {
    return { ok: false, message: 'At least 1 minute, or leave both empty for no target' };
  }
  return { ok: true, value: hv * 60 + mv };
}

function warningOf({ unit, value }: PolicyDraft['warning']): Parsed<SlaWarning | null> {
  if (unit === 'none') return { ok: true, value: null };
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isInteger(n)) return { ok: false, message: 'A whole number' };
  return { ok: true, value: { unit, value: n } };
}

/**
 * The draft checked with `SlaPolicy`, the schema the API holds the stored record to; the
 * messages are by the record's paths (`conditions.mailboxes.1`, `targets.resolution`).
 */
export function checkPolicy(draft: PolicyDraft): Checked<PolicyFields> {
  const ours = new Map<string, string>();
  const targets: Partial<Record<SlaTargetKind, number>> = {};
  for (const kind of TARGET_KINDS) {
    const t = targetMinutes(draft.targets[kind]);
    if (!t.ok) ours.set(`targets.${kind}`, t.message);
    else if (t.value !== undefined) targets[kind] = t.value;
  }
  const warning = warningOf(draft.warning);
  if (!warning.ok) ours.set('warning.value', warning.message);
  const parsed = SlaPolicy.safeParse(
    {
      id: UNSAVED_ID,
      position: 0,
      name: draft.name,
      conditions: {
        priorities: draft.priorities,
        tags: draft.tags,
        mailboxes: listOf(draft.mailboxes),
        customerDomains: listOf(draft.customerDomains),
        segments: listOf(draft.segments),
      },
      targets,
      clock: draft.clock,
      pauseWhen: draft.pauseWhen,
      warning: warning.ok ? warning.value : null,
      // A calendar clock uses none; naming one would keep that calendar from being deleted.
      calendarId: draft.clock === 'business' ? draft.calendarId : null,
    },
    { error: plainWords },
  );
  if (parsed.success && ours.size === 0) {
    const { id: _id, position: _position, ...value } = parsed.data;
    return { value, issues: ours };
  }
  const issues = parsed.success ? ours : new Map([...issuesOf(parsed.error), ...ours]);
  return { value: null, issues };
}

/** `PATCH /v1/sla/policies/:id`: the fields that changed, from the version edited; null if none. */
export function policyPatch(
  before: SlaPolicyRecord,
  after: PolicyFields,
): z.input<typeof UpdateSlaPolicy> | null {
  const changed = (Object.keys(after) as (keyof PolicyFields)[]).filter(
    (field) => !sameValue(before[field], after[field]),
  );
  if (changed.length === 0) return null;
  return {
    ...Object.fromEntries(changed.map((field) => [field, after[field]])),
    expectedVersion: before.version,
  };
}
