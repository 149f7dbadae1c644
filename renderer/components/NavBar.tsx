import { NavLink } from 'react-router';
import { t } from '../i18n/t';

/** Always one tap from the board, the drawer, the reports, the catalog, backups and the store settings. */
export function NavBar({ storeName }: { storeName: string }) {
  const link = ({ isActive }: { isActive: boolean }) => `nav__link${isActive ? ' nav__link--active' : ''}`;
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <span className="nav__store">{storeName}</span>
      <NavLink to="/" end className={link}>
        {t('nav.board')}
      </NavLink>
      <NavLink to="/drawer" className={link}>
        {t('nav.drawer')}
      </NavLink>
      <NavLink to="/reports" className={link}>
        {t('nav.reports')}
      </NavLink>
      <NavLink to="/catalog" className={link}>
        {t('nav.catalog')}
      </NavLink>
      <NavLink to="/backups" className={link}>
        {t('nav.backups')}
      </NavLink>
      <NavLink to="/settings" className={link}>
        {t('nav.settings')}
      </NavLink>
    </nav>
  );
}
