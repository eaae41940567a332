import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../../lib/schema/sla';
import { workingTime } from '../../../lib/sla/calendar';
import { reopenedToday } from './reopened-today';

const MINUTE = 60_000;
const since = '2026-11-16T08:41:05.000Z';

describe('reopenedToday', () => {
  // Every 10 minutes over two days, weeks after `since`: the SLA e2e tests once failed
  // only between 20:30 and 24:00 UTC, where the zone's local day of `since` began earlier.
  it('gives a conversation since `since` exactly `used` business minutes at any hour', () => {
    const start = Date.parse('2026-11-29T00:00:00.000Z');
    const wrong: string[] = [];
    for (let now = start; now < start + 48 * 60 * MINUTE; now += 10 * MINUTE) {
      const calendar = BusinessCalendar.parse({
        id: '0196f0c4-5a4e-7c11-9a53-1b2f3c4d5e6f',
        alwaysOpen: false,
        holidayCountry: null,
        ...reopenedToday({ now, since, used: 20 }),
      });
      const time = workingTime(calendar);
      const used = time.measure(Date.parse(since), now) / MINUTE;
      const left = time.measure(now, now + 11 * 60 * MINUTE) / MINUTE;
      if (used < 20 || used >= 21 || left !== 11 * 60)
        wrong.push(`${new Date(now).toISOString()}: used ${used}, open ahead ${left}`);
    }
    expect(wrong).toEqual([]);
  });
});
