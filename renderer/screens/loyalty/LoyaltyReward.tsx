import type { TabDetail } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { useCommand } from '../../hooks/use-command';
import type { MoneyTools } from '../../hooks/use-money';
import { t } from '../../i18n/t';
import { rewardText, standingText } from './loyalty-words';
import './loyalty.css';

/**
 * The settle screen's loyalty: the customer's stamps or points, a "Use reward" button when one is
 * due and can go on this tab (the amount is the ledger's), and the reward once taken off.
 */
export function LoyaltyReward({ tab, money }: { tab: TabDetail; money: MoneyTools }) {
  const redeem = useCommand('loyalty.redeem');
  const loyalty = tab.loyalty;
  if (!loyalty || (!loyalty.standing && !loyalty.reward)) return null;
  return (
    <section className="panel settle__panel loyalty-reward" aria-label={t('loyalty.section')}>
      {loyalty.standing && <p className="loyalty-reward__standing">{standingText(loyalty.standing, money.format)}</p>}
      {loyalty.reward && (
        <p className="loyalty-reward__given" role="status">
          {rewardText(loyalty.reward)} · {t('loyalty.given', { amount: money.format(loyalty.reward.discountMinor) })}
        </p>
      )}
      {!loyalty.reward && loyalty.offerMinor !== null && (
        <button type="button" className="button button--primary" disabled={redeem.pending} onClick={() => void redeem.run({ tabId: tab.id })}>
          {redeem.pending ? t('loyalty.using') : t('loyalty.use', { amount: money.format(loyalty.offerMinor) })}
        </button>
      )}
      <ErrorNote error={redeem.error} />
    </section>
  );
}
