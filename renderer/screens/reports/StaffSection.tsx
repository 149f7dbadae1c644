import type { DayReport, StaffDayFigures, StaffReport } from '../../../shared/closing-types';
import type { Result } from '../../../shared/errors';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { ReportSection, ReportTable } from '../../components/ReportTable';
import type { MoneyTools } from '../../hooks/use-money';
import { useLiveQuery } from '../../hooks/use-live-query';
import { tPaper } from '../../i18n/t';

type Props = { report: Pick<DayReport, 'businessDate' | 'staff'>; money: MoneyTools };

/**
 * Each person's day: tabs served, sales and what refunds took back of them, comps given, tips
 * (with what refunds gave back of them), ratings and walkouts. An X and a Z
 * carry these figures; a Z closed before they existed asks the ledger for them (report.staff).
 */
export function StaffSection({ report, money }: Props) {
  return (
    <ReportSection id="staff" title={tPaper('reports.staff')} className="report-section--wide">
      {report.staff ? <StaffTable staff={report.staff} money={money} /> : <StaffFromLedger businessDate={report.businessDate} money={money} />}
      <p className="report__muted">{tPaper('reports.staff.note')}</p>
    </ReportSection>
  );
}

export function StaffTable({ staff, money }: { staff: readonly StaffDayFigures[]; money: MoneyTools }) {
  const f = money.format;
  return (
    <ReportTable
      label={tPaper('reports.staff.table')}
      empty={tPaper('reports.staff.none')}
      columns={[
        { label: tPaper('reports.col.staff') },
        { label: tPaper('reports.staff.col.tabs'), numeric: true },
        { label: tPaper('reports.staff.col.sales'), numeric: true },
        { label: tPaper('reports.staff.col.refunds'), numeric: true },
        { label: tPaper('reports.staff.col.comps'), numeric: true },
        { label: tPaper('reports.staff.col.comped'), numeric: true },
        { label: tPaper('reports.staff.col.tips'), numeric: true },
        { label: tPaper('reports.staff.col.happy'), numeric: true },
        { label: tPaper('reports.staff.col.okay'), numeric: true },
        { label: tPaper('reports.staff.col.unhappy'), numeric: true },
        { label: tPaper('reports.staff.col.walkouts'), numeric: true },
      ]}
      rows={staff.map((p) => [
        p.staffName,
        p.tabsServed,
        f(p.salesMinor),
        // A Z closed before refunds had none to show.
        f(p.refundsMinor ?? 0),
        p.comps.count,
        <CompedCell key="comped" figures={p} format={f} />,
        <TipsCell key="tips" figures={p} format={f} />,
        p.ratings.happy,
        p.ratings.okay,
        p.ratings.unhappy,
        p.walkouts,
      ])}
    />
  );
}

/** The amount comped, with one line per reason under it. */
function CompedCell({ figures, format }: { figures: StaffDayFigures; format: (minor: number) => string }) {
  return (
    <>
      {format(figures.comps.amountMinor)}
      {figures.comps.reasons.map((r) => (
        <span key={r.reason} className="report-table__note">
          {tPaper('reports.staff.reason', { reason: r.reason, count: r.count, amount: format(r.amountMinor) })}
        </span>
      ))}
    </>
  );
}

/** The tips a person keeps, with what refunds gave back of them under it. */
function TipsCell({ figures, format }: { figures: StaffDayFigures; format: (minor: number) => string }) {
  const back = figures.tipsRefundedMinor ?? 0;
  return (
    <>
      {format(figures.tipsMinor)}
      {back !== 0 && <span className="report-table__note">{tPaper('reports.staff.tipsRefunded', { amount: format(back) })}</span>}
    </>
  );
}

const loaders = new Map<string, () => Promise<Result<StaffReport>>>();

function StaffFromLedger({ businessDate, money }: { businessDate: string; money: MoneyTools }) {
  let load = loaders.get(businessDate);
  if (!load) {
    load = () => api['report.staff']({ businessDate });
    loaders.set(businessDate, load);
  }
  // A closed day never changes: loaded once.
  const report = useLiveQuery(load, []);
  if (report.error) return <ErrorNote error={report.error} />;
  if (!report.data) return <p className="report__muted">{tPaper('reports.staff.loading')}</p>;
  return (
    <>
      <p className="report__muted">{tPaper('reports.staff.fromLedger')}</p>
      <StaffTable staff={report.data.staff} money={money} />
    </>
  );
}
