import type { HistoryEntry, StoreSettings } from '../../../shared/types';
import { useWhen } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { historyText } from './history-message';

type Props = { history: HistoryEntry[]; format: (minor: number) => string; store: Pick<StoreSettings, 'locale' | 'timeZone'> };

/** What happened on the tab, newest first, with when (the store's clock) and who. */
export function TabHistory({ history, format, store }: Props) {
  const when = useWhen(store);
  return (
    <section className="panel tab-detail__panel" aria-labelledby="tab-history-heading">
      <h2 id="tab-history-heading" className="tab-detail__heading">
        {t('tabDetail.historyHeading')}
      </h2>
      <ol className="tab-history">
        {[...history].reverse().map((entry, i) => (
          <li key={`${entry.at}-${i}`} className="tab-history__entry">
            <span>{historyText(entry, format)}</span>
            <span className="tab-detail__muted">{t('tabDetail.historyEntry', { when: when.time(entry.at), who: entry.staffName })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
