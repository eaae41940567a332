import { formatCell } from '../../../lib/options/reports/format';
import type { ReportTableData } from '../../../lib/reports/tables';

/** A report table as the page shows it: formatted cells of the rows its CSV holds. */
export function DataTable({ caption, table }: { caption: string; table: ReportTableData }) {
  return (
    <div className="report-table-scroll">
      <table className="data-table report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={`col-${c.kind}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 && (
            <tr>
              <td colSpan={table.columns.length} className="muted">
                Nothing in this period.
              </td>
            </tr>
          )}
          {table.rows.map((row) => (
            <tr key={String(row[0])}>
              {table.columns.map((c, i) => (
                <td key={c.key} className={`col-${c.kind}`}>
                  {formatCell(c.kind, row[i])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
