import type { MetricDefinition, ReportSummary } from '../schema/reports';

/** The per-day and per-agent series of a summary: tables of their own, not figures. */
const SERIES = new Set(['volume', 'backlog', 'workload']);

export type DurationFigure = {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
  averageMs: number | null;
};
export type RateFigure = { count: number; of: number; rate: number | null; pending?: number };

type Shape =
  | { kind: 'count'; count: number }
  | { kind: 'duration'; stats: DurationFigure }
  | { kind: 'rate'; stats: RateFigure }
  /** A figure of another shape (NPS, CES…): its numbers by name, and the one it is read by. */
  | { kind: 'other'; values: [string, number][]; headline: number | null };

/** One figure of a summary, with what it is called and how it is computed. */
export type Figure = { metric: string; title: string; definition: string | null } & Shape;

/** The number a figure of another shape is read by, when it has one. */
const HEADLINES = ['score', 'average', 'value'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function shapeOf(value: unknown): Shape {
  if (typeof value === 'number') return { kind: 'count', count: value };
  if (!isObject(value)) return { kind: 'other', values: [], headline: null };
  if (typeof value.count === 'number' && 'medianMs' in value)
    return { kind: 'duration', stats: value as DurationFigure };
  if (typeof value.count === 'number' && typeof value.of === 'number')
    return { kind: 'rate', stats: value as RateFigure };
  const values = Object.entries(value).filter(
    (e): e is [string, number] => typeof e[1] === 'number',
  );
  const headline = HEADLINES.map((name) => value[name]).find((v) => typeof v === 'number');
  return { kind: 'other', values, headline: (headline as number | undefined) ?? null };
}

/**
 * Every figure of a summary in the API's order, with its title and definition. Read by
 * shape rather than by name, so a figure the API adds later (CSAT…) shows too.
 */
export function figuresOf(summary: Pick<ReportSummary, 'figures' | 'definitions'>): Figure[] {
  const definitions = new Map<string, MetricDefinition>(summary.definitions.map((d) => [d.id, d]));
  return Object.entries(summary.figures as Record<string, unknown>)
    .filter(([metric]) => !SERIES.has(metric))
    .map(([metric, value]) => {
      const definition = definitions.get(metric);
      return {
        metric,
        title: definition?.title ?? metric,
        definition: definition?.definition ?? null,
        ...shapeOf(value),
      };
    });
}
