import type { TabDetail } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { useCommand, type CommandRunner } from '../../hooks/use-command';
import { useShortcut } from '../../hooks/use-shortcut';
import { t } from '../../i18n/t';
import { useTokenPool } from '../tokens/use-token-pool';
import './token-back.css';

export type TokenBack = {
  /** This tab's token is marked missing, gone with it. */
  missingHere: boolean;
  /** The token can still be marked as not handed back: nobody has had it since. */
  offer: boolean;
  mark: CommandRunner<'token.markMissing'>;
  found: CommandRunner<'token.markFound'>;
};

/** Whether a closed tab's token came back, as the live pool says. */
export function useTokenBack(tab: Pick<TabDetail, 'id' | 'token' | 'status'>): TokenBack {
  const pool = useTokenPool();
  const mark = useCommand('token.markMissing');
  const found = useCommand('token.markFound');
  const slot = pool.data?.find((s) => s.token === tab.token);
  const missingHere = slot?.state === 'missing' && slot.missing?.tabId === tab.id;
  const closed = tab.status === 'settled' || tab.status === 'written_off';
  // A token held again, or missing with another tab, was handed back after this tab; out of range, it may still be missing.
  const offer = closed && pool.data !== null && !missingHere && (slot === undefined || slot.state === 'free');
  return { missingHere, offer, mark, found };
}

type Props = { tab: Pick<TabDetail, 'id' | 'token' | 'status'>; back: TokenBack; shortcut?: boolean };

/**
 * "Token not handed back": one tap (or M where `shortcut`) marks the token missing with this tab,
 * so it stays out of the pool; once marked, Found puts it back.
 */
export function TokenNotBack({ tab, back, shortcut = false }: Props) {
  const markIt = (): void => void back.mark.run({ tabId: tab.id });
  useShortcut(
    ['m', 'M'],
    (event) => {
      event.preventDefault();
      markIt();
    },
    { enabled: shortcut && back.offer && !back.mark.pending },
  );
  if (back.missingHere) {
    return (
      <div className="token-back token-back--missing" role="status">
        <p>{t('settle.markedMissing', { token: tab.token })}</p>
        <button
          type="button"
          className="button button--ghost"
          aria-label={t('tokens.foundAria', { token: tab.token })}
          disabled={back.found.pending}
          onClick={() => void back.found.run({ token: tab.token })}
        >
          {t('tokens.found')}
        </button>
        <ErrorNote error={back.found.error} />
      </div>
    );
  }
  if (!back.offer) return <ErrorNote error={back.mark.error} />;
  return (
    <div className="token-back">
      <button
        type="button"
        className="button button--danger token-back__mark"
        disabled={back.mark.pending}
        onClick={markIt}
        aria-keyshortcuts={shortcut ? 'm' : undefined}
      >
        {t('settle.notHandedBack')}
        {shortcut && (
          <kbd className="key-hint" aria-hidden="true">
            M
          </kbd>
        )}
      </button>
      <ErrorNote error={back.mark.error} />
    </div>
  );
}
