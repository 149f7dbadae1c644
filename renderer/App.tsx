import { lazy, useCallback, useState, useSyncExternalStore, type ReactNode } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { roleAllows } from '../shared/permissions';
import type { Staff } from '../shared/types';
import { api, getAccess, subscribeAccess } from './api';
import { ErrorNote } from './components/ErrorNote';
import { NavBar } from './components/NavBar';
import { ScreenSuspense, StartSuspense } from './components/ScreenSuspense';
import { StartingScreen } from './components/StartingScreen';
import { PrinterWarnings } from './printing/PrinterWarnings';
import { CurrentStaffContext, useCurrentStaff } from './hooks/current-staff';
import { useStore } from './hooks/use-live-data';
import { useLockShortcut } from './hooks/use-lock-shortcut';
import { useSession } from './hooks/use-session';
import { useSessionActivity } from './hooks/use-session-activity';
import { getLanguageState, subscribeLanguage, useDeviceLanguage } from './i18n/language-store';
import { t } from './i18n/t';
import { ReceiptScreen, SettleScreen, SlipScreen, TabScreen, TokenScreen } from './counter-screens';
import { lazyScreen } from './lazy-screen';
import { screenPermissions, type GatedScreen } from './screen-access';
import { LinkRequiredScreen } from './screens/access/LinkRequiredScreen';
import { ApprovalProvider } from './screens/approval/ApprovalProvider';
import { useRecoveryGate } from './screens/backup/use-recovery-gate';
import { BoardScreen } from './screens/board/BoardScreen';
import { PinPad } from './screens/signin/PinPad';
import { useSessionState } from './screens/signin/use-session-state';

// The board and the PIN pad are in the first bundle; the rest of the counter's path comes right
// after the board (counter-screens.ts); every other screen is its own chunk, fetched the first
// time someone opens it. The first run's setup and the recovery screen stand in for the app on
// the rare start that needs them, so they wait too (React.lazy itself: lazyScreen takes screens
// without props).
const SetupScreen = lazy(async () => ({ default: (await import('./screens/signin/SetupScreen')).SetupScreen }));
const RecoveryScreen = lazy(async () => ({ default: (await import('./screens/backup/RecoveryScreen')).RecoveryScreen }));
const ActivityScreen = lazyScreen(() => import('./screens/activity/ActivityScreen'), 'ActivityScreen');
const CustomerPage = lazyScreen(() => import('./screens/customers/CustomerPage'), 'CustomerPage');
const CustomersScreen = lazyScreen(() => import('./screens/customers/CustomersScreen'), 'CustomersScreen');
const DashboardScreen = lazyScreen(() => import('./screens/dashboard/DashboardScreen'), 'DashboardScreen');
const AppointmentsScreen = lazyScreen(() => import('./screens/appointments/AppointmentsScreen'), 'AppointmentsScreen');
const ConfirmationScreen = lazyScreen(() => import('./screens/appointments/ConfirmationScreen'), 'ConfirmationScreen');
const BackupScreen = lazyScreen(() => import('./screens/backup/BackupScreen'), 'BackupScreen');
const CatalogScreen = lazyScreen(() => import('./screens/catalog/CatalogScreen'), 'CatalogScreen');
const DrawerScreen = lazyScreen(() => import('./screens/drawer/DrawerScreen'), 'DrawerScreen');
const FindReceiptScreen = lazyScreen(() => import('./screens/receipts/FindReceiptScreen'), 'FindReceiptScreen');
const RefundReceiptScreen = lazyScreen(() => import('./screens/refund/RefundReceiptScreen'), 'RefundReceiptScreen');
const RefundScreen = lazyScreen(() => import('./screens/refund/RefundScreen'), 'RefundScreen');
const ReportsScreen = lazyScreen(() => import('./screens/reports/ReportsScreen'), 'ReportsScreen');
const ZReportScreen = lazyScreen(() => import('./screens/reports/ZReportScreen'), 'ZReportScreen');
const SettingsScreen = lazyScreen(() => import('./screens/settings/SettingsScreen'), 'SettingsScreen');
const StaffScreen = lazyScreen(() => import('./screens/staff/StaffScreen'), 'StaffScreen');

const DEFAULT_IDLE_MINUTES = 5;

export function App() {
  const access = useSyncExternalStore(subscribeAccess, getAccess);
  const recovery = useRecoveryGate(access === 'granted');
  // This PC's language: the tree is keyed by it, so a change re-renders every word at once.
  useDeviceLanguage(access === 'granted');
  const language = useSyncExternalStore(subscribeLanguage, getLanguageState);
  // Nothing until the first catalogue is here (a blank page a moment longer, never a bare key);
  // then the starting screen until the main process answers (the desktop window opens while the
  // ledger is checked).
  if (!language.words) return null;
  if (!language.loaded) return <StartingScreen />;
  if (access !== 'granted') return <LinkRequiredScreen access={access} />;
  // A ledger that failed its start-up check: nothing else can work until a backup is restored.
  if (recovery.gate.state === 'checking') return <StartingScreen />;
  if (recovery.gate.state === 'damaged')
    return (
      <StartSuspense>
        <RecoveryScreen status={recovery.gate.status} onRestored={recovery.recheck} onRecheck={recovery.recheck} />
      </StartSuspense>
    );
  // Hash routes: a reload (or a restart of the window) comes back to the same screen.
  return (
    <HashRouter key={language.language}>
      <SessionGate />
    </HashRouter>
  );
}

/**
 * Nobody signed in: only the PIN pad (or, on a first start, the owner's first PIN). Someone
 * signed in: the screens. A lock puts the pad over the screens without unmounting them, so the
 * route and an unsaved draft are still there for the next sign-in.
 */
export function SessionGate() {
  const session = useSession();
  const signedIn = session.status === 'signedIn';
  const pad = useSessionState(!signedIn);
  // Who the screens belong to: the signed-in person, or while locked, the last one.
  const [shellStaff, setShellStaff] = useState<Staff | null>(null);
  if (signedIn && shellStaff !== session.staff) setShellStaff(session.staff);

  let over: ReactNode = null;
  if (!signedIn) {
    if (!pad.state) over = pad.error ? <PadFailed error={pad.error} onRetry={pad.reload} /> : null;
    else if (pad.state.needsSetup)
      over = (
        <StartSuspense>
          <SetupScreen state={pad.state} onReload={pad.reload} />
        </StartSuspense>
      );
    else
      over = (
        <PinPad
          state={pad.state}
          ended={session.status === 'signedOut' ? session.reason : null}
          idleMinutes={pad.state.idleLockMinutes}
          onReload={pad.reload}
        />
      );
  }
  return (
    <>
      {shellStaff && <Shell staff={shellStaff} locked={!signedIn} idleFallback={pad.state?.idleLockMinutes ?? DEFAULT_IDLE_MINUTES} />}
      {over}
    </>
  );
}

function PadFailed({ error, onRetry }: { error: string; onRetry: () => void }) {
  return (
    <main className="signin" aria-label={t('session.padLabel')}>
      <div className="signin__frame">
        <h1 className="signin__title">{t('session.padTitle')}</h1>
        <ErrorNote error={t('session.loadFailed', { error })} />
        <button type="button" className="button button--primary" onClick={onRetry}>
          {t('session.retry')}
        </button>
      </div>
    </main>
  );
}

function lock(reason: 'lock' | 'idle'): void {
  void api['session.end']({ reason });
}

function keepAlive(): void {
  void api['session.current']({});
}

/** The screens, for one person. Locked, they stay mounted but hidden and inert behind the pad. */
function Shell({ staff, locked, idleFallback }: { staff: Staff; locked: boolean; idleFallback: number }) {
  const store = useStore();
  const lockNow = useCallback(() => lock('lock'), []);
  const idle = useCallback(() => lock('idle'), []);
  useSessionActivity({ enabled: !locked, idleMinutes: store.data?.idleLockMinutes ?? idleFallback, onIdle: idle, onActive: keepAlive });
  useLockShortcut(lockNow, !locked);
  return (
    <CurrentStaffContext.Provider value={staff}>
      <div className="app-shell" hidden={locked} inert={locked}>
        <ApprovalProvider currentStaffId={staff.id}>
          <NavBar storeName={store.data?.name ?? t('app.name')} staff={staff} onLock={lockNow} />
          <PrinterWarnings />
          <ScreenSuspense>
            <Routes>
              <Route path="/" element={<BoardScreen />} />
              <Route path="/tokens" element={<TokenScreen />} />
              <Route path="/slip/:tabId" element={<SlipScreen />} />
              <Route path="/tab/:tabId" element={<TabScreen />} />
              <Route path="/tab/:tabId/settle" element={<SettleScreen />} />
              <Route path="/tab/:tabId/receipt" element={<ReceiptScreen />} />
              <Route path="/tab/:tabId/refund" element={<RefundScreen />} />
              <Route path="/refund/:refundId" element={<RefundReceiptScreen />} />
              <Route path="/receipts" element={<FindReceiptScreen />} />
              <Route path="/drawer" element={<DrawerScreen />} />
              <Route path="/catalog" element={<Gated screen="/catalog" element={<CatalogScreen />} />} />
              <Route path="/settings" element={<Gated screen="/settings" element={<SettingsScreen />} />} />
              <Route path="/backups" element={<Gated screen="/backups" element={<BackupScreen />} />} />
              <Route path="/reports" element={<Gated screen="/reports" element={<ReportsScreen />} />} />
              <Route path="/reports/z/:zNumber" element={<Gated screen="/reports" element={<ZReportScreen />} />} />
              <Route path="/dashboard" element={<Gated screen="/dashboard" element={<DashboardScreen />} />} />
              <Route path="/staff" element={<Gated screen="/staff" element={<StaffScreen />} />} />
              <Route path="/activity" element={<Gated screen="/activity" element={<ActivityScreen />} />} />
              <Route path="/customers" element={<Gated screen="/customers" element={<CustomersScreen />} />} />
              <Route path="/customers/:customerId" element={<Gated screen="/customers" element={<CustomerPage />} />} />
              <Route path="/appointments" element={<Gated screen="/appointments" element={<AppointmentsScreen />} />} />
              <Route path="/appointments/:appointmentId/confirmation" element={<Gated screen="/appointments" element={<ConfirmationScreen />} />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </ScreenSuspense>
        </ApprovalProvider>
      </div>
    </CurrentStaffContext.Provider>
  );
}

/** A screen the person's role may not see sends them to the board (after a switch of person, too). */
function Gated({ screen, element }: { screen: GatedScreen; element: ReactNode }) {
  const staff = useCurrentStaff();
  return staff && roleAllows(staff.role, screenPermissions[screen]) ? element : <Navigate to="/" replace />;
}
