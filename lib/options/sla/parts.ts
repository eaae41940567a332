import type { Role } from '../../schema';

export type SlaPart = 'calendars' | 'policies' | 'webhook';

const ALL: readonly { id: SlaPart; label: string }[] = [
  { id: 'calendars', label: 'Calendars' },
  { id: 'policies', label: 'Policies' },
  { id: 'webhook', label: 'Breach webhook' },
];

/** The parts a role sees: only admins may read the webhook (its secret signs deliveries). */
export const slaParts = (role: Role) =>
  ALL.filter((part) => part.id !== 'webhook' || role === 'admin');

/** The part `#/sla/policies` names, or the first one. */
export function slaPartFromHash(hash: string, parts: readonly { id: SlaPart }[]): SlaPart {
  const [section, wanted] = hash.replace(/^#\/?/, '').split(/[/?]/);
  const found = section === 'sla' ? parts.find((p) => p.id === wanted) : undefined;
  return found?.id ?? parts[0]?.id ?? 'calendars';
}

export const slaHash = (part: SlaPart) => `#/sla/${part}`;
