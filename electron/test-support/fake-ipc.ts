import type { InvokeEvent, IpcMainLike } from '../ipc/electron-binding';

type Listener = (event: InvokeEvent, envelope: unknown) => unknown;

/** Behaves like Electron's ipcMain: one handler per channel, a second one throws. */
export function fakeIpcMain(): { ipcMain: IpcMainLike; handlers: Map<string, Listener> } {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  return { ipcMain, handlers };
}
