import type { ReactNode } from 'react';
import './report-table.css';

export type Column = { label: string; numeric?: boolean };

type SectionProps = { id: string; title: string; children: ReactNode; className?: string; /** 3 for a section inside another. */ level?: 2 | 3 };

/** A section of a report (the X and Z, the dashboard): a heading the region is named by, then its figures. */
export function ReportSection({ id, title, children, className, level = 2 }: SectionProps) {
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <section className={`panel report-section ${className ?? ''}`} aria-labelledby={`report-${id}`}>
      <Heading id={`report-${id}`} className="report-section__title">
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** Rows of a report section as a real table, so it reads, prints and tests by its headers. */
export function ReportTable({
  columns,
  rows,
  label,
  empty,
  foot,
}: {
  columns: Column[];
  rows: ReactNode[][];
  label: string;
  empty: string;
  foot?: ReactNode[];
}) {
  if (rows.length === 0 && !foot) return <p className="report__muted">{empty}</p>;
  const cell = (value: ReactNode, i: number) => (
    <td key={i} className={columns[i]?.numeric ? 'report-table__num' : undefined}>
      {value}
    </td>
  );
  return (
    <table className="report-table" aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col" className={c.numeric ? 'report-table__num' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>{row.map((value, i) => cell(value, i))}</tr>
        ))}
      </tbody>
      {foot && (
        <tfoot>
          <tr>{foot.map((value, i) => cell(value, i))}</tr>
        </tfoot>
      )}
    </table>
  );
}
