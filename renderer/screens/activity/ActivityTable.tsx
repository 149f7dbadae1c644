import type { ActivityRow } from '../../../shared/closing-types';
import { t } from '../../i18n/t';
import { activityText, type ActivityFormat } from './activity-text';

/** The rows as a real table, so it reads (and is tested) by its column headers. */
export function ActivityTable({ rows, format, time }: { rows: ActivityRow[]; format: ActivityFormat; time: (at: string) => string }) {
  if (rows.length === 0) return <p className="activity__muted">{t('activity.empty')}</p>;
  return (
    <div className="activity-table__wrap">
      <table className="activity-table" aria-label={t('activity.table')}>
        <thead>
          <tr>
            <th scope="col">{t('activity.col.time')}</th>
            <th scope="col">{t('activity.col.person')}</th>
            <th scope="col">{t('activity.col.approver')}</th>
            <th scope="col">{t('activity.col.what')}</th>
            <th scope="col">{t('activity.col.tab')}</th>
            <th scope="col" className="activity-table__num">
              {t('activity.col.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <time dateTime={row.at} title={format.when(row.at)}>
                  {time(row.at)}
                </time>
              </td>
              <td>{row.staffName}</td>
              <td>{row.approverName ?? ''}</td>
              <td className="activity-table__what">{activityText(row, format)}</td>
              <td>{row.token ?? ''}</td>
              <td className="activity-table__num">{row.amountMinor === null ? '' : format.money(row.amountMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
