import { describe, expect, it } from 'vitest';
import type { Invite, Member } from '../../schema';
import {
  inviteEmailProblem,
  parseCapacity,
  pendingInvites,
  reassignChoices,
  sortMembers,
} from './members';

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
const gone = member(3, 'Bea', 'deactivated');

const invite = (id: string, createdAt: string, extra: Partial<Invite> = {}): Invite => ({
  id,
  email: `${id}@acme.test`,
  role: 'agent',
  createdAt,
  expiresAt: '2026-12-31T00:00:00.000Z',
  acceptedAt: null,
  revokedAt: null,
  ...extra,
});

describe('members on the options page', () => {
  it('list active members by name, deactivated ones last', () => {
    expect(sortMembers([leo, gone, ana]).map((m) => m.name)).toEqual(['Ana', 'Leo', 'Bea']);
  });

  it('offer only other active members to take over open work', () => {
    expect(reassignChoices([leo, gone, ana], ana.id)).toEqual([leo]);
  });

  it('show invites still waiting, newest first', () => {
    const now = new Date('2026-11-29T00:00:00Z');
    const list = [
      invite('a', '2026-11-01T00:00:00Z'),
      invite('b', '2026-11-02T00:00:00Z'),
      invite('used', '2026-11-03T00:00:00Z', { acceptedAt: '2026-11-04T00:00:00Z' }),
      invite('revoked', '2026-11-03T00:00:00Z', { revokedAt: '2026-11-04T00:00:00Z' }),
      invite('late', '2026-11-03T00:00:00Z', { expiresAt: '2026-11-10T00:00:00Z' }),
    ];
    expect(pendingInvites(list, now).map((i) => i.id)).toEqual(['b', 'a']);
  });

  it('read a capacity: empty is no limit, else a whole number in range', () => {
    expect(parseCapacity(' ')).toEqual({ ok: true, value: null });
    expect(parseCapacity('12')).toEqual({ ok: true, value: 12 });
    for (const bad of ['0', '1.5', 'x', '10001']) expect(parseCapacity(bad).ok).toBe(false);
  });

  it('check an address to invite', () => {
    expect(inviteEmailProblem('nope', [ana])).toMatch(/email address/);
    expect(inviteEmailProblem('ANA@acme.test', [ana])).toBe('ana@acme.test is already a member');
    expect(inviteEmailProblem('bea@acme.test', [gone])).toBeNull();
  });
});
