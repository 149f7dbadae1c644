import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppError } from '../shared/errors';
import { createDispatcher } from './ipc/dispatcher';
import { openLedger } from './ledger/open';
import { handlers } from './services';
import { storageFaultOf } from './storage-fault';
import { makeLedger, snapshot, type TestLedger } from './test-support/ledger-fixture';
import { assertInvariants } from './test-support/invariants';
import { OWNER_PIN, testCores, webClient } from './test-support/test-core';

let l: TestLedger | null = null;
afterEach(() => {
  l?.cleanup();
  l = null;
});

function errno(code: string, message: string, file?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), file === undefined ? { code } : { code, path: file });
}

describe('storageFaultOf', () => {
  it('names a full disk and a read-only one, from SQLite and from file calls, and nothing else', () => {
    expect(storageFaultOf(errno('SQLITE_FULL', 'database or disk is full'), '/data/aftertab.sqlite')).toEqual({
      code: 'disk_full',
      path: '/data/aftertab.sqlite',
    });
    expect(storageFaultOf(errno('ENOSPC', 'no space left on device', '/usb/x.partial'), '/usb')).toEqual({ code: 'disk_full', path: '/usb/x.partial' });
    expect(storageFaultOf(errno('SQLITE_READONLY', 'attempt to write a readonly database'), '/data/a')).toEqual({ code: 'read_only', path: '/data/a' });
    expect(storageFaultOf(errno('SQLITE_READONLY_DBMOVED', 'moved'), '/data/a')).toMatchObject({ code: 'read_only' });
    expect(storageFaultOf(errno('EROFS', 'read-only file system', '/media/card'), '/x')).toEqual({ code: 'read_only', path: '/media/card' });
    expect(storageFaultOf(errno('EACCES', 'permission denied', '/media/card'), '/x')).toMatchObject({ code: 'read_only' });
    // A failing disk or a damaged file is not the shop's space to free: it stays an internal error.
    expect(storageFaultOf(errno('SQLITE_IOERR_WRITE', 'disk I/O error'), '/x')).toBeNull();
    expect(storageFaultOf(errno('SQLITE_CORRUPT', 'malformed'), '/x')).toBeNull();
    expect(storageFaultOf(new Error('no code'), '/x')).toBeNull();
    expect(storageFaultOf('SQLITE_FULL', '/x')).toBeNull();
  });
});

describe('a full disk', () => {
  it('refuses a command with disk_full, posts nothing, warns once with the path, and takes the next command once there is room', () => {
    l = makeLedger();
    const warn = vi.fn();
    const log = vi.fn();
    const dispatcher = createDispatcher({ db: l.db, handlers, warn, log });
    const send = (name: string, input: unknown, commandId: string) => dispatcher.dispatch(name, { input, commandId }, l!.session);
    // SQLite's page limit makes the file "full" exactly as a full disk does (SQLITE_FULL).
    const pages = l.db.pragma('page_count', { simple: true }) as number;
    l.db.pragma(`max_page_count = ${pages}`);
    let refused: AppError | null = null;
    let refusedId = '';
    let before: Record<string, unknown> = {};
    for (let i = 0; i < 50 && !refused; i++) {
      before = snapshot(l);
      refusedId = `full-${String(i).padStart(4, '0')}`;
      const result = send('tab.open', { name: `Guest ${i}`, note: 'x'.repeat(280) }, refusedId);
      if (!result.ok) refused = result.error;
    }
    expect(refused?.code).toBe('disk_full');
    expect(refused?.message).toContain("The disk holding Aftertab's data is full: nothing was saved.");
    expect(refused?.message).toContain(path.dirname(l.file));
    // The whole transaction was rolled back: no tab, no journal entry, no command record.
    expect(snapshot(l)).toEqual(before);
    expect(l.db.inTransaction).toBe(false);
    expect(dispatcher.isCommitted(refusedId)).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[1]).toMatchObject({ command: 'tab.open', code: 'disk_full', path: l.file });
    expect(log).not.toHaveBeenCalled();

    // Room again, on the same connection, with no restart: the same command id goes through.
    l.db.pragma('max_page_count = 1073741823');
    const retried = send('tab.open', { name: 'After the clean-up' }, refusedId);
    expect(retried).toMatchObject({ ok: true, value: { status: 'open' } });
    expect(dispatcher.isCommitted(refusedId)).toBe(true);
    assertInvariants(l.db);
  });
});

describe('a read-only ledger', () => {
  it('refuses a command with read_only and posts nothing, on a read-only connection and under query_only', () => {
    l = makeLedger();
    const warn = vi.fn();
    const readOnly = openLedger(l.file, { readonly: true });
    try {
      const dispatcher = createDispatcher({ db: readOnly, handlers, warn, log: vi.fn() });
      const before = snapshot(l);
      const result = dispatcher.dispatch('tab.open', { input: { name: 'Ana' }, commandId: 'read-only-0001' }, l.session);
      expect(result).toMatchObject({ ok: false, error: { code: 'read_only', key: 'errors.storage.readOnly', params: { folder: path.dirname(l.file) } } });
      expect(snapshot(l)).toEqual(before);
      expect(warn.mock.calls[0]?.[1]).toMatchObject({ code: 'read_only', path: l.file });
    } finally {
      readOnly.close();
    }

    // query_only gives the same SQLite error (SQLITE_READONLY) on the app's own connection.
    const own = createDispatcher({ db: l.db, handlers, warn, log: vi.fn() });
    l.db.pragma('query_only = 1');
    const before = snapshot(l);
    expect(own.dispatch('tab.open', { input: { name: 'Ana' }, commandId: 'read-only-0002' }, l.session)).toMatchObject({
      ok: false,
      error: { code: 'read_only' },
    });
    expect(snapshot(l)).toEqual(before);
    l.db.pragma('query_only = 0');
    expect(own.dispatch('tab.open', { input: { name: 'Ana' }, commandId: 'read-only-0002' }, l.session)).toMatchObject({ ok: true });
  });
});

describe('through the command router', () => {
  const core = testCores('aftertab-storage-');

  it('words a full or read-only ledger for ledger commands and for a sign-in that records a wrong PIN', async () => {
    const c = core();
    const owner = webClient(c);
    const me = await owner.setup();
    const db = c.ledger()!.db;
    db.pragma('query_only = 1');
    expect(await owner.refuse('tab.open', { name: 'Ana' })).toMatchObject({ code: 'read_only' });
    // A wrong PIN is counted outside the dispatcher; its write fails the same way, in words.
    const stranger = webClient(c);
    expect(await stranger.refuse('session.signIn', { staffId: me.staff.id, pin: '1357' })).toMatchObject({ code: 'read_only', key: 'errors.storage.readOnly' });
    db.pragma('query_only = 0');
    expect(await stranger.refuse('session.signIn', { staffId: me.staff.id, pin: '1357' })).toMatchObject({ code: 'wrong_pin' });
    await stranger.signIn(me.staff.id, OWNER_PIN);

    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let code = '';
    for (let i = 0; i < 50 && code === ''; i++) {
      const result = await owner.send('tab.open', { name: `Guest ${i}`, note: 'y'.repeat(280) });
      if (!result.ok) code = result.error.code;
    }
    expect(code).toBe('disk_full');
    db.pragma('max_page_count = 1073741823');
    expect(await owner.call('tab.open', { name: 'Room again' })).toMatchObject({ status: 'open' });
  });
});
