import type { ReportTableData } from '../../../lib/reports/tables';
import { CsvButton } from './CsvButton';
import { DataTable } from './DataTable';

type Props = {
  id: string;
  title: string;
  table: ReportTableData;
  csv: { path: string; filename: string };
};

/** A table of the report with its CSV download. */
export function TablePanel({ id, title, table, csv }: Props) {
  return (
    <section className="report-panel" aria-labelledby={`${id}-title`} data-testid={`table-${id}`}>
      <header className="report-panel-head">
        <h3 id={`${id}-title`}>{title}</h3>
        <CsvButton path={csv.path} filename={csv.filename} what={title} />
      </header>
      <DataTable caption={title} table={table} />
    </section>
  );
}
