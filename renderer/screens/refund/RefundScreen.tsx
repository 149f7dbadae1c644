import { Link, useNavigate } from 'react-router';
import type { Result } from '../../../shared/errors';
import type { Refundable } from '../../../shared/refund-types';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { useStore } from '../../hooks/use-live-data';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useMoney } from '../../hooks/use-money';
import { useTabId } from '../../hooks/use-tab-id';
import { t } from '../../i18n/t';
import { TabMissing } from '../tab/TabMissing';
import { RefundPanel } from './RefundPanel';

const loaders = new Map<number, () => Promise<Result<Refundable>>>();

/** What a settled tab may still have refunded, refetched whenever tabs change (another till's refund too). */
function useRefundable(tabId: number) {
  let load = loaders.get(tabId);
  if (!load) {
    load = () => api['tab.refundable']({ tabId });
    loaders.set(tabId, load);
  }
  return useLiveQuery(load, 'tabs.changed');
}

/** A settled tab's refund: the panel, then its receipt. */
export function RefundScreen() {
  const tabId = useTabId();
  return tabId === null ? <TabMissing /> : <RefundLoader tabId={tabId} />;
}

function RefundLoader({ tabId }: { tabId: number }) {
  const refundable = useRefundable(tabId);
  const store = useStore();
  const navigate = useNavigate();
  const back = `/tab/${tabId}`;
  const data = refundable.data;
  const body = () => {
    if (!data || !store.data) {
      return refundable.error ? <ErrorNote error={t('refund.loadFailed', { message: refundable.error })} /> : <p>{t('refund.loading')}</p>;
    }
    if (data.leftMinor === 0 && data.tipsLeftMinor === 0) return <NothingLeft tabId={tabId} />;
    return (
      <RefundPanel key={tabId} refundable={data} store={store.data} onDone={(done) => navigate(`/refund/${done.refundId}`)} onCancel={() => navigate(back)} />
    );
  };
  return (
    <Screen title={data ? t('refund.title', { token: data.token }) : t('tabDetail.refund')} back={back} className="refund-screen">
      {body()}
      {data && store.data && <EarlierRefunds refundable={data} currency={store.data} />}
    </Screen>
  );
}

function NothingLeft({ tabId }: { tabId: number }) {
  return (
    <div className="panel">
      <p>{t('refund.nothingLeft')}</p>
      <Link className="button button--primary refund__link-button" to={`/tab/${tabId}`}>
        {t('refund.backToTab')}
      </Link>
    </div>
  );
}

/** The refunds given on this tab so far, each one's receipt a tap away. */
function EarlierRefunds({ refundable, currency }: { refundable: Refundable; currency: Parameters<typeof useMoney>[0] }) {
  const money = useMoney(currency);
  if (refundable.refunds.length === 0) return null;
  return (
    <section className="panel refund__earlier" aria-labelledby="refund-earlier-heading">
      <h2 id="refund-earlier-heading" className="panel__heading">
        {t('refund.earlier')}
      </h2>
      <ul className="refund__earlier-list">
        {refundable.refunds.map((r) => (
          <li key={r.refundId}>
            <Link to={`/refund/${r.refundId}`}>
              {t('tabDetail.refundRow', { number: String(r.refundId), amount: money.format(r.amountMinor + r.tipMinor), reason: r.reason })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
