import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

type Series = { key: string; name: string; colour: string };

type Props = {
  /** One row a day: its `date` and a count per series. */
  days: readonly ({ date: string } & Record<string, number | string>)[];
  /** Counts drawn as bars side by side (volume)… */
  bars?: readonly Series[];
  /** …or as a filled line (backlog). */
  area?: Series;
};

const day = (date: string) => date.slice(5);

/** Counts per day of the report's zone. */
export function DailyChart({ days, bars = [], area }: Props) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <ComposedChart data={[...days]} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={day} minTickGap={12} />
        <YAxis allowDecimals={false} width={36} />
        <Tooltip />
        {bars.length > 1 && <Legend />}
        {bars.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            fill={s.colour}
            isAnimationActive={false}
          />
        ))}
        {area && (
          <Area
            dataKey={area.key}
            name={area.name}
            type="linear"
            stroke={area.colour}
            fill={area.colour}
            fillOpacity={0.2}
            isAnimationActive={false}
          />
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
