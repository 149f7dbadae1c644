import { useState } from 'react';
import { Link } from 'react-router';
import type { Result } from '../../../shared/errors';
import type { PaymentResult, StaffMember, StoreSettings, TabDetail } from '../../../shared/types';
import { api } from '../../api';
import { Screen } from '../../components/Screen';
import { useDrawer, useStore, useTab } from '../../hooks/use-live-data';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useMoney } from '../../hooks/use-money';
import { useTabId } from '../../hooks/use-tab-id';
import { t } from '../../i18n/t';
import { TabLoading, TabMissing } from '../tab/TabMissing';
import { DepositPanel } from './DepositPanel';
import { LoyaltyReward } from '../loyalty/LoyaltyReward';
import { PaymentPanel } from './PaymentPanel';
import { AlreadyPaid, PartsList, PaymentOutcome, SettledPanel } from './SettleParts';
import { SplitPanel } from './SplitPanel';
import { tipServersOf } from './tip-share';
import { useSettleClaim } from './use-settle-claim';
import './settle.css';

const loadStaff = (): Promise<Result<StaffMember[]>> => api['staff.list']({});

/** Taking the money: the amount due, how it is split, and one payment at a time. */
export function SettleScreen() {
  const tabId = useTabId();
  return tabId === null ? <TabMissing /> : <SettleLoader tabId={tabId} />;
}

function SettleLoader({ tabId }: { tabId: number }) {
  const tab = useTab(tabId);
  const store = useStore();
  const back = `/tab/${tabId}`;
  if (!tab.data) return tab.error ? <TabMissing detail={tab.error} /> : <TabLoading back={back} />;
  if (!store.data) return <TabLoading back={back} />;
  return <SettleView tab={tab.data} store={store.data} />;
}

function SettleView({ tab, store }: { tab: TabDetail; store: StoreSettings }) {
  const money = useMoney(store);
  const drawer = useDrawer();
  // Cash needs a drawer that is open (not one being counted); unknown until the state loads.
  const drawerOpen = drawer.data ? drawer.data.session?.status === 'open' : null;
  // Names for who gets the tip; until they load the lines' own names serve.
  const staff = useLiveQuery(loadStaff, 'staff.changed');
  const [picked, setPicked] = useState<number | null>(null);
  const [last, setLast] = useState<PaymentResult | null>(null);
  const unpaid = tab.split.filter((p) => p.paymentId === null);
  const part = unpaid.find((p) => p.partNo === picked) ?? unpaid[0] ?? null;
  const mustApply = (tab.deposits ?? []).some((d) => d.status === 'held');
  // This window is settling the tab: nobody else moves, merges or re-tokens it meanwhile.
  const othersSettling = useSettleClaim(tab.id, tab.status === 'open');

  return (
    <Screen title={t('settle.title', { token: tab.token })} back={`/tab/${tab.id}`} className="settle">
      <div className="settle__due" aria-label={t('settle.due')}>
        <span className="settle__due-label">{t('settle.due')}</span>
        <span className="settle__due-amount">{money.format(tab.dueMinor)}</span>
        <span className="settle__muted">
          {t('settle.total', { amount: money.format(tab.totalMinor) })}
          {tab.paidMinor > 0 && ` · ${t('settle.paidSoFar', { amount: money.format(tab.paidMinor) })}`}
        </span>
      </div>
      {last && <PaymentOutcome result={last} money={money} />}
      {othersSettling.length > 0 && (
        <p className="settle__others" role="status">
          {t('settle.alsoSettling', { names: othersSettling.join(', ') })}
        </p>
      )}

      {tab.status === 'open' && <LoyaltyReward tab={tab} money={money} />}
      {tab.status === 'settled' ? (
        <SettledPanel tab={tab} />
      ) : tab.status !== 'open' ? (
        <p className="panel settle__panel">
          {t('settle.notOpen')} <Link to={`/tab/${tab.id}`}>{t('receipt.backToTab')}</Link>
        </p>
      ) : (
        <div className="settle__columns">
          <div className="settle__stack">
            {/* A deposit kept on the customer from before may be used; it comes first in the list. */}
            {!mustApply && <DepositPanel tab={tab} money={money} locale={store.locale} />}
            <SplitPanel tab={tab} money={money} />
            {/* With every part paid the old split is history: the rest is paid as one, so only the payments are listed. */}
            {unpaid.length > 0 ? (
              <PartsList parts={tab.split} current={part?.partNo ?? null} money={money} onPick={setPicked} />
            ) : (
              tab.payments.length > 0 && <AlreadyPaid payments={tab.payments} money={money} />
            )}
          </div>
          {/* A deposit attached at check-in is applied before any payment: it takes the payment's place until then. */}
          {mustApply ? (
            <DepositPanel tab={tab} money={money} locale={store.locale} className="settle-pay" />
          ) : (
            <PaymentPanel
              key={part ? `part-${part.partNo}-${part.amountMinor}` : `whole-${tab.dueMinor}`}
              tabId={tab.id}
              store={store}
              partNo={part?.partNo ?? null}
              amountMinor={part?.amountMinor ?? tab.dueMinor}
              drawerOpen={drawerOpen}
              tipServers={tipServersOf(tab.lines, staff.data)}
              onPaid={(result) => {
                setLast(result);
                setPicked(null);
              }}
            />
          )}
        </div>
      )}
    </Screen>
  );
}
