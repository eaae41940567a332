/** Every IANA zone this browser knows, for the calendar's searchable list (UTC included). */
export function timeZoneNames(): string[] {
  const names = Intl.supportedValuesOf('timeZone');
  // V8 lists canonical zones by region and leaves UTC out, though it accepts it.
  return names.includes('UTC') ? names : [...names, 'UTC'].sort();
}

/** The zone this browser runs in: a new calendar's default, and a calendar-time preview's. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
