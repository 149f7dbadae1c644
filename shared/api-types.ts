import type { CommandInput, CommandName, CommandResult } from './contract';
import type { Result } from './errors';
import type { AppEvent } from './types';

/** What a transport carries for one call. */
export type CallOptions = { commandId?: string };

/** The renderer's API: one function per command, derived from the contract. */
export type CommandApi = {
  [N in CommandName]: (input: CommandInput<N>, options?: CallOptions) => Promise<Result<CommandResult<N>>>;
};

/** Where a report saved as PDF went: a file, or nowhere when the person cancelled the dialog. */
export type PrintToPdfResult = { saved: true; path: string } | { saved: false };
export type PrintToPdfOptions = { filename: string };

/** What the Electron preload exposes on window.aftertab. */
export type BridgeApi = {
  commands: CommandApi;
  onEvent: (listener: (event: AppEvent) => void) => () => void;
  /**
   * Saves the current screen as a PDF (its print layout) where the person chooses. Only in
   * Electron; the web host has no such function and uses the browser's print dialog instead.
   */
  printToPdf?: (options: PrintToPdfOptions) => Promise<Result<PrintToPdfResult>>;
};
