import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import './side-panel.css';

type Props = {
  /** The id of the panel's title (its h2), which names the dialog. */
  titleId: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLFormElement>) => void;
  /** The screen's own class, for what only its form needs. */
  className?: string;
  children: ReactNode;
};

/** A form over the right side of a screen (an item, a person, a PIN), the screen dimmed behind it. */
export function SidePanel({ titleId, onSubmit, onKeyDown, className, children }: Props) {
  return (
    <div className="side-panel__backdrop">
      <form
        className={className ? `side-panel ${className}` : 'side-panel'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        noValidate
        onSubmit={onSubmit}
        onKeyDown={onKeyDown}
      >
        {children}
      </form>
    </div>
  );
}
