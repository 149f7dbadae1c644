import type { TokenState } from '../../../shared/types';
import { t } from '../../i18n/t';

type Props = {
  pool: TokenState[];
  selected: number | null;
  /** Who holds a token, by tab id, so staff see whose it is. */
  holderNames: ReadonlyMap<number, string>;
  onPick: (token: number) => void;
  labelledBy: string;
};

/** Every token in the pool: free ones are big buttons, held ones are shown but cannot be picked. */
export function TokenGrid({ pool, selected, holderNames, onPick, labelledBy }: Props) {
  return (
    <div className="token-grid" role="group" aria-labelledby={labelledBy}>
      {pool.map(({ token, tabId }) => {
        const held = tabId !== null;
        const holder = held ? holderNames.get(tabId) : undefined;
        const isSelected = !held && selected === token;
        return (
          <button
            key={token}
            type="button"
            className={`token-grid__token${held ? ' token-grid__token--held' : ''}${isSelected ? ' token-grid__token--selected' : ''}`}
            disabled={held}
            aria-pressed={isSelected}
            aria-label={`${t('tokens.tokenButton', { token })}, ${held ? t('tokens.held') : t('tokens.free')}`}
            onClick={() => onPick(token)}
          >
            <span className="token-grid__number">{token}</span>
            <span className="token-grid__state">{held ? t('tokens.held') : t('tokens.free')}</span>
            {holder && (
              <span className="token-grid__holder" title={holder}>
                {holder}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
