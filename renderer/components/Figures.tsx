import type { ReactNode } from 'react';
import './figures.css';

export type FigureRow = [label: string, value: ReactNode, className?: string];

/** Label and amount pairs (the drawer, the X and Z, a refund's preview), as the ledger gave them; nothing here is added up. */
export function Figures({ label, rows }: { label: string; rows: readonly FigureRow[] }) {
  return (
    <dl className="figures" aria-label={label}>
      {rows.map(([term, value, className]) => (
        <div key={term} className={`figures__row ${className ?? ''}`}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Cash deposits taken into the drawer and refunded out of it, so the rows above Expected add up to
 * it. Only a drawer that moved deposit cash shows them: a café never takes deposits, and rows of
 * zeros would only puzzle it.
 */
export function depositRows(
  inMinor: number | null | undefined,
  outMinor: number | null | undefined,
  inLabel: string,
  outLabel: string,
  format: (minor: number) => string,
): FigureRow[] {
  const rows: FigureRow[] = [];
  if (inMinor) rows.push([inLabel, format(inMinor)]);
  if (outMinor) rows.push([outLabel, format(outMinor)]);
  return rows;
}
