import { describe, expect, it } from 'vitest';
import { TimeZone } from '../../schema';
import { timeZoneNames } from './time-zones';

describe('the time zone list', () => {
  it('holds every zone the platform knows, UTC included, each one the schema accepts', () => {
    const names = timeZoneNames();
    expect(names).toContain('UTC');
    expect(names).toContain('Europe/Berlin');
    expect(names).toEqual([...names].sort());
    expect(names.filter((zone) => !TimeZone.safeParse(zone).success)).toEqual([]);
  });
});
