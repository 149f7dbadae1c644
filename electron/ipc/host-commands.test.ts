import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract } from '../../shared/contract';
import { DomainError, type Result } from '../../shared/errors';
import type { AppEvent } from '../../shared/types';
import { createLedgerHost, type LedgerHost } from '../backup/ledger-host';
import { openTestLedger, tempDir, type TestLedgerApp } from '../backup/test-ledger';
import { ledgerPath } from '../ledger/open';
import { createCommandRouter, hostCommandNames, type HostHandlers } from './host-commands';

const dirs: string[] = [];
const hosts: LedgerHost[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function fakeHandlers(): HostHandlers & { [K in keyof HostHandlers]: ReturnType<typeof vi.fn> } {
  return {
    'backup.status': vi.fn(() => ({ folder: '/b', keep: 14, everyMinutes: 30, lastBackup: null, lastError: null, backups: [] })),
    'backup.configure': vi.fn(() => ({ folder: '/usb', keep: 3, everyMinutes: 30, lastBackup: null, lastError: null, backups: [] })),
    'backup.now': vi.fn(async () => ({ name: 'aftertab-x.sqlite', at: '2026-11-24T09:00:00.000Z', sizeBytes: 1, verified: true, reason: 'manual' as const })),
    'backup.restore': vi.fn(async () => ({ restoredFrom: 'aftertab-x.sqlite', keptAside: 'aftertab.sqlite.before-restore-1' })),
    'recovery.status': vi.fn(() => ({ damaged: true, problem: 'file is not a database', ledgerFile: '/d/aftertab.sqlite', backupFolder: '/b', backups: [] })),
    'recovery.restore': vi.fn(async () => ({ restoredFrom: 'aftertab-x.sqlite', keptAside: 'aftertab.sqlite.before-restore-1' })),
  };
}

function setup(options: { damaged?: boolean; role?: 'owner' | 'manager' | 'staff'; active?: boolean } = {}) {
  const dataDir = tempDir('aftertab-router-');
  dirs.push(dataDir);
  if (options.damaged) fs.writeFileSync(ledgerPath(dataDir), Buffer.alloc(8192, 0x42));
  let app: TestLedgerApp | null = null;
  const host = createLedgerHost({ dataDir, open: () => (app = openTestLedger(dataDir)), log: () => undefined });
  hosts.push(host);
  host.openLedger();
  if (app && (options.role || options.active === false)) {
    const opened: TestLedgerApp = app;
    const id = Number(
      opened.db.prepare("INSERT INTO staff (name, role, active, created_at) VALUES ('Sam', ?, ?, '2026-11-24T09:00:00Z')").run(options.role ?? 'owner', options.active === false ? 0 : 1)
        .lastInsertRowid,
    );
    opened.session.staffId = id;
  }
  const handlers = fakeHandlers();
  const log = vi.fn();
  const router = createCommandRouter({ host, handlers, log });
  const ledgerDispatch = app ? vi.spyOn((app as TestLedgerApp).dispatcher, 'dispatch') : null;
  return { host, router, handlers, log, ledgerDispatch, app: app as TestLedgerApp | null };
}

function errorOf(result: Result<unknown>) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('host commands', () => {
  it('are exactly the contract entries flagged host', () => {
    const flagged = Object.entries(contract)
      .filter(([, def]) => 'host' in def && def.host === true)
      .map(([name]) => name);
    expect([...hostCommandNames].sort()).toEqual(flagged.sort());
  });

  it('run the handler with the parsed input and the acting staff member, and answer {ok, value}', async () => {
    const t = setup();
    const result = await t.router.dispatch('backup.now', { input: {}, commandId: 'c-12345678' });
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ name: 'aftertab-x.sqlite' }) });
    expect(t.handlers['backup.now']).toHaveBeenCalledWith({}, expect.objectContaining({ role: 'owner' }));
  });

  it.each([
    ['an unknown field', 'backup.now', { input: { sneaky: 1 } }],
    ['a name with a path in it', 'backup.restore', { input: { name: '../../etc/aftertab-x.sqlite' } }],
    ['a keep of zero', 'backup.configure', { input: { keep: 0 } }],
    ['a stray envelope field', 'backup.status', { input: {}, extra: true }],
    ['a string for input', 'backup.status', { input: 'all' }],
  ])('refuse %s as invalid_input without calling the handler', async (_label, name, envelope) => {
    const t = setup();
    const error = errorOf(await t.router.dispatch(name, envelope));
    expect(error.code).toBe('invalid_input');
    for (const handler of Object.values(t.handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('word a bad backup name with its catalogue key, next to the field', async () => {
    const t = setup();
    const error = errorOf(await t.router.dispatch('backup.restore', { input: { name: 'x.sqlite' } }));
    expect(error).toMatchObject({ key: 'errors.field.backupName', field: 'name' });
  });

  it('refuse a role without backup.manage, naming the permission', async () => {
    const t = setup({ role: 'manager' });
    const error = errorOf(await t.router.dispatch('backup.restore', { input: { name: 'aftertab-20261124T090000000Z-manual.sqlite' } }));
    expect(error).toMatchObject({ code: 'forbidden', key: 'errors.forbidden', params: { permission: 'backup.manage', role: 'manager' } });
    expect(t.handlers['backup.restore']).not.toHaveBeenCalled();
  });

  it('refuse when the session has no active staff member', async () => {
    const t = setup({ active: false });
    expect(errorOf(await t.router.dispatch('backup.status', {})).code).toBe('unauthorized');
    expect(t.handlers['backup.status']).not.toHaveBeenCalled();
  });

  it('pass a handler’s DomainError through, and hide anything else behind internal', async () => {
    const t = setup();
    t.handlers['backup.now'].mockRejectedValueOnce(new DomainError('conflict', 'errors.backup.verifyFailed', { problem: 'page 2' }));
    expect(errorOf(await t.router.dispatch('backup.now', {}))).toMatchObject({ key: 'errors.backup.verifyFailed', message: expect.stringContaining('page 2') });
    t.handlers['backup.now'].mockRejectedValueOnce(new Error('EIO'));
    expect(errorOf(await t.router.dispatch('backup.now', {})).code).toBe('internal');
    expect(t.log).toHaveBeenCalledOnce();
    expect(t.log).toHaveBeenCalledWith(expect.objectContaining({ message: 'EIO' }), { command: 'backup.now', code: 'internal' });
  });

  it('log a handler’s own internal DomainError too, since the client sees the same `internal`', async () => {
    const t = setup();
    const failure = new DomainError('internal', 'errors.backup.restoreFailed', { detail: 'rename failed' });
    t.handlers['backup.restore'].mockRejectedValueOnce(failure);
    const result = await t.router.dispatch('backup.restore', { input: { name: 'aftertab-x.sqlite' }, commandId: '00000000-0000-4000-8000-000000000001' });
    expect(errorOf(result)).toMatchObject({ code: 'internal', key: 'errors.backup.restoreFailed' });
    expect(t.log).toHaveBeenCalledWith(failure, { command: 'backup.restore', code: 'internal' });
  });
});

describe('ledger commands through the router', () => {
  it('go to the current ledger’s dispatcher with its session', async () => {
    const t = setup();
    await t.router.dispatch('tab.listOpen', { input: {} });
    expect(t.ledgerDispatch).toHaveBeenCalledWith('tab.listOpen', { input: {} }, t.app?.session);
  });

  it('relay the host’s events to subscribers', () => {
    const t = setup();
    const seen: AppEvent[] = [];
    t.router.subscribe((event) => seen.push(event));
    t.app?.emit({ type: 'tabs.changed', tabIds: [2] });
    t.host.emit({ type: 'backup.changed' });
    expect(seen).toEqual([{ type: 'tabs.changed', tabIds: [2] }, { type: 'backup.changed' }]);
  });
});

describe('recovery mode', () => {
  it('refuses every ledger and backup command with errors.recovery.ledgerDamaged', async () => {
    const t = setup({ damaged: true });
    expect(t.host.current()).toBeNull();
    for (const name of ['tab.listOpen', 'store.get', 'backup.status', 'backup.now']) {
      const error = errorOf(await t.router.dispatch(name, {}));
      expect(error.key).toBe('errors.recovery.ledgerDamaged');
      expect(error.message).toContain('not a database');
    }
    expect(t.handlers['backup.now']).not.toHaveBeenCalled();
  });

  it('answers recovery.status and recovery.restore without a staff lookup, after parsing them', async () => {
    const t = setup({ damaged: true });
    expect(await t.router.dispatch('recovery.status', {})).toMatchObject({ ok: true, value: { damaged: true } });
    const name = 'aftertab-20261124T090000000Z-manual.sqlite';
    expect(await t.router.dispatch('recovery.restore', { input: { name } })).toMatchObject({ ok: true });
    expect(t.handlers['recovery.restore']).toHaveBeenCalledWith({ name }, null);
    expect(errorOf(await t.router.dispatch('recovery.restore', { input: { name: '/etc/passwd' } })).code).toBe('invalid_input');
    expect(t.handlers['recovery.restore']).toHaveBeenCalledTimes(1);
  });
});
