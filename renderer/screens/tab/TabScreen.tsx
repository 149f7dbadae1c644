import { useState } from 'react';
import { useEscapeFirst } from '../../hooks/use-escape-first';
import { Link, useNavigate } from 'react-router';
import type { Payment, StoreSettings, TabDetail } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { useCommand } from '../../hooks/use-command';
import { useCatalog, useStore, useTab } from '../../hooks/use-live-data';
import { useMoney } from '../../hooks/use-money';
import { isTypingTarget, useShortcut } from '../../hooks/use-shortcut';
import { useTabId } from '../../hooks/use-tab-id';
import { t } from '../../i18n/t';
import { CatalogPanel } from './CatalogPanel';
import { LineRow } from './LineRow';
import { TabDetailsForm, WalkoutPanel } from './TabPanels';
import { TabHistory } from './TabHistory';
import { TabRefunds } from './TabRefunds';
import { TabLoading, TabMissing } from './TabMissing';
import { TabTotals } from './TabTotals';
import { useVoidablePayment, VoidPaymentPanel } from './VoidPaymentPanel';
import { ChangeTokenPanel } from './ChangeTokenPanel';
import { MergePanel } from './MergePanel';
import { MovePanel } from './MovePanel';
import { TokenNotBack, useTokenBack } from '../settle/TokenNotBack';
import { TabCustomer } from '../customers/TabCustomer';
import './tab.css';

/** One tab: add from the catalog, adjust the lines, see the totals, then settle or write off. */
export function TabScreen() {
  const tabId = useTabId();
  return tabId === null ? <TabMissing /> : <TabLoader tabId={tabId} />;
}

function TabLoader({ tabId }: { tabId: number }) {
  const tab = useTab(tabId);
  const store = useStore();
  if (!tab.data) return tab.error ? <TabMissing detail={tab.error} /> : <TabLoading />;
  if (!store.data) return <TabLoading />;
  // Keyed by the tab: going to another tab (after a merge, from a notice) starts with no panel open.
  return <TabView key={tab.data.id} tab={tab.data} store={store.data} />;
}

type Panel = 'edit' | 'walkout' | 'voidPayment' | 'move' | 'merge' | 'token' | null;

/** What just happened here, said above the lines: lines moved to another tab (with a way there), a new token. */
type Notice = { text: string; to?: { tabId: number; token: number } };

function TabView({ tab, store }: { tab: TabDetail; store: StoreSettings }) {
  const money = useMoney(store);
  const catalog = useCatalog();
  const navigate = useNavigate();
  const voidTab = useCommand('tab.void');
  const [panel, setPanel] = useState<Panel>(null);
  // The payment shown when the panel opened: voiding names it, whatever happens on the tab meanwhile.
  const [voiding, setVoiding] = useState<Payment | null>(null);
  const voidable = useVoidablePayment(tab);
  const [notice, setNotice] = useState<Notice | null>(null);
  const back = useTokenBack(tab);
  const openPanel = (next: Panel): void => {
    setNotice(null);
    setPanel(next);
  };
  const openVoid = (payment: Payment) => {
    setVoiding(payment);
    setPanel('voidPayment');
  };
  const voidButton = voidable && (
    <button type="button" className="button button--ghost" onClick={() => openVoid(voidable)}>
      {t('tabDetail.voidPayment')}
    </button>
  );
  useEscapeFirst(() => setPanel(null), panel !== null);
  const open = tab.status === 'open';
  const hasActiveLines = tab.lines.some((l) => l.state === 'active');
  const canSettle = open && hasActiveLines;
  const settlePath = `/tab/${tab.id}/settle`;
  // M moves lines, G merges the tab into another, K gives it another token: each opens its panel in place.
  // A line's comp or remove panel is open in its row: the key belongs to it, not to a second panel.
  const panelKey = (next: Panel) => (event: KeyboardEvent) => {
    if (document.querySelector('.tab-line__panel')) return;
    event.preventDefault();
    openPanel(next);
  };
  useShortcut(['m', 'M'], panelKey('move'), { enabled: open && panel === null && hasActiveLines });
  useShortcut(['g', 'G'], panelKey('merge'), { enabled: open && panel === null });
  useShortcut(['k', 'K'], panelKey('token'), { enabled: open && panel === null });
  const refundPath = `/tab/${tab.id}/refund`;
  // R refunds a settled tab (the board's R finds one).
  useShortcut(
    ['r', 'R'],
    (event) => {
      event.preventDefault();
      navigate(refundPath);
    },
    { enabled: tab.status === 'settled' && panel === null },
  );

  // Enter settles only when nothing else has focus, so it never steals a field's or button's Enter.
  useShortcut(
    'Enter',
    (event) => {
      const focused = document.activeElement;
      if (focused && focused !== document.body && (isTypingTarget(focused) || focused.closest('button, a, [role="button"]'))) return;
      event.preventDefault();
      navigate(settlePath);
    },
    { enabled: canSettle && panel === null },
  );

  const who = [tab.name, tab.label].filter(Boolean).join(' · ') || t('tabDetail.noName');
  const actions = open ? (
    <>
      {canSettle && (
        <Link className="button button--primary tab-detail__link-button" to={settlePath} aria-keyshortcuts="Enter">
          {t('tabDetail.settle')}
        </Link>
      )}
      <Link className="button button--ghost" to={`/slip/${tab.id}`}>
        {t('tabDetail.slip')}
      </Link>
      {tab.dueMinor > 0 && (
        <button type="button" className="button button--danger" onClick={() => setPanel('walkout')}>
          {t('tabDetail.walkout')}
        </button>
      )}
      {hasActiveLines && (
        <button type="button" className="button button--ghost" aria-keyshortcuts="m" onClick={() => openPanel('move')}>
          {t('tabDetail.move')}
          <kbd className="key-hint" aria-hidden="true">
            M
          </kbd>
        </button>
      )}
      <button type="button" className="button button--ghost" aria-keyshortcuts="g" onClick={() => openPanel('merge')}>
        {t('tabDetail.merge')}
        <kbd className="key-hint" aria-hidden="true">
          G
        </kbd>
      </button>
      <button type="button" className="button button--ghost" aria-keyshortcuts="k" onClick={() => openPanel('token')}>
        {t('tabDetail.changeToken')}
        <kbd className="key-hint" aria-hidden="true">
          K
        </kbd>
      </button>
      {voidButton}
      {!hasActiveLines && tab.payments.length === 0 && (
        <button
          type="button"
          className="button button--ghost"
          title={t('tabDetail.voidHint')}
          disabled={voidTab.pending}
          onClick={() => void voidTab.run({ tabId: tab.id }).then((done) => done && navigate('/'))}
        >
          {t('tabDetail.void')}
        </button>
      )}
    </>
  ) : tab.mergedInto ? (
    <Link className="button button--primary tab-detail__link-button" to={`/tab/${tab.mergedInto.tabId}`}>
      {t('tabDetail.openToken', { token: tab.mergedInto.token })}
    </Link>
  ) : (
    <>
      <Link className="button button--primary tab-detail__link-button" to={`/tab/${tab.id}/receipt`}>
        {t('tabDetail.receipt')}
      </Link>
      {tab.status === 'settled' && (
        <Link className="button button--ghost tab-detail__link-button" to={refundPath} aria-keyshortcuts="r">
          {t('tabDetail.refund')}
        </Link>
      )}
      {voidButton}
    </>
  );

  const statusKey = tab.mergedInto ? 'tabDetail.status.merged' : (`tabDetail.status.${tab.status}` as const);
  return (
    <Screen title={t('tabDetail.title', { token: tab.token })} back="/" actions={actions} className="tab-detail">
      <div className="tab-detail__who">
        <span className="tab-detail__who-name">{who}</span>
        <span className={`tab-detail__status tab-detail__status--${tab.mergedInto ? 'merged' : tab.status}`}>{t(statusKey)}</span>
        {open && panel !== 'edit' && (
          <button type="button" className="button button--ghost" onClick={() => openPanel('edit')}>
            {t('tabDetail.edit')}
          </button>
        )}
      </div>
      <ErrorNote error={voidTab.error} />
      {!open && (
        <p className="tab-detail__closed">
          {tab.mergedInto
            ? t('tabDetail.mergedInto', { token: tab.mergedInto.token })
            : tab.writeOffReason
              ? t('tabDetail.writtenOffReason', { reason: tab.writeOffReason })
              : t('tabDetail.closedNote')}
        </p>
      )}
      {(tab.status === 'settled' || tab.status === 'written_off') && <TokenNotBack tab={tab} back={back} />}
      {notice && (
        <p className="tab-detail__notice" role="status">
          {notice.text} {notice.to && <Link to={`/tab/${notice.to.tabId}`}>{t('tabDetail.openToken', { token: notice.to.token })}</Link>}
        </p>
      )}
      {panel === 'move' && (
        <MovePanel
          tab={tab}
          money={money}
          onCancel={() => setPanel(null)}
          onDone={({ to }) => {
            const moved = to.history.at(-1)?.detail.qty;
            setPanel(null);
            setNotice({ text: t('tabDetail.moved', { count: typeof moved === 'number' ? moved : 0, token: to.token }), to: { tabId: to.id, token: to.token } });
          }}
        />
      )}
      {panel === 'merge' && (
        <MergePanel
          tab={tab}
          money={money}
          onCancel={() => setPanel(null)}
          onDone={({ to }) => {
            setPanel(null);
            navigate(`/tab/${to.id}`);
          }}
        />
      )}
      {panel === 'token' && (
        <ChangeTokenPanel
          tab={tab}
          onCancel={() => setPanel(null)}
          onDone={(changed) => {
            setPanel(null);
            setNotice({ text: t('tabDetail.tokenChanged', { token: changed.token }) });
          }}
        />
      )}
      <TabRefunds tab={tab} format={money.format} />
      {panel === 'edit' && <TabDetailsForm tab={tab} onDone={() => setPanel(null)} />}
      {panel === 'walkout' && <WalkoutPanel tab={tab} due={money.format(tab.dueMinor)} onCancel={() => setPanel(null)} />}
      {panel === 'voidPayment' && voiding && (
        <VoidPaymentPanel tab={tab} payment={voiding} money={money} store={store} onCancel={() => setPanel(null)} onDone={() => setPanel(null)} />
      )}
      <TabCustomer tab={tab} />

      <div className={`tab-detail__columns ${open ? '' : 'tab-detail__columns--closed'}`}>
        {open && <CatalogPanel tabId={tab.id} catalog={catalog.data} format={money.format} />}
        <section className="panel tab-detail__panel tab-detail__lines-panel" aria-labelledby="tab-lines-heading">
          <h2 id="tab-lines-heading" className="tab-detail__heading">
            {t('tabDetail.linesHeading')}
          </h2>
          {tab.lines.length === 0 ? (
            <p className="tab-detail__muted">{t('tabDetail.noLines')}</p>
          ) : (
            <ul className="tab-lines">
              {tab.lines.map((line) => (
                <LineRow key={line.id} tabId={tab.id} line={line} money={money} readOnly={!open} />
              ))}
            </ul>
          )}
          <TabTotals tab={tab} format={money.format} locale={store.locale} showDue={open} />
        </section>
      </div>

      <div className="tab-detail__columns">
        <section className="panel tab-detail__panel" aria-labelledby="tab-notes-heading">
          <h2 id="tab-notes-heading" className="tab-detail__heading">
            {t('tabDetail.notesHeading')}
          </h2>
          <p className="tab-detail__notes">{tab.note || t('tabDetail.noNotes')}</p>
        </section>
        <TabHistory history={tab.history} format={money.format} store={store} />
      </div>
    </Screen>
  );
}
