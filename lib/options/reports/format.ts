import type { CsvCell } from '../../csv';
import type { ColumnKind } from '../../reports/tables';
import type { MetricDefinition } from '../../schema/reports';

/**
 * A duration figure: "2h 5m" to the nearest minute, "40s" under a minute (a countdown
 * rounds up instead, lib/sla's formatDuration); a dash when there is nothing to measure.
 */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 59_500) return `${Math.round(ms / 1000)}s`;
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

/** A rate as a percentage ("80%"); a dash when nothing was counted. */
export const formatRate = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : percent.format(rate);

const time = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as people read it in this browser's zone ("30 Nov, 09:00"). */
export const formatInstant = (iso: string) => time.format(new Date(iso));

/** A sample's value: a duration, yes/no, or an SLA state or outcome in words. */
export function formatSampleValue(value: CsvCell, unit: MetricDefinition['unit']): string {
  if (typeof value === 'number') return unit === 'ms' ? formatMs(value) : String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === 'beforeAssignment') return 'replied before assignment';
  return value ?? '';
}

/** A cell of a report table as the page shows it (the CSV keeps the raw value). */
export function formatCell(kind: ColumnKind, value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (kind === 'ms' && typeof value === 'number') return formatMs(value);
  if (kind === 'rate' && typeof value === 'number') return formatRate(value);
  if (kind === 'instant' && typeof value === 'string') return formatInstant(value);
  return String(value);
}

const MIN = 60_000;
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map((m) => m * MIN);

/** Axis ticks for durations up to `maxMs` at a round step (5m, 1h, 6h…), at most six. */
export function durationTicks(maxMs: number): number[] {
  if (!(maxMs > 0)) return [0];
  const step =
    STEPS.find((s) => maxMs / s <= 5) ?? Math.ceil(maxMs / 5 / (1440 * MIN)) * 1440 * MIN;
  return Array.from({ length: Math.ceil(maxMs / step) + 1 }, (_, i) => i * step);
}
