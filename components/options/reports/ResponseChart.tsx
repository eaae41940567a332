import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { durationTicks, formatMs } from '../../../lib/options/reports/format';
import type { DurationFigure } from '../../../lib/reports/figures';

const duration = (value: unknown) => formatMs(typeof value === 'number' ? value : null);

/** Median and p90 of each duration figure, side by side. */
export function ResponseChart({ figures }: { figures: { name: string; stats: DurationFigure }[] }) {
  const data = figures.map(({ name, stats }) => ({
    name,
    median: stats.medianMs,
    p90: stats.p90Ms,
  }));
  const ticks = durationTicks(Math.max(0, ...data.map((d) => d.p90 ?? d.median ?? 0)));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" interval={0} tick={{ fontSize: 11 }} />
        <YAxis tickFormatter={duration} ticks={ticks} domain={[0, ticks.at(-1) ?? 0]} width={56} />
        <Tooltip formatter={duration} />
        <Legend />
        <Bar dataKey="median" name="Median" fill="var(--accent)" isAnimationActive={false} />
        <Bar dataKey="p90" name="p90" fill="var(--report-p90)" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
