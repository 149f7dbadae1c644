import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import type { SessionState, StaffTile } from '../../../shared/types';
import { api, type SignOutReason } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { enterSubmits, pinDigit, useKeyCapture } from '../../hooks/use-key-capture';
import { useNow } from '../../hooks/use-now';
import { formatWhen } from '../../hooks/use-when';
import { describeError } from '../../i18n/describe-error';
import { t } from '../../i18n/t';
import { PIN_MAX_DIGITS, pinText } from './pin-text';
import './signin.css';

type Props = {
  state: SessionState;
  /** Why nobody is signed in now: shown once above the names (the idle lock, a lock, an expired session). */
  ended: SignOutReason | null;
  idleMinutes: number;
  /** Reads the pad's names again (a lockout began, so a tile should say until when). */
  onReload: () => void;
};

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** A tap on a pad key or a name keeps the focus where it was, so the keyboard's Enter still signs in. */
const keepFocus = (event: MouseEvent): void => event.preventDefault();

/**
 * The counter's PIN pad, over everything: tap your name, type your PIN (on the pad or the
 * keyboard, without focusing the field), Enter. A refusal shows beside the field and the PIN
 * is cleared for the next try. The same pad signs in, switches person and unlocks.
 */
export function PinPad({ state, ended, idleMinutes, onReload }: Props) {
  const withPin = state.staff.filter((s) => s.hasPin);
  const [chosenId, choose] = useState<number | null>(withPin.length === 1 ? (withPin[0]?.id ?? null) : null);
  const chosen = withPin.find((s) => s.id === chosenId) ?? null;
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const frame = useRef<HTMLElement>(null);
  const pinInput = useRef<HTMLInputElement>(null);
  const now = useNow(15_000);

  useEffect(() => {
    // Nothing behind the pad keeps the focus; the frame takes it, so the keyboard's digits work at once.
    frame.current?.focus();
  }, []);

  const type = (digit: string): void => {
    setError(null);
    setPin((p) => (p.length >= PIN_MAX_DIGITS ? p : p + digit));
  };
  const erase = (): void => setPin((p) => p.slice(0, -1));

  const submit = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    if (pending) return;
    if (!chosen) {
      setError(t('session.chooseFirst'));
      return;
    }
    setPending(true);
    setError(null);
    const result = await api['session.signIn']({ staffId: chosen.id, pin });
    setPending(false);
    // Signed in: the session store hides the pad; nothing more to do here.
    if (result.ok) return;
    setError(describeError(result.error));
    setPin('');
    if (result.error.code === 'locked_out') onReload();
  };

  useKeyCapture((event) => {
    const digit = pinDigit(event);
    if (digit) {
      event.preventDefault();
      type(digit);
    } else if (event.key === 'Backspace' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      erase();
    } else if (enterSubmits(event)) {
      event.preventDefault();
      void submit();
    }
  }, true);

  const pick = (tile: StaffTile, event: MouseEvent): void => {
    choose(tile.id);
    setPin('');
    setError(null);
    // Chosen from the keyboard (Tab, Enter): the PIN field is next. A tap leaves the focus alone.
    if (event.detail === 0) pinInput.current?.focus();
  };

  const endedNote =
    ended === 'idle' ? t('session.ended.idle', { count: idleMinutes }) : ended === 'lock' ? t('session.ended.lock') : ended === 'expired' ? t('session.ended.expired') : null;

  return (
    <main ref={frame} className="signin" aria-label={t('session.padLabel')} tabIndex={-1}>
      <div className="signin__frame">
        <header className="signin__header">
          <p className="signin__store">{state.storeName}</p>
          <h1 className="signin__title">{t('session.padTitle')}</h1>
          {endedNote && (
            <p className="signin__ended" role="status">
              {endedNote}
            </p>
          )}
        </header>
        <div className="signin__body">
          <div className="signin__people" role="group" aria-label={t('session.people')}>
            {state.staff.map((tile) => {
              const locked = tile.lockedUntil !== null && Date.parse(tile.lockedUntil) > now;
              const noteId = `signin-tile-${tile.id}-note`;
              const note = !tile.hasPin ? t('session.noPin') : locked && tile.lockedUntil ? t('session.lockedUntil', { time: formatWhen(tile.lockedUntil, state, 'time') }) : null;
              return (
                <button
                  key={tile.id}
                  type="button"
                  className={`signin__tile${tile.id === chosenId ? ' signin__tile--chosen' : ''}${locked ? ' signin__tile--locked' : ''}`}
                  aria-label={tile.name}
                  aria-pressed={tile.id === chosenId}
                  aria-describedby={note ? noteId : undefined}
                  disabled={!tile.hasPin}
                  onMouseDown={keepFocus}
                  onClick={(e) => pick(tile, e)}
                >
                  <span className="signin__name">{tile.name}</span>
                  {note && (
                    <span id={noteId} className="signin__note">
                      {note}
                    </span>
                  )}
                </button>
              );
            })}
            {withPin.length === 0 && <p className="signin__muted">{t('session.nobody')}</p>}
          </div>
          <form className="signin__pad" onSubmit={(e) => void submit(e)} noValidate>
            <label htmlFor="signin-pin" className="signin__label">
              {t('session.pin')}
            </label>
            <input
              ref={pinInput}
              id="signin-pin"
              className="signin__pin"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={PIN_MAX_DIGITS}
              value={pin}
              onChange={(e) => setPin(pinText(e.target.value))}
              aria-invalid={error !== null}
              aria-describedby={error ? 'signin-error' : undefined}
            />
            <ErrorNote error={error} id="signin-error" />
            <div className="signin__keys" role="group" aria-label={t('session.digits')}>
              {DIGITS.map((d) => (
                <button key={d} type="button" className="button signin__key" onMouseDown={keepFocus} onClick={() => type(d)}>
                  {d}
                </button>
              ))}
              <button type="button" className="button signin__key signin__key--word" onMouseDown={keepFocus} onClick={erase}>
                {t('session.delete')}
              </button>
              <button type="button" className="button signin__key" onMouseDown={keepFocus} onClick={() => type('0')}>
                0
              </button>
              <button type="submit" className="button button--primary signin__key signin__key--word" disabled={pending} aria-keyshortcuts="Enter">
                {t('session.signIn')}
              </button>
            </div>
            <p className="signin__muted">{t('session.keys')}</p>
          </form>
        </div>
      </div>
    </main>
  );
}
