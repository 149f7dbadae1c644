import { useSyncExternalStore } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { getAccess, subscribeAccess } from './api';
import { NavBar } from './components/NavBar';
import { useStore } from './hooks/use-live-data';
import { t } from './i18n/t';
import { LinkRequiredScreen } from './screens/access/LinkRequiredScreen';
import { BackupScreen } from './screens/backup/BackupScreen';
import { RecoveryScreen } from './screens/backup/RecoveryScreen';
import { useRecoveryGate } from './screens/backup/use-recovery-gate';
import { BoardScreen } from './screens/board/BoardScreen';
import { CatalogScreen } from './screens/catalog/CatalogScreen';
import { DrawerScreen } from './screens/drawer/DrawerScreen';
import { ReceiptScreen } from './screens/receipt/ReceiptScreen';
import { ReportsScreen } from './screens/reports/ReportsScreen';
import { ZReportScreen } from './screens/reports/ZReportScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { SettleScreen } from './screens/settle/SettleScreen';
import { SlipScreen } from './screens/slip/SlipScreen';
import { TabScreen } from './screens/tab/TabScreen';
import { TokenScreen } from './screens/tokens/TokenScreen';

export function App() {
  const access = useSyncExternalStore(subscribeAccess, getAccess);
  const recovery = useRecoveryGate(access === 'granted');
  if (access !== 'granted') return <LinkRequiredScreen access={access} />;
  // A ledger that failed its start-up check: nothing else can work until a backup is restored.
  if (recovery.gate.state === 'checking') return null;
  if (recovery.gate.state === 'damaged') return <RecoveryScreen status={recovery.gate.status} onRestored={recovery.recheck} onRecheck={recovery.recheck} />;
  // Hash routes: a reload (or a restart of the window) comes back to the same screen.
  return (
    <HashRouter>
      <Shell />
    </HashRouter>
  );
}

function Shell() {
  const store = useStore();
  return (
    <>
      <NavBar storeName={store.data?.name ?? t('app.name')} />
      <Routes>
        <Route path="/" element={<BoardScreen />} />
        <Route path="/tokens" element={<TokenScreen />} />
        <Route path="/slip/:tabId" element={<SlipScreen />} />
        <Route path="/tab/:tabId" element={<TabScreen />} />
        <Route path="/tab/:tabId/settle" element={<SettleScreen />} />
        <Route path="/tab/:tabId/receipt" element={<ReceiptScreen />} />
        <Route path="/catalog" element={<CatalogScreen />} />
        <Route path="/settings" element={<SettingsScreen />} />
        <Route path="/backups" element={<BackupScreen />} />
        <Route path="/drawer" element={<DrawerScreen />} />
        <Route path="/reports" element={<ReportsScreen />} />
        <Route path="/reports/z/:zNumber" element={<ZReportScreen />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </>
  );
}
