import type { DayReport } from '../closing-types';
import type { Minor } from '../money';
import type { TaxRate } from '../types';
import { PaperWriter, type PaperDoc } from './paper-doc';
import type { PaperTools } from './paper-tools';
import { methodWords } from './paper-words';

/**
 * An X or Z on a roll: the head (and the chain head a Z closed on), sales, comps by reason, tax by
 * rate, payments and voids, tips, deposits, walkouts, the drawer, satisfaction, tabs, the tabs
 * carried forward and the receivable. Every figure is the ledger's; the per-person figures, the
 * hour chart and the account movements stay on the A4 report.
 */
export function dayReportDoc(report: DayReport, storeRates: readonly TaxRate[], p: PaperTools): PaperDoc {
  const w = new PaperWriter();
  const f = p.money;
  const minus = (minor: Minor): string => (minor === 0 ? f(0) : `-${f(minor)}`);
  const date = p.date(report.businessDate);
  w.center(report.storeName, { bold: true, size: 2 });
  w.center(report.kind === 'z' ? p.tr('reports.heading.z', { number: report.zNumber ?? '', date }) : p.tr('reports.heading.x', { date }), { bold: true });
  w.text(p.tr(`reports.kindNote.${report.kind}`));
  w.text(p.tr('reports.generated', { when: p.when(report.generatedAt), name: report.generatedBy, count: report.entryCount }));
  if (report.chain) w.text(p.tr('reports.chainAtCloseFull', { seq: p.count(report.chain.seq), hash: report.chain.hash }));

  const { sales } = report;
  w.heading(p.tr('reports.sales'));
  w.row(p.tr('reports.sales.rungUp'), f(sales.rungUpMinor));
  w.row(p.tr('reports.sales.removed', { count: sales.removedCount }), minus(sales.removedMinor));
  w.row(p.tr('reports.sales.gross'), f(sales.grossMinor), { bold: true });
  w.row(p.tr('reports.sales.comps'), minus(sales.compsMinor));
  if (report.loyalty) w.row(`${p.tr('loyalty.z')} (${p.tr('loyalty.z.count', { count: report.loyalty.rewards })})`, minus(report.loyalty.amountMinor));
  w.row(p.tr('reports.sales.net'), f(sales.netMinor), { bold: true });
  w.row(p.tr('reports.sales.tax'), f(sales.taxMinor));
  w.row(p.tr('reports.sales.total'), f(sales.totalMinor), { bold: true });

  w.heading(p.tr('reports.comps'));
  if (report.comps.length === 0) w.text(p.tr('reports.comps.none'));
  for (const c of report.comps) w.row(`${c.reason} (${c.count})`, f(c.amountMinor));

  w.heading(p.tr('reports.taxes'));
  if (report.taxes.length === 0) w.text(p.tr('reports.taxes.none'));
  for (const r of report.taxes) {
    const rate = p.rate(r.rateMilli);
    const label = storeRates.find((s) => s.rateMilli === r.rateMilli)?.label;
    w.text(label ? p.tr('reports.rateLabel', { label, rate }) : rate, { bold: true });
    w.row(p.tr('reports.col.net'), f(r.netMinor), { indent: 2 });
    w.row(p.tr('reports.col.tax'), f(r.taxMinor), { indent: 2 });
  }

  w.heading(p.tr('reports.payments'));
  if (report.payments.length === 0) w.text(p.tr('reports.payments.none'));
  for (const pay of report.payments) {
    w.row(`${methodWords(pay.method, p)} (${pay.count})`, f(pay.takenMinor), { bold: true });
    w.row(p.tr('reports.col.amount'), f(pay.amountMinor), { indent: 2 });
    w.row(p.tr('reports.col.tip'), f(pay.tipMinor), { indent: 2 });
  }
  for (const pay of report.payments.filter((x) => (x.voidedCount ?? 0) > 0)) {
    w.row(p.tr('reports.payments.voidedRow', { method: methodWords(pay.method, p), count: pay.voidedCount ?? 0 }), minus(pay.voidedMinor ?? 0));
  }
  w.row(p.tr('reports.rounding'), f(report.roundingMinor));

  w.heading(p.tr('reports.tips'));
  if (report.tips.length === 0) w.text(p.tr('reports.tips.none'));
  for (const tip of report.tips) w.row(tip.staffName, f(tip.amountMinor));

  const d = report.deposits;
  w.heading(p.tr('reports.deposits'));
  if (d.broughtForwardMinor !== undefined) w.row(p.tr('salon.z.broughtForward'), f(d.broughtForwardMinor));
  w.row(p.tr('reports.deposits.taken'), f(d.takenMinor));
  w.row(p.tr('reports.deposits.applied'), f(d.appliedMinor));
  w.row(p.tr('reports.deposits.refunded'), f(d.refundedMinor));
  w.row(p.tr('reports.deposits.forfeited'), f(d.forfeitedMinor));
  w.row(p.tr('reports.deposits.held'), f(d.heldMinor), { bold: true });

  w.heading(p.tr('reports.walkouts'));
  w.row(p.tr('reports.walkouts.count'), String(report.walkouts.count));
  w.row(p.tr('reports.walkouts.amount'), f(report.walkouts.amountMinor));

  writeDrawer(w, report, p);

  w.heading(p.tr('reports.satisfaction'));
  for (const r of ['happy', 'okay', 'unhappy', 'unrated'] as const) w.row(p.tr(`reports.satisfaction.${r}`), String(report.satisfaction[r]));

  w.heading(p.tr('reports.tabs'));
  w.row(p.tr('reports.tabs.settled'), String(report.tabs.settled));
  w.row(p.tr('reports.tabs.writtenOff'), String(report.tabs.writtenOff));
  w.row(
    p.tr('reports.tabs.averageToPay'),
    report.tabs.averageSecondsToPay === null ? p.tr('reports.tabs.noAverage') : minutesWords(report.tabs.averageSecondsToPay / 60, p),
  );

  w.heading(p.tr('reports.carried'));
  if (report.carried.length === 0) w.text(p.tr('reports.carried.none'));
  for (const c of report.carried)
    w.row(`${p.tr('receipt.token', { token: c.token })}${c.name ? ` · ${c.name}` : ''} · ${minutesWords(c.ageMinutes, p)}`, f(c.dueMinor));

  const r = report.receivable;
  w.heading(p.tr('reports.receivable'));
  w.row(p.tr('reports.receivable.brought'), f(r.broughtForwardMinor));
  w.row(p.tr('reports.receivable.charged'), f(r.chargedMinor));
  w.row(p.tr('reports.receivable.paid'), f(r.paidMinor));
  w.row(p.tr('reports.receivable.writtenOff'), f(r.writtenOffMinor));
  w.row(p.tr('reports.receivable.carried'), f(r.carriedForwardMinor), { bold: true });
  return w.doc();
}

function writeDrawer(w: PaperWriter, report: DayReport, p: PaperTools): void {
  const f = p.money;
  const { drawer } = report;
  w.heading(p.tr('reports.drawer'));
  if (drawer.openNow) w.text(p.tr('reports.drawer.openNow'));
  if (drawer.openNow && drawer.sessions.length === 0) return;
  w.row(p.tr('reports.drawer.float'), f(drawer.floatMinor));
  w.row(p.tr('reports.drawer.cashIn'), f(drawer.cashInMinor));
  if (drawer.depositsInMinor) w.row(p.tr('reports.drawer.depositsIn'), f(drawer.depositsInMinor));
  if (drawer.depositsOutMinor) w.row(p.tr('reports.drawer.depositsOut'), f(drawer.depositsOutMinor));
  w.row(p.tr('reports.drawer.paidIn'), f(drawer.paidInMinor));
  w.row(p.tr('reports.drawer.paidOut'), f(drawer.paidOutMinor));
  w.row(p.tr('reports.drawer.expected'), f(drawer.expectedMinor), { bold: true });
  w.row(p.tr('reports.drawer.counted'), f(drawer.countedMinor), { bold: true });
  const v = drawer.varianceMinor;
  w.row(p.tr('reports.drawer.variance'), v > 0 ? `+${f(v)}` : v < 0 ? `-${f(-v)}` : f(0), { bold: true });
}

/** "42 min", "2 h 05 min". */
function minutesWords(totalMinutes: number, p: PaperTools): string {
  const minutes = Math.max(0, Math.round(totalMinutes));
  if (minutes < 60) return p.tr('reports.minutes', { count: minutes });
  return p.tr('reports.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, '0') });
}
