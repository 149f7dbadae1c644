import type { Access } from '../../api';
import { t } from '../../i18n/t';

type Props = { access: Exclude<Access, 'granted'> };

/** Shown instead of the app when the page lacks the per-launch secret the web host requires. */
export function LinkRequiredScreen({ access }: Props) {
  return (
    <main className="access">
      <h1>{t('access.heading')}</h1>
      <p>{access === 'rejected' ? t('access.rejected') : t('access.missing')}</p>
      <p>{t('access.where')}</p>
      <pre className="access__example">{t('access.example')}</pre>
    </main>
  );
}
