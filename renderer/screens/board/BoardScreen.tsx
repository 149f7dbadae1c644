import { t } from '../../i18n/t';
import { TabCard } from './TabCard';
import { useOpenTab } from './use-open-tab';
import { useOpenTabs, useStoreSettings } from './use-open-tabs';

/** The room at a glance: every open tab, updated live from any window. */
export function BoardScreen() {
  const store = useStoreSettings();
  const tabs = useOpenTabs();
  const openTab = useOpenTab();
  const loadError = tabs.error ?? store.error;
  const settings = store.data;

  return (
    <main className="board">
      <header className="board__header">
        <h1 className="board__title">{settings?.name ?? t('app.name')}</h1>
        <div className="board__actions">
          <button type="button" className="button button--primary" onClick={openTab.open} disabled={openTab.pending}>
            {openTab.pending ? t('board.opening') : t('board.openTab')}
          </button>
          {openTab.error && (
            <p className="board__error" role="alert">
              {t('board.openFailed', { message: openTab.error })}
            </p>
          )}
        </div>
      </header>

      {loadError && (
        <p className="board__error" role="alert">
          {t('board.loadFailed', { message: loadError })}
        </p>
      )}

      {tabs.data && settings ? (
        <section className="board__tabs" aria-labelledby="open-tabs-heading">
          <h2 id="open-tabs-heading" className="board__subtitle">
            {t('board.tabsHeading', { count: tabs.data.length })}
          </h2>
          {tabs.data.length === 0 ? (
            <p className="board__empty">{t('board.empty')}</p>
          ) : (
            <ul className="tab-grid">
              {tabs.data.map((tab) => (
                <TabCard key={tab.id} tab={tab} store={settings} />
              ))}
            </ul>
          )}
        </section>
      ) : (
        !loadError && <p className="board__loading">{t('board.loading')}</p>
      )}
    </main>
  );
}
