import { type DurationFigure, figuresOf } from '../../../lib/reports/figures';
import { type ReportTableData, reportTable } from '../../../lib/reports/tables';
import type { ReportSummary, ReportTable, SampledMetricId } from '../../../lib/schema';
import { ChartPanel } from './ChartPanel';
import { DailyChart } from './DailyChart';
import { FigureCards } from './FigureCards';
import { ResponseChart } from './ResponseChart';
import { SlaChart } from './SlaChart';
import { TablePanel } from './TablePanel';

const SLA_TARGETS = [
  ['slaFirstResponse', 'First response'],
  ['slaNextResponse', 'Next response'],
  ['slaResolution', 'Resolution'],
] as const;
const RESPONSE_FIGURES = ['firstResponse', 'nextResponse', 'averageResponse', 'resolution'];

/** The figures table's rows of some metrics: the table behind a chart of figures. */
const rowsOf = (table: ReportTableData, metrics: readonly string[]): ReportTableData => ({
  columns: table.columns,
  rows: table.rows.filter((row) => metrics.includes(String(row[0]))),
});

type Props = {
  summary: ReportSummary;
  /** The query string of the report (period, zone, clock, filters). */
  query: string;
  /** The days covered, for the names of downloaded files. */
  days: { first: string; last: string };
  agentNames: ReadonlyMap<string, string>;
  onDrill: (metric: SampledMetricId) => void;
};

/** The figures of a report: cards, charts with their tables, workload and every figure. */
export function Dashboard({ summary, query, days, agentNames, onDrill }: Props) {
  const { figures } = summary;
  const table = (name: ReportTable) => reportTable(summary, name, agentNames);
  const csv = (name: ReportTable) => ({
    path: `/v1/reports/summary.csv?table=${name}&${query}`,
    filename: `sidedesk-${name}-${days.first}-${days.last}.csv`,
  });
  const all = table('figures');
  const durations = figuresOf(summary).flatMap((f) =>
    f.kind === 'duration' && RESPONSE_FIGURES.includes(f.metric)
      ? [{ name: f.title.replace(/ time$/, ''), stats: f.stats as DurationFigure }]
      : [],
  );
  return (
    <>
      <section aria-labelledby="figures-title" className="report-section">
        <h3 id="figures-title">Figures</h3>
        <FigureCards summary={summary} onDrill={onDrill} />
      </section>
      <section aria-labelledby="charts-title" className="report-section">
        <h3 id="charts-title">Charts</h3>
        <div className="chart-grid">
          <ChartPanel
            id="volume"
            title="Volume per day"
            description="Conversations that arrived, and closes recorded, each day."
            table={table('volume')}
            csv={csv('volume')}
          >
            <DailyChart
              days={figures.volume}
              bars={[
                { key: 'arrived', name: 'Arrived', colour: 'var(--accent)' },
                { key: 'closed', name: 'Closed', colour: 'var(--report-ok)' },
              ]}
            />
          </ChartPanel>
          <ChartPanel
            id="backlog"
            title="Backlog per day"
            description="Conversations open at the end of each day; today, as of now."
            table={table('backlog')}
            csv={csv('backlog')}
          >
            <DailyChart
              days={figures.backlog}
              area={{ key: 'open', name: 'Open', colour: 'var(--accent)' }}
            />
          </ChartPanel>
          <ChartPanel
            id="sla"
            title="SLA adherence per target"
            description="Targets met, breached, and still counting or paused."
            table={rowsOf(
              all,
              SLA_TARGETS.map(([metric]) => metric),
            )}
            csv={csv('figures')}
          >
            <SlaChart
              targets={SLA_TARGETS.map(([metric, name]) => ({ name, figure: figures[metric] }))}
            />
          </ChartPanel>
          <ChartPanel
            id="response"
            title="Response and resolution times"
            description="Median and p90 in the report’s clock."
            table={rowsOf(all, RESPONSE_FIGURES)}
            csv={csv('figures')}
          >
            <ResponseChart figures={durations} />
          </ChartPanel>
        </div>
      </section>
      <TablePanel
        id="workload"
        title="Workload per agent"
        table={table('workload')}
        csv={csv('workload')}
      />
      <TablePanel id="figures" title="All figures" table={all} csv={csv('figures')} />
    </>
  );
}
