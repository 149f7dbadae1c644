import { commandNames } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { commandChannel, EVENT_CHANNEL } from '../../shared/ipc-channels';
import { isRendererUrl } from '../security';
import type { CommandRouter } from './host-commands';

export { commandChannel, EVENT_CHANNEL };

/**
 * The parts of Electron this binding touches, typed structurally so the tests can pass small
 * fakes; Electron's own IpcMain, IpcMainInvokeEvent and BrowserWindow fit these shapes.
 */
export type SenderFrame = { url: string; parent: unknown };
export type InvokeEvent = { sender: { id: number }; senderFrame: SenderFrame | null };
export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEvent, envelope: unknown) => unknown): void;
  removeHandler(channel: string): void;
};
export type AppWindow = { isDestroyed(): boolean; webContents: { id: number; send(channel: string, ...args: unknown[]): void } };
export type TrustedSenderCheck = (event: InvokeEvent) => boolean;

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This page is not an Aftertab window, so it may not run Aftertab commands.' },
};

/**
 * A sender is trusted only when it is the top frame of one of our own windows showing the
 * built renderer. A frame inside the page, a navigated-away window or any other webContents
 * (devtools extensions, a future helper window) is refused.
 */
export function createTrustedSenderCheck(options: { rendererUrl: string; getWindows: () => readonly AppWindow[] }): TrustedSenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent) return false;
    if (!isRendererUrl(frame.url, options.rendererUrl)) return false;
    return options.getWindows().some((window) => !window.isDestroyed() && window.webContents === event.sender);
  };
}

// ipcMain keeps one handler per channel, so a second binding would throw halfway through;
// refusing up front keeps the first binding whole.
const bound = new WeakSet<IpcMainLike>();

/**
 * One ipcMain handler per command; returns a disposer that removes them all. The router answers
 * with a promise (host commands such as a backup take a while); ipcMain.handle awaits it.
 */
export function bindIpc(options: { ipcMain: IpcMainLike; commands: CommandRouter; isTrustedSender: TrustedSenderCheck }): () => void {
  const { ipcMain, commands, isTrustedSender } = options;
  if (bound.has(ipcMain)) throw new Error('Aftertab IPC is already bound to this ipcMain; dispose the first binding');
  bound.add(ipcMain);
  for (const name of commandNames) {
    ipcMain.handle(commandChannel(name), (event, envelope) => {
      if (!isTrustedSender(event)) return FORBIDDEN;
      // The router parses the envelope and the input; nothing is trusted here. The session is
      // this window's: whoever signed in on it (keyed by its webContents), never a default.
      return commands.dispatch(name, envelope, { kind: 'window', windowId: event.sender.id });
    });
  }
  return () => {
    for (const name of commandNames) ipcMain.removeHandler(commandChannel(name));
    bound.delete(ipcMain);
  };
}

/** Pushes every event (whichever ledger is current) to every open window; returns the unsubscribe. */
export function forwardEvents(commands: Pick<CommandRouter, 'subscribe'>, getWindows: () => readonly AppWindow[]): () => void {
  return commands.subscribe((event) => {
    for (const window of getWindows()) {
      if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
    }
  });
}
