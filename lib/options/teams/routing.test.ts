import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING, type Team } from '../../schema';
import { escalationChoices } from './routing';

const team = (id: string, escalatesTo: string | null = null): Team => ({
  id,
  name: id,
  memberIds: [],
  routing: { ...DEFAULT_ROUTING, escalatesTo },
});

describe('a team’s escalation tier', () => {
  it('offers as the next tier every other team whose own tiers do not lead back', () => {
    const teams = [
      team('front', 'special'),
      team('special', 'senior'),
      team('senior'),
      team('other'),
    ];
    const names = (t: Team) => escalationChoices(t, teams).map((x) => x.id);
    expect(names(teams[0]!)).toEqual(['special', 'senior', 'other']);
    expect(names(teams[2]!)).toEqual(['other']);
  });
});
