import { t } from '../i18n/t';
import '../screens/signin/signin.css';

/**
 * What the window shows from its first paint until the main process answers: the desktop window
 * opens while the ledger is still being checked, and its first questions (this PC's language,
 * whether the ledger passed its check) wait for that. The PIN pad's frame, so the pad or the
 * recovery screen takes its place without a jump. The words are English until the language is known.
 */
export function StartingScreen() {
  return (
    <main className="signin" aria-busy="true" aria-label={t('app.name')}>
      <div className="signin__frame">
        <h1 className="signin__title">{t('app.name')}</h1>
        <p role="status">{t('app.starting')}</p>
      </div>
    </main>
  );
}
