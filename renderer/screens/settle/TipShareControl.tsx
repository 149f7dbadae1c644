import type { AppError } from '../../../shared/errors';
import type { Minor } from '../../../shared/money';
import { ErrorNote } from '../../components/ErrorNote';
import { t } from '../../i18n/t';
import { previewShares, type TipServers, type TipShareChoice } from './tip-share';

type Props = {
  servers: TipServers;
  choice: TipShareChoice;
  onChange: (choice: TipShareChoice) => void;
  /** The tip as previewed, or null while the typed tip is not an amount. */
  tipMinor: Minor | null;
  format: (minor: Minor) => string;
  error: AppError | string | null;
};

const ways = ['lines', 'even', 'person'] as const;

/**
 * How a tip on a tab several people served is shared, and who would get what. The split shown is
 * worked out by the same rule the ledger posts with.
 */
export function TipShareControl({ servers, choice, onChange, tipMinor, format, error }: Props) {
  const pickable = servers.people.filter((p) => p.active);
  const shares = previewShares(tipMinor, choice, servers);
  return (
    <div className="settle-tipshare">
      <div className="settle__choices" role="group" aria-label={t('settle.tipShare')}>
        {ways.map((way) => (
          <button
            key={way}
            type="button"
            className={`button ${choice.split === way ? 'button--primary' : 'button--ghost'}`}
            aria-pressed={choice.split === way}
            onClick={() => onChange(way === 'person' ? { split: 'person', staffId: choice.split === 'person' ? choice.staffId : null } : { split: way })}
          >
            {t(`settle.tipShare.${way}`)}
          </button>
        ))}
      </div>
      {choice.split === 'person' && (
        <div className="settle__choices" role="group" aria-label={t('settle.tipShare.who')}>
          {pickable.map((p) => (
            <button
              key={p.staffId}
              type="button"
              className={`button ${choice.staffId === p.staffId ? 'button--primary' : 'button--ghost'}`}
              aria-pressed={choice.staffId === p.staffId}
              onClick={() => onChange({ split: 'person', staffId: p.staffId })}
            >
              {p.name}
            </button>
          ))}
        </div>
      )}
      <ErrorNote error={error} />
      {shares && (
        <ul className="settle-tipshare__preview" aria-label={t('settle.tipShare.preview')} aria-live="polite">
          {shares.map((s) => (
            <li key={s.staffId}>{t('settle.tipShare.share', { name: s.name, amount: format(s.tipMinor) })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
