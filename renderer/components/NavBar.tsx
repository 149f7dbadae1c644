import { NavLink } from 'react-router';
import { roleAllows } from '../../shared/permissions';
import type { Staff } from '../../shared/types';
import type { MessageKey } from '../i18n/t';
import { t } from '../i18n/t';
import { screenPermissions, type GatedScreen } from '../screen-access';
import './nav-session.css';

type Link = { to: string; label: MessageKey; end?: true };

const everyone: readonly Link[] = [
  { to: '/', label: 'nav.board', end: true },
  { to: '/drawer', label: 'nav.drawer' },
];
const gated: readonly (Link & { to: GatedScreen })[] = [
  { to: '/appointments', label: 'nav.appointments' },
  { to: '/customers', label: 'nav.customers' },
  { to: '/dashboard', label: 'nav.dashboard' },
  { to: '/reports', label: 'nav.reports' },
  { to: '/catalog', label: 'nav.catalog' },
  { to: '/staff', label: 'nav.staff' },
  { to: '/activity', label: 'nav.activity' },
  { to: '/backups', label: 'nav.backups' },
  { to: '/settings', label: 'nav.settings' },
];

type Props = { storeName: string; staff: Staff; onLock: () => void };

/**
 * Always one tap from the board and the drawer, and from each screen the person's role may see;
 * who is signed in is always shown, with the Lock that hands the counter to the next person.
 */
export function NavBar({ storeName, staff, onLock }: Props) {
  const link = ({ isActive }: { isActive: boolean }) => `nav__link${isActive ? ' nav__link--active' : ''}`;
  const links = [...everyone, ...gated.filter((l) => roleAllows(staff.role, screenPermissions[l.to]))];
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <span className="nav__store">{storeName}</span>
      {links.map((l) => (
        <NavLink key={l.to} to={l.to} end={l.end} className={link}>
          {t(l.label)}
        </NavLink>
      ))}
      <span className="nav__session">
        <span className="nav__person" data-testid="current-person" title={t('nav.signedIn', { name: staff.name, role: t(`session.role.${staff.role}`) })}>
          {staff.name}
        </span>
        <button type="button" className="button button--ghost nav__lock" onClick={onLock} aria-keyshortcuts="Control+L" title={t('nav.lockHint')}>
          {t('nav.lock')}
        </button>
      </span>
    </nav>
  );
}
