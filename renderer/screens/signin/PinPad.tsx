import { useEffect, useRef, useState } from 'react';
import type { SessionState } from '../../../shared/types';
import { api, type SignOutReason } from '../../api';
import { PersonTile } from '../../components/PersonTile';
import { PinField } from '../../components/PinField';
import { useNow } from '../../hooks/use-now';
import { keepFocus, usePinEntry } from '../../hooks/use-pin-entry';
import { formatWhen } from '../../hooks/use-when';
import { describeError } from '../../i18n/describe-error';
import { t } from '../../i18n/t';
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

/**
 * The counter's PIN pad, over everything: tap your name, type your PIN (on the pad or the
 * keyboard, without focusing the field), Enter. A refusal shows beside the field and the PIN
 * is cleared for the next try. The same pad signs in, switches person and unlocks.
 */
export function PinPad({ state, ended, idleMinutes, onReload }: Props) {
  const withPin = state.staff.filter((s) => s.hasPin);
  const [chosenId, choose] = useState<number | null>(withPin.length === 1 ? (withPin[0]?.id ?? null) : null);
  const chosen = withPin.find((s) => s.id === chosenId) ?? null;
  const frame = useRef<HTMLElement>(null);
  const now = useNow(15_000);
  const entry = usePinEntry({
    staffId: chosen?.id ?? null,
    chooseFirst: 'session.chooseFirst',
    send: async (staffId, pin) => {
      const result = await api['session.signIn']({ staffId, pin });
      // Signed in: the session store hides the pad; nothing more to do here.
      if (result.ok) return null;
      if (result.error.code === 'locked_out') onReload();
      return describeError(result.error);
    },
  });

  useEffect(() => {
    // Nothing behind the pad keeps the focus; the frame takes it, so the keyboard's digits work at once.
    frame.current?.focus();
  }, []);

  const endedNote =
    ended === 'idle'
      ? t('session.ended.idle', { count: idleMinutes })
      : ended === 'lock'
        ? t('session.ended.lock')
        : ended === 'expired'
          ? t('session.ended.expired')
          : null;

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
              const note = !tile.hasPin
                ? t('session.noPin')
                : locked && tile.lockedUntil
                  ? t('session.lockedUntil', { time: formatWhen(tile.lockedUntil, state, 'time') })
                  : null;
              return (
                <PersonTile
                  key={tile.id}
                  name={tile.name}
                  chosen={tile.id === chosenId}
                  note={note}
                  noteId={noteId}
                  disabled={!tile.hasPin}
                  className={`signin__tile${locked ? ' signin__tile--locked' : ''}`}
                  onPick={(e) => {
                    choose(tile.id);
                    entry.startOver(e);
                  }}
                />
              );
            })}
            {withPin.length === 0 && <p className="signin__muted">{t('session.nobody')}</p>}
          </div>
          <form className="signin__pad" onSubmit={(e) => void entry.submit(e)} noValidate>
            <PinField id="signin-pin" className="signin__field" inputClassName="signin__pin" label={t('session.pin')} {...entry.field} />
            <div className="signin__keys" role="group" aria-label={t('session.digits')}>
              {DIGITS.map((d) => (
                <button key={d} type="button" className="button signin__key" onMouseDown={keepFocus} onClick={() => entry.type(d)}>
                  {d}
                </button>
              ))}
              <button type="button" className="button signin__key signin__key--word" onMouseDown={keepFocus} onClick={entry.erase}>
                {t('session.delete')}
              </button>
              <button type="button" className="button signin__key" onMouseDown={keepFocus} onClick={() => entry.type('0')}>
                0
              </button>
              <button type="submit" className="button button--primary signin__key signin__key--word" disabled={entry.pending} aria-keyshortcuts="Enter">
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
