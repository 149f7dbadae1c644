import { createContext } from 'react';
import type { CommandName } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';

/** A command the ledger refused with approval_needed: exactly what a manager's PIN would cover. */
export type ApprovalRequest = { command: CommandName; commandId: string; input: unknown; error: AppError };

/** Resolves true once a manager's or owner's PIN was accepted for this command; false when cancelled. */
export type AskApproval = (request: ApprovalRequest) => Promise<boolean>;

/** Mounted once by the app's shell; without it (a screen tested alone) approval_needed is shown like any refusal. */
export const ApprovalContext = createContext<AskApproval | null>(null);
