import { useState } from 'react';
import { useLocation } from 'react-router';
import type { DrawerSession, DrawerState } from '../../../shared/closing-types';
import type { StoreSettings } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { useCommand } from '../../hooks/use-command';
import { useEscapeFirst } from '../../hooks/use-escape-first';
import { useDrawer, useStore } from '../../hooks/use-live-data';
import { useMoney, type MoneyTools } from '../../hooks/use-money';
import { t } from '../../i18n/t';
import { CashCountForm } from './CashCountForm';
import { ClosedSummary } from './ClosedSummary';
import { CountedPanel } from './CountedPanel';
import { MovePanel } from './MovePanel';
import { dateTimeFormat, SessionFigures } from './Figures';
import './drawer.css';

/** The cash drawer from its float to its signed-off close; the ledger keeps every figure. */
export function DrawerScreen() {
  const drawer = useDrawer();
  const store = useStore();
  const error = drawer.error ?? store.error;
  return (
    <Screen title={t('drawer.title')} back={useCameFrom()} className="drawer">
      {error && <ErrorNote error={t('drawer.loadFailed', { message: error })} />}
      {drawer.data && store.data ? <DrawerView state={drawer.data} store={store.data} /> : !error && <p>{t('drawer.loading')}</p>}
    </Screen>
  );
}

/** Sent here from a settlement refused for want of a drawer: Esc and Back return there. */
function useCameFrom(): string {
  const from = (useLocation().state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/tab/') ? from : '/';
}

export function DrawerView({ state, store }: { state: DrawerState; store: StoreSettings }) {
  const money = useMoney(store);
  // The session just signed off, shown until the person moves on.
  const [closed, setClosed] = useState<DrawerSession | null>(null);
  const { session } = state;

  if (closed && !session) {
    return <ClosedSummary session={closed} store={store} money={money} onOpenAnother={() => setClosed(null)} />;
  }
  if (!session) return <NoDrawer state={state} store={store} money={money} />;
  if (session.status === 'counted') {
    return <CountedPanel session={session} denominations={state.denominations} store={store} money={money} onClosed={setClosed} />;
  }
  return <OpenSession session={session} denominations={state.denominations} store={store} money={money} />;
}

function NoDrawer({ state, store, money }: { state: DrawerState; store: StoreSettings; money: MoneyTools }) {
  const open = useCommand('drawer.open');
  return (
    <div className="drawer__columns">
      <section className="panel" aria-labelledby="drawer-open-heading">
        <h2 id="drawer-open-heading" className="panel__heading">
          {t('drawer.openHeading')}
        </h2>
        <p>{t('drawer.none')}</p>
        <p className="drawer__muted">{t('drawer.openHint')}</p>
        <CashCountForm
          label={t('drawer.openHeading')}
          denominations={state.denominations}
          currency={store.currency}
          money={money}
          confirm={(amount) => (amount === null ? t('drawer.openHeading') : t('drawer.openConfirm', { amount }))}
          pending={open.pending}
          error={open.error}
          onSubmit={(float) => void open.run({ float })}
        />
      </section>
      {state.lastClosed && <ClosedSummary session={state.lastClosed} store={store} money={money} compact />}
    </div>
  );
}

type SessionProps = { session: DrawerSession; denominations: readonly number[]; store: StoreSettings; money: MoneyTools };

function OpenSession({ session, denominations, store, money }: SessionProps) {
  const count = useCommand('drawer.count');
  const [counting, setCounting] = useState(false);
  const when = dateTimeFormat(store);
  useEscapeFirst(() => setCounting(false), counting);
  return (
    <div className="drawer__columns">
      <section className="panel" aria-labelledby="drawer-session-heading">
        <h2 id="drawer-session-heading" className="panel__heading">
          {t('drawer.openSince', { when: when.format(new Date(session.openedAt)), name: session.openedBy })}
        </h2>
        <SessionFigures session={session} money={money} />
        {counting ? (
          <div className="drawer__blind" aria-labelledby="drawer-blind-heading">
            <h3 id="drawer-blind-heading" className="panel__heading">
              {t('drawer.blindHeading')}
            </h3>
            <p className="drawer__muted">{t('drawer.blindHint')}</p>
            <CashCountForm
              label={t('drawer.blindHeading')}
              denominations={denominations}
              currency={store.currency}
              money={money}
              confirm={(amount) => (amount === null ? t('drawer.countPlain') : t('drawer.countConfirm', { amount }))}
              pending={count.pending}
              error={count.error}
              autoFocus
              onSubmit={(counted) => void count.run({ count: counted })}
              onCancel={() => setCounting(false)}
            />
          </div>
        ) : (
          <div className="drawer__close-start">
            <button type="button" className="button button--primary" onClick={() => setCounting(true)}>
              {t('drawer.closeStart')}
            </button>
            <p className="drawer__muted">{t('drawer.closeStartHint')}</p>
          </div>
        )}
      </section>
      {/* While counting, the count has the whole width; cash is not paid in or out meanwhile. */}
      {!counting && <MovePanel session={session} store={store} money={money} />}
    </div>
  );
}
