import type { MouseEvent } from 'react';
import { keepFocus } from '../hooks/use-pin-entry';
import './person-tile.css';

type Props = {
  name: string;
  chosen: boolean;
  onPick: (event: MouseEvent) => void;
  /** A line under the name (no PIN yet, locked until when), read out with it. */
  note?: string | null;
  noteId?: string;
  disabled?: boolean;
  /** The screen's own class for its tiles' size and colours. */
  className?: string;
};

/**
 * One person to tap before typing a PIN (the sign-in pad, a manager's approval). Its accessible
 * name is exactly the person's name; a tap keeps the focus where it was, so the keyboard still types.
 */
export function PersonTile({ name, chosen, onPick, note = null, noteId, disabled = false, className }: Props) {
  return (
    <button
      type="button"
      className={['person-tile', chosen ? 'person-tile--chosen' : null, className].filter(Boolean).join(' ')}
      aria-label={name}
      aria-pressed={chosen}
      aria-describedby={note ? noteId : undefined}
      disabled={disabled}
      onMouseDown={keepFocus}
      onClick={onPick}
    >
      <span className="person-tile__name">{name}</span>
      {note && (
        <span id={noteId} className="person-tile__note">
          {note}
        </span>
      )}
    </button>
  );
}
