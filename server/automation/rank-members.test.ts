import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING, type TeamRouting } from '../../lib/schema';
import { type Candidate, type RoutingSubject, rankMembers } from './rank-members';

const NOW = Date.parse('2026-11-30T10:00:00Z');
const HOUR = 3_600_000;

const member = (id: string, patch: Partial<Candidate> = {}): Candidate => ({
  id,
  name: id.toUpperCase(),
  active: true,
  available: true,
  capacity: null,
  open: 0,
  skills: [],
  answersAt: NOW,
  ...patch,
});

const subject = (
  routing: Partial<TeamRouting>,
  patch: Partial<RoutingSubject> = {},
): RoutingSubject => ({
  routing: { ...DEFAULT_ROUTING, mode: 'round_robin', ...routing },
  lastAssignedId: null,
  tags: [],
  dueAt: null,
  now: NOW,
  ...patch,
});

const team = [member('a'), member('b'), member('c')];

describe('rankMembers', () => {
  it('leaves a manual team’s conversation in its queue', () => {
    expect(rankMembers(team, subject({ mode: 'manual' }))).toEqual({
      memberId: null,
      reason: 'manual: stays in the team queue',
    });
  });

  it('round-robin takes the next member after the last one by id, and wraps', () => {
    const pickAfter = (last: string | null) =>
      rankMembers(team, subject({}, { lastAssignedId: last })).memberId;
    expect(pickAfter(null)).toBe('a');
    expect(pickAfter('a')).toBe('b');
    expect(pickAfter('b')).toBe('c');
    expect(pickAfter('c')).toBe('a');
    // The last one left the team: the order goes on from where they were.
    expect(pickAfter('bb')).toBe('c');
    expect(rankMembers(team, subject({}, { lastAssignedId: 'a' })).reason).toBe('round-robin: B');
  });

  it('skips away, deactivated, full and out-of-hours members, and says why nobody is left', () => {
    const s = subject({}, { lastAssignedId: 'a' });
    expect(
      rankMembers(
        [member('a'), member('b', { available: false }), member('c', { answersAt: NOW + HOUR })],
        s,
      ).memberId,
    ).toBe('a');
    const full = [member('a', { capacity: 2, open: 2 }), member('b', { capacity: 1, open: 3 })];
    expect(rankMembers(full, s)).toEqual({
      memberId: null,
      reason: 'no member available: all at capacity',
    });
    expect(
      rankMembers(
        [member('a', { active: false }), member('b', { available: false }), member('c')],
        subject({}, { now: NOW - 1 }),
      ).reason,
    ).toBe('no member available: 1 deactivated, 1 away, 1 out of hours');
    expect(rankMembers([], s).reason).toBe('no member available: the team has no members');
  });

  it('capacity null is unlimited; under capacity is eligible', () => {
    const members = [member('a', { capacity: 3, open: 2 }), member('b', { open: 500 })];
    expect(rankMembers(members, subject({})).memberId).toBe('a');
    expect(rankMembers(members, subject({}, { lastAssignedId: 'a' })).memberId).toBe('b');
  });

  it('load-balanced picks the least loaded, ties in round-robin order', () => {
    const members = [member('a', { open: 4 }), member('b', { open: 1 }), member('c', { open: 1 })];
    expect(rankMembers(members, subject({ mode: 'load_balanced' }))).toEqual({
      memberId: 'b',
      reason: 'load-balanced: B (1 open)',
    });
    const afterB = subject({ mode: 'load_balanced' }, { lastAssignedId: 'b' });
    expect(rankMembers(members, afterB).memberId).toBe('c');
  });

  it('with skills, only members who know one of the tags (any case) compete', () => {
    const members = [
      member('a', { skills: ['billing'] }),
      member('b', { skills: ['Login', 'sso'] }),
      member('c', { skills: ['login'] }),
    ];
    const s = subject({ useSkills: true }, { tags: ['login'], lastAssignedId: 'c' });
    expect(rankMembers(members, s).memberId).toBe('b');
    // Nobody knows the tag: the whole team competes.
    expect(rankMembers(members, { ...s, tags: ['refund'] }).memberId).toBe('a');
    // Without skill routing the tags do not matter.
    expect(
      rankMembers(members, { ...s, routing: { ...s.routing, useSkills: false } }).memberId,
    ).toBe('a');
    const skilledAway = [member('a'), member('b', { skills: ['login'], available: false })];
    expect(rankMembers(skilledAway, s)).toEqual({
      memberId: null,
      reason: 'no member available: all away',
    });
  });

  describe('deadline-aware', () => {
    const routing = { deadlineAware: true };

    it('gives the conversation to whoever can answer soonest, then to the least loaded', () => {
      const members = [
        member('a', { answersAt: NOW + 2 * HOUR }),
        member('b', { answersAt: NOW, open: 5 }),
        member('c', { answersAt: NOW, open: 2 }),
      ];
      expect(rankMembers(members, subject(routing, { dueAt: NOW + HOUR }))).toEqual({
        memberId: 'c',
        reason: 'deadline-aware: C can answer now',
      });
    });

    it('lets a member who opens before the due time take it when nobody works now', () => {
      const members = [
        member('a', { answersAt: NOW + 3 * HOUR }),
        member('b', { answersAt: NOW + HOUR }),
      ];
      const choice = rankMembers(members, subject(routing, { dueAt: NOW + 2 * HOUR }));
      expect(choice).toEqual({
        memberId: 'b',
        reason: 'deadline-aware: B opens at 2026-11-30T11:00:00.000Z',
      });
    });

    it('skips who cannot answer in time, unless nobody can', () => {
      const members = [
        member('a', { answersAt: NOW + 3 * HOUR, open: 0 }),
        member('b', { answersAt: NOW + HOUR, open: 9 }),
      ];
      expect(rankMembers(members, subject(routing, { dueAt: NOW + 2 * HOUR })).memberId).toBe('b');
      expect(rankMembers(members, subject(routing, { dueAt: NOW - HOUR }))).toEqual({
        memberId: 'b',
        reason:
          'deadline-aware: B opens at 2026-11-30T11:00:00.000Z, nobody can before the due time',
      });
    });

    it('without a due time routes as usual: out-of-hours members wait', () => {
      const members = [member('a', { answersAt: NOW + HOUR }), member('b')];
      expect(rankMembers(members, subject(routing)).memberId).toBe('b');
    });
  });
});
