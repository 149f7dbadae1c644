import type { Payment, StoreSettings, TabDetail } from '../types';
import { PaperWriter, type PaperDoc } from './paper-doc';
import type { PaperTools } from './paper-tools';
import { compWords, loyaltyBalanceWords, methodWords, ratingWords, rewardWords, writeHead, writeReceiptNumber } from './paper-words';

/**
 * The receipt as the receipt screen shows it: the head and number, the token and times, each line
 * with its comp and what to expect, the loyalty reward, the totals as the ledger computed them,
 * the payments, the rating and the loyalty balance. A removed line stays off the customer's paper.
 */
export function receiptDoc(tab: TabDetail, store: StoreSettings, p: PaperTools): PaperDoc {
  const w = new PaperWriter();
  writeHead(w, store, p);
  writeReceiptNumber(w, tab, p);
  w.blank();
  w.text(p.tr('receipt.token', { token: tab.token }), { bold: true });
  const who = [tab.name, tab.label].filter(Boolean).join(' · ');
  if (who) w.text(who);
  w.text(p.tr('receipt.opened', { when: p.when(tab.openedAt) }));
  if (tab.closedAt) w.text(p.tr('receipt.closed', { when: p.when(tab.closedAt) }));
  if (tab.status === 'open') w.text(p.tr('receipt.status.open', { amount: p.money(tab.dueMinor) }), { bold: true });
  if (tab.status === 'written_off') w.text(p.tr('receipt.status.written_off', { reason: tab.writeOffReason ?? '' }), { bold: true });
  if (tab.status === 'voided') w.text(p.tr('receipt.status.voided'), { bold: true });
  w.rule();

  for (const line of tab.lines.filter((l) => l.state !== 'removed')) {
    w.row(p.tr('receipt.line', { qty: line.qty, item: line.name }), p.money(line.listMinor));
    if (line.comp) w.row(compWords(line.comp, line.qty, p), `-${p.money(line.comp.amountMinor)}`, { indent: 2 });
    if (line.expectText) w.text(line.expectText, { indent: 2 });
  }
  if (tab.loyalty?.reward) w.row(rewardWords(tab.loyalty.reward, p), `-${p.money(tab.loyalty.reward.discountMinor)}`);
  w.rule();

  if (tab.compMinor > 0) w.row(p.tr('tabDetail.totals.comps'), `-${p.money(tab.compMinor)}`);
  w.row(p.tr('tabDetail.totals.net'), p.money(tab.netMinor));
  for (const r of tab.rates) w.row(p.tr('tabDetail.totals.tax', { rate: p.rate(r.rateMilli) }), p.money(r.taxMinor));
  w.row(p.tr('tabDetail.totals.total'), p.money(tab.totalMinor), { bold: true });
  for (const d of tab.deposits.filter((deposit) => deposit.appliedMinor > 0))
    w.row(p.tr('salon.deposit.paid', { date: p.shortDate(d.takenBusinessDate) }), p.money(d.appliedMinor));
  if (tab.paidMinor > 0) w.row(p.tr('tabDetail.totals.paid'), p.money(tab.paidMinor));
  if (tab.status === 'open') w.row(p.tr('tabDetail.totals.due'), p.money(tab.dueMinor), { bold: true });

  w.heading(p.tr('receipt.payments'));
  if (tab.payments.length === 0) w.text(p.tr('receipt.noPayments'));
  for (const payment of tab.payments) writePayment(w, payment, p);

  if (tab.rating) w.blank().text(p.tr('receipt.rating', { rating: ratingWords(tab.rating, p) }));
  const balance = tab.loyalty ? loyaltyBalanceWords(tab.loyalty, p) : null;
  if (balance) w.text(balance);
  if (tab.status === 'settled') w.blank().center(p.tr('receipt.thanks'), { bold: true });
  return w.doc();
}

function writePayment(w: PaperWriter, payment: Payment, p: PaperTools): void {
  const method = methodWords(payment.method, p);
  const label = payment.partNo === null ? p.tr('receipt.payment', { method }) : p.tr('receipt.paymentPart', { method, n: payment.partNo });
  w.row(payment.reference ? `${label} · ${payment.reference}` : label, p.money(payment.amountMinor));
  if (payment.tipMinor > 0) w.row(p.tr('receipt.tip'), p.money(payment.tipMinor), { indent: 2 });
  if (payment.tenderedMinor !== null) w.row(p.tr('receipt.tendered'), p.money(payment.tenderedMinor), { indent: 2 });
  if (payment.method === 'cash' && payment.changeMinor > 0) w.row(p.tr('receipt.change'), p.money(payment.changeMinor), { indent: 2 });
  if (payment.roundingMinor !== 0) w.row(p.tr('receipt.rounding'), p.money(payment.roundingMinor), { indent: 2 });
}
