import { useRef } from 'react';
import { ErrorNote } from '../../components/ErrorNote';
import { useCommand } from '../../hooks/use-command';
import { t } from '../../i18n/t';

/**
 * The two starter menus. On an empty catalog they are the big first step; otherwise they sit in
 * a small menu in the header (loading again only adds what is missing).
 */
export function StarterActions({ big }: { big: boolean }) {
  const load = useCommand('catalog.loadStarter');
  const menu = useRef<HTMLDetailsElement>(null);
  const run = async (kind: 'cafe' | 'salon'): Promise<void> => {
    // The menu folds away once the starter is in; on a refusal it stays open to show why.
    if ((await load.run({ kind })) && menu.current) menu.current.open = false;
  };
  const buttons = (
    <div className={big ? 'starter__buttons starter__buttons--big' : 'starter__buttons'}>
      <button type="button" className="button button--primary" disabled={load.pending} onClick={() => void run('cafe')}>
        {t('catalog.loadCafe')}
      </button>
      <button type="button" className="button button--primary" disabled={load.pending} onClick={() => void run('salon')}>
        {t('catalog.loadSalon')}
      </button>
      {load.pending && <p role="status">{t('catalog.loading.starter')}</p>}
      <ErrorNote error={load.error} />
    </div>
  );
  if (big) {
    return (
      <section className="starter starter--empty" aria-labelledby="starter-heading">
        <p id="starter-heading" className="starter__text">
          {t('catalog.empty')}
        </p>
        {buttons}
      </section>
    );
  }
  return (
    <details className="starter-menu" ref={menu}>
      <summary className="button button--ghost">{t('catalog.starters')}</summary>
      <div className="starter-menu__body">
        <p className="starter-menu__hint">{t('catalog.startersHint')}</p>
        {buttons}
      </div>
    </details>
  );
}
