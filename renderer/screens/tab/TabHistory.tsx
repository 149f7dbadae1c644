import type { HistoryEntry } from '../../../shared/types';
import { t } from '../../i18n/t';
import { historyText } from './history-message';

type Props = { history: HistoryEntry[]; format: (minor: number) => string; locale: string };

/** What happened on the tab, newest first, with when and who. */
export function TabHistory({ history, format, locale }: Props) {
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  return (
    <section className="tab-detail__panel" aria-labelledby="tab-history-heading">
      <h2 id="tab-history-heading" className="tab-detail__heading">
        {t('tabDetail.historyHeading')}
      </h2>
      <ol className="tab-history">
        {[...history].reverse().map((entry, i) => (
          <li key={`${entry.at}-${i}`} className="tab-history__entry">
            <span>{historyText(entry, format)}</span>
            <span className="tab-detail__muted">{t('tabDetail.historyEntry', { when: time.format(new Date(entry.at)), who: entry.staffName })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
