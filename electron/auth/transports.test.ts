import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import type { SignInResult, Staff, TabDetail } from '../../shared/types';
import { bindIpc, commandChannel, createTrustedSenderCheck, type AppWindow, type InvokeEvent } from '../ipc/electron-binding';
import { fakeIpcMain } from '../test-support/fake-ipc';
import { snapshot } from '../test-support/ledger-fixture';
import { addPerson, OWNER_PIN, testCores, windowClient, type TestCore } from '../test-support/test-core';
import { SESSION_HEADER, startWebHost, type WebHost } from '../web-host';

const startCore = testCores('aftertab-transport-');
const hosts: WebHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

function ledgerOf(core: TestCore) {
  const app = core.ledger();
  if (!app) throw new Error('no ledger open');
  return app;
}

function openedBy(core: TestCore, tabId: number): number | undefined {
  return ledgerOf(core).db.prepare<[number], { staff_id: number }>("SELECT staff_id FROM audit WHERE command = 'tab.open' AND tab_id = ?").get(tabId)?.staff_id;
}

describe('the web host with the real core', () => {
  async function serve() {
    const core = startCore();
    const rendererDir = path.join(core.dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const host = await startWebHost({ commands: core.commands, rendererDir });
    hosts.push(host);
    const post = async (name: string, envelope: unknown, token?: string): Promise<Result<unknown>> => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Aftertab-Secret': host.secret };
      if (token !== undefined) headers[SESSION_HEADER] = token;
      const reply = await fetch(`${host.url}api/command/${name}`, { method: 'POST', headers, body: JSON.stringify(envelope) });
      expect(reply.status).toBe(200);
      return (await reply.json()) as Result<unknown>;
    };
    return { core, post };
  }

  it('refuses a command without a session and writes nothing; the PIN pad answers; a token from sign-in opens the rest', async () => {
    const { core, post } = await serve();
    const before = snapshot(ledgerOf(core));
    expect(await post('tab.open', { input: { name: 'Ana' }, commandId: 'web-open-000001' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await post('tab.listOpen', { input: {} }, 'Z'.repeat(43))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await post('backup.now', { input: {} })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(snapshot(ledgerOf(core))).toEqual(before);
    expect(fs.existsSync(path.join(core.dir, 'backups'))).toBe(false);
    expect(await post('session.state', { input: {} })).toMatchObject({ ok: true, value: { needsSetup: true, current: null } });

    const setup = (await post('session.setup', { input: { pin: OWNER_PIN, pinAgain: OWNER_PIN } })) as { ok: true; value: SignInResult };
    const token = setup.value.token ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const opened = (await post('tab.open', { input: { name: 'Ana' }, commandId: 'web-open-000001' }, token)) as { ok: true; value: TabDetail };
    expect(opened.ok).toBe(true);
    expect(openedBy(core, opened.value.id)).toBe(setup.value.staff.id);
    // Only that token: without it the same client is no one.
    expect(await post('tab.listOpen', { input: {} })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await post('session.current', { input: {} }, token)).toEqual({ ok: true, value: setup.value.staff });
    expect(await post('session.end', { input: { reason: 'signOut' } }, token)).toEqual({ ok: true, value: null });
    expect(await post('tab.listOpen', { input: {} }, token)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

describe('the Electron binding with the real core', () => {
  const RENDERER_URL = 'app://aftertab/index.html';

  function bind(core: TestCore) {
    const { ipcMain, handlers } = fakeIpcMain();
    const windows: AppWindow[] = [1, 2].map((id) => ({ isDestroyed: () => false, webContents: { id, send: () => undefined } }));
    bindIpc({ ipcMain, commands: core.commands, isTrustedSender: createTrustedSenderCheck({ rendererUrl: RENDERER_URL, getWindows: () => windows }) });
    /** What preload sends from window `index` (0 or 1): the command's channel, its envelope. */
    const invoke = async (index: number, name: string, envelope: unknown): Promise<Result<unknown>> => {
      const handler = handlers.get(commandChannel(name as never));
      if (!handler) throw new Error(`no handler for ${name}`);
      const event: InvokeEvent = { sender: windows[index]!.webContents, senderFrame: { url: `${RENDERER_URL}#/board`, parent: null } };
      return (await handler(event, envelope)) as Result<unknown>;
    };
    return { invoke, windows };
  }

  it('refuses a command from a window no one signed in on, and writes nothing', async () => {
    const core = startCore();
    const { invoke } = bind(core);
    const before = snapshot(ledgerOf(core));
    expect(await invoke(0, 'tab.open', { input: {}, commandId: 'ipc-open-000001' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await invoke(1, 'store.update', { input: { name: 'Mine' }, commandId: 'ipc-store-00001' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(snapshot(ledgerOf(core))).toEqual(before);
    expect(await invoke(0, 'session.state', { input: {} })).toMatchObject({ ok: true, value: { needsSetup: true } });
  });

  it('keeps two windows signed in as two people, each acting as themselves', async () => {
    const core = startCore();
    const { invoke } = bind(core);
    const setup = (await invoke(0, 'session.setup', { input: { pin: OWNER_PIN, pinAgain: OWNER_PIN } })) as { ok: true; value: SignInResult };
    expect(setup.value).toEqual({ staff: { id: expect.any(Number), name: 'Owner', role: 'owner' } });
    // The window's caller is its webContents: the same session the test client on window 1 would use.
    const sam = await addPerson(windowClient(core, 1), 'Sam', 'staff', '1111');
    expect(await invoke(1, 'tab.listOpen', { input: {} })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await invoke(1, 'session.signIn', { input: { staffId: sam.id, pin: '1111' } })).toEqual({
      ok: true,
      value: { staff: { id: sam.id, name: 'Sam', role: 'staff' } },
    });

    const current = await Promise.all([invoke(0, 'session.current', { input: {} }), invoke(1, 'session.current', { input: {} })]);
    expect(current.map((result) => (result as { value: Staff }).value.name)).toEqual(['Owner', 'Sam']);
    const first = (await invoke(0, 'tab.open', { input: { name: 'Ana' }, commandId: 'ipc-open-000001' })) as { ok: true; value: TabDetail };
    const second = (await invoke(1, 'tab.open', { input: { name: 'Ben' }, commandId: 'ipc-open-000002' })) as { ok: true; value: TabDetail };
    expect(openedBy(core, first.value.id)).toBe(setup.value.staff.id);
    expect(openedBy(core, second.value.id)).toBe(sam.id);
    // Each window keeps its own person's rights.
    expect(await invoke(1, 'catalog.loadStarter', { input: { kind: 'cafe' }, commandId: 'ipc-starter-001' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await invoke(0, 'catalog.loadStarter', { input: { kind: 'cafe' }, commandId: 'ipc-starter-002' })).toMatchObject({ ok: true });

    // Closing Sam's window ends his session and no other.
    core.commands.forget({ kind: 'window', windowId: 2 });
    expect(await invoke(1, 'tab.listOpen', { input: {} })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await invoke(0, 'tab.listOpen', { input: {} })).toMatchObject({ ok: true });
  });
});
