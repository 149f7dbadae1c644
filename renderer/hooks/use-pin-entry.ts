import { useRef, useState, type FormEvent, type MouseEvent, type RefObject } from 'react';
import { PIN_MAX_DIGITS } from '../components/pin-text';
import type { MessageKey } from '../i18n/t';
import { t } from '../i18n/t';
import { enterSubmits, pinDigit, useKeyCapture } from './use-key-capture';

type Options = {
  /** The person whose PIN is typed: the tile tapped, or null before anyone is. */
  staffId: number | null;
  /** What Enter says before a tile is tapped. */
  chooseFirst: MessageKey;
  /** Sends the PIN: null once it is taken, else the refusal in words (the PIN is then cleared for the next try). */
  send: (staffId: number, pin: string) => Promise<string | null>;
  /** Esc, where the surface can be left (the approval dialog's Cancel); the sign-in pad cannot. */
  onEscape?: () => void;
};

export type PinEntry = {
  error: string | null;
  setError: (error: string | null) => void;
  pending: boolean;
  /** What the PIN field shows and where it writes, spread onto a PinField. */
  field: { value: string; onChange: (pin: string) => void; error: string | null; inputRef: RefObject<HTMLInputElement | null> };
  type: (digit: string) => void;
  erase: () => void;
  submit: (event?: FormEvent) => Promise<void>;
  /** Another person was tapped: their PIN starts empty; chosen from the keyboard, the field is next. */
  startOver: (event: MouseEvent) => void;
};

/** A tap on a pad key or a name keeps the focus where it was, so the keyboard's Enter still sends the PIN. */
export const keepFocus = (event: MouseEvent): void => event.preventDefault();

/**
 * The PIN typed for a tapped person, on the screen's keys or the keyboard's (digits, Backspace,
 * Enter) without the field focused: the sign-in pad and the manager's approval take it the same way.
 */
export function usePinEntry({ staffId, chooseFirst, send, onEscape }: Options): PinEntry {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const type = (digit: string): void => {
    setError(null);
    setPin((p) => (p.length >= PIN_MAX_DIGITS ? p : p + digit));
  };
  const erase = (): void => setPin((p) => p.slice(0, -1));

  const submit = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    if (pending) return;
    if (staffId === null) {
      setError(t(chooseFirst));
      return;
    }
    setPending(true);
    setError(null);
    const refusal = await send(staffId, pin);
    setPending(false);
    if (refusal === null) return;
    setError(refusal);
    setPin('');
  };

  useKeyCapture((event) => {
    const digit = pinDigit(event);
    if (digit) {
      event.preventDefault();
      type(digit);
    } else if (event.key === 'Backspace' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      erase();
    } else if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      onEscape();
    } else if (enterSubmits(event)) {
      event.preventDefault();
      void submit();
    }
  }, true);

  const startOver = (event: MouseEvent): void => {
    setPin('');
    setError(null);
    if (event.detail === 0) inputRef.current?.focus();
  };

  return { error, setError, pending, field: { value: pin, onChange: setPin, error, inputRef }, type, erase, submit, startOver };
}
