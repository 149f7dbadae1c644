import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../../shared/contract';
import { snapshot } from '../test-support/ledger-fixture';
import { addPerson, OWNER_PIN, testCores, windowClient, type Client, type TestCore } from '../test-support/test-core';
import { APPROVAL_MS } from './approvals';

const startCore = testCores('aftertab-approval-');

/**
 * A café: the owner on window 1, Sam (staff, PIN 1111) on window 2 with a 4.00 tea on an open
 * tab he rang up, Mia (manager, PIN 2222) and Lee (staff, PIN 3333) who can be asked.
 */
async function cafe() {
  const core = startCore();
  const owner = windowClient(core, 1);
  const ownerId = (await owner.setup()).staff.id;
  const sam = await addPerson(owner, 'Sam', 'staff', '1111');
  const mia = await addPerson(owner, 'Mia', 'manager', '2222');
  const lee = await addPerson(owner, 'Lee', 'staff', '3333');
  const item = await owner.call('catalog.createItem', { categoryId: null, name: 'Tea', kind: 'product', priceMinor: 400, rateMilli: 10_000, expectText: '' });
  const counter = windowClient(core, 2);
  await counter.signIn(sam.id, '1111');
  const tab = await counter.call('tab.open', { name: 'Ana' });
  const lineId = (await counter.call('tab.addLine', { tabId: tab.id, itemId: item.id })).lineId;
  const comp = (value: number): CommandInput<'tab.compLine'> => ({ tabId: tab.id, lineId, kind: 'percent', value, reason: 'cold' });
  /** Mia's (or someone's) PIN for exactly this command id and input. */
  const grant = (by: Client, commandId: string, input: unknown, approverId = mia.id, pin = '2222', command = 'tab.compLine') =>
    by.send('approval.grant', { command, commandId, input, approverId, pin });
  return { core, owner, ownerId, counter, sam, mia, lee, tab, lineId, comp, grant };
}

function ledgerOf(core: TestCore) {
  const app = core.ledger();
  if (!app) throw new Error('no ledger open');
  return app;
}

/** Everything a command could have posted, without the audit (a PIN try is audited) and the staff table (it counts wrong PINs). */
function posted(core: TestCore) {
  const tables = snapshot(ledgerOf(core));
  delete tables.staff;
  delete tables.audit;
  return tables;
}

function comps(core: TestCore) {
  return ledgerOf(core).db.prepare("SELECT id, staff_id, approved_by, command_id FROM journal_entries WHERE kind LIKE 'line.comp%' ORDER BY id").all();
}

describe('a manager’s approval', () => {
  it('covers the one command it was given for: a staff member’s 50 % comp posts with the manager as approver', async () => {
    const t = await cafe();
    const before = snapshot(ledgerOf(t.core));
    expect(await t.counter.refuse('tab.compLine', t.comp(50), 'comp-half-0001')).toMatchObject({
      code: 'approval_needed',
      key: 'errors.approvalNeeded',
      params: { staff: 'Sam', permission: 'tabs.adjustLarge' },
    });
    expect(snapshot(ledgerOf(t.core))).toEqual(before);

    const granted = await t.grant(t.counter, 'comp-half-0001', t.comp(50));
    expect(granted).toEqual({
      ok: true,
      value: {
        approver: { id: t.mia.id, name: 'Mia', role: 'manager' },
        commandId: 'comp-half-0001',
        expiresAt: new Date(t.core.nowMs() + APPROVAL_MS).toISOString(),
      },
    });
    const tab = await t.counter.call('tab.compLine', t.comp(50), 'comp-half-0001');
    expect((await t.counter.call('tab.get', { tabId: t.tab.id })).lines[0]).toMatchObject({ id: t.lineId, comp: { kind: 'percent', value: 50 } });
    expect(tab.dueMinor).toBe(200);

    const { db } = ledgerOf(t.core);
    const entries = db
      .prepare<[string], { kind: string; staff_id: number; approved_by: number | null }>(
        'SELECT kind, staff_id, approved_by FROM journal_entries WHERE command_id = ?',
      )
      .all('comp-half-0001');
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry).toMatchObject({ staff_id: t.sam.id, approved_by: t.mia.id });
    expect(db.prepare("SELECT staff_id, approved_by, command_id FROM audit WHERE command = 'tab.compLine'").all()).toEqual([
      { staff_id: t.sam.id, approved_by: t.mia.id, command_id: 'comp-half-0001' },
    ]);
    // The grant itself is audited for the person who asked, naming the approver and the command.
    expect(db.prepare("SELECT staff_id, approved_by, command_id, tab_id, detail FROM audit WHERE command = 'approval.grant'").all()).toEqual([
      {
        staff_id: t.sam.id,
        approved_by: t.mia.id,
        command_id: 'comp-half-0001',
        tab_id: t.tab.id,
        detail: JSON.stringify({ command: 'tab.compLine', permissions: ['tabs.adjustLarge'] }),
      },
    ]);
    expect(db.prepare("SELECT staff_id, detail FROM audit WHERE command = 'approval.pin'").all()).toEqual([
      { staff_id: t.mia.id, detail: JSON.stringify({ for: t.sam.id, command: 'tab.compLine', commandId: 'comp-half-0001', ok: true }) },
    ]);
    // Sent again with its id, the command replays its first answer and posts nothing.
    const afterComp = snapshot(ledgerOf(t.core));
    expect(await t.counter.call('tab.compLine', t.comp(50), 'comp-half-0001')).toEqual(tab);
    expect(snapshot(ledgerOf(t.core))).toEqual(afterComp);
  });

  it('is used once: the same comp under a new command id needs another', async () => {
    const t = await cafe();
    await t.grant(t.counter, 'comp-half-0001', t.comp(50));
    await t.counter.call('tab.compLine', t.comp(50), 'comp-half-0001');
    const before = posted(t.core);
    expect(await t.counter.refuse('tab.compLine', t.comp(50), 'comp-half-0002')).toMatchObject({ code: 'approval_needed' });
    expect(posted(t.core)).toEqual(before);
    expect(comps(t.core)).toHaveLength(1);
  });

  it('covers exactly its payload: another input under the approved id is refused, and the approval stays for the right one', async () => {
    const t = await cafe();
    await t.grant(t.counter, 'comp-half-0001', t.comp(50));
    const before = posted(t.core);
    expect(await t.counter.refuse('tab.compLine', t.comp(100), 'comp-half-0001')).toMatchObject({ code: 'approval_needed' });
    expect(await t.counter.refuse('tab.compLine', { ...t.comp(50), reason: 'cold, and late' }, 'comp-half-0001')).toMatchObject({ code: 'approval_needed' });
    expect(posted(t.core)).toEqual(before);
    expect((await t.counter.call('tab.compLine', t.comp(50), 'comp-half-0001')).dueMinor).toBe(200);
  });

  it('expires after two minutes', async () => {
    const t = await cafe();
    await t.grant(t.counter, 'comp-half-0001', t.comp(50));
    t.core.advance(APPROVAL_MS);
    const before = posted(t.core);
    expect(await t.counter.refuse('tab.compLine', t.comp(50), 'comp-half-0001')).toMatchObject({ code: 'approval_needed' });
    expect(posted(t.core)).toEqual(before);
    // A fresh PIN covers it again.
    await t.grant(t.counter, 'comp-half-0001', t.comp(50));
    t.core.advance(APPROVAL_MS - 1);
    expect((await t.counter.call('tab.compLine', t.comp(50), 'comp-half-0001')).dueMinor).toBe(200);
  });

  it('covers only the person who asked for it', async () => {
    const t = await cafe();
    await t.grant(t.counter, 'comp-half-0001', t.comp(50));
    const other = windowClient(t.core, 3);
    await other.signIn(t.lee.id, '3333');
    const before = posted(t.core);
    expect(await other.refuse('tab.compLine', t.comp(50), 'comp-half-0001')).toMatchObject({ code: 'approval_needed', params: { staff: 'Lee' } });
    expect(posted(t.core)).toEqual(before);
  });

  it('is never the staff member’s own PIN, nor another staff member’s', async () => {
    const t = await cafe();
    const before = posted(t.core);
    expect(await t.grant(t.counter, 'comp-half-0001', t.comp(50), t.sam.id, '1111')).toMatchObject({
      ok: false,
      error: { code: 'forbidden', key: 'errors.approval.ownPin', field: 'approverId' },
    });
    expect(await t.grant(t.counter, 'comp-half-0001', t.comp(50), t.lee.id, '3333')).toMatchObject({
      ok: false,
      error: { code: 'forbidden', key: 'errors.approval.notAllowed', params: { name: 'Lee', role: 'staff' } },
    });
    expect(await t.counter.refuse('tab.compLine', t.comp(50), 'comp-half-0001')).toMatchObject({ code: 'approval_needed' });
    expect(posted(t.core)).toEqual(before);
  });

  it('with a wrong manager PIN is refused beside the field, counted as a wrong try, and nothing is posted', async () => {
    const t = await cafe();
    const before = posted(t.core);
    expect(await t.grant(t.counter, 'comp-half-0001', t.comp(50), t.mia.id, '2223')).toMatchObject({
      ok: false,
      error: { code: 'wrong_pin', params: { left: 4 }, field: 'pin' },
    });
    expect(await t.counter.refuse('tab.compLine', t.comp(50), 'comp-half-0001')).toMatchObject({ code: 'approval_needed' });
    expect(posted(t.core)).toEqual(before);
    expect(comps(t.core)).toEqual([]);
    const { db } = ledgerOf(t.core);
    expect(db.prepare('SELECT failed_pins FROM staff WHERE id = ?').get(t.mia.id)).toEqual({ failed_pins: 1 });
    expect(db.prepare("SELECT staff_id, detail FROM audit WHERE command = 'approval.pin'").all()).toEqual([
      { staff_id: t.mia.id, detail: JSON.stringify({ for: t.sam.id, command: 'tab.compLine', commandId: 'comp-half-0001', ok: false, wrong: 1 }) },
    ]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM audit WHERE command = 'approval.grant'").get()).toEqual({ n: 0 });
  });

  it('is refused for what needs none, for what no one may approve, and for what is not a change to the ledger', async () => {
    const t = await cafe();
    expect(await t.grant(t.counter, 'comp-small-001', t.comp(10))).toMatchObject({ ok: false, error: { code: 'conflict', key: 'errors.approval.notNeeded' } });
    expect(await t.grant(t.counter, 'store-name-001', { name: 'Sam’s place' }, t.mia.id, '2222', 'store.update')).toMatchObject({
      ok: false,
      error: { code: 'forbidden', params: { permission: 'store.manage' } },
    });
    for (const command of ['backup.now', 'session.end', 'tab.listOpen', 'no.suchCommand']) {
      expect(await t.grant(t.counter, 'not-a-change-1', {}, t.mia.id, '2222', command), command).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', key: 'errors.approval.command' },
      });
    }
    // A bad input for the command is refused as that command would refuse it.
    expect(await t.grant(t.counter, 'comp-bad-00001', { ...t.comp(50), value: 150 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', key: 'errors.field.compPercent' },
    });
    // None of these asked for a PIN.
    expect(ledgerOf(t.core).db.prepare("SELECT COUNT(*) AS n FROM audit WHERE command = 'approval.pin'").get()).toEqual({ n: 0 });
  });

  it('covers the other approvable actions the same way: a paid out and a walkout', async () => {
    const t = await cafe();
    await t.owner.call('drawer.open', { float: { kind: 'total', totalMinor: 5000 } });
    const payOut = { kind: 'paid_out' as const, amountMinor: 700, reason: 'milk' };
    expect(await t.counter.refuse('drawer.move', payOut, 'pay-out-000001')).toMatchObject({ code: 'approval_needed', params: { permission: 'drawer.payOut' } });
    expect(await t.grant(t.counter, 'pay-out-000001', payOut, t.ownerId, OWNER_PIN, 'drawer.move')).toMatchObject({
      ok: true,
      value: { approver: { role: 'owner' } },
    });
    await t.counter.call('drawer.move', payOut, 'pay-out-000001');
    const writeOff = { tabId: t.tab.id, reason: 'walked out' };
    expect(await t.counter.refuse('tab.writeOff', writeOff, 'walkout-000001')).toMatchObject({
      code: 'approval_needed',
      params: { permission: 'tabs.writeOff' },
    });
    await t.grant(t.counter, 'walkout-000001', writeOff, t.mia.id, '2222', 'tab.writeOff');
    const writtenOff = await t.counter.call('tab.writeOff', writeOff, 'walkout-000001');
    expect(writtenOff.status).toBe('written_off');
    // The answer was lost on the way: the screen sends it again and gets the first answer.
    expect(await t.counter.send('tab.writeOff', writeOff, 'walkout-000001')).toEqual({ ok: true, value: writtenOff });
    // Someone else without the permission does not get it by sending the same id.
    const other = windowClient(t.core, 3);
    await other.signIn(t.lee.id, '3333');
    expect(await other.refuse('tab.writeOff', writeOff, 'walkout-000001')).toMatchObject({ code: 'forbidden', params: { permission: 'tabs.writeOff' } });
    const { db } = ledgerOf(t.core);
    expect(
      db.prepare("SELECT kind, staff_id, approved_by FROM journal_entries WHERE command_id IN ('pay-out-000001', 'walkout-000001') ORDER BY id").all(),
    ).toEqual([
      { kind: 'drawer.paidOut', staff_id: t.sam.id, approved_by: t.ownerId },
      { kind: 'tab.writeOff', staff_id: t.sam.id, approved_by: t.mia.id },
    ]);
  });
});
