import { Email, type WorkspaceSettings } from '../../schema';
import type { Parsed } from '../members/members';

export const MIN_RETENTION_DAYS = 30;
const MAX_RETENTION_DAYS = 36_500;

/** A mailbox to add: a valid address the list does not hold yet (lower-cased, as stored). */
export function parseMailbox(text: string, list: readonly string[]): Parsed<string> {
  const email = Email.safeParse(text.trim());
  if (!email.success) return { ok: false, message: 'Enter an address like support@example.com' };
  if (list.includes(email.data)) return { ok: false, message: `${email.data} is listed already` };
  return { ok: true, value: email.data };
}

/** Retention: kept forever (null), or a whole number of days from 30. */
export function parseRetention(keepForever: boolean, text: string): Parsed<number | null> {
  if (keepForever) return { ok: true, value: null };
  const days = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(days)) {
    return { ok: false, message: 'A whole number of days' };
  }
  if (days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
    return { ok: false, message: `From ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS} days` };
  }
  return { ok: true, value: days };
}

export type SettingsDraft = Pick<WorkspaceSettings, 'name' | 'mailboxes' | 'retentionDays'>;

/** Only what changed, for `PATCH /v1/workspace/settings`; null when nothing did. */
export function settingsPatch(
  before: SettingsDraft,
  draft: SettingsDraft,
): Partial<SettingsDraft> | null {
  const patch: Partial<SettingsDraft> = {};
  if (draft.name.trim() !== before.name) patch.name = draft.name.trim();
  const sameMailboxes =
    draft.mailboxes.length === before.mailboxes.length &&
    draft.mailboxes.every((m, i) => m === before.mailboxes[i]);
  if (!sameMailboxes) patch.mailboxes = draft.mailboxes;
  if (draft.retentionDays !== before.retentionDays) patch.retentionDays = draft.retentionDays;
  return Object.keys(patch).length ? patch : null;
}
