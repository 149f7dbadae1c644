import { stringify } from 'csv-stringify/sync';
import type { CsvExport } from '../../shared/closing-types';
import type { ParsedInput } from '../../shared/contract';
import type { Dashboard, DashboardTable } from '../../shared/dashboard-types';
import { basisPoints, percentText } from '../../shared/domain/dashboard-period';
import { currencyExponent, minorToDecimalString } from '../../shared/money';
import type { ServiceContext } from './context';
import { dashboard } from './dashboard';
import { safeText } from './report-csv';
import { readSettings } from './store';

type Cell = string | number;
type Table = { columns: string[]; rows: Cell[][] };

const minutes = (seconds: number | null): Cell => (seconds === null ? '' : Math.round(seconds / 60));

/** Each of the dashboard's tables as a CSV (docs/EXPORTS.md): amounts as minor units and as decimal text, rates as percent text. */
export function dashboardTable(d: Dashboard, table: DashboardTable, exponent: number): Table {
  // An amount is two cells: the exact minor units and the same as decimal text.
  const money = (minor: number): Cell[] => [minor, minorToDecimalString(minor, exponent)];
  switch (table) {
    case 'owed':
      return {
        columns: ['band', 'tabs', 'owed_minor', 'owed'],
        rows: [...d.now.bands.map((b) => [b.band, b.tabs, ...money(b.owedMinor)]), ['total', d.now.openTabs, ...money(d.now.owedMinor)]],
      };
    case 'days':
      return {
        columns: [
          'business_date',
          'source',
          'z_number',
          'net_sales_minor',
          'net_sales',
          'settled',
          'walkouts',
          'walkout_minor',
          'walkout',
          'walkout_tabs_percent',
          'walkout_amount_percent',
          'comps_minor',
          'comps',
          'average_minutes_to_pay',
          'owed_at_close_minor',
          'owed_at_close',
          'open_at_close',
        ],
        rows: d.days.map((day) => [
          day.businessDate,
          day.source,
          day.zNumber ?? '',
          ...money(day.netSalesMinor),
          day.settled,
          day.walkouts,
          ...money(day.walkoutMinor),
          percentText(day.walkoutTabsBp),
          percentText(day.walkoutAmountBp),
          ...money(day.compsMinor),
          minutes(day.averageSecondsToPay),
          ...money(day.owedAtCloseMinor),
          day.openAtClose,
        ]),
      };
    case 'comps':
      return {
        columns: ['reason', 'count', 'amount_minor', 'amount', 'percent_of_gross_sales'],
        rows: d.comps.map((c) => [safeText(c.reason), c.count, ...money(c.amountMinor), percentText(c.rateBp)]),
      };
    case 'staff':
      return {
        columns: ['staff_id', 'staff', 'tabs_served', 'happy', 'okay', 'unhappy', 'walkouts', 'comps', 'comps_minor', 'comps_amount'],
        rows: d.staff.map((s) => [
          s.staffId,
          safeText(s.staffName),
          s.tabsServed,
          s.happy,
          s.okay,
          s.unhappy,
          s.walkouts,
          s.compsCount,
          ...money(s.compsMinor),
        ]),
      };
    case 'items':
      return {
        columns: ['item_id', 'item', 'happy', 'okay', 'unhappy', 'comps', 'comps_minor', 'comps_amount'],
        rows: d.items.map((i) => [i.itemId ?? '', safeText(i.name), i.happy, i.okay, i.unhappy, i.compsCount, ...money(i.compsMinor)]),
      };
    case 'appointments':
      return {
        columns: ['business_date', 'done', 'no_shows', 'late_cancels', 'no_show_percent', 'forfeited_minor', 'forfeited'],
        rows: d.days.map((day) => [
          day.businessDate,
          day.appointmentsDone,
          day.noShows,
          day.lateCancels,
          percentText(basisPoints(day.noShows, day.appointmentsDone + day.noShows + day.lateCancels)),
          ...money(day.forfeitedMinor),
        ]),
      };
  }
}

export function dashboardCsv(ctx: ServiceContext, input: ParsedInput<'report.dashboardCsv'>): CsvExport {
  const d = dashboard(ctx, { from: input.from, to: input.to });
  const { columns, rows } = dashboardTable(d, input.table, currencyExponent(readSettings(ctx.db).currency));
  const filename =
    input.table === 'owed' ? `aftertab-dashboard-owed-${d.now.businessDate}.csv` : `aftertab-dashboard-${input.table}-${input.from}-${input.to}.csv`;
  return { filename, text: stringify(rows, { header: true, columns, record_delimiter: 'windows' }) };
}
