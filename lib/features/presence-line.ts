import type { RowChip } from '../hosts/types';
import type { Member, PresenceEntry } from '../schema';
import { initials } from './sidebar-model';

const nameOf = (members: Member[], memberId: string) =>
  members.find((m) => m.id === memberId)?.name ?? 'A teammate';

/** "Ben", "Ben and Cy", "Ben, Cy and Dee". */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const verb = (names: string[], doing: string) =>
  `${listNames(names)} ${names.length === 1 ? 'is' : 'are'} ${doing}`;

/** Others on the conversation, the sidebar's line: "Ben Agent is replying now · Cy is viewing". */
export function presenceLine(entries: PresenceEntry[], members: Member[]): string | null {
  const names = (state: PresenceEntry['state']) =>
    entries.filter((e) => e.state === state).map((e) => nameOf(members, e.memberId));
  const replying = names('replying');
  const viewing = names('viewing');
  const parts = [
    replying.length > 0 ? verb(replying, 'replying now') : null,
    viewing.length > 0 ? verb(viewing, 'viewing') : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}

const VIEWING = { foreground: '#1f3a5f', background: '#dfe9f5' };
const REPLYING = { foreground: '#ffffff', background: '#b45309' };

/**
 * The row's marker: the others' initials, after a pen when any of them is replying, else
 * an eye; null when nobody else is on the conversation.
 */
export function presenceChip(entries: PresenceEntry[], members: Member[]): RowChip | null {
  if (entries.length === 0) return null;
  const replying = entries.some((e) => e.state === 'replying');
  const who = entries.map((e) => initials(nameOf(members, e.memberId))).join(' ');
  return { text: `${replying ? '✎' : '👁'} ${who}`, ...(replying ? REPLYING : VIEWING) };
}
