import Database from 'better-sqlite3';
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { contract, commandNames } from '../../shared/contract';
import type { RecoveryStatus } from '../../shared/closing-types';
import type { SessionState } from '../../shared/types';
import { startAppCore } from '../app-core';
import { migrate } from '../ledger/migrate';
import { ledgerPath } from '../ledger/open';
import { parseableInputs } from '../test-support/command-inputs';
import { snapshot } from '../test-support/ledger-fixture';
import { addPerson, OWNER_PIN, testCores, webClient, windowClient, type TestCore } from '../test-support/test-core';
import { LOCKOUT_MS, MAX_WRONG_PINS } from './auth-commands';
import { loadPepper, PepperError, SEALED_PEPPER_FILE } from './pepper';
import { TEST_PIN_COST } from './pin-hash';

const startCore = testCores('aftertab-sign-in-');

function ledgerOf(core: TestCore) {
  const app = core.ledger();
  if (!app) throw new Error('no ledger open');
  return app;
}

type AuditRow = { staff_id: number; command: string; detail: string; approved_by: number | null };
function audit(core: TestCore, command: string): AuditRow[] {
  return ledgerOf(core).db.prepare<[string], AuditRow>('SELECT staff_id, command, detail, approved_by FROM audit WHERE command = ? ORDER BY id').all(command);
}

/** A signed-in owner on window 1, and Sam (staff, PIN 1111) and Mia (manager, PIN 2222) added by them. */
async function shop(core: TestCore) {
  const owner = windowClient(core, 1);
  const ownerId = (await owner.setup()).staff.id;
  const sam = await addPerson(owner, 'Sam', 'staff', '1111');
  const mia = await addPerson(owner, 'Mia', 'manager', '2222');
  return { owner, ownerId, sam, mia };
}

describe('before anyone signs in', () => {
  it('refuses every command but the PIN pad’s with unauthorized, over either transport, and writes nothing', async () => {
    const core = startCore();
    const { owner, ownerId } = await shop(core);
    // Something to act on, so a refusal is the admission step's and not a missing row's.
    const catalog = await owner.call('catalog.loadStarter', { kind: 'cafe' });
    const tab = await owner.call('tab.open', { name: 'Ana' });
    await owner.call('tab.addLine', { tabId: tab.id, itemId: catalog.items[0]!.id });
    const strangers = [windowClient(core, 2), webClient(core), { ...webClient(core), caller: { kind: 'web' as const, token: 'x'.repeat(43) } }];
    const before = snapshot(ledgerOf(core));
    const answered: string[] = [];
    for (const name of commandNames) {
      expect(contract[name].input.safeParse(parseableInputs[name]).success, name).toBe(true);
      for (const stranger of strangers) {
        const envelope = { input: parseableInputs[name], commandId: `stranger-${name.replace('.', '-')}` };
        const result = await core.commands.dispatch(name, envelope, stranger.caller);
        if (contract[name].public) {
          // The PIN pad's commands are answered (or refused for their own reasons), never as unauthorized.
          expect(result.ok || result.error.code !== 'unauthorized', name).toBe(true);
          continue;
        }
        expect(result, `${name} from ${JSON.stringify(stranger.caller)}`).toMatchObject({
          ok: false,
          error: { code: 'unauthorized', key: 'errors.notSignedIn' },
        });
      }
      if (contract[name].public) answered.push(name);
    }
    expect(answered.sort()).toEqual([
      'device.get',
      'firstRun.applyProfile',
      'firstRun.applyWizard',
      'firstRun.previewImport',
      'firstRun.profile',
      'recovery.continue',
      'recovery.restore',
      'recovery.status',
      'session.setup',
      'session.signIn',
      'session.state',
    ]);
    // The wrong PINs the strangers' sign-ins tried are all that changed: the count and their audit rows.
    const after = snapshot(ledgerOf(core));
    expect({ ...after, staff: before.staff, audit: before.audit }).toEqual(before);
    expect(after.staff).toEqual((before.staff as { id: number }[]).map((row) => (row.id === ownerId ? { ...row, failed_pins: 3 } : row)));
    expect((after.audit as unknown[]).slice(0, (before.audit as unknown[]).length)).toEqual(before.audit);
    expect(audit(core, 'session.signIn').map((row) => JSON.parse(row.detail) as unknown)).toEqual([
      { ok: false, wrong: 1 },
      { ok: false, wrong: 2 },
      { ok: false, wrong: 3 },
    ]);
  });

  it('answers session.state: the store, the people to tap, and no one signed in here', async () => {
    const core = startCore();
    const { ownerId, sam, mia } = await shop(core);
    const state: SessionState = await windowClient(core, 2).call('session.state', {});
    expect(state).toEqual({
      storeName: 'My café',
      locale: 'en-IE',
      timeZone: 'UTC',
      staff: [
        { id: ownerId, name: 'Owner', role: 'owner', hasPin: true, lockedUntil: null },
        { id: mia.id, name: 'Mia', role: 'manager', hasPin: true, lockedUntil: null },
        { id: sam.id, name: 'Sam', role: 'staff', hasPin: true, lockedUntil: null },
      ],
      needsSetup: false,
      pinKeyChanged: false,
      firstRun: false,
      idleLockMinutes: 5,
      current: null,
    });
    // No PIN hash ever leaves the main process.
    expect(JSON.stringify(state)).not.toMatch(/scrypt|pin_hash/);
    expect(JSON.stringify(await windowClient(core, 1).call('staff.list', { includeArchived: true }))).not.toMatch(/scrypt|pin_hash/);
  });
});

describe('the first run', () => {
  it('asks the owner to set a PIN, signs them in with it, and then only the PIN signs in', async () => {
    const core = startCore();
    const window = windowClient(core, 1);
    const state = await window.call('session.state', {});
    expect(state).toMatchObject({ needsSetup: true, current: null, staff: [{ name: 'Owner', role: 'owner', hasPin: false }] });
    const ownerId = state.staff[0]!.id;
    expect(await window.refuse('session.setup', { pin: '2468', pinAgain: '2469' })).toMatchObject({
      code: 'invalid_input',
      key: 'errors.field.pinAgain',
      field: 'pinAgain',
    });
    expect(await window.refuse('session.setup', { pin: '24', pinAgain: '24' })).toMatchObject({ code: 'invalid_input', key: 'errors.field.pin' });
    // Without a PIN no one can sign in yet.
    expect(await window.refuse('session.signIn', { staffId: ownerId, pin: '2468' })).toMatchObject({ code: 'conflict', key: 'errors.pin.none' });

    expect(await window.setup(OWNER_PIN)).toEqual({ staff: { id: ownerId, name: 'Owner', role: 'owner' } });
    expect(await window.call('session.state', {})).toMatchObject({ needsSetup: false, current: { id: ownerId, role: 'owner' } });
    expect(await window.call('session.current', {})).toEqual({ id: ownerId, name: 'Owner', role: 'owner' });
    // Only once: a second first-run screen cannot take the store over.
    const other = webClient(core);
    expect(await other.refuse('session.setup', { pin: '1357', pinAgain: '1357' })).toMatchObject({ code: 'conflict', key: 'errors.setup.done' });
    const signedIn = await other.signIn(ownerId, OWNER_PIN);
    expect(signedIn.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await other.call('session.current', {})).toMatchObject({ id: ownerId });

    const { db } = ledgerOf(core);
    const stored = db.prepare<[number], { pin_hash: string }>('SELECT pin_hash FROM staff WHERE id = ?').get(ownerId)?.pin_hash;
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(audit(core, 'session.setup')).toEqual([{ staff_id: ownerId, command: 'session.setup', detail: '{"ok":true}', approved_by: null }]);
    // The PIN itself is nowhere in the ledger file.
    ledgerOf(core).db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(ledgerPath(core.dir)).includes(Buffer.from(`"${OWNER_PIN}"`))).toBe(false);
  });

  it('on a ledger from before PINs, asks its owner for one and keeps everything else', async () => {
    const core0 = startCore();
    const dir = core0.dir;
    core0.close();
    fs.rmSync(ledgerPath(dir));
    const old = new Database(ledgerPath(dir));
    migrate(old, 7);
    old
      .prepare(
        `INSERT INTO store_settings (id, name, currency, locale, tax_mode, tax_rates_json, token_first, token_last, cash_rounding_minor, time_zone, updated_at)
       VALUES (1, 'Old corner', 'EUR', 'en-IE', 'inclusive', '[{"rateMilli":10000,"label":"Standard"}]', 1, 40, 1, 'UTC', 'x')`,
      )
      .run();
    old.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (7, 'Ines', 'owner', 'x'), (8, 'Bo', 'staff', 'x')").run();
    old.close();

    const core = startCore({ dataDir: dir });
    const window = windowClient(core, 1);
    expect(await window.call('session.state', {})).toMatchObject({
      storeName: 'Old corner',
      needsSetup: true,
      staff: [
        { id: 7, name: 'Ines', role: 'owner', hasPin: false },
        { id: 8, name: 'Bo', role: 'staff', hasPin: false },
      ],
    });
    expect(await window.refuse('tab.listOpen', {})).toMatchObject({ code: 'unauthorized' });
    expect((await window.setup('8080')).staff).toEqual({ id: 7, name: 'Ines', role: 'owner' });
    await window.call('staff.resetPin', { staffId: 8, pin: '9090' });
    expect((await windowClient(core, 2).signIn(8, '9090')).staff).toEqual({ id: 8, name: 'Bo', role: 'staff' });
  });

  it('on a ledger whose PINs were made with another PIN key, asks the owner for a new PIN and clears the rest', async () => {
    const first = startCore();
    const dir = first.dir;
    const owner = windowClient(first, 1);
    await owner.setup();
    const bo = await addPerson(owner, 'Bo', 'staff', '9090');
    first.close();
    // The data folder moved to another computer without its PIN key: a new one is made there.
    fs.rmSync(`${dir}/pin-key`);
    const moved = startCore({ dataDir: dir });
    const pad = windowClient(moved, 1);
    // The seal was signed with the lost key too: the start stops, says why, and no PIN can be
    // checked, so continuing needs only a reason (recorded in the audit).
    expect(moved.ledger()).toBeNull();
    const recovery = (await pad.call('recovery.status', {})) as RecoveryStatus;
    expect(recovery).toMatchObject({ seal: { cause: 'seal_invalid', needsPin: false, owners: [] } });
    expect(recovery.problem).toMatch(/PIN key is not the one the ledger was sealed with/);
    await pad.call('recovery.continue', { reason: 'the data folder moved to a new PC without its key' });
    expect(await pad.call('session.state', {})).toMatchObject({ needsSetup: true, pinKeyChanged: true });
    // The old PIN cannot be checked here, and trying it counts nothing against the owner.
    expect(await pad.refuse('session.signIn', { staffId: 1, pin: OWNER_PIN })).toMatchObject({ code: 'conflict', key: 'errors.pin.keyChanged' });
    expect(ledgerOf(moved).db.prepare('SELECT failed_pins FROM staff WHERE id = 1').get()).toEqual({ failed_pins: 0 });
    expect((await pad.setup('5151')).staff).toMatchObject({ id: 1, role: 'owner' });
    const state = (await windowClient(moved, 2).call('session.state', {})) as SessionState;
    expect(state).toMatchObject({ needsSetup: false, pinKeyChanged: false });
    expect(state.staff.find((s) => s.id === bo.id)).toMatchObject({ hasPin: false });
    expect(audit(moved, 'session.setup').at(-1)?.detail).toContain('pinKeyChanged');
  });

  it('refuses to start without the secret store that sealed the PIN key, before opening the ledger', () => {
    const core = startCore();
    const dir = core.dir;
    core.close();
    fs.rmSync(ledgerPath(dir));
    const box = { isEncryptionAvailable: () => true, encryptString: (text: string) => Buffer.from(text), decryptString: (data: Buffer) => data.toString() };
    fs.rmSync(`${dir}/pin-key`);
    loadPepper(dir, box);
    expect(fs.existsSync(`${dir}/${SEALED_PEPPER_FILE}`)).toBe(true);
    const log = vi.fn();
    expect(() => startAppCore({ dataDir: dir, log, schedule: false, pinCost: TEST_PIN_COST })).toThrow(/secret store, which is not available now/);
    expect(fs.existsSync(ledgerPath(dir))).toBe(false);
    expect(log).toHaveBeenCalledWith(expect.any(PepperError), { dataDir: dir });
  });
});

describe('signing in with a PIN', () => {
  it('says how many tries are left, locks out after the fifth wrong one, audits every try, and the owner lifts it', async () => {
    const core = startCore();
    const { owner, ownerId, sam } = await shop(core);
    const counter = windowClient(core, 2);
    for (let wrong = 1; wrong < MAX_WRONG_PINS; wrong += 1) {
      expect(await counter.refuse('session.signIn', { staffId: sam.id, pin: '9999' })).toMatchObject({
        code: 'wrong_pin',
        key: 'errors.pin.wrong',
        params: { left: MAX_WRONG_PINS - wrong },
        field: 'pin',
      });
    }
    expect(await counter.refuse('session.signIn', { staffId: sam.id, pin: '9999' })).toMatchObject({
      code: 'locked_out',
      key: 'errors.pin.lockedOut',
      params: { name: 'Sam' },
    });
    // Locked out, even the right PIN is refused, and that try is audited too.
    expect(await counter.refuse('session.signIn', { staffId: sam.id, pin: '1111' })).toMatchObject({ code: 'locked_out' });
    expect(await counter.refuse('tab.listOpen', {})).toMatchObject({ code: 'unauthorized' });
    const lockedUntil = new Date(core.nowMs() + LOCKOUT_MS).toISOString();
    expect((await counter.call('session.state', {})).staff.find((person) => person.id === sam.id)?.lockedUntil).toBe(lockedUntil);
    expect(audit(core, 'staff.lockout')).toEqual([
      { staff_id: sam.id, command: 'staff.lockout', detail: JSON.stringify({ until: lockedUntil, after: 'session.signIn' }), approved_by: null },
    ]);
    const tries = audit(core, 'session.signIn').filter((row) => row.staff_id === sam.id);
    expect(tries.map((row) => JSON.parse(row.detail) as unknown)).toEqual([
      { ok: false, wrong: 1 },
      { ok: false, wrong: 2 },
      { ok: false, wrong: 3 },
      { ok: false, wrong: 4 },
      { ok: false, wrong: 5 },
      { ok: false, refused: 'locked' },
    ]);

    // A manager may not lift it; the owner may.
    const manager = windowClient(core, 3);
    const mia = (await owner.call('staff.list', {})).find((person) => person.name === 'Mia')!;
    await manager.signIn(mia.id, '2222');
    expect(await manager.refuse('staff.unlock', { staffId: sam.id })).toMatchObject({ code: 'forbidden', params: { permission: 'staff.unlock' } });
    expect(await owner.call('staff.unlock', { staffId: sam.id })).toMatchObject({ id: sam.id, lockedUntil: null });
    expect(audit(core, 'staff.unlock')).toMatchObject([{ staff_id: ownerId }]);
    expect((await counter.signIn(sam.id, '1111')).staff).toEqual({ id: sam.id, name: 'Sam', role: 'staff' });
    expect(JSON.parse(audit(core, 'session.signIn').at(-1)!.detail)).toEqual({ ok: true });
  });

  it('keeps the lockout against a burst of tries sent all at once: the right PIN after five wrong ones is still refused', async () => {
    const core = startCore();
    const { sam } = await shop(core);
    const burst = [
      ...Array.from({ length: 8 }, (_, i) => windowClient(core, 10 + i).send('session.signIn', { staffId: sam.id, pin: '9999' })),
      windowClient(core, 30).send('session.signIn', { staffId: sam.id, pin: '1111' }),
    ];
    const answers = await Promise.all(burst);
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual([
      'wrong_pin',
      'wrong_pin',
      'wrong_pin',
      'wrong_pin',
      'locked_out',
      'locked_out',
      'locked_out',
      'locked_out',
      'locked_out',
    ]);
    expect(await windowClient(core, 30).refuse('tab.listOpen', {})).toMatchObject({ code: 'unauthorized' });
  });

  it('counts "that PIN is taken" as a wrong try against whoever asked, so the staff screen cannot find PINs', async () => {
    const core = startCore();
    const { owner, mia } = await shop(core);
    const manager = windowClient(core, 3);
    await manager.signIn(mia.id, '2222');
    // Each answer that a PIN is someone's costs the manager a try; the fifth locks them out.
    for (let taken = 1; taken < MAX_WRONG_PINS; taken += 1) {
      expect(await manager.refuse('staff.create', { name: `Temp ${taken}`, role: 'staff', pin: '1111' })).toMatchObject({
        key: 'errors.pin.taken',
        field: 'pin',
      });
    }
    expect(await manager.refuse('staff.create', { name: 'Temp 5', role: 'staff', pin: OWNER_PIN })).toMatchObject({
      code: 'locked_out',
      params: { name: 'Mia' },
    });
    // Locked out, they get no more answers about PINs, and cannot sign in elsewhere either.
    expect(await manager.refuse('staff.create', { name: 'Temp 6', role: 'staff', pin: '4321' })).toMatchObject({ code: 'locked_out' });
    expect(await windowClient(core, 4).refuse('session.signIn', { staffId: mia.id, pin: '2222' })).toMatchObject({ code: 'locked_out' });
    expect(audit(core, 'staff.pinTaken')).toHaveLength(MAX_WRONG_PINS);
    expect((await owner.call('staff.list', {})).map((person) => person.name)).not.toContain('Temp 6');
  });

  it('lets the lockout run out after five minutes, and a right PIN starts the count again', async () => {
    const core = startCore();
    const { sam } = await shop(core);
    const counter = windowClient(core, 2);
    for (let wrong = 1; wrong <= MAX_WRONG_PINS; wrong += 1) await counter.refuse('session.signIn', { staffId: sam.id, pin: '9999' });
    core.advance(LOCKOUT_MS - 1000);
    expect(await counter.refuse('session.signIn', { staffId: sam.id, pin: '1111' })).toMatchObject({ code: 'locked_out' });
    core.advance(1000);
    await counter.signIn(sam.id, '1111');
    // Four wrong, one right: the count starts again, so four more wrong ones still leave a try.
    for (let round = 0; round < 2; round += 1) {
      for (let wrong = 1; wrong < MAX_WRONG_PINS; wrong += 1)
        expect((await counter.refuse('session.signIn', { staffId: sam.id, pin: '9999' })).code).toBe('wrong_pin');
      await counter.signIn(sam.id, '1111');
    }
  });

  it('refuses a person who is archived or unknown, and a PIN that belongs to someone else', async () => {
    const core = startCore();
    const { owner, sam, mia } = await shop(core);
    const counter = windowClient(core, 2);
    expect(await counter.refuse('session.signIn', { staffId: sam.id, pin: '2222' })).toMatchObject({ code: 'wrong_pin' });
    await owner.call('staff.archive', { staffId: mia.id });
    expect(await counter.refuse('session.signIn', { staffId: mia.id, pin: '2222' })).toMatchObject({ code: 'not_found', key: 'errors.staff.missing' });
    expect(await counter.refuse('session.signIn', { staffId: 999, pin: '2222' })).toMatchObject({ code: 'not_found' });
    // A PIN is unique among active staff: it says who is signing in.
    expect(await owner.refuse('staff.create', { name: 'Lee', role: 'staff', pin: '1111' })).toMatchObject({ code: 'conflict', key: 'errors.pin.taken' });
  });
});

describe('a session ends', () => {
  it('after the idle minutes (plus one of grace) without a command, and a command keeps it going', async () => {
    const core = startCore();
    const { owner, sam } = await shop(core);
    const web = webClient(core);
    await web.signIn(sam.id, '1111');
    core.advance(5 * 60_000);
    await owner.call('tab.listOpen', {});
    expect((await web.call('session.current', {})).id).toBe(sam.id);
    core.advance(6 * 60_000);
    expect((await owner.call('session.current', {})).name).toBe('Owner');
    core.advance(1);
    expect(await web.refuse('tab.listOpen', {})).toMatchObject({ code: 'unauthorized' });
    expect((await web.call('session.state', {})).current).toBeNull();
    // The store's setting is what counts.
    await owner.call('store.update', { idleLockMinutes: 10 });
    await web.signIn(sam.id, '1111');
    core.advance(11 * 60_000);
    expect((await web.call('session.current', {})).id).toBe(sam.id);
    core.advance(11 * 60_000 + 1);
    expect(await web.refuse('session.current', {})).toMatchObject({ code: 'unauthorized' });
  });

  it('while only the settle screen renews its claim: that is no one at the counter', async () => {
    const core = startCore();
    const { owner, sam } = await shop(core);
    const tab = await owner.call('tab.open', {});
    const web = webClient(core);
    await web.signIn(sam.id, '1111');
    for (let minute = 0; minute < 6; minute += 1) {
      core.advance(60_000);
      await web.call('settle.claim', { tabId: tab.id });
    }
    core.advance(1);
    expect(await web.refuse('tab.listOpen', {})).toMatchObject({ code: 'unauthorized' });
  });

  it('on session.end (sign-out or lock), for that caller only, audited with the reason', async () => {
    const core = startCore();
    const { owner, ownerId, sam } = await shop(core);
    const web = webClient(core);
    const { token } = await web.signIn(sam.id, '1111');
    expect(await web.call('session.end', { reason: 'lock' })).toBeNull();
    expect(await web.refuse('tab.listOpen', {})).toMatchObject({ code: 'unauthorized' });
    expect(await core.commands.dispatch('tab.listOpen', { input: {} }, { kind: 'web', token: token ?? null })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await owner.call('tab.listOpen', {})).toEqual([]);
    await owner.call('session.end', {});
    expect(await owner.refuse('tab.listOpen', {})).toMatchObject({ code: 'unauthorized' });
    expect(audit(core, 'session.end').map((row) => [row.staff_id, JSON.parse(row.detail) as unknown])).toEqual([
      [sam.id, { reason: 'lock' }],
      [ownerId, { reason: 'signOut' }],
    ]);
  });

  it('when a web client signs in as someone else: its old token is dead', async () => {
    const core = startCore();
    const { sam, mia } = await shop(core);
    const web = webClient(core);
    const first = await web.signIn(sam.id, '1111');
    const second = await web.signIn(mia.id, '2222');
    expect(second.token).not.toBe(first.token);
    expect((await web.call('session.current', {})).id).toBe(mia.id);
    expect(await core.commands.dispatch('session.current', { input: {} }, { kind: 'web', token: first.token ?? null })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
  });

  it('for everyone, with every approval, when a backup is restored', async () => {
    const core = startCore();
    const { owner, ownerId, sam } = await shop(core);
    const web = webClient(core);
    await web.signIn(sam.id, '1111');
    const window = windowClient(core, 5);
    await window.signIn(ownerId, OWNER_PIN);
    // Sam has the owner's PIN for a 50 % comp, not yet used.
    const item = await owner.call('catalog.createItem', { categoryId: null, name: 'Tea', kind: 'product', priceMinor: 400, rateMilli: 10_000, expectText: '' });
    const tab = await web.call('tab.open', {});
    const lineId = (await web.call('tab.addLine', { tabId: tab.id, itemId: item.id })).lineId;
    const comp = { tabId: tab.id, lineId, kind: 'percent' as const, value: 50, reason: 'cold' };
    await web.call('approval.grant', { command: 'tab.compLine', commandId: 'comp-before-rst', input: comp, approverId: ownerId, pin: OWNER_PIN });
    const backup = await owner.call('backup.now', {});
    await owner.call('backup.restore', { name: backup.name });
    for (const client of [owner, web, window])
      expect(await client.refuse('tab.listOpen', {}), JSON.stringify(client.caller)).toMatchObject({ code: 'unauthorized' });
    expect(core.auth.sessions.size()).toBe(0);
    await owner.signIn(ownerId, OWNER_PIN);
    expect((await owner.call('tab.listOpen', {})).map((open) => open.id)).toEqual([tab.id]);
    await web.signIn(sam.id, '1111');
    expect(await web.refuse('tab.compLine', comp, 'comp-before-rst')).toMatchObject({ code: 'approval_needed' });
  });
});
