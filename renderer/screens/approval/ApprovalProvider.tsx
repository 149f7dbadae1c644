import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { getSession, subscribeSession } from '../../api';
import { ApprovalContext, type ApprovalRequest, type AskApproval } from './approval-context';
import { ApprovalDialog } from './ApprovalDialog';

/**
 * Asks for a manager's PIN on behalf of any screen's command (use-command asks through it). One
 * question at a time; a lock or an ended session cancels it, so the next person never inherits it.
 */
export function ApprovalProvider({ currentStaffId, children }: { currentStaffId: number; children: ReactNode }) {
  const [request, setRequest] = useState<ApprovalRequest | null>(null);
  const answer = useRef<((granted: boolean) => void) | null>(null);

  const finish = useCallback((granted: boolean) => {
    const done = answer.current;
    answer.current = null;
    setRequest(null);
    done?.(granted);
  }, []);

  const ask = useCallback<AskApproval>(
    (next) =>
      new Promise<boolean>((resolve) => {
        // A second question replaces the first, which counts as cancelled.
        answer.current?.(false);
        answer.current = resolve;
        setRequest(next);
      }),
    [],
  );

  useEffect(
    () =>
      subscribeSession(() => {
        if (getSession().status !== 'signedIn' && answer.current) finish(false);
      }),
    [finish],
  );

  return (
    <ApprovalContext.Provider value={ask}>
      {children}
      {request && (
        <ApprovalDialog
          key={request.commandId}
          request={request}
          currentStaffId={currentStaffId}
          onGranted={() => finish(true)}
          onCancel={() => finish(false)}
        />
      )}
    </ApprovalContext.Provider>
  );
}
