import type { TokenState } from '../../../shared/types';
import { t } from '../../i18n/t';

type Props = {
  pool: readonly TokenState[];
  selected: number | null;
  /** Who holds a token, by tab id, so staff see whose it is. */
  holderNames: ReadonlyMap<number, string>;
  onPick: (token: number) => void;
  labelledBy: string;
};

const stateWord = (slot: TokenState): string => (slot.state === 'missing' ? t('tokens.missing') : slot.state === 'held' ? t('tokens.held') : t('tokens.free'));

/**
 * Every token in the pool and its state: free ones are big buttons; held ones (with whose tab) and
 * missing ones (with the tab they went with) are shown but cannot be picked.
 */
export function TokenGrid({ pool, selected, holderNames, onPick, labelledBy }: Props) {
  return (
    <div className="token-grid" role="group" aria-labelledby={labelledBy}>
      {pool.map((slot) => {
        const { token, tabId, state } = slot;
        const free = state === 'free';
        const holder = tabId !== null ? holderNames.get(tabId) : slot.missing ? [slot.missing.name, slot.missing.label].filter(Boolean).join(' · ') : undefined;
        const isSelected = free && selected === token;
        return (
          <button
            key={token}
            type="button"
            className={`token-grid__token token-grid__token--${state}${isSelected ? ' token-grid__token--selected' : ''}`}
            disabled={!free}
            aria-pressed={isSelected}
            aria-label={`${t('tokens.tokenButton', { token })}, ${stateWord(slot)}${slot.outOfRange ? `, ${t('tokens.outOfRange')}` : ''}`}
            onClick={() => onPick(token)}
          >
            <span className="token-grid__number">{token}</span>
            <span className="token-grid__state">{stateWord(slot)}</span>
            {holder && (
              <span className="token-grid__holder" title={holder}>
                {holder}
              </span>
            )}
            {slot.outOfRange && <span className="token-grid__holder">{t('tokens.outOfRange')}</span>}
          </button>
        );
      })}
    </div>
  );
}
