import type { AppError } from '../../../shared/errors';
import { ErrorNote } from '../../components/ErrorNote';
import { t } from '../../i18n/t';
import type { JumpTarget } from './digit-jump';

type Notice = Exclude<JumpTarget, { kind: 'tab' }>;

type Props = {
  /** Digits typed so far, shown while the board waits for more. */
  typed: string;
  notice: Notice | null;
  pool: { first: number; last: number };
  opening: boolean;
  error: AppError | null;
  onOpen: (token: number) => void;
  onDismiss: () => void;
};

/** The number being typed, then what it led to when no open tab holds that token. */
export function JumpPanel({ typed, notice, pool, opening, error, onOpen, onDismiss }: Props) {
  return (
    <>
      {typed && (
        <div className="board-jump" role="status" aria-live="polite">
          <span className="board-jump__number">{t('board.jumpTyped', { token: typed })}</span>
          <span className="board-jump__hint">{t('board.jumpHint')}</span>
        </div>
      )}
      {notice && (
        <div className="board-notice" role="status">
          <p className="board-notice__text">
            {notice.kind === 'free'
              ? t('board.tokenFree', { token: notice.token })
              : notice.kind === 'missing'
                ? t('board.tokenMissing', { token: notice.token })
                : t('board.tokenOutside', { token: notice.token, first: pool.first, last: pool.last })}
          </p>
          {notice.kind === 'free' && (
            <button type="button" className="button button--primary" disabled={opening} onClick={() => onOpen(notice.token)}>
              {opening ? t('board.opening') : t('board.openOn', { token: notice.token })}
            </button>
          )}
          <button type="button" className="button button--ghost" onClick={onDismiss}>
            {t('board.dismiss')}
          </button>
          <ErrorNote error={error} />
        </div>
      )}
    </>
  );
}
