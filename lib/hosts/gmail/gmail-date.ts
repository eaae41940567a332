const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const TIME = String.raw`(?:,|\s+at)\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?:\s*(?<meridiem>[ap]m))?$`;
// "Mon, Nov 16, 2026, 8:41 AM" (2026) and "Thu, Dec 18, 2014 at 12:35 PM" (InboxSDK's
// 2014 test page); then the day-first English form "Mon, 16 Nov 2026, 08:41".
const MONTH_FIRST = new RegExp(
  String.raw`^(?:[a-z]{3},\s+)?(?<month>[a-z]{3})\s+(?<day>\d{1,2}),\s+(?<year>\d{4})${TIME}`,
  'i',
);
const DAY_FIRST = new RegExp(
  String.raw`^(?:[a-z]{3},\s+)?(?<day>\d{1,2})\s+(?<month>[a-z]{3})\s+(?<year>\d{4})${TIME}`,
  'i',
);

/**
 * The instant of a message date as Gmail titles it in English, read in the browser's
 * time zone (the one Gmail renders in). Other languages give null: unknown, not wrong.
 */
export function parseGmailDate(title: string): string | null {
  const text = title.trim();
  const g = (MONTH_FIRST.exec(text) ?? DAY_FIRST.exec(text))?.groups;
  const month = MONTHS.indexOf(g?.month?.toLowerCase() ?? '');
  if (!g || month < 0) return null;
  const [day, year, minute] = [Number(g.day), Number(g.year), Number(g.minute)];
  const hour = toHour24(Number(g.hour), g.meridiem?.toLowerCase());
  if (hour === null || minute > 59) return null;
  const date = new Date(year, month, day, hour, minute);
  return date.getDate() === day ? date.toISOString() : null;
}

function toHour24(hour: number, meridiem: string | undefined): number | null {
  if (meridiem === undefined) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  return (hour % 12) + (meridiem === 'pm' ? 12 : 0);
}
