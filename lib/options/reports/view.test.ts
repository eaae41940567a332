import { describe, expect, it } from 'vitest';
import { daysOf, hashOfView, periodOf, reportQuery, viewFromHash } from './view';

const now = new Date(2026, 10, 29, 15, 30);

describe('reports view', () => {
  it('reads the hash, with defaults for what is missing or does not read', () => {
    expect(viewFromHash('#/reports')).toEqual({ range: '30', clock: 'calendar', offset: 0 });
    expect(
      viewFromHash('#/reports?range=7&priority=high&metric=slaFirstResponse&offset=100&tag=vip'),
    ).toMatchObject({ range: '7', priority: 'high', metric: 'slaFirstResponse', offset: 100 });
    expect(
      viewFromHash('#/reports?range=12&priority=meh&metric=backlog&offset=-3&clock=wall'),
    ).toEqual({ range: '30', clock: 'calendar', offset: 0 });
  });

  it('writes only what differs from the defaults, and reads back the same', () => {
    const view = viewFromHash('#/reports?range=custom&from=2026-11-01&to=2026-11-15&tag=a%26b');
    expect(hashOfView(view)).toBe('#/reports?range=custom&from=2026-11-01&to=2026-11-15&tag=a%26b');
    expect(viewFromHash(hashOfView(view))).toEqual(view);
    expect(hashOfView({ ...view, range: '7' })).toBe('#/reports?range=7&tag=a%26b');
    expect(hashOfView(viewFromHash(''))).toBe('#/reports');
  });

  it('a preset ends today and counts today as one of its days', () => {
    expect(daysOf(viewFromHash('#/reports?range=7'), now)).toEqual({
      first: '2026-11-23',
      last: '2026-11-29',
    });
    expect(daysOf(viewFromHash('#/reports'), now).first).toBe('2026-10-31');
    expect(daysOf(viewFromHash('#/reports?range=custom&from=2026-10-01'), now).first).toBe(
      '2026-10-31',
    );
  });

  it('asks the API from the first local midnight to the one after the last day', () => {
    const view = viewFromHash('#/reports?range=custom&from=2026-11-01&to=2026-11-15');
    expect(periodOf(view, now)).toEqual({
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 10, 16).toISOString(),
    });
    const query = new URLSearchParams(
      reportQuery(
        { ...view, agentId: 'm1', clock: 'business', metric: 'resolution' },
        now,
        'Europe/Berlin',
      ),
    );
    expect(Object.fromEntries(query)).toEqual({
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 10, 16).toISOString(),
      timeZone: 'Europe/Berlin',
      clock: 'business',
      agentId: 'm1',
    });
  });
});
