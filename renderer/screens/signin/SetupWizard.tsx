import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AppError } from '../../../shared/errors';
import type { FirstRunPreview } from '../../../shared/first-run-types';
import type { Language } from '../../../shared/i18n/languages';
import { parseStoreProfile } from '../../../shared/store-profile';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { useShortcut } from '../../hooks/use-shortcut';
import { describeError } from '../../i18n/describe-error';
import { t, type MessageKey } from '../../i18n/t';
import { FirstRunProfile } from './FirstRunProfile';
import {
  firstProblemStep,
  initialDraft,
  stepProblems,
  withLanguage,
  withLocale,
  wizardProfile,
  wizardSteps,
  type Suggested,
  type WizardDraft,
  type WizardEdit,
  type WizardProblems,
  type WizardStep,
} from './wizard-draft';
import { fieldId } from './WizardField';
import { CatalogStep } from './WizardCatalogStep';
import { WizardImport } from './WizardImport';
import { MoneyStep, StoreStep } from './WizardPlaceSteps';
import { ReviewStep } from './WizardReview';
import { TaxStep, TokensStep } from './WizardTaxSteps';
import './signin.css';
import './setup-wizard.css';

const STEP_NAMES: Record<WizardStep, MessageKey> = {
  store: 'firstRun.wizard.step.store',
  money: 'firstRun.wizard.step.money',
  tax: 'firstRun.wizard.step.tax',
  tokens: 'firstRun.wizard.step.tokens',
  catalog: 'firstRun.wizard.step.catalog',
  review: 'firstRun.wizard.step.review',
};
const STEP_TITLES: Record<WizardStep, MessageKey> = {
  store: 'firstRun.wizard.title.store',
  money: 'firstRun.wizard.title.money',
  tax: 'firstRun.wizard.title.tax',
  tokens: 'firstRun.wizard.title.tokens',
  catalog: 'firstRun.wizard.title.catalog',
  review: 'firstRun.wizard.title.review',
};

function browserDraft(): WizardDraft {
  return initialDraft({ locale: navigator.language, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
}

/** Puts the cursor in the first field with a problem, once the step shows it. */
function focusFirst(problems: WizardProblems): void {
  const first = Object.keys(problems)[0];
  if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
}

/**
 * Enter is Next from a list or a choice too, as it already is from a text field (the browser
 * submits the form from those); in the address it starts a new line, and on a button it presses it.
 */
function enterGoesOn(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || event.defaultPrevented || event.nativeEvent.isComposing) return;
  const target = event.target;
  if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox'))) {
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }
}

/**
 * The first start of a store that came with no profile: six short steps (the store, money and
 * place, tax, tokens, a starter catalog, then a check of it all with the owner's name and PIN).
 * Enter goes on, Esc or Back goes back; a step's problems show beside their fields when the owner
 * tries to go on. "Set up the store" sends the store profile the answers make to the host, which
 * checks it and applies it in one transaction, then sets the owner's PIN, which signs them in. If
 * the PIN is refused after that, the store stays set up and only the PIN is asked again.
 *
 * onLeave: the wizard is done with (skipped, a profile file was applied, or another screen set
 * the store up first); the owner's PIN screen or the PIN pad follows.
 */
export function SetupWizard({ onLeave }: { onLeave: () => void }) {
  const [draft, setDraft] = useState(browserDraft);
  const chosen = useRef(new Set<Suggested>());
  const [index, setIndex] = useState(0);
  const [tried, setTried] = useState<ReadonlySet<WizardStep>>(new Set());
  const [applied, setApplied] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [refusedProfile, setRefusedProfile] = useState<string[]>([]);
  const [imported, setImported] = useState<FirstRunPreview | null>(null);
  const step = wizardSteps[index] ?? 'store';
  const last = index === wizardSteps.length - 1;

  const edit: WizardEdit = {
    set(patch, suggested) {
      if (suggested) chosen.current.add(suggested);
      setDraft((current) => ({ ...current, ...patch }));
    },
    setLocale(locale) {
      setDraft((current) => withLocale(current, locale, chosen.current));
    },
    setLanguage(language: Language) {
      chosen.current.add('language');
      setDraft((current) => withLanguage(current, language, chosen.current));
    },
  };

  const problems: WizardProblems = tried.has(step) ? { ...stepProblems(step, draft) } : {};
  // A PIN the ledger refused is that field's problem; any other refusal shows under the step.
  const pinField = error?.field === 'pin' || error?.field === 'pinAgain' ? error.field : null;
  if (pinField && error && !problems[pinField]) problems[pinField] = describeError(error);

  const goTo = (target: WizardStep): void => {
    setError(null);
    setIndex(wizardSteps.indexOf(target));
  };

  const back = (): void => {
    if (applied || pending || index === 0) return;
    goTo(wizardSteps[index - 1] ?? 'store');
  };
  useShortcut('Escape', back, { inFields: true, enabled: imported === null });

  const finish = async (): Promise<void> => {
    setPending(true);
    setError(null);
    setRefusedProfile([]);
    if (!applied) {
      const broken = firstProblemStep(draft);
      if (broken) {
        setPending(false);
        setTried(new Set(wizardSteps));
        goTo(broken.step);
        focusFirst(broken.problems);
        return;
      }
      const profile = wizardProfile(draft);
      // The host reads it the same way; a problem here would only be refused there.
      const checked = parseStoreProfile(JSON.stringify(profile));
      if (!checked.ok) {
        setPending(false);
        setRefusedProfile(checked.problems.map((problem) => problem.message));
        return;
      }
      const result = await api['firstRun.applyWizard']({ profile });
      if (!result.ok) {
        setPending(false);
        // Someone set this store up from another screen meanwhile: theirs stands.
        if (result.error.key === 'errors.profile.notFresh') onLeave();
        else setError(result.error);
        return;
      }
      setApplied(true);
    }
    const signedIn = await api['session.setup']({ pin: draft.pin, pinAgain: draft.pinAgain });
    setPending(false);
    // Signed in: the app opens on the board.
    if (signedIn.ok) return;
    if (signedIn.error.key === 'errors.setup.done') onLeave();
    else setError(signedIn.error);
  };

  const next = (event: FormEvent): void => {
    event.preventDefault();
    if (pending) return;
    const found = stepProblems(step, draft);
    if (Object.keys(found).length > 0) {
      setTried(new Set([...tried, step]));
      focusFirst(found);
      return;
    }
    if (last) void finish();
    else goTo(wizardSteps[index + 1] ?? 'review');
  };

  if (imported) return <FirstRunProfile preview={imported} onApplied={onLeave} onBack={() => setImported(null)} />;

  const props = { draft, problems, edit };
  return (
    <main className="signin wizard" aria-labelledby="wizard-title">
      <form className="signin__frame wizard__frame" onSubmit={next} onKeyDown={enterGoesOn} noValidate>
        <header className="wizard__header">
          <div className="wizard__heading">
            <h1 id="wizard-title" className="signin__title">
              {t('firstRun.wizard.heading')}
            </h1>
            <p className="wizard__progress" data-testid="wizard-progress">
              {t('firstRun.wizard.stepOf', { n: index + 1, count: wizardSteps.length })}
            </p>
          </div>
          <ol className="wizard__steps">
            {wizardSteps.map((name, i) => (
              <li key={name} className={i < index ? 'wizard__steps-done' : undefined} aria-current={name === step ? 'step' : undefined}>
                {t(STEP_NAMES[name])}
              </li>
            ))}
          </ol>
          {step === 'store' && <WizardImport onPreview={setImported} />}
        </header>
        <section className="panel wizard__body" aria-labelledby="wizard-step-title">
          <h2 id="wizard-step-title" className="wizard__step-title">
            {t(STEP_TITLES[step])}
          </h2>
          {step === 'store' && <StoreStep {...props} />}
          {step === 'money' && <MoneyStep {...props} />}
          {step === 'tax' && <TaxStep {...props} />}
          {step === 'tokens' && <TokensStep {...props} />}
          {step === 'catalog' && <CatalogStep {...props} />}
          {step === 'review' && <ReviewStep {...props} applied={applied} goTo={goTo} />}
        </section>
        <ErrorNote error={pinField ? null : error} id="wizard-error" />
        {refusedProfile.length > 0 && (
          <div className="wizard__problems" role="alert">
            <p>{t('firstRun.wizard.refused')}</p>
            <ul>
              {refusedProfile.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        )}
        <footer className="wizard__actions">
          {index === 0 ? (
            <button type="button" className="button button--ghost" onClick={onLeave}>
              {t('firstRun.wizard.skip')}
            </button>
          ) : (
            <button type="button" className="button button--ghost" disabled={applied || pending} onClick={back}>
              {t('firstRun.wizard.back')}
            </button>
          )}
          <button type="submit" className="button button--primary wizard__next" disabled={pending}>
            {last ? t(pending ? 'firstRun.applying' : applied ? 'session.setupSubmit' : 'firstRun.wizard.finish') : t('firstRun.wizard.next')}
          </button>
        </footer>
      </form>
    </main>
  );
}
