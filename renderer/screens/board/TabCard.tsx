import { formatMoney } from '../../../shared/money';
import type { StoreSettings, TabSummary } from '../../../shared/types';
import { t } from '../../i18n/t';

type Props = { tab: TabSummary; store: Pick<StoreSettings, 'currency' | 'locale'> };

/** One open tab as staff see it across the room: the token first, then who and how much. */
export function TabCard({ tab, store }: Props) {
  const who = [tab.name, tab.label].filter(Boolean).join(' · ') || t('tab.noName');
  return (
    <li className="tab-card" aria-label={t('tab.token', { token: tab.token })}>
      <span className="tab-card__token" aria-hidden="true">
        {tab.token}
      </span>
      <span className="tab-card__who">{who}</span>
      <span className="tab-card__items">{t('tab.items', { count: tab.itemCount })}</span>
      <span className="tab-card__due">{t('tab.due', { amount: formatMoney(tab.dueMinor, store.currency, store.locale) })}</span>
    </li>
  );
}
