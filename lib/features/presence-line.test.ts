import { describe, expect, it } from 'vitest';
import type { Member, PresenceEntry } from '../schema';
import { listNames, presenceChip, presenceLine } from './presence-line';

const member = (id: string, name: string): Member => ({
  id,
  name,
  email: `${name.split(' ')[0]?.toLowerCase()}@acme.test`,
  role: 'agent',
  status: 'active',
  availability: 'available',
  capacity: null,
  skills: [],
  calendarId: null,
  version: 1,
});
const BEN = '00000000-0000-4000-8000-00000000000b';
const CY = '00000000-0000-4000-8000-00000000000c';
const DEE = '00000000-0000-4000-8000-00000000000d';
const members = [member(BEN, 'Ben Agent'), member(CY, 'Cy'), member(DEE, 'Dee Lead')];
const on = (memberId: string, state: PresenceEntry['state']): PresenceEntry => ({
  conversationId: 'c1',
  memberId,
  state,
  expiresAt: '2026-11-29T10:00:30.000Z',
});

describe('presence line', () => {
  it('says who is replying and who is viewing', () => {
    expect(presenceLine([], members)).toBeNull();
    expect(presenceLine([on(BEN, 'viewing')], members)).toBe('Ben Agent is viewing');
    expect(presenceLine([on(BEN, 'replying')], members)).toBe('Ben Agent is replying now');
    expect(
      presenceLine([on(BEN, 'replying'), on(CY, 'viewing'), on(DEE, 'viewing')], members),
    ).toBe('Ben Agent is replying now · Cy and Dee Lead are viewing');
  });

  it('names someone it does not know as a teammate', () => {
    expect(presenceLine([on('00000000-0000-4000-8000-0000000000ff', 'viewing')], members)).toBe(
      'A teammate is viewing',
    );
  });

  it('lists names as a sentence', () => {
    expect(listNames(['Ben', 'Cy', 'Dee'])).toBe('Ben, Cy and Dee');
  });
});

describe('presence chip', () => {
  it('marks a row with the others’ initials, a pen when one replies', () => {
    expect(presenceChip([], members)).toBeNull();
    expect(presenceChip([on(BEN, 'viewing')], members)?.text).toBe('👁 BA');
    const chip = presenceChip([on(BEN, 'replying'), on(CY, 'viewing')], members);
    expect(chip?.text).toBe('✎ BA CY');
    expect(chip?.background).not.toBe(presenceChip([on(CY, 'viewing')], members)?.background);
  });
});
