// One report: its chart, the same numbers in a table beside it, and a CSV of that table.
import type { ReactNode } from 'react';
import { csvTable } from '../../preload/csv';
import { downloadText } from '../ui/download';

export interface ReportTable {
  columns: string[];
  rows: (string | number)[][];
}

export function ReportCard({
  id,
  title,
  note,
  chart,
  table,
  fileName,
}: {
  id: string;
  title: string;
  note?: string;
  chart: ReactNode;
  table: ReportTable;
  fileName: string;
}) {
  return (
    <section className="panel report-card" aria-labelledby={`report-${id}`}>
      <div className="panel-head">
        <h2 id={`report-${id}`}>{title}</h2>
        <button
          type="button"
          onClick={() => downloadText(fileName, csvTable(table.columns, table.rows))}
          disabled={!table.rows.length}
        >
          CSV
        </button>
      </div>
      {note && <p className="muted">{note}</p>}
      {table.rows.length === 0 ? (
        <p className="muted">Nothing in this period.</p>
      ) : (
        <div className="report-body">
          <div className="report-chart" role="img" aria-label={`${title}: chart of the table beside it`}>
            {chart}
          </div>
          <table className="data-table compact">
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((cell, j) => (
                    <td key={j} className={typeof cell === 'number' ? 'number' : undefined}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
