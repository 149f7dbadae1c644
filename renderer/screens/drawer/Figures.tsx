import type { DrawerSession } from '../../../shared/closing-types';
import type { StoreSettings } from '../../../shared/types';
import { depositRows, Figures, type FigureRow } from '../../components/Figures';
import { signedMoney, varianceKind } from '../../format/variance';
import { whenTools, type WhenTools } from '../../hooks/use-when';
import { t } from '../../i18n/t';

/** Dates and times in the store's locale and time zone, through the renderer's one formatter. */
export function dateTimeFormat(store: Pick<StoreSettings, 'locale' | 'timeZone'>): WhenTools {
  return whenTools(store);
}

/**
 * An open drawer's figures: only what went in and out by hand, so a blind count or recount
 * beside them gives away neither the expected amount nor the cash taken.
 */
export function SessionFigures({
  session,
  money,
}: {
  session: Pick<DrawerSession, 'floatMinor' | 'paidInMinor' | 'paidOutMinor'>;
  money: { format: (minor: number) => string };
}) {
  return (
    <Figures
      label={t('drawer.title')}
      rows={[
        [t('drawer.float'), money.format(session.floatMinor)],
        [t('drawer.paidIn'), money.format(session.paidInMinor)],
        [t('drawer.paidOut'), money.format(session.paidOutMinor)],
      ]}
    />
  );
}

/** A counted drawer's figures: what went in and out, what was expected and what was counted. */
export function countedRows(session: DrawerSession, format: (minor: number) => string): FigureRow[] {
  const variance = session.varianceMinor ?? 0;
  return [
    [t('drawer.float'), format(session.floatMinor)],
    [t('drawer.cashIn'), format(session.cashInMinor ?? 0)],
    ...depositRows(session.depositsInMinor, session.depositsOutMinor, t('drawer.depositsIn'), t('drawer.depositsOut'), format),
    // Cash refunds of settled tabs went out of the drawer: shown when there were any, so the rows add up to Expected.
    ...(session.refundsOutMinor ? [[t('drawer.refundsOut'), format(session.refundsOutMinor)] as FigureRow] : []),
    [t('drawer.paidIn'), format(session.paidInMinor)],
    [t('drawer.paidOut'), format(session.paidOutMinor)],
    [t('drawer.expected'), format(session.expectedMinor ?? 0), 'figures__row--strong'],
    [t('drawer.counted'), format(session.countedMinor ?? 0), 'figures__row--strong'],
    [t('drawer.variance'), signedMoney(variance, format), `figures__row--${varianceKind(variance)}`],
  ];
}

/** After a recount, the count it replaced: "Counted twice: first count €100.00". Nothing otherwise. */
export function FirstCount({ session, money }: { session: Pick<DrawerSession, 'firstCountMinor'>; money: { format: (minor: number) => string } }) {
  if (session.firstCountMinor === null) return null;
  return <p className="drawer__muted drawer__first-count">{t('drawer.firstCount', { amount: money.format(session.firstCountMinor) })}</p>;
}
