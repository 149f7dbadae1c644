import { stringify } from 'csv-stringify/sync';
import { boundaryText } from '../../shared/domain/business-day';
import { currencyExponent, minorToDecimalString } from '../../shared/money';
import type { CsvExport, DayReport } from '../../shared/closing-types';
import type { ParsedInput } from '../../shared/contract';
import type { ServiceContext } from './context';
import { reportFor } from './day';
import { rateLabel } from '../../shared/domain/tax';
import { statement } from '../ledger/statements';

/**
 * Columns of the report CSV, documented in docs/EXPORTS.md. The last three say when, by whom and
 * approved by whom, and are filled only on `action` rows.
 */
export const reportColumns = ['section', 'item', 'detail', 'count', 'amount_minor', 'amount', 'at', 'staff', 'approved_by'] as const;
/** Columns of the journal CSV: one row per posting. */
export const journalColumns = [
  'entry_id',
  'created_at',
  'business_date',
  'kind',
  'tab_id',
  'token',
  'staff',
  'memo',
  'account',
  'amount_minor',
  'amount',
] as const;

type Cell = string | number;

/** Text typed at the counter must not become a spreadsheet formula when the file is opened. */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function reportRows(r: DayReport): Cell[][] {
  const exp = currencyExponent(r.currency);
  const money = (section: string, item: string, amount: number, detail: Cell = '', count: Cell = ''): Cell[] => [
    section,
    item,
    detail,
    count,
    amount,
    minorToDecimalString(amount, exp),
  ];
  const info = (item: string, detail: Cell): Cell[] => ['report', item, detail, '', '', ''];
  const rows: Cell[][] = [
    info('kind', r.kind.toUpperCase()),
    info('z_number', r.zNumber ?? ''),
    info('business_date', r.businessDate),
    info('store', safeText(r.storeName)),
    info('currency', r.currency),
    info('generated_at', r.generatedAt),
    info('generated_by', safeText(r.generatedBy)),
    info('entries', r.entryCount),
    money('sales', 'rung_up', r.sales.rungUpMinor),
    money('sales', 'removed_lines', r.sales.removedMinor, '', r.sales.removedCount),
    money('sales', 'gross', r.sales.grossMinor),
    money('sales', 'comps', r.sales.compsMinor),
    // A Z frozen before refunds has no refunds figure (there were none).
    ...(r.sales.refundsMinor !== undefined ? [money('sales', 'refunds', r.sales.refundsMinor)] : []),
    money('sales', 'net', r.sales.netMinor),
    money('sales', 'tax', r.sales.taxMinor),
    money('sales', 'total', r.sales.totalMinor),
  ];
  // A Z frozen before loyalty has no loyalty figures to list.
  if (r.loyalty) rows.push(money('loyalty', 'rewards', r.loyalty.amountMinor, '', r.loyalty.rewards));
  for (const c of r.comps) rows.push(money('comps', safeText(c.reason), c.amountMinor, '', c.count));
  for (const t of r.taxes)
    rows.push(money('tax_rate', rateLabel(t.rateMilli), t.netMinor, 'net'), money('tax_rate', rateLabel(t.rateMilli), t.taxMinor, 'tax'));
  for (const t of r.tips) rows.push(money('tips', safeText(t.staffName), t.amountMinor, t.staffId));
  for (const p of r.payments) {
    rows.push(
      money('payments', p.method, p.takenMinor, 'taken', p.count),
      money('payments', p.method, p.amountMinor, 'applied_to_tabs'),
      money('payments', p.method, p.tipMinor, 'tips'),
    );
    // A Z frozen before payments could be voided has no voids to list.
    if (p.voidedCount !== undefined) rows.push(money('payments', p.method, p.voidedMinor ?? 0, 'voided', p.voidedCount));
    if (p.refundedCount !== undefined) rows.push(money('payments', p.method, p.refundedMinor ?? 0, 'refunded', p.refundedCount));
  }
  rows.push(money('payments', 'rounding', r.roundingMinor));
  if (r.refunds) {
    const f = r.refunds;
    rows.push(
      money('refunds', 'refunded', f.amountMinor, '', f.count),
      money('refunds', 'net', f.netMinor),
      money('refunds', 'tax', f.taxMinor),
      money('refunds', 'tips', f.tipMinor),
      money('refunds', 'given', f.givenMinor),
    );
    for (const b of f.byReason)
      rows.push(money('refunds_by_reason', safeText(b.reason), b.amountMinor, `tips ${minorToDecimalString(b.tipMinor, exp)}`, b.count));
    for (const b of f.byMethod) rows.push(money('refunds_by_method', b.method, b.givenMinor, `given; tips ${minorToDecimalString(b.tipMinor, exp)}`, b.count));
  }
  const d = r.deposits;
  rows.push(
    ...(d.broughtForwardMinor !== undefined ? [money('deposits', 'brought_forward', d.broughtForwardMinor)] : []),
    money('deposits', 'taken', d.takenMinor),
    money('deposits', 'applied', d.appliedMinor),
    money('deposits', 'refunded', d.refundedMinor),
    money('deposits', 'forfeited', d.forfeitedMinor),
    money('deposits', 'held', d.heldMinor),
    money('walkouts', 'walkouts', r.walkouts.amountMinor, '', r.walkouts.count),
  );
  // A Z frozen before appointments has neither list.
  for (const h of r.heldDeposits ?? []) {
    const when = h.appointmentDate === null ? 'kept' : `${h.appointmentDate} ${boundaryText(h.appointmentStartMinute ?? 0)}`;
    rows.push(money('deposits_held', `deposit ${h.depositId}`, h.amountMinor, safeText(`${h.customerName}; ${when}`), h.ageDays));
  }
  if (r.appointments) {
    const a = r.appointments;
    rows.push(
      money('appointments', 'no_shows', a.noShows.forfeitedMinor, 'forfeited', a.noShows.count),
      money('appointments', 'late_cancels', a.lateCancels.forfeitedMinor, 'forfeited', a.lateCancels.count),
    );
    for (const s of a.byStaff) {
      for (const [state, n] of [
        ['booked', s.booked],
        ['done', s.done],
        ['no_show', s.noShow],
        ['cancelled', s.cancelled],
        ['late_cancel', s.lateCancel],
      ] as const) {
        rows.push(['appointments_by_staff', safeText(s.staffName), state, n, '', '']);
      }
    }
  }
  const dr = r.drawer;
  rows.push(
    money('drawer', 'float', dr.floatMinor, '', dr.sessions.length),
    money('drawer', 'cash_in', dr.cashInMinor),
    ...(dr.depositsInMinor !== undefined
      ? [money('drawer', 'deposits_in', dr.depositsInMinor), money('drawer', 'deposits_out', dr.depositsOutMinor ?? 0)]
      : []),
    ...(dr.refundsOutMinor !== undefined ? [money('drawer', 'refunds_out', dr.refundsOutMinor)] : []),
    money('drawer', 'paid_in', dr.paidInMinor),
    money('drawer', 'paid_out', dr.paidOutMinor),
    money('drawer', 'expected', dr.expectedMinor),
    money('drawer', 'counted', dr.countedMinor),
    money(
      'drawer',
      'variance',
      dr.varianceMinor,
      safeText(
        dr.sessions
          .map((s) => s.varianceReason)
          .filter(Boolean)
          .join('; '),
      ),
    ),
  );
  for (const [rating, n] of Object.entries(r.satisfaction)) rows.push(['satisfaction', rating, '', n, '', '']);
  rows.push(
    ['tabs', 'settled', '', r.tabs.settled, '', ''],
    ['tabs', 'written_off', '', r.tabs.writtenOff, '', ''],
    ['tabs', 'average_minutes_to_pay', r.tabs.averageSecondsToPay === null ? '' : Math.round(r.tabs.averageSecondsToPay / 60), '', '', ''],
  );
  for (const c of r.carried) rows.push(money('carried', `token ${c.token}`, c.dueMinor, safeText(c.name), c.ageMinutes));
  const rc = r.receivable;
  rows.push(
    money('receivable', 'brought_forward', rc.broughtForwardMinor),
    money('receivable', 'charged', rc.chargedMinor),
    money('receivable', 'paid', rc.paidMinor),
    money('receivable', 'written_off', rc.writtenOffMinor),
    money('receivable', 'carried_forward', rc.carriedForwardMinor),
  );
  for (const h of r.byHour) rows.push(money('sales_by_hour', `${boundaryText(h.hour * 60)}`, h.netMinor));
  for (const a of r.accounts) rows.push(money('account', a.account, a.movementMinor));
  // A Z frozen before staff signed in has neither section.
  for (const p of r.staff ?? []) {
    const name = safeText(p.staffName);
    rows.push(
      ['staff', name, 'tabs_served', p.tabsServed, '', ''],
      money('staff', name, p.salesMinor, 'sales'),
      // A Z frozen before refunds has no refund figures (there were none).
      ...(p.refundsMinor !== undefined ? [money('staff', name, p.refundsMinor, 'refunds')] : []),
      money('staff', name, p.comps.amountMinor, 'comps', p.comps.count),
      money('staff', name, p.tipsMinor, 'tips'),
      ...(p.tipsRefundedMinor !== undefined ? [money('staff', name, p.tipsRefundedMinor, 'tips_refunded')] : []),
      ['staff', name, 'happy', p.ratings.happy, '', ''],
      ['staff', name, 'okay', p.ratings.okay, '', ''],
      ['staff', name, 'unhappy', p.ratings.unhappy, '', ''],
      ['staff', name, 'walkouts', p.walkouts, '', ''],
    );
    for (const c of p.comps.reasons) rows.push(money('staff_comps', name, c.amountMinor, safeText(c.reason), c.count));
  }
  for (const a of r.actions ?? []) {
    rows.push([...money('action', a.kind, a.amountMinor, safeText(a.reason), a.token ?? ''), a.at, safeText(a.staffName), safeText(a.approverName ?? '')]);
  }
  return rows.map((row) => (row.length < reportColumns.length ? [...row, ...Array<Cell>(reportColumns.length - row.length).fill('')] : row));
}

type JournalRow = {
  entry_id: number;
  created_at: string;
  business_date: string;
  kind: string;
  tab_id: number | null;
  token: number | null;
  staff: string;
  memo: string;
  account: string;
  amount_minor: number;
};

export function exportCsv(ctx: ServiceContext, input: ParsedInput<'report.csv'>): CsvExport {
  const report = reportFor(ctx, input.businessDate);
  const exp = currencyExponent(report.currency);
  if (input.what === 'report') {
    const name =
      report.kind === 'z' ? `aftertab-z${String(report.zNumber).padStart(4, '0')}-${report.businessDate}.csv` : `aftertab-x-${report.businessDate}.csv`;
    return { filename: name, text: stringify(reportRows(report), { header: true, columns: [...reportColumns], record_delimiter: 'windows' }) };
  }
  const rows = statement<[string], JournalRow>(
    ctx.db,
    `SELECT je.id AS entry_id, je.created_at, je.business_date, je.kind, je.tab_id, t.token, s.name AS staff, je.memo, p.account, p.amount_minor
       FROM journal_entries je CROSS JOIN postings p ON p.entry_id = je.id JOIN staff s ON s.id = je.staff_id LEFT JOIN tabs t ON t.id = je.tab_id
       WHERE je.business_date = ? ORDER BY je.id, p.id`,
  )
    .all(input.businessDate)
    .map((r) => [
      r.entry_id,
      r.created_at,
      r.business_date,
      r.kind,
      r.tab_id ?? '',
      r.token ?? '',
      safeText(r.staff),
      safeText(r.memo),
      r.account,
      r.amount_minor,
      minorToDecimalString(r.amount_minor, exp),
    ]);
  return {
    filename: `aftertab-journal-${input.businessDate}.csv`,
    text: stringify(rows, { header: true, columns: [...journalColumns], record_delimiter: 'windows' }),
  };
}
