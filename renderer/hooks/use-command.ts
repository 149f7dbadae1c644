import { useCallback, useRef, useState } from 'react';
import type { CommandInput, CommandName, CommandResult } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { api, newCommandId } from '../api';

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
 */
export function useCommand<N extends CommandName>(name: N): CommandRunner<N> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const inFlight = useRef(false);
  const intent = useRef<{ key: string; id: string } | null>(null);

  const run = useCallback(
    async (input: CommandInput<N>): Promise<CommandResult<N> | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      const key = JSON.stringify(input);
      if (intent.current?.key !== key) intent.current = { key, id: newCommandId() };
      setPending(true);
      setError(null);
      const call = api[name] as unknown as (input: CommandInput<N>, options: { commandId: string }) => ReturnType<(typeof api)[N]>;
      const result = await call(input, { commandId: intent.current.id });
      inFlight.current = false;
      setPending(false);
      if (result.ok) {
        intent.current = null;
        return result.value as CommandResult<N>;
      }
      setError(result.error);
      return null;
    },
    [name],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
