import type { RefundReceipt } from '../refund-types';
import type { StoreSettings } from '../types';
import { PaperWriter, type PaperDoc } from './paper-doc';
import type { PaperTools } from './paper-tools';
import { writeHead } from './paper-words';

const tenderKeys = { cash: 'refundReceipt.cash', card: 'refundReceipt.card', other: 'refundReceipt.other' } as const;

/**
 * The refund receipt as its screen shows it (renderer/screens/refund/RefundPaper.tsx): the head,
 * the refund's number and the receipt it refunds, what went back, the tax in it by rate, the tips,
 * how each tender gave it back, the reason, who did it and who approved it.
 */
export function refundDoc(receipt: RefundReceipt, store: StoreSettings, p: PaperTools): PaperDoc {
  const w = new PaperWriter();
  writeHead(w, store, p);
  w.center(p.tr('refundReceipt.title'), { bold: true });
  w.center(p.tr('refundReceipt.number', { number: String(receipt.refundId) }), { bold: true });
  w.blank();
  w.text(
    receipt.originalReceiptNumber === null
      ? p.tr('refundReceipt.ofUnnumbered', { when: receipt.originalClosedAt ? p.when(receipt.originalClosedAt) : '' })
      : p.tr('refundReceipt.of', { number: String(receipt.originalReceiptNumber) }),
  );
  w.text(p.tr('receipt.token', { token: receipt.token }));
  w.text(p.tr('refundReceipt.given', { when: p.when(receipt.at) }));
  w.rule();
  if (receipt.mode === 'lines') {
    for (const line of receipt.lines) {
      const item = p.tr('receipt.line', { qty: line.qty, item: line.name });
      w.row(line.comped ? `${item} ${p.tr('refundReceipt.comped')}` : item, p.money(line.amountMinor));
    }
  } else {
    w.row(p.tr(receipt.mode === 'whole' ? 'refundReceipt.whole' : 'refundReceipt.amount'), p.money(receipt.amountMinor));
  }
  w.rule();
  w.row(p.tr('refundReceipt.bill'), p.money(receipt.amountMinor), { bold: true });
  for (const r of receipt.rates.filter((rate) => rate.taxMinor > 0))
    w.row(p.tr('refundReceipt.tax', { rate: p.rate(r.rateMilli) }), p.money(r.taxMinor), { indent: 2 });
  if (receipt.tipMinor > 0) w.row(p.tr('refundReceipt.tips'), p.money(receipt.tipMinor));
  w.blank();
  for (const tender of receipt.tenders) {
    w.row(p.tr(tenderKeys[tender.method]), p.money(tender.givenMinor));
    if (tender.roundingMinor !== 0) w.row(p.tr('receipt.rounding'), p.money(-tender.roundingMinor), { indent: 2 });
  }
  if (receipt.tenders.length > 1) w.row(p.tr('refundReceipt.total'), p.money(receipt.givenMinor), { bold: true });
  w.blank();
  w.text(p.tr('refundReceipt.reason', { reason: receipt.reason }));
  w.text(p.tr('refundReceipt.by', { name: receipt.staffName }));
  if (receipt.approverName) w.text(p.tr('refundReceipt.approvedBy', { name: receipt.approverName }));
  return w.doc();
}
