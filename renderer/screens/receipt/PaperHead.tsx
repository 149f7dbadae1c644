import type { StoreSettings, TabDetail } from '../../../shared/types';
import { tPaper } from '../../i18n/t';
import './paper-head.css';

/**
 * The head of what a customer takes away (the receipt, the token slip): the logo, the store's
 * name, and what a tax office expects on a receipt: the legal name, the address and the tax
 * number. Printed in the store's language. The logo is decorative: the name is printed beside it.
 */
export function PaperHead({ store, nameClass }: { store: StoreSettings; nameClass: string }) {
  return (
    <div className="paper-head">
      {store.logo && <img className="paper-head__logo" src={store.logo} alt="" />}
      <p className={nameClass}>{store.name}</p>
      {store.legalName && <p className="paper-head__legal">{store.legalName}</p>}
      {store.address.map((line, index) => (
        // Lines are shown in their order and never reordered, so the position is their identity.
        <p key={index} className="paper-head__address">
          {line}
        </p>
      ))}
      {store.taxNumber && <p className="paper-head__tax">{tPaper('receipt.taxNumber', { number: store.taxNumber })}</p>}
    </div>
  );
}

/**
 * The tab's receipt number, issued when it settled (the newest, when it settled again after a
 * voided payment). A tab not paid yet has none and says so, so the paper is never taken for a
 * receipt; a tab settled before receipts were numbered shows nothing.
 */
export function ReceiptNumber({ tab }: { tab: TabDetail }) {
  if (tab.receiptNumber !== null) {
    return (
      <p className="receipt-number" data-testid="receipt-number">
        {tPaper('receipt.number', { number: String(tab.receiptNumber) })}
      </p>
    );
  }
  if (tab.status === 'settled') return null;
  return <p className="receipt-number receipt-number--none">{tPaper('receipt.notPaid')}</p>;
}
