import { useCallback, useEffect, useState } from 'react';
import type { RecoveryStatus } from '../../../shared/closing-types';
import { api } from '../../api';

export type RecoveryGate = { state: 'checking' } | { state: 'healthy' } | { state: 'damaged'; status: RecoveryStatus };

/**
 * Asks once at start whether the ledger passed its start-up check. A damaged ledger keeps the
 * app on the recovery screen until a backup is restored; a failed question (Aftertab not
 * answering) lets the app start, where every screen says so itself.
 */
export function useRecoveryGate(enabled: boolean): { gate: RecoveryGate; recheck: () => void } {
  const [gate, setGate] = useState<RecoveryGate>({ state: 'checking' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let active = true;
    void api['recovery.status']({}).then((result) => {
      if (!active) return;
      setGate(result.ok && result.value.damaged ? { state: 'damaged', status: result.value } : { state: 'healthy' });
    });
    return () => {
      active = false;
    };
  }, [enabled, round]);
  const recheck = useCallback(() => setRound((n) => n + 1), []);
  return { gate, recheck };
}
