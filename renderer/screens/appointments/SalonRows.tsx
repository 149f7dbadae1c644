import type { DayReport } from '../../../shared/closing-types';
import { Figures } from '../../components/Figures';
import { ReportTable } from '../../components/ReportTable';
import type { MoneyTools } from '../../hooks/use-money';
import { formatBusinessDate } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { minuteText } from './salon-time';

/**
 * The Z's salon rows under the deposit figures: each deposit still held (whose, for which
 * appointment, how much, how old, adding up to Held), the no-shows and late cancels with what
 * they forfeited, and each person's book. A Z frozen before the book existed has none of them.
 */
export function SalonRows({ report, money }: { report: DayReport; money: MoneyTools }) {
  const f = money.format;
  const held = report.heldDeposits;
  const book = report.appointments;
  return (
    <>
      {held && (
        <ReportTable
          label={t('salon.z.held')}
          empty={t('salon.z.heldNone')}
          columns={[
            { label: t('salon.z.col.customer') },
            { label: t('salon.z.col.appointment') },
            { label: t('reports.col.amount'), numeric: true },
            { label: t('salon.z.col.age'), numeric: true },
          ]}
          rows={held.map((d) => [
            d.customerName,
            d.appointmentDate === null
              ? t('salon.deposit.kept')
              : `${formatBusinessDate(d.appointmentDate, report.locale)} ${d.appointmentStartMinute === null ? '' : minuteText(d.appointmentStartMinute)}`.trim(),
            f(d.amountMinor),
            t('salon.z.ageDays', { count: d.ageDays }),
          ])}
        />
      )}
      {book && (
        <>
          <Figures
            label={t('salon.z.misses')}
            rows={[
              [t('salon.z.noShows', { count: book.noShows.count }), f(book.noShows.forfeitedMinor)],
              [t('salon.z.lateCancels', { count: book.lateCancels.count }), f(book.lateCancels.forfeitedMinor)],
            ]}
          />
          <ReportTable
            label={t('salon.z.byStaff')}
            empty={t('salon.z.byStaffNone')}
            columns={[
              { label: t('reports.col.staff') },
              { label: t('salon.z.col.booked'), numeric: true },
              { label: t('salon.z.col.done'), numeric: true },
              { label: t('salon.z.col.noShow'), numeric: true },
              { label: t('salon.z.col.cancelled'), numeric: true },
              { label: t('salon.z.col.late'), numeric: true },
            ]}
            rows={book.byStaff.map((s) => [s.staffName, String(s.booked), String(s.done), String(s.noShow), String(s.cancelled), String(s.lateCancel)])}
          />
        </>
      )}
    </>
  );
}
