import { useState, type FormEvent } from 'react';
import type { TabDetail } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { errorElsewhere, errorFor } from '../../components/field-error';
import { FormActions } from '../../components/FormActions';
import { useCommand } from '../../hooks/use-command';
import { useShortcut } from '../../hooks/use-shortcut';
import { t } from '../../i18n/t';
import { useTokenPool } from '../tokens/use-token-pool';
import { typeDigit } from './move-draft';
import { useEnterSubmits } from './MovePanel';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

type Props = { tab: TabDetail; onCancel: () => void; onDone: (tab: TabDetail) => void };

/** Gives the tab another token: a free one, typed or tapped from the pool's free tokens; the old one goes back. */
export function ChangeTokenPanel({ tab, onCancel, onDone }: Props) {
  const pool = useTokenPool();
  const change = useCommand('tab.changeToken');
  const [typed, setTyped] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const free = (pool.data ?? []).filter((slot) => slot.state === 'free');
  const token = typed === '' ? null : Number(typed);
  const isFree = token !== null && free.some((slot) => slot.token === token);

  useShortcut(DIGITS, (event) => {
    event.preventDefault();
    setLocal(null);
    setTyped((now) => typeDigit(now, event.key));
  });
  useShortcut('Backspace', (event) => {
    if (typed === '') return;
    event.preventDefault();
    setTyped((now) => now.slice(0, -1));
  });

  const submit = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    if (token === null) return setLocal(t('changeToken.pick'));
    if (!isFree) return setLocal(t('changeToken.notFree', { token }));
    setLocal(null);
    const done = await change.run({ tabId: tab.id, token });
    if (done) onDone(done);
  };
  useEnterSubmits(() => void submit());

  return (
    <form className="panel tab-detail__panel tab-move" onSubmit={(e) => void submit(e)} aria-labelledby="change-token-heading">
      <h2 id="change-token-heading" className="tab-detail__heading">
        {t('changeToken.heading', { token: tab.token })}
      </h2>
      <p>{t('changeToken.explain', { token: tab.token })}</p>
      <p className="tab-detail__muted">{t('changeToken.typeHint')}</p>
      {token !== null && !isFree && pool.data && (
        <p className="error-note" role="alert">
          {t('changeToken.notFree', { token })}
        </p>
      )}
      {pool.data && free.length === 0 && <p>{t('changeToken.noneFree')}</p>}
      <div className="tab-picker__tabs tab-picker__tabs--tokens" role="group" aria-label={t('changeToken.gridLabel')}>
        {free.map((slot) => (
          <button
            key={slot.token}
            type="button"
            className={`tab-picker__tab tab-picker__tab--token${token === slot.token ? ' tab-picker__tab--picked' : ''}`}
            aria-pressed={token === slot.token}
            aria-label={t('tokens.tokenButton', { token: slot.token })}
            onClick={() => {
              setLocal(null);
              setTyped(String(slot.token));
            }}
          >
            <span className="tab-picker__token">{slot.token}</span>
          </button>
        ))}
      </div>
      <ErrorNote error={errorFor(change.error, ['token'])} />
      <ErrorNote error={local ?? errorElsewhere(change.error, ['token'])} />
      <FormActions
        className="tab-detail__form-actions"
        confirm={change.pending ? t('changeToken.changing') : isFree && token !== null ? t('changeToken.confirm', { token }) : t('changeToken.pick')}
        pending={change.pending}
        onCancel={onCancel}
      />
    </form>
  );
}
