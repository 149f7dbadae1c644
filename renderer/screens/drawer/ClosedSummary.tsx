import { Link } from 'react-router';
import type { DrawerSession } from '../../../shared/closing-types';
import type { StoreSettings } from '../../../shared/types';
import { Figures } from '../../components/Figures';
import { varianceKind, varianceText } from '../../format/variance';
import type { MoneyTools } from '../../hooks/use-money';
import { t } from '../../i18n/t';
import { countedRows, dateTimeFormat, FirstCount } from './Figures';

type Props = {
  session: DrawerSession;
  store: StoreSettings;
  money: MoneyTools;
  /** Only the figures, beside the form that opens the next drawer. */
  compact?: boolean;
  onOpenAnother?: () => void;
};

/** A signed-off drawer: what it started with, what it should have held, what was counted. */
export function ClosedSummary({ session, store, money, compact = false, onOpenAnother }: Props) {
  const when = dateTimeFormat(store);
  const variance = session.varianceMinor ?? 0;
  const kind = varianceKind(variance);
  return (
    <section className="panel drawer__closed" aria-labelledby={`drawer-closed-${session.id}`}>
      <h2 id={`drawer-closed-${session.id}`} className="panel__heading">
        {compact ? t('drawer.lastClosed') : t('drawer.closedHeading')}
      </h2>
      {session.signedOffBy && session.closedAt && (
        <p className="drawer__muted">{t('drawer.closedBy', { name: session.signedOffBy, when: when.format(new Date(session.closedAt)) })}</p>
      )}
      <Figures label={compact ? t('drawer.lastClosed') : t('drawer.closedHeading')} rows={countedRows(session, money.format)} />
      <FirstCount session={session} money={money} />
      <p className={`drawer__variance drawer__variance--${kind}`}>{varianceText(variance, money.format)}</p>
      {session.varianceReason && <p>{t('drawer.closedReason', { reason: session.varianceReason })}</p>}
      <div className="form-actions">
        <Link className={`button ${compact ? 'button--ghost' : 'button--primary'}`} to="/reports">
          {t('drawer.toReports')}
        </Link>
        {onOpenAnother && (
          <button type="button" className="button button--ghost" onClick={onOpenAnother}>
            {t('drawer.openAnother')}
          </button>
        )}
      </div>
    </section>
  );
}
