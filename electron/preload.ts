import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeApi, CallOptions, CommandApi, PrintToPdfOptions } from '../shared/api-types';
import { commandNames } from '../shared/command-names';
import { commandChannel, EVENT_CHANNEL, PRINT_PDF_CHANNEL } from '../shared/ipc-channels';
import type { AppEvent } from '../shared/types';

// Runs sandboxed: it may only require('electron'); shared/ code is bundled in by esbuild. Only
// the command names come in (shared/command-names.ts), not the contract with zod and its schemas.

// Object.fromEntries cannot carry the per-command types; every entry has the same shape, and
// CommandApi (derived from the contract) is what the renderer sees.
const commands = Object.fromEntries(
  commandNames.map((name) => [
    name,
    (input: unknown, options?: CallOptions) => ipcRenderer.invoke(commandChannel(name), { input, commandId: options?.commandId }),
  ]),
) as CommandApi;

const api = {
  commands,
  onEvent(listener: (event: AppEvent) => void) {
    // Only the payload crosses the bridge: the IpcRendererEvent would hand the page `sender`,
    // which is ipcRenderer itself.
    const relay = (_event: IpcRendererEvent, appEvent: AppEvent) => listener(appEvent);
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
  // Only the file name crosses: the main process asks where to save and writes the file itself.
  printToPdf: (options: PrintToPdfOptions) => ipcRenderer.invoke(PRINT_PDF_CHANNEL, { filename: options.filename }),
} satisfies BridgeApi;

contextBridge.exposeInMainWorld('aftertab', api);
