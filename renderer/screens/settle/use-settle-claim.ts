import { useEffect, useState } from 'react';
import { api } from '../../api';

/** If a claim cannot be made (the line dropped for a moment), try again this soon. */
const RETRY_MS = 10_000;

/**
 * While the settle screen shows an open tab, this window claims it in the main process (renewed
 * before it lapses), so no other window moves lines off it, merges it or changes its token
 * meanwhile; leaving the screen, or the tab closing, gives the claim up. Returns who else is
 * settling the same tab right now.
 */
export function useSettleClaim(tabId: number, active: boolean): string[] {
  const [others, setOthers] = useState<string[]>([]);
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const claim = async (): Promise<void> => {
      const result = await api['settle.claim']({ tabId });
      if (stopped) return;
      setOthers(result.ok ? result.value.others.map((o) => o.staffName) : []);
      timer = setTimeout(() => void claim(), result.ok ? result.value.renewMs : RETRY_MS);
    };
    void claim();
    return () => {
      stopped = true;
      clearTimeout(timer);
      setOthers([]);
      void api['settle.release']({ tabId });
    };
  }, [tabId, active]);
  return others;
}
