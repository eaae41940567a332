import { describe, expect, it } from 'vitest';
import { may } from './capabilities';

describe('what each role may manage (as the API enforces)', () => {
  it('lets leads and admins manage tags and teams, only admins members, settings and SLA', () => {
    expect(['admin', 'lead', 'agent'].map((r) => may(r as never, 'manageTags'))).toEqual([
      true,
      true,
      false,
    ]);
    expect(may('lead', 'manageTeams')).toBe(true);
    expect(may('agent', 'manageTeams')).toBe(false);
    for (const c of ['manageMembers', 'manageInvites', 'manageSettings', 'manageSla'] as const) {
      expect([may('admin', c), may('lead', c), may('agent', c)]).toEqual([true, false, false]);
    }
  });
});
