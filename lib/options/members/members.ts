import { Email, type Invite, type Member } from '../../schema';

/** Active members first, then by name. */
export function sortMembers(members: readonly Member[]): Member[] {
  return [...members].sort(
    (a, b) =>
      Number(a.status !== 'active') - Number(b.status !== 'active') || a.name.localeCompare(b.name),
  );
}

/** Who may take over the open work of `leavingId`: another active member (the API's rule). */
export const reassignChoices = (members: readonly Member[], leavingId: string) =>
  sortMembers(members.filter((m) => m.status === 'active' && m.id !== leavingId));

/** Invites still waiting for their invitee, newest first. */
export function pendingInvites(invites: readonly Invite[], now: Date): Invite[] {
  return invites
    .filter((i) => !i.acceptedAt && !i.revokedAt && new Date(i.expiresAt) > now)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A capacity field: empty means no limit, otherwise a whole number from 1 to 10,000. */
export function parseCapacity(text: string): Parsed<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  if (!Number.isInteger(value) || value < 1 || value > 10_000) {
    return { ok: false, message: 'A whole number from 1 to 10000, or empty for no limit' };
  }
  return { ok: true, value };
}

/** An address to invite: valid, and not someone already active here. */
export function inviteEmailProblem(text: string, members: readonly Member[]): string | null {
  const email = Email.safeParse(text.trim());
  if (!email.success) return 'Enter an email address like ana@example.com';
  const active = members.some((m) => m.email === email.data && m.status === 'active');
  return active ? `${email.data} is already a member` : null;
}
