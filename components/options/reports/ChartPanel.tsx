import type { ReactNode } from 'react';
import type { ReportTableData } from '../../../lib/reports/tables';
import { CsvButton } from './CsvButton';
import { DataTable } from './DataTable';

type Props = {
  id: string;
  title: string;
  description: string;
  /** The chart's data as a table: what a screen reader reads and the CSV holds. */
  table: ReportTableData;
  csv: { path: string; filename: string };
  children: ReactNode;
};

/** A chart with its title, and its data as a table for those who cannot see it. */
export function ChartPanel({ id, title, description, table, csv, children }: Props) {
  return (
    <section
      className="report-panel chart-panel"
      aria-labelledby={`${id}-title`}
      data-testid={`chart-${id}`}
    >
      <header className="report-panel-head">
        <h4 id={`${id}-title`}>{title}</h4>
        <CsvButton path={csv.path} filename={csv.filename} what={title} />
      </header>
      <p className="muted">{description}</p>
      <div
        className="chart"
        role="img"
        aria-label={`${title}. The same data is in the table below.`}
      >
        {children}
      </div>
      <details>
        <summary>{title} as a table</summary>
        <DataTable caption={title} table={table} />
      </details>
    </section>
  );
}
