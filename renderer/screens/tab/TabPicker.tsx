import { useState } from 'react';
import type { TabSummary } from '../../../shared/types';
import { useShortcut } from '../../hooks/use-shortcut';
import { t } from '../../i18n/t';
import { typeDigit } from './move-draft';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

type Props = {
  /** The open tabs, this one included (it is left out of the choice). */
  tabs: readonly TabSummary[] | null;
  selfId: number;
  selected: number | null;
  onSelect: (tabId: number | null) => void;
  heading: string;
  headingId: string;
  format: (minor: number) => string;
};

/**
 * Which open tab things go to: typed by its token's digits (Backspace takes one back), or tapped
 * on its big button. A token no other open tab holds says so in place.
 */
export function TabPicker({ tabs, selfId, selected, onSelect, heading, headingId, format }: Props) {
  const [typed, setTyped] = useState('');
  const others = (tabs ?? []).filter((tab) => tab.id !== selfId);
  const type = (next: string): void => {
    setTyped(next);
    const token = next === '' ? null : Number(next);
    onSelect(others.find((tab) => tab.token === token)?.id ?? null);
  };
  useShortcut(DIGITS, (event) => {
    event.preventDefault();
    type(typeDigit(typed, event.key));
  });
  useShortcut('Backspace', (event) => {
    if (typed === '') return;
    event.preventDefault();
    type(typed.slice(0, -1));
  });
  const typedToken = typed === '' ? null : Number(typed);
  const self = tabs?.find((tab) => tab.id === selfId);
  const miss =
    typedToken !== null && selected === null
      ? self?.token === typedToken
        ? t('picker.thisTab', { token: typedToken })
        : t('picker.noTab', { token: typedToken })
      : null;
  return (
    <div className="tab-picker" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className="tab-picker__heading">
        {heading}
      </h3>
      <p className="tab-detail__muted">{t('picker.typeHint')}</p>
      {typed && (
        <p className="tab-picker__typed" aria-live="polite">
          {t('picker.typed', { token: typed })}
        </p>
      )}
      {miss && (
        <p className="error-note" role="alert">
          {miss}
        </p>
      )}
      {tabs && others.length === 0 && <p className="tab-detail__muted">{t('picker.noOther')}</p>}
      <div className="tab-picker__tabs">
        {others.map((tab) => {
          const who = [tab.customerName, tab.name, tab.label].filter(Boolean).join(' · ') || t('tab.noName');
          const picked = selected === tab.id;
          return (
            <button
              key={tab.id}
              type="button"
              className={`tab-picker__tab${picked ? ' tab-picker__tab--picked' : ''}`}
              aria-pressed={picked}
              aria-label={t('picker.tabLabel', { token: tab.token, who })}
              onClick={() => {
                // Tapping the picked tab again keeps it: Enter on the focused button then moves, as the panel says.
                setTyped('');
                onSelect(tab.id);
              }}
            >
              <span className="tab-picker__token">{tab.token}</span>
              <span className="tab-picker__who">{who}</span>
              <span className="tab-picker__due">{t('picker.due', { amount: format(tab.dueMinor) })}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
