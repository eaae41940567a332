import type { Role } from '../schema';

export type SectionId =
  | 'templates'
  | 'tags'
  | 'members'
  | 'teams'
  | 'sla'
  | 'reports'
  | 'review'
  | 'automations'
  | 'incidents'
  | 'settings'
  | 'copilot'
  | 'profile';

export interface Section {
  id: SectionId;
  label: string;
}

const ALL: readonly Section[] = [
  { id: 'templates', label: 'Templates' },
  { id: 'tags', label: 'Tags' },
  { id: 'members', label: 'Members' },
  { id: 'teams', label: 'Teams' },
  { id: 'sla', label: 'SLA' },
  { id: 'reports', label: 'Reports' },
  { id: 'review', label: 'Weekly review' },
  { id: 'automations', label: 'Automations' },
  { id: 'incidents', label: 'Incidents' },
  { id: 'settings', label: 'Settings' },
  { id: 'copilot', label: 'Copilot' },
  { id: 'profile', label: 'Profile' },
];

/** What each role may open; the API enforces the same, the nav only reflects it. */
const BY_ROLE: Record<Role, ReadonlySet<SectionId>> = {
  admin: new Set([
    'templates',
    'tags',
    'members',
    'teams',
    'sla',
    'reports',
    'review',
    'automations',
    'incidents',
    'settings',
    'copilot',
    'profile',
  ]),
  lead: new Set([
    'templates',
    'tags',
    'members',
    'teams',
    'sla',
    'reports',
    'review',
    'automations',
    'incidents',
    'copilot',
    'profile',
  ]),
  agent: new Set(['templates', 'sla', 'copilot', 'profile']),
};

/** The sections a role sees, in nav order. */
export function sectionsFor(role: Role): Section[] {
  return ALL.filter((s) => BY_ROLE[role].has(s.id));
}

/** The section a location hash (`#/tags`) names, or the first allowed one. */
export function sectionFromHash(hash: string, allowed: readonly Section[]): SectionId {
  const wanted = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return allowed.find((s) => s.id === wanted)?.id ?? allowed[0]?.id ?? 'profile';
}

export const hashOf = (id: SectionId) => `#/${id}`;
