import { describe, expect, it } from 'vitest';
import { member } from '../testing/records';
import { filterMembers, moveActive } from './member-filter';

const ana = member('00000000-0000-4000-8000-000000000001', 'Ana Agent', 'agent');
const leo = member('00000000-0000-4000-8000-000000000003', 'Leo Lead', 'lead');
const dana = member('00000000-0000-4000-8000-000000000004', 'Dana', 'agent');
const gone = { ...member('00000000-0000-4000-8000-000000000005', 'Anatole', 'agent') };
gone.status = 'deactivated';
const all = [dana, ana, leo, gone];

describe('member search', () => {
  const names = (query: string) => filterMembers(all, query).map((m) => m.name);

  it('lists active members only', () => {
    expect(names('')).toEqual(['Dana', 'Ana Agent', 'Leo Lead']);
  });

  it('matches name or address, those starting with the query first', () => {
    expect(names('an')).toEqual(['Ana Agent', 'Dana']);
    expect(names('LEAD')).toEqual(['Leo Lead']);
    expect(names('dana@example')).toEqual(['Dana']);
    expect(names('zz')).toEqual([]);
  });

  it('moves the active option with the arrows, wrapping around', () => {
    expect(moveActive(-1, 1, 3)).toBe(0);
    expect(moveActive(-1, -1, 3)).toBe(2);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(0, 1, 0)).toBe(-1);
  });
});
