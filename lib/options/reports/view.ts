import { z } from 'zod';
import { Priority } from '../../schema/conversation-fields';
import { ReportClock, SampledMetricId } from '../../schema/reports';

export const PRESETS = ['7', '30', '90'] as const;

/**
 * What the Reports section shows, kept in the location hash (`#/reports?range=7&tag=vip`)
 * so a reload or a shared link shows the same. A value that does not read falls back to
 * its default rather than failing the page.
 */
export const ReportView = z.object({
  /** Last 7, 30 or 90 days (today included), or `custom` from/to. */
  range: z.enum([...PRESETS, 'custom']).catch('30'),
  from: z.iso.date().optional().catch(undefined),
  /** The last day included. */
  to: z.iso.date().optional().catch(undefined),
  agentId: z.string().min(1).optional().catch(undefined),
  teamId: z.string().min(1).optional().catch(undefined),
  tag: z.string().min(1).optional().catch(undefined),
  priority: Priority.optional().catch(undefined),
  mailbox: z.string().min(1).optional().catch(undefined),
  clock: ReportClock.catch('calendar'),
  /** The figure whose conversations are listed. */
  metric: SampledMetricId.optional().catch(undefined),
  offset: z.coerce.number().int().min(0).catch(0),
  /** The conversation whose timeline is open. */
  conversation: z.string().min(1).max(64).optional().catch(undefined),
});
export type ReportView = z.infer<typeof ReportView>;

export const FILTERS = ['agentId', 'teamId', 'tag', 'priority', 'mailbox'] as const;

/** The view a hash names (`#/reports?…`); defaults for anything missing. */
export function viewFromHash(hash: string): ReportView {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  return ReportView.parse(Object.fromEntries(new URLSearchParams(query)));
}

/** The hash of a view, leaving out what is at its default. */
export function hashOfView(view: ReportView): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(view)) {
    if (value === undefined) continue;
    if ((key === 'range' && value === '30') || (key === 'clock' && value === 'calendar')) continue;
    if (key === 'offset' && value === 0) continue;
    if ((key === 'from' || key === 'to') && view.range !== 'custom') continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `#/reports?${query}` : '#/reports';
}

const localMidnight = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
};
const addDays = (day: Date, n: number) =>
  new Date(day.getFullYear(), day.getMonth(), day.getDate() + n);
const isoDate = (day: Date) =>
  `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;

/** The days a view covers, first and last included, as this browser's local dates. */
export function daysOf(view: ReportView, now: Date): { first: string; last: string } {
  if (view.range === 'custom' && view.from && view.to) return { first: view.from, last: view.to };
  const days = view.range === 'custom' ? 30 : Number(view.range);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return { first: isoDate(addDays(today, 1 - days)), last: isoDate(today) };
}

/** The API's period for a view: from the first day's local midnight to the one after the last. */
export function periodOf(view: ReportView, now: Date): { from: string; to: string } {
  const { first, last } = daysOf(view, now);
  return {
    from: localMidnight(first).toISOString(),
    to: addDays(localMidnight(last), 1).toISOString(),
  };
}

/** The query string every report route of a view shares: period, zone, clock, filters. */
export function reportQuery(view: ReportView, now: Date, timeZone: string): string {
  const params = new URLSearchParams({ ...periodOf(view, now), timeZone, clock: view.clock });
  for (const key of FILTERS) {
    const value = view[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}
