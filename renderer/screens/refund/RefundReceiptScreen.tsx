import { Link, useParams } from 'react-router';
import type { Result } from '../../../shared/errors';
import type { RefundReceipt } from '../../../shared/refund-types';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { useStore } from '../../hooks/use-live-data';
import { useLiveQuery } from '../../hooks/use-live-query';
import { t } from '../../i18n/t';
import { PrintAction } from '../../printing/PrintAction';
import { RefundPaper } from './RefundPaper';

const loaders = new Map<number, () => Promise<Result<RefundReceipt>>>();

/** A refund never changes once given: its receipt is loaded once. */
function useRefundReceipt(refundId: number) {
  let load = loaders.get(refundId);
  if (!load) {
    load = () => api['refund.receipt']({ refundId });
    loaders.set(refundId, load);
  }
  return useLiveQuery(load, []);
}

/** The refund's receipt on screen, printable with the system's print (the screen around it never prints). */
export function RefundReceiptScreen() {
  const { refundId } = useParams();
  const id = Number(refundId);
  return Number.isSafeInteger(id) && id > 0 ? (
    <RefundReceiptLoader refundId={id} />
  ) : (
    <ErrorNote error={t('refundReceipt.missing', { detail: refundId ?? '' })} />
  );
}

function RefundReceiptLoader({ refundId }: { refundId: number }) {
  const receipt = useRefundReceipt(refundId);
  const store = useStore();
  const data = receipt.data;
  const back = data ? `/tab/${data.tabId}` : '/';
  const actions = (
    <>
      <PrintAction document={{ document: 'refund', refundId }} label={t('receipt.print')} disabled={!data} />
      {data && (
        <Link className="button button--ghost refund__link-button" to={back}>
          {t('refund.backToTab')}
        </Link>
      )}
      <Link className="button button--ghost refund__link-button" to="/">
        {t('refundReceipt.toBoard')}
      </Link>
    </>
  );
  return (
    <Screen title={t('refundReceipt.title')} back={back} actions={actions} className="receipt-screen">
      {data && store.data ? (
        <RefundPaper receipt={data} store={store.data} />
      ) : receipt.error ? (
        <ErrorNote error={t('refundReceipt.missing', { detail: receipt.error })} />
      ) : (
        <p>{t('receipts.loading')}</p>
      )}
    </Screen>
  );
}
