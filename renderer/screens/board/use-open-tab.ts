import { useCallback, useRef, useState } from 'react';
import { api, newCommandId } from '../../api';

export type OpenTabAction = { open: () => void; pending: boolean; error: string | null };

/** Opens a tab on the next free token. */
export function useOpenTab(): OpenTabAction {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A ref, not state: a second click can arrive before React re-renders the disabled button.
  const inFlight = useRef(false);
  // One id per intent, kept until the ledger confirms: a retry after a lost answer replays the
  // first result instead of opening a second tab.
  const intentId = useRef<string | null>(null);

  const open = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    intentId.current ??= newCommandId();
    setPending(true);
    setError(null);
    void api['tab.open']({}, { commandId: intentId.current }).then((result) => {
      inFlight.current = false;
      setPending(false);
      if (result.ok) intentId.current = null;
      else setError(result.error.message);
    });
  }, []);

  return { open, pending, error };
}
