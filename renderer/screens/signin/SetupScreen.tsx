import { useEffect, useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { FirstRunPreview } from '../../../shared/first-run-types';
import type { SessionState } from '../../../shared/types';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { PinField } from '../../components/PinField';
import { t } from '../../i18n/t';
import { FirstRunProfile } from './FirstRunProfile';
import { SetupWizard } from './SetupWizard';
import './signin.css';

/**
 * The first start (or the first start of a ledger from before PINs): there is no default PIN, so
 * the owner chooses one, types it twice, and is signed in. The ledger checks it again. The same
 * screen follows a move to another computer without the PIN key: no old PIN can be checked there.
 * When the host was given a store profile for a fresh ledger, what it sets up comes first; a fresh
 * ledger without one is set up by the wizard (SetupWizard), which ends with the owner's PIN itself.
 */
export function SetupScreen({ state, onReload }: { state: SessionState; onReload: () => void }) {
  const owner = state.staff.find((s) => s.role === 'owner');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<AppError | string | null>(null);
  const [pending, setPending] = useState(false);
  // undefined until the host answers; null when there is no profile to set up (or it is applied).
  const [preview, setPreview] = useState<FirstRunPreview | null | undefined>(state.pinKeyChanged ? null : undefined);
  // A fresh store with no profile from the host is set up by the wizard; chosen once, so the wizard
  // stays while it sets the store up (the ledger is no longer fresh then) and asks for the PIN.
  const [wizard, setWizard] = useState(state.firstRun === true);
  useEffect(() => {
    if (preview !== undefined) return;
    let live = true;
    void api['firstRun.profile']({}).then((result) => {
      // A host that cannot answer leaves the owner's PIN, as without a profile.
      if (live) setPreview(result.ok ? result.value : null);
    });
    return () => {
      live = false;
    };
  }, [preview]);
  // The two entries differing is the second field's problem; the ledger names the field it refuses.
  const field = error && typeof error !== 'string' ? error.field : error ? 'pinAgain' : undefined;
  const errorAt = (name: string) => (field === name ? error : null);

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

  if (preview === undefined) return <main className="signin" aria-busy="true" />;
  if (preview !== null) {
    return (
      <FirstRunProfile
        preview={preview}
        onApplied={() => {
          setPreview(null);
          setWizard(false);
          // The store's name and the owner's name are the profile's now.
          onReload();
        }}
      />
    );
  }

  if (wizard) {
    return (
      <SetupWizard
        onLeave={() => {
          setWizard(false);
          onReload();
        }}
      />
    );
  }

  return (
    <main className="signin" aria-labelledby="setup-title">
      <form className="signin__frame signin__setup" onSubmit={(e) => void submit(e)} noValidate>
        <header className="signin__header">
          <p className="signin__store">{state.storeName}</p>
          <h1 id="setup-title" className="signin__title">
            {t('session.setupTitle')}
          </h1>
          <p>{state.pinKeyChanged ? t('session.setupKeyChanged', { name: owner?.name ?? '' }) : t('session.setupIntro', { name: owner?.name ?? '' })}</p>
        </header>
        <PinField
          id="setup-pin"
          inputClassName="signin__pin"
          autoComplete="new-password"
          autoFocus
          label={t('session.newPin')}
          value={pin}
          onChange={setPin}
          error={errorAt('pin')}
        />
        <PinField
          id="setup-again"
          inputClassName="signin__pin"
          autoComplete="new-password"
          label={t('session.pinAgain')}
          value={again}
          onChange={setAgain}
          error={errorAt('pinAgain')}
        />
        <ErrorNote error={field === 'pin' || field === 'pinAgain' ? null : error} id="setup-error" />
        <button type="submit" className="button button--primary signin__submit" disabled={pending}>
          {t('session.setupSubmit')}
        </button>
      </form>
    </main>
  );
}
