import { useCallback, useContext, useRef, useState } from 'react';
import type { CommandInput, CommandName, CommandResult } from '../../shared/contract';
import type { AppError, Result } from '../../shared/errors';
import { api, newCommandId } from '../api';
import { ApprovalContext } from '../screens/approval/approval-context';

export type CommandRunner<N extends CommandName> = {
  /** Sends the command; resolves to its result, or null when it failed or another was in flight. */
  run: (input: CommandInput<N>) => Promise<CommandResult<N> | null>;
  pending: boolean;
  error: AppError | null;
  clearError: () => void;
};

/**
 * Runs one mutating command for one user intent. A second tap while the first is in flight is
 * dropped; a retry of the same input after a failure or a lost answer reuses the command id, so
 * the ledger replays instead of posting twice. A different input is a new intent with a new id.
 *
 * When the ledger answers approval_needed, a manager or owner is asked for their PIN right
 * there; their approval covers this command id and this input only, so the command is sent
 * again with both unchanged. Cancelling leaves the refusal on the screen like any other error.
 */
export function useCommand<N extends CommandName>(name: N): CommandRunner<N> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const askApproval = useContext(ApprovalContext);
  const inFlight = useRef(false);
  const intent = useRef<{ key: string; id: string } | null>(null);

  const run = useCallback(
    async (input: CommandInput<N>): Promise<CommandResult<N> | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      const key = JSON.stringify(input);
      if (intent.current?.key !== key) intent.current = { key, id: newCommandId() };
      const commandId = intent.current.id;
      setPending(true);
      setError(null);
      const call = api[name] as unknown as (input: CommandInput<N>, options: { commandId: string }) => Promise<Result<CommandResult<N>>>;
      let result = await call(input, { commandId });
      while (!result.ok && result.error.code === 'approval_needed' && askApproval) {
        if (!(await askApproval({ command: name, commandId, input, error: result.error }))) break;
        result = await call(input, { commandId });
      }
      inFlight.current = false;
      setPending(false);
      if (result.ok) {
        intent.current = null;
        return result.value;
      }
      setError(result.error);
      return null;
    },
    [name, askApproval],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
