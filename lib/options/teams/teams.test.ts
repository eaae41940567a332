import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING, type Member, type Team } from '../../schema';
import { memberCandidates, memberNames, sameMembers, teamNameProblem, toggled } from './teams';

const member = (n: number, name: string, status: Member['status'] = 'active'): Member => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  email: `${name.toLowerCase()}@acme.test`,
  name,
  role: 'agent',
  status,
  availability: 'available',
  capacity: null,
  skills: [],
  calendarId: null,
  version: 1,
});
const ana = member(1, 'Ana');
const leo = member(2, 'Leo');
const bea = member(3, 'Bea', 'deactivated');
const billing: Team = {
  id: 't1',
  name: 'Billing',
  memberIds: [leo.id, ana.id, 'gone'],
  routing: DEFAULT_ROUTING,
};

describe('teams on the options page', () => {
  it('refuse empty, too long and taken names', () => {
    expect(teamNameProblem(' ', [billing])).toBe('A name of 1 to 80 characters');
    expect(teamNameProblem('x'.repeat(81), [])).toBe('A name of 1 to 80 characters');
    expect(teamNameProblem('Billing ', [billing])).toBe('A team named "Billing" exists');
    expect(teamNameProblem('Billing', [billing], 't1')).toBeNull();
  });

  it('pick among active members, and deactivated ones still selected', () => {
    const all = [leo, bea, ana];
    expect(memberCandidates(all, new Set(), '').map((m) => m.name)).toEqual(['Ana', 'Leo']);
    expect(memberCandidates(all, new Set([bea.id]), '').map((m) => m.name)).toEqual([
      'Ana',
      'Bea',
      'Leo',
    ]);
    expect(memberCandidates(all, new Set(), 'LEO@').map((m) => m.name)).toEqual(['Leo']);
  });

  it('toggle a selection and compare it with the saved members', () => {
    const picked = toggled(new Set([ana.id]), leo.id);
    expect(sameMembers(picked, [leo.id, ana.id])).toBe(true);
    expect(sameMembers(toggled(picked, ana.id), [leo.id, ana.id])).toBe(false);
  });

  it('name the members it knows', () => {
    expect(memberNames(billing, [ana, leo])).toEqual(['Ana', 'Leo']);
  });
});
