import { formatMs, formatRate } from '../../../lib/options/reports/format';
import type { Figure } from '../../../lib/reports/figures';

/** The headline and the detail line of a figure, by its shape. */
function wordsOf(figure: Figure): { value: string; detail: string } {
  switch (figure.kind) {
    case 'count':
      return { value: String(figure.count), detail: '' };
    case 'duration': {
      const { medianMs, p90Ms, averageMs, count } = figure.stats;
      return {
        value: formatMs(medianMs),
        detail: `median · p90 ${formatMs(p90Ms)} · average ${formatMs(averageMs)} · ${count} measured`,
      };
    }
    case 'rate': {
      const { rate, count, of, pending } = figure.stats;
      return {
        value: formatRate(rate),
        detail: `${count} of ${of}${pending ? ` · ${pending} pending` : ''}`,
      };
    }
    case 'other':
      return {
        value: figure.headline === null ? '—' : String(Math.round(figure.headline * 10) / 10),
        detail: figure.values.map(([name, n]) => `${name} ${n}`).join(' · '),
      };
  }
}

type Props = {
  figure: Figure;
  /** Opens the conversations behind the figure; absent for a figure without samples. */
  onDrill?: () => void;
};

/** One figure: its value, how it reads, and what it means. */
export function FigureCard({ figure, onDrill }: Props) {
  const { value, detail } = wordsOf(figure);
  const titleId = `figure-${figure.metric}-title`;
  return (
    <article
      className="figure-card"
      aria-labelledby={titleId}
      data-testid="figure-card"
      data-metric={figure.metric}
    >
      <h4 id={titleId}>{figure.title}</h4>
      {onDrill ? (
        <button
          type="button"
          className="figure-value"
          aria-label={`${value} ${figure.title}: show the conversations`}
          onClick={onDrill}
        >
          {value}
        </button>
      ) : (
        <p className="figure-value">{value}</p>
      )}
      {detail && <p className="muted figure-detail">{detail}</p>}
      {figure.definition && (
        <details>
          <summary>How is this computed?</summary>
          <p>{figure.definition}</p>
        </details>
      )}
    </article>
  );
}
