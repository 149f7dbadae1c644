import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandInput, CommandName, CommandResult } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import type { StaffMember } from '../../shared/types';
import { startAppCore, type AppCore } from '../app-core';
import { LOCKOUT_MS, MAX_WRONG_PINS, type Caller } from '../auth/auth-commands';
import { TEST_PIN_COST } from '../auth/pin-hash';
import type { Db } from '../ledger/open';
import { assertInvariants } from '../test-support/invariants';

/**
 * Staff management through the router, as the screens send it: each window is signed in as one
 * person, and staff.create / staff.resetPin get their PIN hashed before the transaction.
 */
type Shop = {
  core: AppCore;
  db: () => Db;
  advance: (ms: number) => void;
  call: <N extends CommandName>(caller: Caller, name: N, input: CommandInput<N>) => Promise<CommandResult<N>>;
  refuse: (caller: Caller, name: CommandName, input: unknown) => Promise<AppError>;
  signIn: (caller: Caller, staffId: number, pin: string) => Promise<void>;
};

const ownerWindow: Caller = { kind: 'window', windowId: 1 };
const otherWindow: Caller = { kind: 'window', windowId: 2 };

let dir: string;
let shop: Shop;

/** Everything about staff a refusal must leave as it was, plus the audit. */
type StaffState = { staff: ({ failed_pins: number } & Record<string, unknown>)[]; audit: ({ command: string } & Record<string, unknown>)[] };

function staffState(db: Db): StaffState {
  return {
    staff: db.prepare<[], { failed_pins: number } & Record<string, unknown>>('SELECT * FROM staff ORDER BY id').all(),
    audit: db.prepare<[], { command: string } & Record<string, unknown>>('SELECT * FROM audit ORDER BY id').all(),
  };
}

async function openShop(): Promise<Shop> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-staff-'));
  let now = Date.parse('2026-11-24T09:00:00.000Z');
  const core = startAppCore({ dataDir: dir, clock: () => new Date(now), log: () => undefined, timeZone: 'UTC', schedule: false, pinCost: TEST_PIN_COST });
  const db = (): Db => {
    const app = core.ledger();
    if (!app) throw new Error('the test ledger is in recovery mode');
    return app.db;
  };
  const send = (caller: Caller, name: string, input: unknown) => core.commands.dispatch(name, { input, commandId: randomUUID() }, caller);
  const opened: Shop = {
    core,
    db,
    advance: (ms) => {
      now += ms;
    },
    async call(caller, name, input) {
      const result = await send(caller, name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
      assertInvariants(db());
      return result.value as never;
    },
    async refuse(caller, name, input) {
      const before = staffState(db());
      const result = await send(caller, name, input);
      if (result.ok) throw new Error(`${name} should have been refused`);
      if (result.error.key !== 'errors.pin.taken') {
        expect(staffState(db()), `${name} was refused but changed the staff or the audit`).toEqual(before);
        return result.error;
      }
      // A taken PIN counts as one wrong try against whoever asked, audited; nothing else changes.
      const after = staffState(db());
      const withoutTries = (state: StaffState) => state.staff.map(({ failed_pins: _tries, ...rest }) => rest);
      expect(withoutTries(after)).toEqual(withoutTries(before));
      expect(after.staff.reduce((n, r) => n + r.failed_pins, 0)).toBe(before.staff.reduce((n, r) => n + r.failed_pins, 0) + 1);
      expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
      expect(after.audit.slice(before.audit.length).map((r) => r.command)).toEqual(['staff.pinTaken']);
      return result.error;
    },
    async signIn(caller, staffId, pin) {
      const result = await core.commands.dispatch('session.signIn', { input: { staffId, pin } }, caller);
      if (!result.ok) throw new Error(`sign-in failed: ${result.error.message}`);
    },
  };
  // The first run: the one owner sets a PIN, which signs them in on this window.
  const setup = await core.commands.dispatch('session.setup', { input: { pin: '1111', pinAgain: '1111' } }, ownerWindow);
  if (!setup.ok) throw new Error(`setup failed: ${setup.error.message}`);
  return opened;
}

beforeEach(async () => {
  shop = await openShop();
});
afterEach(async () => {
  await shop.core.idle();
  shop.core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const OWNER_ID = 1;

function auditOf(db: Db, command: string): { staff_id: number; detail: Record<string, unknown> }[] {
  return db
    .prepare<[string], { staff_id: number; detail: string }>('SELECT staff_id, detail FROM audit WHERE command = ? ORDER BY id')
    .all(command)
    .map((row) => ({ staff_id: row.staff_id, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}

async function list(includeArchived = false): Promise<StaffMember[]> {
  return shop.call(ownerWindow, 'staff.list', { includeArchived });
}

describe('adding staff', () => {
  it('adds a person with a role and a PIN they can sign in with, and audits it without the PIN', async () => {
    const ben = await shop.call(ownerWindow, 'staff.create', { name: 'Ben', role: 'staff', pin: '2222' });
    expect(ben).toMatchObject({ name: 'Ben', role: 'staff', active: true, hasPin: true, lockedUntil: null });
    expect(Object.keys(ben).sort()).toEqual(['active', 'createdAt', 'hasPin', 'id', 'lockedUntil', 'name', 'role']);
    expect((await list()).map((m) => m.name)).toEqual(['Ben', 'Owner']);

    await shop.signIn(otherWindow, ben.id, '2222');
    expect(await shop.call(otherWindow, 'session.current', {})).toEqual({ id: ben.id, name: 'Ben', role: 'staff' });

    const rows = auditOf(shop.db(), 'staff.create');
    expect(rows).toEqual([{ staff_id: OWNER_ID, detail: { staffId: ben.id, name: 'Ben', role: 'staff' } }]);
    const hash = shop.db().prepare<[number], { pin_hash: string }>('SELECT pin_hash FROM staff WHERE id = ?').get(ben.id)?.pin_hash ?? '';
    expect(hash).not.toContain('2222');
    expect(JSON.stringify(shop.db().prepare('SELECT * FROM audit').all())).not.toContain('2222');
  });

  it('keeps names unique among active staff, whatever their case, and refuses by the name field', async () => {
    await shop.call(ownerWindow, 'staff.create', { name: 'Ben', role: 'staff', pin: '2222' });
    expect(await shop.refuse(ownerWindow, 'staff.create', { name: 'ben', role: 'manager', pin: '3333' })).toMatchObject({
      code: 'conflict',
      key: 'errors.staff.nameTaken',
      field: 'name',
    });
    expect((await list()).map((m) => m.name)).toEqual(['Ben', 'Owner']);
  });

  it('refuses a PIN another active person has, by the PIN field, and a PIN that is not 4 to 8 digits', async () => {
    expect(await shop.refuse(ownerWindow, 'staff.create', { name: 'Ben', role: 'staff', pin: '1111' })).toMatchObject({
      code: 'conflict',
      key: 'errors.pin.taken',
      field: 'pin',
    });
    for (const pin of ['123', '123456789', '12a4', '']) {
      expect(await shop.refuse(ownerWindow, 'staff.create', { name: 'Ben', role: 'staff', pin }), pin).toMatchObject({ code: 'invalid_input', field: 'pin' });
    }
    expect((await list()).map((m) => m.name)).toEqual(['Owner']);
  });

  it('refuses a name of only invisible characters', async () => {
    expect(await shop.refuse(ownerWindow, 'staff.create', { name: '\u200b \u200b', role: 'staff', pin: '2222' })).toMatchObject({
      code: 'invalid_input',
      field: 'name',
    });
  });
});

describe('changing staff', () => {
  it('renames and changes a role, each audited with what it was', async () => {
    const ben = await shop.call(ownerWindow, 'staff.create', { name: 'Ben', role: 'staff', pin: '2222' });
    expect(await shop.call(ownerWindow, 'staff.update', { staffId: ben.id, name: 'Benjamin' })).toMatchObject({ name: 'Benjamin', role: 'staff' });
    expect(await shop.call(ownerWindow, 'staff.update', { staffId: ben.id, role: 'manager' })).toMatchObject({ name: 'Benjamin', role: 'manager' });
    // A case-only rename of oneself is not a clash with oneself.
    expect(await shop.call(ownerWindow, 'staff.update', { staffId: ben.id, name: 'BENJAMIN' })).toMatchObject({ name: 'BENJAMIN' });
    expect(auditOf(shop.db(), 'staff.update').map((r) => r.detail)).toEqual([
      { staffId: ben.id, name: 'Benjamin', was: 'Ben' },
      { staffId: ben.id, role: 'manager', wasRole: 'staff' },
      { staffId: ben.id, name: 'BENJAMIN', was: 'Benjamin' },
    ]);
  });

  it('refuses renaming onto an active name', async () => {
    await shop.call(ownerWindow, 'staff.create', { name: 'Ben', role: 'staff', pin: '2222' });
    const cleo = await shop.call(ownerWindow, 'staff.create', { name: 'Cleo', role: 'staff', pin: '3333' });
    expect(await shop.refuse(ownerWindow, 'staff.update', { staffId: cleo.id, name: 'BEN' })).toMatchObject({ key: 'errors.staff.nameTaken', field: 'name' });
  });

  it('resets a PIN: the old one stops working, the new one works, and a lockout is lifted', async () => {
    const ben = await shop.call(ownerWindow, 'staff.create', { name: 'Ben', role: 'staff', pin: '2222' });
    for (let i = 0; i < MAX_WRONG_PINS; i++) await shop.core.commands.dispatch('session.signIn', { input: { staffId: ben.id, pin: '9999' } }, otherWindow);
    expect((await list()).find((m) => m.id === ben.id)?.lockedUntil).not.toBeNull();

    expect(await shop.call(ownerWindow, 'staff.resetPin', { staffId: ben.id, pin: '4444' })).toMatchObject({ hasPin: true, lockedUntil: null });
    const old = await shop.core.commands.dispatch('session.signIn', { input: { staffId: ben.id, pin: '2222' } }, otherWindow);
    expect(old).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
    await shop.signIn(otherWindow, ben.id, '4444');
    expect(auditOf(shop.db(), 'staff.resetPin')).toEqual([{ staff_id: OWNER_ID, detail: { staffId: ben.id, name: 'Ben' } }]);
    expect(await shop.refuse(ownerWindow, 'staff.resetPin', { staffId: ben.id, pin: '1111' })).toMatchObject({ key: 'errors.pin.taken', field: 'pin' });
  });
});

describe('the last active owner', () => {
  it('can be neither demoted nor archived until another owner exists; then either can', async () => {
    expect(await shop.refuse(ownerWindow, 'staff.update', { staffId: OWNER_ID, role: 'manager' })).toMatchObject({
      code: 'conflict',
      key: 'errors.staff.lastOwner',
      field: 'role',
    });
    expect(await shop.refuse(ownerWindow, 'staff.archive', { staffId: OWNER_ID })).toMatchObject({
      code: 'conflict',
      key: 'errors.staff.lastOwner',
      field: 'staffId',
    });

    const olga = await shop.call(ownerWindow, 'staff.create', { name: 'Olga', role: 'owner', pin: '5555' });
    expect(await shop.call(ownerWindow, 'staff.update', { staffId: OWNER_ID, role: 'manager' })).toMatchObject({ role: 'manager' });
    // The owner now signed in on this window is a manager: the last owner is Olga, protected in turn.
    await shop.signIn(otherWindow, olga.id, '5555');
    expect(await shop.refuse(otherWindow, 'staff.update', { staffId: olga.id, role: 'staff' })).toMatchObject({ key: 'errors.staff.lastOwner' });
    expect(await shop.refuse(otherWindow, 'staff.archive', { staffId: olga.id })).toMatchObject({ key: 'errors.staff.lastOwner' });
    expect(await shop.call(otherWindow, 'staff.update', { staffId: OWNER_ID, role: 'owner' })).toMatchObject({ role: 'owner' });
    expect(await shop.call(otherWindow, 'staff.archive', { staffId: OWNER_ID })).toMatchObject({ active: false });
  });
});

describe('what a manager may do', () => {
  it('manages staff and managers but not owners, and cannot make an owner or lift a lockout', async () => {
    const mina = await shop.call(ownerWindow, 'staff.create', { name: 'Mina', role: 'manager', pin: '6666' });
    await shop.signIn(otherWindow, mina.id, '6666');
    const ben = await shop.call(otherWindow, 'staff.create', { name: 'Ben', role: 'staff', pin: '2222' });
    expect(await shop.call(otherWindow, 'staff.update', { staffId: ben.id, role: 'manager' })).toMatchObject({ role: 'manager' });

    for (const [name, input] of [
      ['staff.create', { name: 'Otto', role: 'owner', pin: '7777' }],
      ['staff.update', { staffId: ben.id, role: 'owner' }],
      ['staff.update', { staffId: OWNER_ID, name: 'Boss' }],
      ['staff.resetPin', { staffId: OWNER_ID, pin: '8888' }],
      ['staff.archive', { staffId: OWNER_ID }],
      ['staff.unlock', { staffId: ben.id }],
    ] as const) {
      expect(await shop.refuse(otherWindow, name, input), name).toMatchObject({ code: 'forbidden' });
    }
  });
});

describe('archiving', () => {
  it('keeps the row, so the ledger still names them, and a brought-back person needs a new PIN', async () => {
    const ben = await shop.call(ownerWindow, 'staff.create', { name: 'Ben', role: 'staff', pin: '2222' });
    await shop.signIn(otherWindow, ben.id, '2222');
    const item = await shop.call(ownerWindow, 'catalog.createItem', {
      categoryId: null,
      name: 'Tea',
      kind: 'product',
      priceMinor: 300,
      rateMilli: 10_000,
      expectText: '',
    });
    const tab = await shop.call(otherWindow, 'tab.open', {});
    await shop.call(otherWindow, 'tab.addLine', { tabId: tab.id, itemId: item.id });

    const archived = await shop.call(ownerWindow, 'staff.archive', { staffId: ben.id });
    expect(archived).toMatchObject({ id: ben.id, name: 'Ben', active: false, hasPin: false });
    expect(await shop.refuse(otherWindow, 'tab.listOpen', {})).toMatchObject({ code: 'unauthorized' });
    expect((await shop.call(ownerWindow, 'tab.get', { tabId: tab.id })).lines.map((l) => l.staffName)).toEqual(['Ben']);
    expect((await list()).map((m) => m.name)).toEqual(['Owner']);
    expect((await list(true)).map((m) => [m.name, m.active])).toEqual([
      ['Owner', true],
      ['Ben', false],
    ]);
    const signIn = await shop.core.commands.dispatch('session.signIn', { input: { staffId: ben.id, pin: '2222' } }, otherWindow);
    expect(signIn).toMatchObject({ ok: false, error: { key: 'errors.staff.missing' } });
    // Archived people cannot be changed until they are back.
    expect(await shop.refuse(ownerWindow, 'staff.update', { staffId: ben.id, name: 'Benny' })).toMatchObject({ key: 'errors.staff.archived' });

    // Meanwhile someone else took both the name and the PIN: Ben comes back only once the name is free.
    const other = await shop.call(ownerWindow, 'staff.create', { name: 'Ben', role: 'staff', pin: '2222' });
    expect(await shop.refuse(ownerWindow, 'staff.archive', { staffId: ben.id, archived: false })).toMatchObject({
      key: 'errors.staff.nameTaken',
      field: 'name',
    });
    await shop.call(ownerWindow, 'staff.update', { staffId: other.id, name: 'Ben B' });
    const back = await shop.call(ownerWindow, 'staff.archive', { staffId: ben.id, archived: false });
    expect(back).toMatchObject({ active: true, hasPin: false });
    expect(await shop.refuse(ownerWindow, 'staff.resetPin', { staffId: ben.id, pin: '2222' })).toMatchObject({ key: 'errors.pin.taken' });
    await shop.call(ownerWindow, 'staff.resetPin', { staffId: ben.id, pin: '2323' });
    await shop.signIn(otherWindow, ben.id, '2323');

    expect(auditOf(shop.db(), 'staff.archive').map((r) => r.detail)).toEqual([{ staffId: ben.id, name: 'Ben' }]);
    expect(auditOf(shop.db(), 'staff.restore').map((r) => r.detail)).toEqual([{ staffId: ben.id, name: 'Ben' }]);
  });

  it('archiving twice or bringing back someone active changes nothing and writes no audit', async () => {
    const ben = await shop.call(ownerWindow, 'staff.create', { name: 'Ben', role: 'staff', pin: '2222' });
    await shop.call(ownerWindow, 'staff.archive', { staffId: ben.id, archived: false });
    await shop.call(ownerWindow, 'staff.archive', { staffId: ben.id });
    await shop.call(ownerWindow, 'staff.archive', { staffId: ben.id });
    expect(auditOf(shop.db(), 'staff.archive')).toHaveLength(1);
    expect(auditOf(shop.db(), 'staff.restore')).toHaveLength(0);
  });

  it('refuses someone who does not exist, by staffId', async () => {
    expect(await shop.refuse(ownerWindow, 'staff.archive', { staffId: 99 })).toMatchObject({
      code: 'not_found',
      key: 'errors.staff.missing',
      field: 'staffId',
    });
  });
});

describe('lifting a lockout', () => {
  it('clears it at once for the owner, audited; the person signs in with their own PIN', async () => {
    const ben = await shop.call(ownerWindow, 'staff.create', { name: 'Ben', role: 'staff', pin: '2222' });
    for (let i = 0; i < MAX_WRONG_PINS; i++) await shop.core.commands.dispatch('session.signIn', { input: { staffId: ben.id, pin: '9999' } }, otherWindow);
    const locked = (await list()).find((m) => m.id === ben.id);
    expect(locked?.lockedUntil).toBe(new Date(Date.parse('2026-11-24T09:00:00.000Z') + LOCKOUT_MS).toISOString());
    expect(await shop.core.commands.dispatch('session.signIn', { input: { staffId: ben.id, pin: '2222' } }, otherWindow)).toMatchObject({
      ok: false,
      error: { code: 'locked_out' },
    });

    expect(await shop.call(ownerWindow, 'staff.unlock', { staffId: ben.id })).toMatchObject({ lockedUntil: null });
    expect(shop.db().prepare('SELECT failed_pins, locked_until FROM staff WHERE id = ?').get(ben.id)).toEqual({ failed_pins: 0, locked_until: null });
    await shop.signIn(otherWindow, ben.id, '2222');
    expect(auditOf(shop.db(), 'staff.unlock')).toEqual([{ staff_id: OWNER_ID, detail: { staffId: ben.id, name: 'Ben' } }]);
  });

  it('shows a lockout only while it lasts', async () => {
    const ben = await shop.call(ownerWindow, 'staff.create', { name: 'Ben', role: 'staff', pin: '2222' });
    for (let i = 0; i < MAX_WRONG_PINS; i++) await shop.core.commands.dispatch('session.signIn', { input: { staffId: ben.id, pin: '9999' } }, otherWindow);
    expect((await list()).find((m) => m.id === ben.id)?.lockedUntil).not.toBeNull();
    shop.advance(LOCKOUT_MS + 1000);
    expect((await list()).find((m) => m.id === ben.id)?.lockedUntil).toBeNull();
  });
});

describe('before anyone signs in', () => {
  it('answers no staff command', async () => {
    const nobody: Caller = { kind: 'window', windowId: 9 };
    for (const [name, input] of [
      ['staff.list', {}],
      ['staff.create', { name: 'Eve', role: 'owner', pin: '1234' }],
      ['staff.unlock', { staffId: OWNER_ID }],
    ] as const) {
      expect(await shop.refuse(nobody, name, input), name).toMatchObject({ code: 'unauthorized' });
    }
  });
});
