import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityRow } from '../../shared/closing-types';
import type { CommandInput } from '../../shared/contract';
import { activityKinds } from '../../shared/domain/activity';
import { createApprovalStore } from '../auth/approvals';
import { parseCommand } from '../ipc/admission';
import { createDispatcher, unkeyedPinDigest } from '../ipc/dispatcher';
import { writeAudit } from '../ledger/journal';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { activityColumns, activityKindOf, activityQuery, amountOf, businessDayStart } from './activity';
import { handlers } from './index';

let l: TestLedger;
let owner: number;
let bea: number;
let mia: number;
let tabId: number;
let token: number;

const hire = (name: string, role: 'manager' | 'staff'): number =>
  Number(l.db.prepare("INSERT INTO staff (name, role, created_at) VALUES (?, ?, '2026-11-01T00:00:00.000Z')").run(name, role).lastInsertRowid);

/** Runs a command as someone other than the fixture's owner. */
function as<N extends Parameters<TestLedger['call']>[0]>(staffId: number, name: N, input: CommandInput<N>, commandId = randomUUID()) {
  const result = l.dispatcher.dispatch(name, { input, commandId }, { staffId });
  if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
  return result.value;
}

/**
 * Bea (staff) comps more than she may alone; Mia (manager) approves it with her PIN. The approval
 * goes through the real admission step, with the store the PIN pad's approval.grant fills.
 */
function approvedComp(at: string, lineId: number): void {
  const approvals = createApprovalStore();
  const dispatcher = createDispatcher({ db: l.db, handlers, clock: () => new Date(at), log: () => undefined, approvals });
  const input = { tabId, lineId, kind: 'amount' as const, value: 300, reason: 'spilt' };
  const commandId = 'approved-comp-0001';
  const parsed = parseCommand('tab.compLine', { input, commandId }, unkeyedPinDigest);
  approvals.put(commandId, {
    command: 'tab.compLine',
    payloadHash: parsed.payloadHash,
    requesterId: bea,
    approverId: mia,
    permissions: ['tabs.adjustLarge'],
    expiresAt: Date.now() + 60_000,
  });
  const result = dispatcher.dispatch('tab.compLine', { input, commandId }, { staffId: bea });
  if (!result.ok) throw new Error(`the approved comp failed: ${result.error.message}`);
}

beforeEach(() => {
  // 09:00 UTC is 10:00 in Berlin (UTC+1 in November); the day boundary is the default 04:00.
  l = makeLedger('2026-11-24T09:00:00.000Z');
  owner = l.session.staffId;
  bea = hire('Bea', 'staff');
  mia = hire('Mia', 'manager');
  l.call('store.update', { timeZone: 'Europe/Berlin' });
  const latte = l.call('catalog.createItem', { categoryId: null, name: 'Latte', kind: 'product', priceMinor: 440, rateMilli: 10_000, expectText: '' });
  l.setNow('2026-11-24T10:00:00.000Z');
  const tab = as(bea, 'tab.open', { name: '=Table 4' }) as { id: number; token: number };
  tabId = tab.id;
  token = tab.token;
  const withLine = as(bea, 'tab.addLine', { tabId, itemId: latte.id, qty: 2 }) as { lineId: number };
  approvedComp('2026-11-24T10:05:00.000Z', withLine.lineId);
  l.setNow('2026-11-24T10:10:00.000Z');
  as(mia, 'settle.pay', { tabId, method: 'cash', tipMinor: 50 });
  // 02:30 UTC on the 25th is 03:30 in Berlin: still the 24th's business day.
  l.setNow('2026-11-25T02:30:00.000Z');
  as(mia, 'drawer.move', { kind: 'paid_out', amountMinor: 250, reason: 'milk' });
  // 03:00 UTC is 04:00 in Berlin: the 25th has begun.
  l.setNow('2026-11-25T03:00:00.000Z');
  l.call('drawer.move', { kind: 'paid_in', amountMinor: 500, reason: 'change' });
});
afterEach(() => l.cleanup());

const list = (input: Partial<CommandInput<'audit.list'>> = {}) => l.call('audit.list', input);
const commands = (rows: ActivityRow[]) => rows.map((r) => r.command);

describe('audit.list', () => {
  it('lists who did what, newest first, with the approver, the tab token and the amount', () => {
    const { rows, nextBeforeId } = list();
    expect(nextBeforeId).toBeNull();
    expect(commands(rows)).toEqual([
      'drawer.paid_in',
      'drawer.paid_out',
      'settle.pay',
      'tab.compLine',
      'tab.addLine',
      'tab.open',
      'catalog.createItem',
      'store.update',
      'drawer.open',
    ]);
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => b - a));
    const comp = rows.find((r) => r.command === 'tab.compLine');
    expect(comp).toMatchObject({
      staffId: bea,
      staffName: 'Bea',
      approverId: mia,
      approverName: 'Mia',
      kind: 'comps',
      tabId,
      token,
      amountMinor: 300,
      at: '2026-11-24T10:05:00.000Z',
    });
    expect(JSON.parse(comp!.detail)).toMatchObject({ reason: 'spilt', value: 300 });
    expect(rows.find((r) => r.command === 'tab.addLine')).toMatchObject({ kind: 'lines', amountMinor: 880, approverName: null, token });
    expect(rows.find((r) => r.command === 'settle.pay')).toMatchObject({ staffName: 'Mia', kind: 'payments', amountMinor: 580, token });
    expect(rows.find((r) => r.command === 'drawer.paid_out')).toMatchObject({ kind: 'drawer', amountMinor: 250, tabId: null, token: null });
    expect(rows.find((r) => r.command === 'store.update')).toMatchObject({ staffId: owner, staffName: 'Owner', kind: 'settings', amountMinor: null });
  });

  it('filters by person and by kind', () => {
    expect(commands(list({ staffId: bea }).rows)).toEqual(['tab.compLine', 'tab.addLine', 'tab.open']);
    expect(commands(list({ staffId: mia }).rows)).toEqual(['drawer.paid_out', 'settle.pay']);
    expect(commands(list({ kind: 'drawer' }).rows)).toEqual(['drawer.paid_in', 'drawer.paid_out', 'drawer.open']);
    expect(commands(list({ kind: 'drawer', staffId: mia }).rows)).toEqual(['drawer.paid_out']);
    expect(commands(list({ kind: 'tabs' }).rows)).toEqual(['tab.open']);
    expect(list({ kind: 'backup' }).rows).toEqual([]);
  });

  it('counts a row at 03:30 in the day before when the day ends at 04:00, in the store’s zone', () => {
    expect(commands(list({ businessDate: '2026-11-24' }).rows)).toEqual([
      'drawer.paid_out',
      'settle.pay',
      'tab.compLine',
      'tab.addLine',
      'tab.open',
      'catalog.createItem',
      'store.update',
      'drawer.open',
    ]);
    expect(commands(list({ businessDate: '2026-11-25' }).rows)).toEqual(['drawer.paid_in']);
    expect(list({ businessDate: '2026-11-23' }).rows).toEqual([]);
    expect(commands(list({ businessDate: '2026-11-24', staffId: mia, kind: 'drawer' }).rows)).toEqual(['drawer.paid_out']);
  });

  it('pages older rows below the last id shown, ending with no next page', () => {
    const all = list().rows.map((r) => r.id);
    const seen: number[] = [];
    let beforeId: number | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = list({ limit: 4, ...(beforeId === undefined ? {} : { beforeId }) });
      seen.push(...page.rows.map((r) => r.id));
      if (page.nextBeforeId === null) break;
      expect(page.rows).toHaveLength(4);
      expect(page.nextBeforeId).toBe(page.rows.at(-1)!.id);
      beforeId = page.nextBeforeId;
    }
    expect(seen).toEqual(all);
    // A page that ends exactly on the last row says there is nothing older.
    expect(list({ limit: all.length }).nextBeforeId).toBeNull();
    expect(list({ limit: all.length - 1 }).nextBeforeId).toBe(all.at(-2));
  });

  it('sorts each command into one kind, unknown ones by their area, and the kind filter agrees', () => {
    const at = '2026-11-24T11:00:00.000Z';
    l.db.transaction(() => {
      for (const command of [
        'session.signIn',
        'approval.pin',
        'staff.lockout',
        'approval.grant',
        'tab.moveLine',
        'settle.refund',
        'backup.restore',
        'recovery.restore',
        'day.close',
        'mystery.thing',
      ]) {
        writeAudit(l.db, { at, staffId: bea, command, tabId: null, detail: '{}', approvedBy: command === 'approval.grant' ? mia : null });
      }
    })();
    const all = list().rows;
    for (const kind of activityKinds) {
      expect(
        list({ kind }).rows.map((r) => r.id),
        kind,
      ).toEqual(all.filter((r) => r.kind === kind).map((r) => r.id));
    }
    expect(commands(list({ kind: 'signIn' }).rows)).toEqual(['staff.lockout', 'approval.pin', 'session.signIn']);
    expect(commands(list({ kind: 'staff' }).rows)).toEqual(['approval.grant']);
    expect(list({ kind: 'staff' }).rows[0]).toMatchObject({ staffName: 'Bea', approverName: 'Mia' });
    expect(commands(list({ kind: 'backup' }).rows)).toEqual(['recovery.restore', 'backup.restore']);
  });

  it('refuses a person who does not exist, by the field', () => {
    expect(l.fail('audit.list', { staffId: 999 })).toMatchObject({ code: 'not_found', key: 'errors.staff.missing', field: 'staffId' });
    expect(l.fail('audit.csv', { businessDate: '2026-11-24', staffId: 999 })).toMatchObject({ code: 'not_found', field: 'staffId' });
  });

  it('reads a business day through the index on the time, and a person through theirs', () => {
    const plan = (filter: Parameters<typeof activityQuery>[1]) => {
      const { sql, params } = activityQuery(l.db, filter, 'newest', 201);
      return l.db
        .prepare<(string | number)[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((r) => r.detail)
        .join('\n');
    };
    expect(plan({ businessDate: '2026-11-24' })).toContain('audit_at');
    expect(plan({ businessDate: '2026-11-24', kind: 'comps' })).toContain('audit_at');
    expect(plan({ staffId: bea })).toContain('audit_staff');
  });
});

describe('the kinds and amounts of commands', () => {
  it('sorts commands as the screen groups them', () => {
    const expected: Record<string, string> = {
      'session.signIn': 'signIn',
      'session.end': 'signIn',
      'approval.pin': 'signIn',
      'staff.lockout': 'signIn',
      'tab.open': 'tabs',
      'tab.update': 'tabs',
      'tab.void': 'tabs',
      'tab.writeOff': 'tabs',
      'tab.addLine': 'lines',
      'tab.setQty': 'lines',
      'tab.removeLine': 'lines',
      'tab.compLine': 'comps',
      'settle.pay': 'payments',
      'settle.voidLastPayment': 'payments',
      'drawer.close': 'drawer',
      'day.close': 'day',
      'catalog.updateItem': 'catalog',
      'store.update': 'settings',
      'staff.create': 'staff',
      'staff.unlock': 'staff',
      'approval.grant': 'staff',
      'backup.restore': 'backup',
      'recovery.restore': 'backup',
      'tab.moveLine': 'tabs',
      'unheard.of': 'settings',
    };
    expect(Object.fromEntries(Object.keys(expected).map((c) => [c, activityKindOf(c)]))).toEqual(expected);
  });

  it('finds the money in each detail, and none where an action has none', () => {
    expect(amountOf('tab.compLine', { kind: 'percent', value: 50 })).toBeNull();
    expect(amountOf('tab.compLine', { kind: 'amount', value: 120 })).toBe(120);
    expect(amountOf('tab.addLine', { unitMinor: 440, qty: 3 })).toBe(1320);
    expect(amountOf('tab.writeOff', { token: 4, dueMinor: 760 })).toBe(760);
    expect(amountOf('drawer.open', { floatMinor: 10_000 })).toBe(10_000);
    expect(amountOf('drawer.close', { expectedMinor: 900, countedMinor: 880, varianceMinor: -20 })).toBe(880);
    expect(amountOf('day.close', { zNumber: 3, netSalesMinor: 45_000 })).toBe(45_000);
    expect(amountOf('settle.pay', { amountMinor: 500, tipMinor: 50 })).toBe(500);
    expect(amountOf('session.signIn', { ok: true })).toBeNull();
    expect(amountOf('tab.removeLine', { item: 'Latte', qty: 1, reason: 'x' })).toBeNull();
    expect(amountOf('drawer.paid_in', { amountMinor: 'lots' })).toBeNull();
  });

  it('finds where a business day starts in the store’s zone, across a change of clocks', () => {
    expect(businessDayStart('2026-11-24', 240, 'UTC').toISOString()).toBe('2026-11-24T04:00:00.000Z');
    expect(businessDayStart('2026-11-24', 240, 'Europe/Berlin').toISOString()).toBe('2026-11-24T03:00:00.000Z');
    // Berlin moves to summer time at 02:00 on 29 March 2026: 04:00 is then 02:00 UTC.
    expect(businessDayStart('2026-03-28', 240, 'Europe/Berlin').toISOString()).toBe('2026-03-28T03:00:00.000Z');
    expect(businessDayStart('2026-03-29', 240, 'Europe/Berlin').toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(businessDayStart('2026-07-01', 0, 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(businessDayStart('2026-07-01', 330, 'Asia/Kolkata').toISOString()).toBe('2026-07-01T00:00:00.000Z');
  });
});

type Row = Record<string, string>;
const csvRows = (text: string): Row[] => parse(text, { columns: true }) as Row[];

describe('audit.csv', () => {
  it('writes every row of the day, oldest first, in the store’s time, with names made safe', () => {
    const csv = l.call('audit.csv', { businessDate: '2026-11-24' });
    expect(csv.filename).toBe('aftertab-activity-2026-11-24.csv');
    expect(csv.text.split('\r\n')[0]).toBe(activityColumns.join(','));
    const rows = csvRows(csv.text);
    expect(rows.map((r) => r.command)).toEqual([
      'drawer.open',
      'store.update',
      'catalog.createItem',
      'tab.open',
      'tab.addLine',
      'tab.compLine',
      'settle.pay',
      'drawer.paid_out',
    ]);
    expect(rows.find((r) => r.command === 'tab.compLine')).toEqual({
      time: '2026-11-24 11:05:00',
      person: 'Bea',
      approver: 'Mia',
      kind: 'comps',
      command: 'tab.compLine',
      token: String(token),
      amount_minor: '300',
      amount: '3.00',
      detail: expect.stringContaining('"reason":"spilt"') as unknown as string,
    });
    expect(rows.find((r) => r.command === 'drawer.paid_out')).toMatchObject({
      time: '2026-11-25 03:30:00',
      person: 'Mia',
      approver: '',
      token: '',
      amount: '2.50',
    });
    expect(rows.find((r) => r.command === 'store.update')).toMatchObject({ person: 'Owner', amount_minor: '', amount: '' });
    // The tab's name was typed as a formula: the detail cell is JSON text, so it starts with "{".
    expect(rows.find((r) => r.command === 'tab.open')?.detail).toContain('=Table 4');
  });

  it('keeps to the person and kind asked for, and is not paged', () => {
    l.setNow('2026-11-24T12:00:00.000Z');
    l.db.transaction(() => {
      for (let i = 0; i < 230; i++)
        writeAudit(l.db, { at: '2026-11-24T12:00:00.000Z', staffId: bea, command: 'session.signIn', tabId: null, detail: '{"ok":true}' });
    })();
    expect(list({ businessDate: '2026-11-24' }).rows).toHaveLength(200);
    const signIns = csvRows(l.call('audit.csv', { businessDate: '2026-11-24', kind: 'signIn' }).text);
    expect(signIns).toHaveLength(230);
    expect(new Set(signIns.map((r) => r.person))).toEqual(new Set(['Bea']));
    const mias = csvRows(l.call('audit.csv', { businessDate: '2026-11-24', staffId: mia }).text);
    expect(mias.map((r) => r.command)).toEqual(['settle.pay', 'drawer.paid_out']);
    expect(csvRows(l.call('audit.csv', { businessDate: '2026-11-25' }).text).map((r) => r.command)).toEqual(['drawer.paid_in']);
  });

  it('writes a name that looks like a formula as text', () => {
    l.db.prepare("UPDATE staff SET name = '=cmd' WHERE id = ?").run(bea);
    const rows = csvRows(l.call('audit.csv', { businessDate: '2026-11-24', staffId: bea }).text);
    expect(new Set(rows.map((r) => r.person))).toEqual(new Set(["'=cmd"]));
  });
});
