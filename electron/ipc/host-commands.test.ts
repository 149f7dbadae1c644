import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract } from '../../shared/contract';
import { DomainError, type Result } from '../../shared/errors';
import type { AppEvent } from '../../shared/types';
import { authCommandNames, createAuth, type Caller } from '../auth/auth-commands';
import { createPinHasher, TEST_PIN_COST } from '../auth/pin-hash';
import { createLedgerHost, type LedgerHost } from '../ledger-host/ledger-host';
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
    'backup.status': vi.fn(() => ({ folder: '/b', keep: 14, everyMinutes: 30, lastBackup: null, lastError: null, lastShutdownFailure: null, backups: [] })),
    'backup.configure': vi.fn(() => ({ folder: '/usb', keep: 3, everyMinutes: 30, lastBackup: null, lastError: null, lastShutdownFailure: null, backups: [] })),
    'backup.now': vi.fn(async () => ({
      name: 'aftertab-x.sqlite',
      at: '2026-11-24T09:00:00.000Z',
      sizeBytes: 1,
      verified: true,
      reason: 'manual' as const,
      chain: null,
    })),
    'backup.restore': vi.fn(async () => ({ restoredFrom: 'aftertab-x.sqlite', keptAside: 'aftertab.sqlite.before-restore-1' })),
    'recovery.status': vi.fn(() => ({
      damaged: true,
      problem: 'file is not a database',
      seal: null,
      ledgerFile: '/d/aftertab.sqlite',
      backupFolder: '/b',
      backups: [],
    })),
    'recovery.restore': vi.fn(async () => ({ restoredFrom: 'aftertab-x.sqlite', keptAside: 'aftertab.sqlite.before-restore-1' })),
    'recovery.continue': vi.fn(async () => ({ restoredFrom: '', keptAside: '' })),
    'firstRun.profile': vi.fn(() => null),
    'firstRun.applyProfile': vi.fn(() => ({ storeName: 'Fern & Fringe', categories: 3, items: 2, services: 7, staff: 3 })),
    'firstRun.previewImport': vi.fn(() => ({ ok: false as const, problems: [{ path: 'profile', message: 'profile: not valid JSON' }] })),
    'firstRun.applyWizard': vi.fn(() => ({ storeName: 'Corner Café', categories: 3, items: 11, services: 0, staff: 1 })),
    'device.get': vi.fn(() => ({ language: null, screenLanguage: 'en' as const, storeLanguage: 'en' as const, printer: null })),
    'device.update': vi.fn(() => ({ language: 'de' as const, screenLanguage: 'de' as const, storeLanguage: 'en' as const, printer: null })),
    'store.exportProfile': vi.fn(() => ({ profile: {} as never, logo: null })),
    'print.test': vi.fn(async () => ({ target: { kind: 'network' as const, host: '127.0.0.1', port: 9100 }, lines: 12 })),
    'print.preview': vi.fn(() => ({ paper: '80mm' as const, columns: 48, lines: [] })),
    'print.document': vi.fn(async () => ({ target: { kind: 'queue' as const, queue: 'TM-T20' }, lines: 30 })),
  };
}

/** The window every test calls from; the test's staff member signs in on it with this PIN. */
const WINDOW: Caller = { kind: 'window', windowId: 7 };
const PIN = '1234';

async function setup(options: { damaged?: boolean; role?: 'owner' | 'manager' | 'staff'; active?: boolean; signedIn?: boolean } = {}) {
  const dataDir = tempDir('aftertab-router-');
  dirs.push(dataDir);
  if (options.damaged) fs.writeFileSync(ledgerPath(dataDir), Buffer.alloc(8192, 0x42));
  let app: TestLedgerApp | null = null;
  const host = createLedgerHost({ dataDir, open: () => (app = openTestLedger(dataDir)), log: () => undefined });
  hosts.push(host);
  host.openLedger();
  const auth = createAuth({ hasher: createPinHasher(randomBytes(32), TEST_PIN_COST), clock: () => new Date('2026-11-24T10:00:00.000Z') });
  const handlers = fakeHandlers();
  const log = vi.fn();
  const router = createCommandRouter({ host, handlers, auth, log });
  const dispatch = (name: string, envelope: unknown) => router.dispatch(name, envelope, WINDOW);
  let staffId: number | null = null;
  if (app) {
    const { db, session } = app as TestLedgerApp;
    staffId = options.role
      ? Number(db.prepare("INSERT INTO staff (name, role, created_at) VALUES ('Sam', ?, '2026-11-24T09:00:00Z')").run(options.role).lastInsertRowid)
      : session.staffId;
    db.prepare('UPDATE staff SET pin_hash = ? WHERE id = ?').run(await auth.hasher.hash(PIN), staffId);
    if (options.signedIn !== false) expect(await dispatch('session.signIn', { input: { staffId, pin: PIN } })).toMatchObject({ ok: true });
    // Archived after signing in: the session names someone who may no longer act.
    if (options.active === false) db.prepare('UPDATE staff SET active = 0 WHERE id = ?').run(staffId);
  }
  const ledgerExecute = app ? vi.spyOn((app as TestLedgerApp).dispatcher, 'execute') : null;
  return { host, router, dispatch, auth, handlers, log, ledgerExecute, staffId, app: app as TestLedgerApp | null };
}

function errorOf(result: Result<unknown>) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('host commands', () => {
  it('with the sign-in commands, are exactly the contract entries flagged host', () => {
    const flagged = Object.entries(contract)
      .filter(([, def]) => 'host' in def && def.host === true)
      .map(([name]) => name);
    expect([...hostCommandNames, ...authCommandNames].sort()).toEqual(flagged.sort());
    expect(hostCommandNames.filter((name) => (authCommandNames as readonly string[]).includes(name))).toEqual([]);
  });

  it('run the handler with the parsed input and the acting staff member, and answer {ok, value}', async () => {
    const t = await setup();
    const result = await t.dispatch('backup.now', { input: {}, commandId: 'c-12345678' });
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
    const t = await setup();
    const error = errorOf(await t.dispatch(name, envelope));
    expect(error.code).toBe('invalid_input');
    for (const handler of Object.values(t.handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('word a bad backup name with its catalogue key, next to the field', async () => {
    const t = await setup();
    const error = errorOf(await t.dispatch('backup.restore', { input: { name: 'x.sqlite' } }));
    expect(error).toMatchObject({ key: 'errors.field.backupName', field: 'name' });
  });

  it('refuse a role without backup.manage, naming the permission', async () => {
    const t = await setup({ role: 'manager' });
    const error = errorOf(await t.dispatch('backup.restore', { input: { name: 'aftertab-20261124T090000000Z-manual.sqlite' } }));
    expect(error).toMatchObject({ code: 'forbidden', key: 'errors.forbidden', params: { permission: 'backup.manage', role: 'manager' } });
    expect(t.handlers['backup.restore']).not.toHaveBeenCalled();
  });

  it('refuse when the session has no active staff member', async () => {
    const t = await setup({ active: false });
    expect(errorOf(await t.dispatch('backup.status', {})).code).toBe('unauthorized');
    expect(t.handlers['backup.status']).not.toHaveBeenCalled();
  });

  it('refuse a caller no one signed in on, a web client without a token, and a window that was forgotten', async () => {
    const t = await setup({ signedIn: false });
    expect(errorOf(await t.dispatch('backup.status', {})).code).toBe('unauthorized');
    expect(errorOf(await t.router.dispatch('backup.status', {}, { kind: 'web', token: null })).code).toBe('unauthorized');
    expect(await t.dispatch('session.signIn', { input: { staffId: t.staffId, pin: PIN } })).toMatchObject({ ok: true });
    expect((await t.dispatch('backup.status', {})).ok).toBe(true);
    // Another window is another caller, and closing this one ends its session.
    expect(errorOf(await t.router.dispatch('backup.status', {}, { kind: 'window', windowId: 8 })).code).toBe('unauthorized');
    t.router.forget(WINDOW);
    expect(errorOf(await t.dispatch('backup.status', {})).code).toBe('unauthorized');
    expect(t.handlers['backup.status']).toHaveBeenCalledTimes(1);
  });

  it('pass a handler’s DomainError through, and hide anything else behind internal', async () => {
    const t = await setup();
    t.handlers['backup.now'].mockRejectedValueOnce(new DomainError('conflict', 'errors.backup.verifyFailed', { problem: 'page 2' }));
    expect(errorOf(await t.dispatch('backup.now', {}))).toMatchObject({ key: 'errors.backup.verifyFailed', message: expect.stringContaining('page 2') });
    t.handlers['backup.now'].mockRejectedValueOnce(new Error('EIO'));
    expect(errorOf(await t.dispatch('backup.now', {})).code).toBe('internal');
    expect(t.log).toHaveBeenCalledOnce();
    expect(t.log).toHaveBeenCalledWith(expect.objectContaining({ message: 'EIO' }), { command: 'backup.now', code: 'internal' });
  });

  it('log a handler’s own internal DomainError too, since the client sees the same `internal`', async () => {
    const t = await setup();
    const failure = new DomainError('internal', 'errors.backup.restoreFailed', { detail: 'rename failed' });
    t.handlers['backup.restore'].mockRejectedValueOnce(failure);
    const result = await t.dispatch('backup.restore', { input: { name: 'aftertab-x.sqlite' }, commandId: '00000000-0000-4000-8000-000000000001' });
    expect(errorOf(result)).toMatchObject({ code: 'internal', key: 'errors.backup.restoreFailed' });
    expect(t.log).toHaveBeenCalledWith(failure, { command: 'backup.restore', code: 'internal' });
  });
});

describe('ledger commands through the router', () => {
  it('are admitted once, then run by the current ledger’s dispatcher as the person signed in on the caller', async () => {
    const t = await setup({ role: 'manager' });
    const answer = await t.dispatch('tab.listOpen', { input: {} });
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ message: 'the test ledger runs no commands' }) });
    expect(t.ledgerExecute).toHaveBeenCalledTimes(1);
    // Besides the command, the dispatcher gets the settle claims as this caller's session sees them.
    expect(t.ledgerExecute).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'tab.listOpen', input: {}, actor: { id: t.staffId, name: 'Sam', role: 'manager' }, approverId: null }),
      { claims: expect.objectContaining({ claim: expect.any(Function), release: expect.any(Function), elsewhere: expect.any(Function) }) },
    );
  });

  it('refuse a ledger command beyond the role before the dispatcher sees it', async () => {
    const t = await setup({ role: 'staff' });
    expect(errorOf(await t.dispatch('catalog.createCategory', { input: { name: 'Cakes' }, commandId: 'cat-00000001' }))).toMatchObject({
      code: 'forbidden',
      params: { permission: 'catalog.manage', role: 'staff' },
    });
    expect(t.ledgerExecute).not.toHaveBeenCalled();
  });

  it('relay the host’s events to subscribers', async () => {
    const t = await setup();
    const seen: AppEvent[] = [];
    t.router.subscribe((event) => seen.push(event));
    t.app?.emit({ type: 'tabs.changed', tabIds: [2] });
    t.host.emit({ type: 'backup.changed' });
    expect(seen).toEqual([{ type: 'tabs.changed', tabIds: [2] }, { type: 'backup.changed' }]);
  });
});

describe('recovery mode', () => {
  it('refuses every ledger and backup command with errors.recovery.ledgerDamaged', async () => {
    const t = await setup({ damaged: true });
    expect(t.host.current()).toBeNull();
    for (const name of ['tab.listOpen', 'store.get', 'backup.status', 'backup.now']) {
      const error = errorOf(await t.dispatch(name, {}));
      expect(error.key).toBe('errors.recovery.ledgerDamaged');
      expect(error.message).toContain('not a database');
    }
    expect(t.handlers['backup.now']).not.toHaveBeenCalled();
  });

  it('answers recovery.status and recovery.restore without a staff lookup, after parsing them', async () => {
    const t = await setup({ damaged: true });
    expect(await t.dispatch('recovery.status', {})).toMatchObject({ ok: true, value: { damaged: true } });
    const name = 'aftertab-20261124T090000000Z-manual.sqlite';
    expect(await t.dispatch('recovery.restore', { input: { name } })).toMatchObject({ ok: true });
    expect(t.handlers['recovery.restore']).toHaveBeenCalledWith({ name }, null);
    expect(errorOf(await t.dispatch('recovery.restore', { input: { name: '/etc/passwd' } })).code).toBe('invalid_input');
    expect(t.handlers['recovery.restore']).toHaveBeenCalledTimes(1);
  });
});
