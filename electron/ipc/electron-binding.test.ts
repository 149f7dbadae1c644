import { describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { AppEvent } from '../../shared/types';
import { fakeIpcMain } from '../test-support/fake-ipc';
import type { CommandRouter } from './host-commands';
import { bindIpc, commandChannel, createTrustedSenderCheck, EVENT_CHANNEL, forwardEvents, type AppWindow, type InvokeEvent } from './electron-binding';

const RENDERER_URL = 'file:///opt/Aftertab/resources/app.asar/dist/renderer/index.html';

function fakeRouter(result: Result<unknown> = { ok: true, value: 'done' }) {
  const listeners = new Set<(event: AppEvent) => void>();
  const dispatch = vi.fn<CommandRouter['dispatch']>(async () => result);
  const commands: CommandRouter = {
    dispatch,
    forget: vi.fn(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (event: AppEvent) => listeners.forEach((listener) => listener(event));
  return { commands, dispatch, emit };
}

let nextWebContentsId = 1;
function fakeWindow(destroyed = false) {
  const send = vi.fn();
  const window: AppWindow = { isDestroyed: () => destroyed, webContents: { id: nextWebContentsId++, send } };
  return { window, send };
}

function setup(result?: Result<unknown>) {
  const { ipcMain, handlers } = fakeIpcMain();
  const { commands, dispatch } = fakeRouter(result);
  const ours = fakeWindow();
  const isTrustedSender = createTrustedSenderCheck({ rendererUrl: RENDERER_URL, getWindows: () => [ours.window] });
  const dispose = bindIpc({ ipcMain, commands, isTrustedSender });
  const call = (name: string, event: InvokeEvent, envelope: unknown) => {
    const handler = handlers.get(commandChannel(name as never));
    if (!handler) throw new Error(`no handler for ${name}`);
    return handler(event, envelope);
  };
  const trustedEvent: InvokeEvent = { sender: ours.window.webContents, senderFrame: { url: `${RENDERER_URL}#/board`, parent: null } };
  return { handlers, dispatch, dispose, call, trustedEvent, ours };
}

describe('channel names', () => {
  it('prefixes each command and keeps one event channel', () => {
    expect(commandChannel('tab.open')).toBe('aftertab:cmd:tab.open');
    expect(EVENT_CHANNEL).toBe('aftertab:event');
  });
});

describe('bindIpc', () => {
  it('registers exactly one handler per command and no other channel', () => {
    const { handlers } = setup();
    expect(handlers.size).toBe(commandNames.length);
    expect([...handlers.keys()].sort()).toEqual(commandNames.map((name) => `aftertab:cmd:${name}`).sort());
  });

  it('passes input and commandId of a trusted call to the router and returns its (awaited) result', async () => {
    const result: Result<unknown> = { ok: true, value: { id: 3 } };
    const { call, dispatch, trustedEvent } = setup(result);
    const envelope = { input: { tabId: 3, itemId: 9 }, commandId: 'c0ffee00-0000-4000-8000-000000000001' };
    const answer = call('tab.addLine', trustedEvent, envelope);
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toBe(result);
    expect(dispatch).toHaveBeenCalledTimes(1);
    // The caller is this window, by its webContents id: the router looks up who signed in on it.
    expect(dispatch).toHaveBeenCalledWith('tab.addLine', envelope, { kind: 'window', windowId: trustedEvent.sender.id });
  });

  it('names each window as its own caller, so two windows are two sessions', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const { commands, dispatch } = fakeRouter();
    const first = fakeWindow();
    const second = fakeWindow();
    bindIpc({ ipcMain, commands, isTrustedSender: createTrustedSenderCheck({ rendererUrl: RENDERER_URL, getWindows: () => [first.window, second.window] }) });
    const frame = { url: RENDERER_URL, parent: null };
    await handlers.get(commandChannel('session.current'))?.({ sender: first.window.webContents, senderFrame: frame }, {});
    await handlers.get(commandChannel('session.current'))?.({ sender: second.window.webContents, senderFrame: frame }, {});
    expect(dispatch.mock.calls.map(([, , caller]) => caller)).toEqual([
      { kind: 'window', windowId: first.window.webContents.id },
      { kind: 'window', windowId: second.window.webContents.id },
    ]);
    expect(first.window.webContents.id).not.toBe(second.window.webContents.id);
  });

  it('binds the host commands too (a backup is answered like any other command)', async () => {
    const { call, dispatch, trustedEvent } = setup({ ok: true, value: { name: 'aftertab-x.sqlite' } });
    expect(await call('backup.now', trustedEvent, { input: {} })).toEqual({ ok: true, value: { name: 'aftertab-x.sqlite' } });
    expect(await call('recovery.status', trustedEvent, {})).toMatchObject({ ok: true });
    expect(dispatch.mock.calls.map(([name]) => name)).toEqual(['backup.now', 'recovery.status']);
  });

  const foreign: [string, (ours: AppWindow) => InvokeEvent][] = [
    ['a page from another origin', (ours) => ({ sender: ours.webContents, senderFrame: { url: 'https://evil.example/', parent: null } })],
    ['a webContents that is not one of our windows', () => ({ sender: { id: 99 }, senderFrame: { url: RENDERER_URL, parent: null } })],
    ['a frame inside our page', (ours) => ({ sender: ours.webContents, senderFrame: { url: RENDERER_URL, parent: {} } })],
    ['a sender whose frame is gone', (ours) => ({ sender: ours.webContents, senderFrame: null })],
    ['a file that only starts like the renderer', (ours) => ({ sender: ours.webContents, senderFrame: { url: `${RENDERER_URL}.evil.html`, parent: null } })],
    ['another local file', (ours) => ({ sender: ours.webContents, senderFrame: { url: 'file:///tmp/evil.html', parent: null } })],
  ];
  it.each(foreign)('refuses %s with forbidden and never reaches the dispatcher', (_label, makeEvent) => {
    const { call, dispatch, ours } = setup();
    const answer = call('tab.void', makeEvent(ours.window), { input: { tabId: 1 }, commandId: 'x' }) as Result<unknown>;
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toBe('forbidden');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a sender whose window has been destroyed', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const { commands, dispatch } = fakeRouter();
    const gone = fakeWindow(true);
    const isTrustedSender = createTrustedSenderCheck({ rendererUrl: RENDERER_URL, getWindows: () => [gone.window] });
    bindIpc({ ipcMain, commands, isTrustedSender });
    const answer = handlers.get(commandChannel('store.get'))?.({ sender: gone.window.webContents, senderFrame: { url: RENDERER_URL, parent: null } }, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('uses the sender check it is given', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const { commands, dispatch } = fakeRouter();
    const isTrustedSender = vi.fn(() => false);
    bindIpc({ ipcMain, commands, isTrustedSender });
    const event: InvokeEvent = { sender: { id: 41 }, senderFrame: { url: RENDERER_URL, parent: null } };
    expect(handlers.get(commandChannel('store.get'))?.(event, {})).toMatchObject({ error: { code: 'forbidden' } });
    expect(isTrustedSender).toHaveBeenCalledWith(event);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a second binding on the same ipcMain and leaves the first one intact', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const { commands } = fakeRouter();
    bindIpc({ ipcMain, commands, isTrustedSender: () => true });
    expect(() => bindIpc({ ipcMain, commands, isTrustedSender: () => true })).toThrow(/already bound/);
    expect(handlers.size).toBe(commandNames.length);
  });

  it('removes every handler when disposed, after which it can bind again', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const { commands } = fakeRouter();
    const dispose = bindIpc({ ipcMain, commands, isTrustedSender: () => true });
    dispose();
    expect(handlers.size).toBe(0);
    bindIpc({ ipcMain, commands, isTrustedSender: () => true });
    expect(handlers.size).toBe(commandNames.length);
  });
});

describe('forwardEvents', () => {
  it('sends each event to every live window on the event channel until unsubscribed', () => {
    const { commands, emit } = fakeRouter();
    const first = fakeWindow();
    const second = fakeWindow();
    const closed = fakeWindow(true);
    const stop = forwardEvents(commands, () => [first.window, second.window, closed.window]);
    // A tab change goes with its cards, as they are: the window patches its board from them.
    const card = {
      id: 4,
      token: 9,
      name: 'Ana',
      label: '',
      note: '',
      status: 'open' as const,
      itemCount: 2,
      totalMinor: 900,
      paidMinor: 0,
      dueMinor: 900,
      openedAt: '2026-11-24T09:00:00.000Z',
      lastActivityAt: '2026-11-24T09:05:00.000Z',
      customerId: null,
      customerName: null,
    };
    const event: AppEvent = {
      type: 'tabs.changed',
      tabIds: [4, 5],
      board: [
        { tabId: 4, card },
        { tabId: 5, card: null },
      ],
    };
    emit(event);
    expect(first.send).toHaveBeenCalledWith('aftertab:event', event);
    expect(second.send).toHaveBeenCalledWith('aftertab:event', event);
    expect(closed.send).not.toHaveBeenCalled();
    stop();
    emit({ type: 'catalog.changed' });
    expect(first.send).toHaveBeenCalledTimes(1);
  });
});
