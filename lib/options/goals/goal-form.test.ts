import { describe, expect, it } from 'vitest';
import { barOf, draftOf, formatGoalValue, goalBody } from './goal-form';

describe('the goal form', () => {
  it('turns minutes and percentages into the API’s milliseconds and rates', () => {
    const frt = goalBody({ ...draftOf(), name: 'FRT', target: '120' });
    expect(frt.value).toMatchObject({ target: 7_200_000, timeframe: { kind: 'month' } });
    const csat = goalBody({
      ...draftOf(),
      name: 'FCR',
      metric: 'firstContactResolution',
      target: '85',
    });
    expect(csat.value).toMatchObject({ target: 0.85, filters: {} });
  });

  it('says what is wrong in the form’s units, keyed like the API', () => {
    const fcr = { ...draftOf(), name: 'FCR', metric: 'firstContactResolution' as const };
    expect(goalBody({ ...fcr, target: '120' }).issues.get('target')).toBe(
      'a percentage from 0 to 100',
    );
    expect(goalBody({ ...fcr, target: '' }).issues.get('target')).toBe(
      'a number of percent, 0 or more',
    );
    const custom = goalBody({
      ...fcr,
      target: '80',
      timeframe: 'custom',
      from: '2026-09-30',
      to: '2026-07-01',
    });
    expect(custom.issues.get('timeframe.to')).toBe('`from` must not be after `to`');
    expect(goalBody({ ...fcr, name: ' ', target: '80' }).issues.has('name')).toBe(true);
  });

  it('round-trips a stored goal', () => {
    const stored = {
      id: '00000000-0000-4000-8000-000000000001',
      name: 'Escalations',
      metric: 'escalationRate' as const,
      comparison: 'atMost' as const,
      target: 0.125,
      timeframe: { kind: 'custom' as const, from: '2026-07-01', to: '2026-09-30' },
      filters: { mailbox: 'support@acme.test' },
      createdAt: '2026-11-30T00:00:00.000Z',
      updatedAt: '2026-11-30T00:00:00.000Z',
    };
    expect(goalBody(draftOf(stored)).value).toEqual({
      name: 'Escalations',
      metric: 'escalationRate',
      comparison: 'atMost',
      target: 0.125,
      timeframe: stored.timeframe,
      filters: { mailbox: 'support@acme.test' },
    });
  });

  it('reads values and places them on the bar', () => {
    expect(formatGoalValue('firstResponseP90', 5_400_000)).toBe('1h 30m');
    expect(formatGoalValue('csat', 0.85)).toBe('85%');
    expect(formatGoalValue('csat', null)).toBe('—');
    expect(barOf(0.5, 0.8)).toEqual({ value: 0.5, target: 0.8 });
    expect(barOf(4, 2)).toEqual({ value: 1, target: 0.5 });
    expect(barOf(null, 0)).toEqual({ value: 0, target: 0 });
  });
});
