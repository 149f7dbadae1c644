import type { Permission } from '../../shared/permissions';

/** How long a manager's PIN covers the one command it was given for. */
export const APPROVAL_MS = 2 * 60_000;

export type Approval = {
  command: string;
  payloadHash: string;
  requesterId: number;
  approverId: number;
  permissions: readonly Permission[];
  expiresAt: number;
};

/**
 * Approvals given and not yet used, by command id, in memory only. One approval covers one
 * command id with exactly the payload it was given for, for the person who asked, until it
 * expires; it is used up when that command commits.
 */
export type ApprovalStore = {
  put(commandId: string, approval: Approval): void;
  /** The approver for this command if an approval matches it exactly; never consumes it. */
  match(commandId: string, command: string, payloadHash: string, requesterId: number): Approval | null;
  consume(commandId: string): void;
  clear(): void;
};

export function createApprovalStore(now: () => number = Date.now): ApprovalStore {
  const pending = new Map<string, Approval>();
  return {
    put(commandId, approval) {
      pending.set(commandId, approval);
    },
    match(commandId, command, payloadHash, requesterId) {
      const approval = pending.get(commandId);
      if (!approval) return null;
      if (approval.expiresAt <= now()) {
        pending.delete(commandId);
        return null;
      }
      if (approval.command !== command || approval.payloadHash !== payloadHash || approval.requesterId !== requesterId) return null;
      return approval;
    },
    consume(commandId) {
      pending.delete(commandId);
    },
    clear() {
      pending.clear();
    },
  };
}
