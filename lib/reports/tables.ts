import type { CsvCell } from '../csv';
import type { ReportSampleRow, ReportSummary, ReportTable } from '../schema/reports';
import { figuresOf } from './figures';

/** What a column holds, so a page can format it (a CSV writes the raw value). */
export type ColumnKind = 'text' | 'count' | 'ms' | 'rate' | 'date' | 'instant' | 'value';

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
}

/** A table of a report: the rows the page shows and the CSV routes write, alike. */
export interface ReportTableData {
  columns: Column[];
  rows: CsvCell[][];
}

const col = (key: string, label: string, kind: ColumnKind): Column => ({ key, label, kind });

function figuresTable(summary: Pick<ReportSummary, 'figures' | 'definitions'>): ReportTableData {
  const columns = [
    col('metric', 'Metric', 'text'),
    col('title', 'Figure', 'text'),
    col('count', 'Count', 'count'),
    col('of', 'Of', 'count'),
    col('rate', 'Rate', 'rate'),
    col('pending', 'Pending', 'count'),
    col('median_ms', 'Median', 'ms'),
    col('p90_ms', 'p90', 'ms'),
    col('average_ms', 'Average', 'ms'),
    col('score', 'Score', 'value'),
  ];
  const rows = figuresOf(summary).map((f): CsvCell[] => {
    const head = [f.metric, f.title];
    if (f.kind === 'duration') {
      const { count, medianMs, p90Ms, averageMs } = f.stats;
      return [...head, count, null, null, null, medianMs, p90Ms, averageMs, null];
    }
    if (f.kind === 'rate') {
      const { count, of, rate, pending } = f.stats;
      return [...head, count, of, rate, pending, null, null, null, null];
    }
    if (f.kind === 'count') return [...head, f.count, null, null, null, null, null, null, null];
    const count = f.values.find(([name]) => name === 'count')?.[1];
    return [...head, count, null, null, null, null, null, null, f.headline];
  });
  return { columns, rows };
}

/**
 * One table of a summary. `agentNames` names the agents of the workload (an agent not in
 * it is shown by id).
 */
export function reportTable(
  summary: Pick<ReportSummary, 'figures' | 'definitions'>,
  table: ReportTable,
  agentNames: ReadonlyMap<string, string>,
): ReportTableData {
  const { figures } = summary;
  switch (table) {
    case 'figures':
      return figuresTable(summary);
    case 'volume':
      return {
        columns: [
          col('date', 'Day', 'date'),
          col('arrived', 'Arrived', 'count'),
          col('closed', 'Closed', 'count'),
        ],
        rows: figures.volume.map((d) => [d.date, d.arrived, d.closed]),
      };
    case 'backlog':
      return {
        columns: [col('date', 'Day', 'date'), col('open', 'Open at end of day', 'count')],
        rows: figures.backlog.map((d) => [d.date, d.open]),
      };
    case 'workload':
      return {
        columns: [
          col('agent_id', 'Agent id', 'text'),
          col('agent', 'Agent', 'text'),
          col('open', 'Open now', 'count'),
          col('assigned', 'Assigned in period', 'count'),
          col('assigned_today', 'Assigned today', 'count'),
          col('closed', 'Closed in period', 'count'),
        ],
        rows: figures.workload.map((w) => [
          w.agentId,
          agentNames.get(w.agentId) ?? w.agentId,
          w.open,
          w.assigned,
          w.assignedToday,
          w.closed,
        ]),
      };
  }
}

/** The conversations behind a figure: what the drill-down lists and its CSV writes. */
export function samplesTable(samples: readonly ReportSampleRow[]): ReportTableData {
  return {
    columns: [
      col('conversation_id', 'Conversation id', 'text'),
      col('subject', 'Subject', 'text'),
      col('value', 'Value', 'value'),
      col('at', 'When', 'instant'),
    ],
    rows: samples.map((s) => [s.conversationId, s.subject, s.value, s.at]),
  };
}
