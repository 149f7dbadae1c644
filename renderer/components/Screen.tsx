import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { t } from '../i18n/t';
import { useShortcut } from '../hooks/use-shortcut';

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
  useShortcut('Escape', () => back && navigate(back), { enabled: back !== undefined, inFields: true });
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
