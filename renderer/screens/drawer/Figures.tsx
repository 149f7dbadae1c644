import type { ReactNode } from 'react';
import type { StoreSettings } from '../../../shared/types';

/** Dates and times in the store's locale and time zone (the zone its business days are counted in). */
export function dateTimeFormat(store: Pick<StoreSettings, 'locale' | 'timeZone'>): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(store.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: store.timeZone });
}

export type FigureRow = [label: string, value: ReactNode, className?: string];

/** Label and amount pairs, as the ledger gave them; nothing here is added up. */
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
