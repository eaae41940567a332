import { figuresOf } from '../../../lib/reports/figures';
import { type ReportSummary, SampledMetricId } from '../../../lib/schema';
import { FigureCard } from './FigureCard';

type Props = {
  summary: Pick<ReportSummary, 'figures' | 'definitions'>;
  onDrill: (metric: SampledMetricId) => void;
};

/** A card for every figure of the summary; each opens the conversations behind it. */
export function FigureCards({ summary, onDrill }: Props) {
  return (
    <div className="figure-cards">
      {figuresOf(summary).map((figure) => {
        const metric = SampledMetricId.safeParse(figure.metric);
        return (
          <FigureCard
            key={figure.metric}
            figure={figure}
            onDrill={metric.success ? () => onDrill(metric.data) : undefined}
          />
        );
      })}
    </div>
  );
}
