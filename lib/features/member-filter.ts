import type { Member } from '../schema';

/**
 * Active members whose name or address contains `query` (case-insensitive); those whose
 * name or a word of it starts with the query come first, each group in the given order.
 */
export function filterMembers(members: readonly Member[], query: string): Member[] {
  const q = query.trim().toLowerCase();
  const active = members.filter((m) => m.status === 'active');
  if (!q) return active;
  const starts = (m: Member) =>
    m.name
      .toLowerCase()
      .split(/\s+/)
      .some((word) => word.startsWith(q)) || m.email.startsWith(q);
  const matching = active.filter(
    (m) => m.name.toLowerCase().includes(q) || m.email.toLowerCase().includes(q),
  );
  return [...matching.filter(starts), ...matching.filter((m) => !starts(m))];
}

/** The option a keyboard arrow moves to, wrapping at both ends; -1 when there is none. */
export function moveActive(index: number, delta: number, count: number): number {
  if (count === 0) return -1;
  if (index < 0) return delta > 0 ? 0 : count - 1;
  return (((index + delta) % count) + count) % count;
}
