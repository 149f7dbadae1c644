import type { AppError, Result } from '../../shared/errors';
import type { AppEvent } from '../../shared/types';
import type { Caller } from '../auth/auth-commands';
import type { CommandRouter } from './host-commands';

type Listener = (event: AppEvent) => void;

/**
 * The router the desktop window talks to from its first moment, before the ledger is open: the
 * window loads and paints while the ledger is checked beside it. Every command waits, in the order
 * it came, until the core's router is handed over, and then goes through that router alone, so the
 * start-up check and, after a failed one, recovery mode stand in front of every command as before:
 * nothing reaches a ledger before its check has answered. If the core cannot start, every waiting
 * and later command is refused.
 */
export type PendingRouter = CommandRouter & {
  ready(router: CommandRouter): void;
  failed(error: AppError): void;
};

export function createPendingRouter(): PendingRouter {
  let settle: (outcome: CommandRouter | AppError) => void = () => undefined;
  const outcome = new Promise<CommandRouter | AppError>((resolve) => (settle = resolve));
  let router: CommandRouter | null = null;
  let settled = false;
  const listeners = new Set<Listener>();
  const finish = (value: CommandRouter | AppError): void => {
    if (settled) throw new Error('the pending router was already settled');
    settled = true;
    settle(value);
  };
  return {
    async dispatch(name: string, envelope: unknown, caller: Caller): Promise<Result<unknown>> {
      const answer = router ?? (await outcome);
      return 'dispatch' in answer ? answer.dispatch(name, envelope, caller) : { ok: false, error: answer };
    },
    // No session can exist before the core does, so a caller gone before it has nothing to end.
    forget(caller: Caller) {
      router?.forget(caller);
    },
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready(core: CommandRouter) {
      finish(core);
      router = core;
      core.subscribe((event) => {
        // Every listener hears the event; the first failure is rethrown for the core to log.
        let failure: { error: unknown } | null = null;
        for (const listener of [...listeners]) {
          try {
            listener(event);
          } catch (error) {
            failure ??= { error };
          }
        }
        if (failure) throw failure.error;
      });
    },
    failed(error: AppError) {
      finish(error);
    },
  };
}
