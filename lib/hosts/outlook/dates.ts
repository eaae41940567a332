type Order = 'dmy' | 'mdy' | 'ymd';

interface LocaleFacts {
  /** The order the language writes a numeric date in. */
  order: Order;
  /** Names of each weekday (Sunday first), short and long, normalised. */
  weekdays: string[][];
  am: string[];
  pm: string[];
}

const DATE = /(\d{1,4})[./-]\s?(\d{1,2})[./-]\s?(\d{1,4})/;
const TIME = /(\d{1,2})[:.](\d{2})(?![./-]?\d)/;
const facts = new Map<string, LocaleFacts>();

/**
 * The instant of a date as Outlook writes one in a title or a message header ("Tue
 * 11/17/2026 2:02 PM", "Di 17.11.2026 14:02"), in the browser's time zone (the one
 * Outlook renders in). Everything language-specific comes from Intl for the page's
 * language: the order of day and month, weekday names, AM/PM words. Where a weekday is
 * written it must agree, which also settles "4/10/2026" under an English UI set to a
 * day-first format. Anything else gives null: unknown, never wrong.
 */
export function parseOutlookDate(text: string, lang: string): string | null {
  const written = text.normalize('NFKC').trim();
  const date = DATE.exec(written);
  if (!date) return null;
  const rest = written.slice(date.index + date[0].length);
  const time = TIME.exec(rest);
  if (!time) return null;
  const locale = localeFacts(lang);
  const hour = toHour24(Number(time[1]), meridiem(rest, locale));
  const minute = Number(time[2]);
  if (hour === null || minute > 59) return null;
  const [a, b, c] = [date[1], date[2], date[3]].map(Number) as [number, number, number];
  const orders: Order[] =
    date[1]?.length === 4 ? ['ymd'] : locale.order === 'mdy' ? ['mdy', 'dmy'] : ['dmy', 'mdy'];
  const weekday = tokens(written.slice(0, date.index))[0];
  for (const order of orders) {
    const [year, month, day] =
      order === 'ymd' ? [a, b, c] : order === 'mdy' ? [c, a, b] : [c, b, a];
    const instant = new Date(year, month - 1, day, hour, minute);
    if (instant.getFullYear() !== year || instant.getDate() !== day || year < 1970) continue;
    if (instant.getMonth() !== month - 1) continue;
    if (weekday && !locale.weekdays[instant.getDay()]?.some((n) => sameWord(n, weekday))) continue;
    return instant.toISOString();
  }
  return null;
}

function localeFacts(lang: string): LocaleFacts {
  const known = facts.get(lang);
  if (known) return known;
  let locale: string;
  try {
    locale = Intl.DateTimeFormat.supportedLocalesOf(lang)[0] ?? 'en';
  } catch {
    locale = 'en';
  }
  const sample = new Date(2026, 10, 17, 9, 5);
  const order = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  })
    .formatToParts(sample)
    .flatMap((p) =>
      p.type === 'day' || p.type === 'month' || p.type === 'year' ? [p.type[0]] : [],
    )
    .join('');
  const weekdays = Array.from({ length: 7 }, (_, day) => {
    const at = new Date(2026, 10, 15 + day);
    return (['short', 'long'] as const).map((weekday) =>
      word(new Intl.DateTimeFormat(locale, { weekday }).format(at)),
    );
  });
  const period = (hour: number) =>
    new Intl.DateTimeFormat(locale, { hour: 'numeric', hour12: true })
      .formatToParts(new Date(2026, 10, 17, hour))
      .filter((p) => p.type === 'dayPeriod')
      .map((p) => word(p.value));
  const found: LocaleFacts = {
    order: order === 'mdy' || order === 'ymd' ? order : 'dmy',
    weekdays,
    am: [...period(9), 'am'],
    pm: [...period(21), 'pm'],
  };
  facts.set(lang, found);
  return found;
}

function meridiem(text: string, locale: LocaleFacts): 'am' | 'pm' | null {
  const words = tokens(text);
  if (words.some((w) => locale.pm.includes(w))) return 'pm';
  if (words.some((w) => locale.am.includes(w))) return 'am';
  return null;
}

function toHour24(hour: number, half: 'am' | 'pm' | null): number | null {
  if (half === null) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  return (hour % 12) + (half === 'pm' ? 12 : 0);
}

const word = (text: string) => text.toLowerCase().replace(/[.,\s]/g, '');
const tokens = (text: string) =>
  text
    .split(/[\s,]+|(?<=\D)(?=\d)|(?<=\d)(?=\D)/)
    .map(word)
    .filter((t) => t && !/^\d+$/.test(t) && !/^[:./-]+$/.test(t));

/** "Di" and "Di." and "Dienstag" are one weekday; two letters at least. */
function sameWord(name: string, written: string): boolean {
  if (written.length < 2 || name.length < 2) return false;
  return name.startsWith(written) || written.startsWith(name);
}
