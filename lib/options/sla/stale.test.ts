import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiProblem } from '../relay';
import { currentOf, reapplied } from './stale';

const Rec = z.object({ id: z.string(), version: z.number() });
const problem = (status: number, body: unknown) =>
  new ApiProblem(status, 'conflict', 'x', [], body);

describe('a stale edit', () => {
  it('gives the current record from a 409', () => {
    const current = { id: 'a', version: 7 };
    expect(currentOf(problem(409, { error: {}, current }), Rec)).toEqual(current);
  });

  it('is nothing else: another status, no record, or one that does not parse', () => {
    expect(currentOf(problem(400, { current: { id: 'a', version: 7 } }), Rec)).toBeNull();
    expect(currentOf(problem(409, { error: {}, policies: [] }), Rec)).toBeNull();
    expect(currentOf(problem(409, { current: { id: 'a' } }), Rec)).toBeNull();
    expect(currentOf(new Error('offline'), Rec)).toBeNull();
  });
});

describe('reapplying an edit on someone else’s save', () => {
  it('takes the fields I changed and keeps theirs elsewhere', () => {
    const edited = { name: 'Berlin', timeZone: 'Europe/Berlin', weekly: { mon: ['09-17'] } };
    const mine = { ...edited, name: 'Berlin office' };
    const theirs = { ...edited, timeZone: 'Europe/Paris' };
    expect(reapplied(edited, mine, theirs)).toEqual({
      name: 'Berlin office',
      timeZone: 'Europe/Paris',
      weekly: { mon: ['09-17'] },
    });
    // Both changed a field: mine wins, as the admin chose to reapply.
    expect(reapplied(edited, mine, { ...theirs, name: 'Paris' }).name).toBe('Berlin office');
  });
});
