import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { SessionState } from '../../../shared/types';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { t } from '../../i18n/t';
import { PIN_MAX_DIGITS, pinText } from './pin-text';
import './signin.css';

/**
 * The first start (or the first start of a ledger from before PINs): there is no default PIN, so
 * the owner chooses one, types it twice, and is signed in. The ledger checks it again.
 */
export function SetupScreen({ state, onReload }: { state: SessionState; onReload: () => void }) {
  const owner = state.staff.find((s) => s.role === 'owner');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<AppError | string | null>(null);
  const [pending, setPending] = useState(false);
  const field = error && typeof error !== 'string' ? error.field : error ? 'pinAgain' : undefined;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (pending) return;
    if (pin !== again) {
      setError(t('errors.field.pinAgain'));
      return;
    }
    setPending(true);
    setError(null);
    const result = await api['session.setup']({ pin, pinAgain: again });
    setPending(false);
    if (result.ok) return;
    setError(result.error);
    // Another screen set it meanwhile: the PIN pad takes over once the state is read again.
    if (result.error.key === 'errors.setup.done') onReload();
  };

  const described = (name: string) => ({ 'aria-invalid': field === name ? true : undefined, 'aria-describedby': field === name ? 'setup-error' : undefined });

  return (
    <main className="signin" aria-labelledby="setup-title">
      <form className="signin__frame signin__setup" onSubmit={(e) => void submit(e)} noValidate>
        <header className="signin__header">
          <p className="signin__store">{state.storeName}</p>
          <h1 id="setup-title" className="signin__title">
            {t('session.setupTitle')}
          </h1>
          <p>{t('session.setupIntro', { name: owner?.name ?? '' })}</p>
        </header>
        <div className="field">
          <label htmlFor="setup-pin">{t('session.newPin')}</label>
          <input
            id="setup-pin"
            className="signin__pin"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            autoFocus
            maxLength={PIN_MAX_DIGITS}
            value={pin}
            onChange={(e) => setPin(pinText(e.target.value))}
            {...described('pin')}
          />
        </div>
        <div className="field">
          <label htmlFor="setup-again">{t('session.pinAgain')}</label>
          <input
            id="setup-again"
            className="signin__pin"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={PIN_MAX_DIGITS}
            value={again}
            onChange={(e) => setAgain(pinText(e.target.value))}
            {...described('pinAgain')}
          />
        </div>
        <ErrorNote error={error} id="setup-error" />
        <button type="submit" className="button button--primary signin__submit" disabled={pending}>
          {t('session.setupSubmit')}
        </button>
      </form>
    </main>
  );
}
