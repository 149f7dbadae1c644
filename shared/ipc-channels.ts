import type { CommandName } from './contract';

/**
 * IPC channel names, shared by the main-process binding and the preload. They live in shared/
 * because the sandboxed preload may only import electron and code that is bundled into it.
 */
export const EVENT_CHANNEL = 'aftertab:event';

/** Saves the window's print layout as a PDF (electron/print-pdf.ts); not a ledger command. */
export const PRINT_PDF_CHANNEL = 'aftertab:print-pdf';

const COMMAND_PREFIX = 'aftertab:cmd:';

export function commandChannel(name: CommandName): string {
  return `${COMMAND_PREFIX}${name}`;
}
