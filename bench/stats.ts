/** Timing helpers shared by every benchmark: percentiles and a printed table of ratios. */

export type Sample = { name: string; ms: number[] };

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export async function time(runs: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    ms.push(performance.now() - start);
  }
  return ms;
}

export type Row = { bench: string; p50: number; p95: number; baseline: string; ratio: number };

export function row(bench: string, ms: number[], baselineName: string, baselineMs: number[]): Row {
  const p50 = percentile(ms, 50);
  return {
    bench,
    p50,
    p95: percentile(ms, 95),
    baseline: baselineName,
    ratio: p50 / percentile(baselineMs, 50),
  };
}

export function printTable(title: string, rows: Row[]): void {
  const fmt = (n: number) => (n < 1 ? n.toFixed(3) : n < 100 ? n.toFixed(2) : n.toFixed(0));
  console.log(`\n${title}`);
  console.log(['bench', 'p50 ms', 'p95 ms', 'baseline', 'ratio (p50)'].join(' | '));
  for (const r of rows) {
    console.log(
      [r.bench, fmt(r.p50), fmt(r.p95), r.baseline, `${r.ratio.toFixed(1)}×`].join(' | '),
    );
  }
}
