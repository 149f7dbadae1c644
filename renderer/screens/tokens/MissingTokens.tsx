import { Link } from 'react-router';
import type { MissingToken, StoreSettings, TokenState } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { useCommand } from '../../hooks/use-command';
import { useWhen } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import './missing-tokens.css';

type Props = { pool: readonly TokenState[]; store: Pick<StoreSettings, 'locale' | 'timeZone'>; headingId: string };

/** Who a missing token went with: the tab's name or label, else when that tab closed. */
export function wentWith(missing: MissingToken, when: (at: string) => string): string {
  const who = [missing.name, missing.label].filter(Boolean).join(' · ');
  if (who) return t('tokens.wentWith', { who });
  return t('tokens.wentWithNameless', { when: when(missing.closedAt ?? missing.at) });
}

/**
 * The tokens customers kept: each one "missing", its number, the tab it went with (a link to it)
 * and a Found button that puts it back in the pool. Nothing at all while none is missing.
 */
export function MissingTokens({ pool, store, headingId }: Props) {
  const found = useCommand('token.markFound');
  const when = useWhen(store);
  const missing = pool.flatMap((slot) => (slot.state === 'missing' && slot.missing ? [{ token: slot.token, gone: slot.missing }] : []));
  if (missing.length === 0) return null;
  return (
    <section className="missing-tokens" aria-labelledby={headingId}>
      <h2 id={headingId} className="missing-tokens__heading">
        {t('tokens.missingHeading')}
      </h2>
      <p className="missing-tokens__hint">{t('tokens.missingHint')}</p>
      <ul className="missing-tokens__list">
        {missing.map(({ token, gone }) => (
          <li key={token} className="missing-tokens__item" aria-label={t('tokens.missingItem', { token })}>
            <span className="missing-tokens__token">{token}</span>
            <span className="missing-tokens__what">
              <span className="missing-tokens__state">{t('tokens.missing')}</span>
              <span className="missing-tokens__who">{wentWith(gone, when.format)}</span>
              <Link className="missing-tokens__tab" to={`/tab/${gone.tabId}`}>
                {t('tokens.seeTab')}
              </Link>
            </span>
            <button
              type="button"
              className="button button--primary missing-tokens__found"
              aria-label={t('tokens.foundAria', { token })}
              disabled={found.pending}
              onClick={() => void found.run({ token })}
            >
              {t('tokens.found')}
            </button>
          </li>
        ))}
      </ul>
      <ErrorNote error={found.error} />
    </section>
  );
}
