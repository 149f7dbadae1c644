import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { useCommand } from '../../hooks/use-command';
import { useOpenTabs, useStore } from '../../hooks/use-live-data';
import { useShortcut } from '../../hooks/use-shortcut';
import { t } from '../../i18n/t';
import { MissingTokens } from './MissingTokens';
import { TokenGrid } from './TokenGrid';
import { useTokenPool } from './use-token-pool';
import './tokens.css';

const GRID_HEADING_ID = 'token-grid-heading';

/** Issue a token: pick a free one from the pool (or take the next free one), with optional details. */
export function TokenScreen() {
  const navigate = useNavigate();
  const store = useStore();
  const tabs = useOpenTabs();
  const pool = useTokenPool();
  const openPicked = useCommand('tab.open');
  const openNext = useCommand('tab.open');
  const [name, setName] = useState('');
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);

  const holderNames = useMemo(() => new Map((tabs.data ?? []).map((tab) => [tab.id, [tab.name, tab.label].filter(Boolean).join(' · ')] as const)), [tabs.data]);
  // Another window may take the selected token at any moment; the live pool says so at once.
  const selectedHeld = selected !== null && pool.data?.some((slot) => slot.token === selected && slot.state !== 'free') === true;
  const freeCount = pool.data?.filter((slot) => slot.state === 'free').length ?? 0;
  const details = { name: name.trim(), label: label.trim(), note: note.trim() };

  const pick = (token: number): void => {
    setSelected(token);
    setLocalError(null);
    openPicked.clearError();
    openNext.clearError();
  };

  const openSelected = async (): Promise<void> => {
    openNext.clearError();
    if (selected === null) return setLocalError(t('tokens.pickFirst'));
    // Known to be held already: refuse here rather than post a command bound to fail.
    if (selectedHeld) return setLocalError(t('tokens.heldNow', { token: selected }));
    setLocalError(null);
    const tab = await openPicked.run({ token: selected, ...details });
    // Refused (most likely taken in another window meanwhile): show the pool as it is now.
    if (tab) navigate(`/slip/${tab.id}`);
    else pool.reload();
  };

  const openOnNext = async (): Promise<void> => {
    setLocalError(null);
    openPicked.clearError();
    const tab = await openNext.run(details);
    if (tab) navigate(`/slip/${tab.id}`);
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void openSelected();
  };

  // Enter outside the fields opens too, including on the token just tapped (focus stays on it);
  // on any other button or link it stays a click.
  useShortcut('Enter', (event) => {
    const onSelectedToken = event.target instanceof HTMLButtonElement && event.target.getAttribute('aria-pressed') === 'true';
    if (!onSelectedToken && (event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    void openSelected();
  });

  const shownError = localError ?? (selectedHeld ? t('tokens.heldNow', { token: selected }) : null);
  const serverError = openPicked.error ?? openNext.error;
  const settings = store.data;

  return (
    <Screen title={t('tokens.title')} back="/" className="tokens-screen">
      <form className="tokens-form" onSubmit={submit}>
        <div className="tokens-form__fields">
          <label className="field">
            <span>{t('tokens.name')}</span>
            <input value={name} maxLength={60} onChange={(event) => setName(event.target.value)} />
          </label>
          <label className="field">
            <span>{t('tokens.label')}</span>
            <input value={label} maxLength={30} onChange={(event) => setLabel(event.target.value)} />
          </label>
          <label className="field">
            <span>{t('tokens.note')}</span>
            <input value={note} maxLength={280} onChange={(event) => setNote(event.target.value)} />
          </label>
        </div>
        <div className="tokens-form__actions">
          <button type="submit" className="button button--primary tokens-form__open" disabled={openPicked.pending} aria-keyshortcuts="Enter">
            {openPicked.pending ? t('tokens.opening') : selected !== null ? t('tokens.openSelected', { token: selected }) : t('tokens.open')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            disabled={openNext.pending || (pool.data !== null && freeCount === 0)}
            onClick={() => void openOnNext()}
          >
            {openNext.pending ? t('tokens.opening') : t('tokens.openNext')}
          </button>
          <p className="tokens-form__status" aria-live="polite">
            {selected !== null && !selectedHeld ? t('tokens.selected', { token: selected }) : t('tokens.pickFirst')}
          </p>
        </div>
      </form>

      <section className="tokens-pool" aria-labelledby={GRID_HEADING_ID}>
        <h2 id={GRID_HEADING_ID} className="tokens-pool__heading">
          {settings ? t('tokens.gridLabel', { first: settings.tokenFirst, last: settings.tokenLast }) : t('tokens.loading')}
        </h2>
        <ErrorNote error={shownError ?? serverError} />
        {!shownError && serverError?.code === 'token_held' && <p className="tokens-pool__hint">{t('tokens.pickAnother')}</p>}
        <ErrorNote error={pool.error ? t('tokens.loadFailed', { message: pool.error }) : null} />
        {pool.data && freeCount === 0 && <p className="tokens-pool__hint">{t('tokens.noneFree')}</p>}
        <p className="tokens-pool__hint">{t('tokens.legend')}</p>
        {pool.data ? (
          <TokenGrid pool={pool.data} selected={selected} holderNames={holderNames} onPick={pick} labelledBy={GRID_HEADING_ID} />
        ) : (
          !pool.error && <p className="tokens-pool__hint">{t('tokens.loading')}</p>
        )}
      </section>
      {pool.data && settings && <MissingTokens pool={pool.data} store={settings} headingId="pool-missing-heading" />}
    </Screen>
  );
}
