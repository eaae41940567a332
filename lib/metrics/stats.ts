import type { DurationStats, RateFigure } from '../schema/reports';

/**
 * Median (the middle value; the mean of the two middle ones for an even count), 90th
 * percentile (nearest rank: the smallest value at least 90% of the values do not exceed)
 * and mean, each rounded to whole ms; null without values.
 */
export function durationStats(values: readonly number[]): DurationStats {
  const n = values.length;
  if (n === 0) return { count: 0, medianMs: null, p90Ms: null, averageMs: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(n / 2);
  const median = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    count: n,
    medianMs: Math.round(median),
    p90Ms: sorted[Math.ceil(0.9 * n) - 1]!,
    averageMs: Math.round(sum / n),
  };
}

/** `count` of `of`, and their ratio (null when `of` is 0). */
export function rate(count: number, of: number): RateFigure {
  return { count, of, rate: of === 0 ? null : count / of };
}
