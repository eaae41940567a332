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
import type { ReportFigures } from '../../../lib/schema';

type Adherence = ReportFigures['slaFirstResponse'];

/** Met, breached and still pending targets of each SLA target kind. */
export function SlaChart({ targets }: { targets: { name: string; figure: Adherence }[] }) {
  const data = targets.map(({ name, figure }) => ({
    name,
    met: figure.count,
    breached: figure.of - figure.count,
    pending: figure.pending,
  }));
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart data={data} layout="vertical" accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={110} />
        <Tooltip />
        <Legend />
        <Bar
          dataKey="met"
          name="Met"
          stackId="sla"
          fill="var(--report-ok)"
          isAnimationActive={false}
        />
        <Bar
          dataKey="breached"
          name="Breached"
          stackId="sla"
          fill="var(--danger)"
          isAnimationActive={false}
        />
        <Bar
          dataKey="pending"
          name="Pending"
          stackId="sla"
          fill="var(--muted)"
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
