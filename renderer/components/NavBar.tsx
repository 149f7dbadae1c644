import { NavLink } from 'react-router';
import { t } from '../i18n/t';

/** Always one tap from the board, the catalog and the store settings. */
export function NavBar({ storeName }: { storeName: string }) {
  const link = ({ isActive }: { isActive: boolean }) => `nav__link${isActive ? ' nav__link--active' : ''}`;
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <span className="nav__store">{storeName}</span>
      <NavLink to="/" end className={link}>
        {t('nav.board')}
      </NavLink>
      <NavLink to="/catalog" className={link}>
        {t('nav.catalog')}
      </NavLink>
      <NavLink to="/settings" className={link}>
        {t('nav.settings')}
      </NavLink>
    </nav>
  );
}
