import { formatInstant, formatSampleValue } from '../../../lib/options/reports/format';
import type { SampledMetricId } from '../../../lib/schema';
import { LoadFailed, Loading } from '../common/States';
import { CsvButton } from './CsvButton';
import { SAMPLES_PER_PAGE, useReportSamples } from './use-reports';
import { useReveal } from './use-reveal';

type Props = {
  query: string;
  metric: SampledMetricId;
  offset: number;
  days: { first: string; last: string };
  onPage: (offset: number) => void;
  onOpen: (conversationId: string) => void;
  onClose: () => void;
};

/** The conversations behind one figure, a page at a time, each opening its timeline. */
export function DrillDown({ query, metric, offset, days, onPage, onOpen, onClose }: Props) {
  const samples = useReportSamples(query, metric, offset);
  // Mounted anew per figure (keyed by it), so it is revealed each time one is opened.
  const heading = useReveal(true);
  const answer = samples.data;
  const title = answer ? answer.definition.title : metric;
  return (
    <section
      className="report-panel drill-down"
      aria-labelledby="drill-title"
      data-testid="drill-down"
    >
      <header className="report-panel-head">
        <h3 id="drill-title" ref={heading} tabIndex={-1}>
          {title}: the conversations behind the figure
        </h3>
        <CsvButton
          path={`/v1/reports/conversations.csv?metric=${metric}&${query}`}
          filename={`sidedesk-${metric}-${days.first}-${days.last}.csv`}
          what={`conversations behind ${title}`}
        />
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </header>
      {answer && <p className="muted">{answer.definition.definition}</p>}
      {samples.isPending && <Loading what="conversations" />}
      {samples.isError && (
        <LoadFailed
          what="the conversations"
          error={samples.error}
          retry={() => samples.refetch()}
        />
      )}
      {answer && (
        <>
          <table className="data-table report-table">
            <caption>
              {answer.total === 0
                ? 'No conversation counts in this figure.'
                : `${offset + 1}–${Math.min(offset + answer.samples.length, answer.total)} of ${answer.total}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Conversation</th>
                <th scope="col">Value</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {answer.samples.map((s) => (
                <tr
                  key={`${s.conversationId}-${s.at}-${s.eventIds.join()}`}
                  data-testid="sample-row"
                  data-value={String(s.value)}
                >
                  <td>
                    <button type="button" className="link" onClick={() => onOpen(s.conversationId)}>
                      {s.subject || '(no subject)'}
                    </button>
                  </td>
                  <td>{formatSampleValue(s.value, answer.definition.unit)}</td>
                  <td>{formatInstant(s.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row">
            <button
              type="button"
              className="secondary"
              disabled={offset === 0}
              onClick={() => onPage(Math.max(0, offset - SAMPLES_PER_PAGE))}
            >
              Previous
            </button>
            <button
              type="button"
              className="secondary"
              disabled={offset + SAMPLES_PER_PAGE >= answer.total}
              onClick={() => onPage(offset + SAMPLES_PER_PAGE)}
            >
              Next
            </button>
          </div>
        </>
      )}
    </section>
  );
}
