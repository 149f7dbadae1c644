import { Link } from 'react-router';
import type { StoreSettings, TabDetail } from '../../../shared/types';
import { Screen } from '../../components/Screen';
import { useStore, useTab } from '../../hooks/use-live-data';
import { useTabId } from '../../hooks/use-tab-id';
import { formatWhen } from '../../hooks/use-when';
import { t, tPaper } from '../../i18n/t';
import { PrintAction } from '../../printing/PrintAction';
import { PaperHead, ReceiptNumber } from '../receipt/PaperHead';
import './slip.css';

/**
 * What the customer takes away (or is shown): the token, when, what to expect of each service
 * on the tab (as the line kept it when it was added), and how paying afterwards works. Printed
 * in the store's language under the receipt's head; before the tab is paid it says it is no
 * receipt. The note for the counter that the tab is closed is not printed, so it speaks this PC's.
 */
export function Slip({ tab, store }: { tab: TabDetail; store: StoreSettings }) {
  const who = [tab.name, tab.label].filter(Boolean).join(' · ');
  const services = tab.lines.filter((line) => line.state === 'active' && line.expectText !== '');
  return (
    <article className="slip" aria-label={tPaper('slip.title')}>
      <PaperHead store={store} nameClass="slip__store" />
      <ReceiptNumber tab={tab} />
      <p className="slip__token-label">{tPaper('slip.tokenLabel')}</p>
      <p className="slip__token" data-testid="slip-token">
        {tab.token}
      </p>
      {who && <p className="slip__who">{who}</p>}
      <p className="slip__time">{tPaper('slip.opened', { time: formatWhen(tab.openedAt, store) })}</p>
      {services.length > 0 && (
        <section className="slip__expect" aria-labelledby="slip-expect-heading">
          <h2 id="slip-expect-heading" className="slip__expect-heading">
            {tPaper('slip.expectHeading')}
          </h2>
          <ul>
            {services.map((line) => (
              <li key={line.id} className="slip__service">
                <p className="slip__service-name">{line.name}</p>
                <p className="slip__service-expect">{line.expectText}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {store.payAfterTerms && <p className="slip__terms">{store.payAfterTerms}</p>}
      {tab.status !== 'open' && <p className="slip__closed no-print">{t('slip.closed')}</p>}
    </article>
  );
}

export function SlipScreen() {
  const tabId = useTabId();
  return tabId === null ? <SlipMissing id="?" /> : <SlipFor tabId={tabId} />;
}

function SlipMissing({ id }: { id: number | string }) {
  return (
    <Screen title={t('slip.title')} back="/" className="slip-screen">
      <div className="slip-missing" role="alert">
        <p>{t('slip.notFound', { id })}</p>
        <Link className="button button--primary" to="/">
          {t('slip.backToBoard')}
        </Link>
      </div>
    </Screen>
  );
}

function SlipFor({ tabId }: { tabId: number }) {
  const tab = useTab(tabId);
  const store = useStore();
  if (tab.error && !tab.data) return <SlipMissing id={tabId} />;

  const actions = (
    <>
      <PrintAction document={{ document: 'slip', tabId }} label={t('slip.print')} disabled={!tab.data || !store.data} />
      <Link className="button button--ghost" to={`/tab/${tabId}`}>
        {t('slip.goToTab')}
      </Link>
      <Link className="button button--ghost" to="/">
        {t('slip.backToBoard')}
      </Link>
    </>
  );

  return (
    <Screen title={t('slip.title')} back="/" actions={actions} className="slip-screen">
      {tab.data && store.data ? <Slip tab={tab.data} store={store.data} /> : <p className="slip-loading">{t('slip.loading')}</p>}
    </Screen>
  );
}
