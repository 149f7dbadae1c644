import { memo } from 'react';
import { Link } from 'react-router';
import { formatMoney } from '../../../shared/money';
import type { StoreSettings, TabSummary } from '../../../shared/types';
import { t } from '../../i18n/t';
import { ageBand, minutesSince, splitMinutes } from './board-logic';

type Props = {
  tab: TabSummary;
  store: Pick<StoreSettings, 'currency' | 'locale' | 'amberMinutes' | 'redMinutes'>;
  /** The board's clock, ticked by a timer so bands move without any event arriving. */
  now: number;
};

function duration(total: number): string {
  const { hours, minutes } = splitMinutes(total);
  return hours > 0 ? t('tab.hours', { hours, minutes: String(minutes).padStart(2, '0') }) : t('tab.minutes', { minutes });
}

/**
 * One open tab as staff see it across the room: the token first, then who, how much and how long.
 * Memoised: a change pushed for one tab gives only that card a new object, so only it renders again.
 */
export const TabCard = memo(function TabCard({ tab, store, now }: Props) {
  // The attached customer's name first; the tab's own name only when it says something else.
  const who = [tab.customerName, tab.name === tab.customerName ? '' : tab.name, tab.label].filter(Boolean).join(' · ');
  const age = minutesSince(tab.openedAt, now);
  const idle = minutesSince(tab.lastActivityAt, now);
  const band = ageBand(age, store);
  const partlyPaid = tab.paidMinor > 0 && tab.dueMinor > 0;
  return (
    <li className={`board-card board-card--${band}`} aria-label={t('tab.token', { token: tab.token })} data-band={band}>
      <Link className="board-card__link" to={`/tab/${tab.id}`}>
        <span className="board-card__top">
          <span className="board-card__token">{tab.token}</span>
          {partlyPaid && <span className="board-card__badge">{t('tab.partlyPaid')}</span>}
        </span>
        <span className="board-card__due">{t('tab.due', { amount: formatMoney(tab.dueMinor, store.currency, store.locale) })}</span>
        {/* Who and how many share a line: a long name is cut short (the full one is in the title), the count never is. */}
        <span className="board-card__line">
          <span className={`board-card__who${who ? '' : ' board-card__who--none'}`} title={who || undefined}>
            {who || t('tab.noName')}
          </span>
          <span className="board-card__items">{t('tab.items', { count: tab.itemCount })}</span>
        </span>
        <span className="board-card__age">
          {idle > 0 ? t('tab.age', { age: duration(age), idle: duration(idle) }) : t('tab.ageActiveNow', { age: duration(age) })}
        </span>
        {band !== 'fresh' && (
          <span className="board-card__band">
            {t(band === 'red' ? 'tab.band.red' : 'tab.band.amber', { minutes: band === 'red' ? store.redMinutes : store.amberMinutes })}
          </span>
        )}
      </Link>
    </li>
  );
});
