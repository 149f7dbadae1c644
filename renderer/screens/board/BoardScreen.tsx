import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { preloadCounterScreens } from '../../counter-screens';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { useCommand } from '../../hooks/use-command';
import { useOpenTabs, useStore } from '../../hooks/use-live-data';
import { useShortcut } from '../../hooks/use-shortcut';
import { t } from '../../i18n/t';
import { filterTabs, loadSortKey, saveSortKey, sortTabs, type SortKey } from './board-logic';
import { BoardToolbar } from './BoardToolbar';
import { resolveJump, type JumpTarget } from './digit-jump';
import { JumpPanel } from './JumpPanel';
import { TabCard } from './TabCard';
import { useDigitJump } from './use-digit-jump';
import { useNow } from '../../hooks/use-now';
import { UpcomingPanel } from '../appointments/UpcomingPanel';
import { MissingTokens } from '../tokens/MissingTokens';
import { useTokenPool } from '../tokens/use-token-pool';
import './board.css';

/** Ages are shown in whole minutes; a 30 s tick moves a band at most half a minute late. */
const TICK_MS = 30_000;

/** The room at a glance: every open tab, updated live from any window. Home of the counter. */
export function BoardScreen() {
  const navigate = useNavigate();
  const store = useStore();
  const tabs = useOpenTabs();
  const now = useNow(TICK_MS);
  const newTab = useCommand('tab.open');
  const openOn = useCommand('tab.open');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>(() => loadSortKey());
  const [notice, setNotice] = useState<Exclude<JumpTarget, { kind: 'tab' }> | null>(null);
  const settings = store.data;
  const openTabs = tabs.data;
  const loadError = tabs.error ?? store.error;
  // Once the tabs are drawn, the screens a tap on them opens are fetched ahead.
  const drawn = openTabs !== null;
  useEffect(() => (drawn ? preloadCounterScreens() : undefined), [drawn]);

  const shown = useMemo(() => (openTabs ? sortTabs(filterTabs(openTabs, query), sort) : []), [openTabs, query, sort]);
  // Tokens customers kept: listed at the top until found, and never offered as free.
  const pool = useTokenPool({ for: 'missing' });
  const missing = useMemo(() => new Set((pool.data ?? []).filter((slot) => slot.state === 'missing').map((slot) => slot.token)), [pool.data]);

  const openNew = async (): Promise<void> => {
    const tab = await newTab.run({});
    if (tab) navigate(`/slip/${tab.id}`);
  };
  const openToken = async (token: number): Promise<void> => {
    const tab = await openOn.run({ token });
    if (tab) navigate(`/slip/${tab.id}`);
  };

  const jump = useDigitJump(
    (typed) => {
      if (!openTabs || !settings) return;
      const target = resolveJump(typed, openTabs, settings, missing);
      openOn.clearError();
      if (target?.kind === 'tab') navigate(`/tab/${target.tabId}`);
      else setNotice(target);
    },
    openTabs !== null && settings !== null,
  );

  useShortcut(['n', 'N'], (event) => {
    event.preventDefault();
    void openNew();
  });
  // Settled tabs leave the board: R finds one again by its receipt (to show it or refund it).
  useShortcut(['r', 'R'], (event) => {
    event.preventDefault();
    navigate('/receipts');
  });
  useShortcut('Escape', () => {
    jump.clear();
    setNotice(null);
  });

  const chooseSort = (key: SortKey): void => {
    setSort(key);
    saveSortKey(key);
  };

  const actions = (
    <>
      <button type="button" className="button button--primary" onClick={() => void openNew()} disabled={newTab.pending} aria-keyshortcuts="n">
        {newTab.pending ? t('board.opening') : t('board.newTab')}
        <kbd className="key-hint" aria-hidden="true">
          N
        </kbd>
      </button>
      <Link className="button button--ghost" to="/tokens">
        {t('board.chooseToken')}
      </Link>
      <Link className="button button--ghost" to="/receipts" aria-keyshortcuts="r">
        {t('board.findReceipt')}
        <kbd className="key-hint" aria-hidden="true">
          R
        </kbd>
      </Link>
    </>
  );

  return (
    <Screen title={settings?.name ?? t('app.name')} actions={actions} className="board-screen">
      <ErrorNote error={newTab.error} />
      <ErrorNote error={loadError ? t('board.loadFailed', { message: loadError }) : null} />
      <JumpPanel
        typed={jump.buffer}
        notice={notice}
        pool={{ first: settings?.tokenFirst ?? 0, last: settings?.tokenLast ?? 0 }}
        opening={openOn.pending}
        error={openOn.error}
        onOpen={(token) => void openToken(token)}
        onDismiss={() => setNotice(null)}
      />

      {pool.data && settings && <MissingTokens pool={pool.data} store={settings} headingId="board-missing-heading" />}

      <div className="board-main">
        {openTabs && settings ? (
          <section className="board-tabs" aria-labelledby="open-tabs-heading">
            <BoardToolbar query={query} onQuery={setQuery} sort={sort} onSort={chooseSort} />
            <div className="board-tabs__heading">
              <h2 id="open-tabs-heading" className="board-tabs__count">
                {t('board.tabsHeading', { count: openTabs.length })}
              </h2>
              <p className="board-tabs__hint">{t('board.keysHint')}</p>
            </div>
            {openTabs.length === 0 ? (
              <p className="board-empty">{t('board.empty')}</p>
            ) : shown.length === 0 ? (
              <div className="board-empty">
                <p>{t('board.noMatch', { query: query.trim() })}</p>
                <button type="button" className="button button--ghost" onClick={() => setQuery('')}>
                  {t('board.clearFilter')}
                </button>
              </div>
            ) : (
              <ul className="board-grid" aria-labelledby="open-tabs-heading">
                {shown.map((tab) => (
                  <TabCard key={tab.id} tab={tab} store={settings} now={now} />
                ))}
              </ul>
            )}
          </section>
        ) : (
          !loadError && <p className="board-empty">{t('board.loading')}</p>
        )}
        {settings && <UpcomingPanel store={settings} />}
      </div>
    </Screen>
  );
}
