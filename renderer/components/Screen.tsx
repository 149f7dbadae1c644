import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { t } from '../i18n/t';
import { isTypingTarget, useShortcut } from '../hooks/use-shortcut';

type Props = {
  title: ReactNode;
  /** Where Esc and the back button go; none on the board, which is home. */
  back?: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
};

/** The frame of every screen: a title, a back button bound to Esc, actions on the right. */
export function Screen({ title, back, actions, children, className }: Props) {
  const navigate = useNavigate();
  // Esc leaves the screen, but first it only leaves the field being typed in (what was typed
  // stays); an open panel closes itself before this runs (useEscapeFirst).
  useShortcut(
    'Escape',
    (event) => {
      if (isTypingTarget(event.target) && event.target instanceof HTMLElement) event.target.blur();
      else if (back) navigate(back);
    },
    { enabled: back !== undefined, inFields: true },
  );
  return (
    <main className={`screen ${className ?? ''}`}>
      <header className="screen__header">
        {back && (
          <Link className="button button--ghost" to={back} aria-keyshortcuts="Escape">
            {t('nav.back')}
          </Link>
        )}
        <h1 className="screen__title">{title}</h1>
        {actions && <div className="screen__actions">{actions}</div>}
      </header>
      {children}
    </main>
  );
}
