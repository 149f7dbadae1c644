import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DayReport } from '../../shared/closing-types';
import { makeLedger, snapshot, type TestLedger } from '../test-support/ledger-fixture';

const MIN = 60_000;
let l: TestLedger;
let items: { latte: number; cake: number; water: number };

beforeEach(() => {
  l = makeLedger('2026-11-24T09:00:00.000Z', { drawer: false });
  const item = (name: string, priceMinor: number, rateMilli: number) =>
    l.call('catalog.createItem', { categoryId: null, name, kind: 'product', priceMinor, rateMilli, expectText: '' }).id;
  items = { latte: item('Latte', 440, 10_000), cake: item('Cake', 350, 10_000), water: item('Water', 200, 0) };
});
afterEach(() => l.cleanup());

/** Sets the clock to hh:mm on the 24th (the store is on UTC). */
function at(l: TestLedger, hhmm: string): void {
  l.setNow(`2026-11-24T${hhmm}:00.000Z`);
}

/**
 * A scripted day: a split paid half cash and half card with a tip, a comp, a walkout, a line
 * removed, a paid out, a tab left open and a drawer 15 cents short.
 */
function scriptedDay(): { carriedTabId: number } {
  l.call('drawer.open', {
    float: {
      kind: 'denominations',
      counts: [
        { denominationMinor: 2000, qty: 2 },
        { denominationMinor: 500, qty: 2 },
      ],
    },
  });
  const a = l.call('tab.open', { name: 'Ana' });
  l.call('tab.addLine', { tabId: a.id, itemId: items.latte, qty: 2 });
  l.call('tab.addLine', { tabId: a.id, itemId: items.cake });
  at(l, '09:05');
  const b = l.call('tab.open', {});
  l.call('tab.addLine', { tabId: b.id, itemId: items.latte });
  const cake = l.call('tab.addLine', { tabId: b.id, itemId: items.cake }).lineId;
  l.call('tab.compLine', { tabId: b.id, lineId: cake, kind: 'percent', value: 100, reason: 'burnt' });
  at(l, '09:10');
  const c = l.call('tab.open', {});
  l.call('tab.addLine', { tabId: c.id, itemId: items.water });
  l.call('tab.addLine', { tabId: c.id, itemId: items.latte });
  at(l, '10:00');
  l.call('settle.split', { tabId: a.id, mode: 'even', parts: 2 });
  expect(l.call('settle.pay', { tabId: a.id, method: 'cash', partNo: 1, tenderedMinor: 1000 }).changeMinor).toBe(385);
  l.call('settle.pay', { tabId: a.id, method: 'card', partNo: 2, tipMinor: 100 });
  l.call('settle.rate', { tabId: a.id, rating: 'happy' });
  at(l, '10:30');
  l.call('settle.pay', { tabId: b.id, method: 'card' });
  l.call('settle.rate', { tabId: b.id, rating: 'unhappy' });
  at(l, '11:00');
  l.call('tab.writeOff', { tabId: c.id, reason: 'walked out' });
  at(l, '12:00');
  l.call('drawer.move', { kind: 'paid_out', amountMinor: 300, reason: 'milk' });
  at(l, '13:15');
  const d = l.call('tab.open', { name: 'Dee' });
  l.call('tab.addLine', { tabId: d.id, itemId: items.latte });
  const extra = l.call('tab.addLine', { tabId: d.id, itemId: items.cake }).lineId;
  l.call('tab.removeLine', { tabId: d.id, lineId: extra, reason: 'wrong order' });
  at(l, '18:00');
  return { carriedTabId: d.id };
}

function closeDrawerShort(): void {
  const counted = l.call('drawer.count', { count: { kind: 'total', totalMinor: 5300 } });
  expect(counted.session).toMatchObject({ status: 'counted', expectedMinor: 5315, countedMinor: 5300, varianceMinor: -15, cashInMinor: 615 });
  l.call('drawer.close', { varianceReason: 'short change' });
}

function expectScriptedFigures(r: DayReport, carriedTabId: number): void {
  expect(r.businessDate).toBe('2026-11-24');
  expect(r.sales).toEqual({
    rungUpMinor: 3154,
    removedMinor: 318,
    removedCount: 1,
    grossMinor: 2836,
    compsMinor: 318,
    loyaltyMinor: 0,
    refundsMinor: 0,
    netMinor: 2518,
    taxMinor: 232,
    totalMinor: 2750,
  });
  expect(r.comps).toEqual([{ reason: 'burnt', count: 1, amountMinor: 318 }]);
  expect(r.taxes).toEqual([
    { rateMilli: 10_000, netMinor: 2318, taxMinor: 232 },
    { rateMilli: 0, netMinor: 200, taxMinor: 0 },
  ]);
  expect(r.tips).toEqual([{ staffId: 1, staffName: 'Owner', amountMinor: 100 }]);
  expect(r.payments).toEqual([
    { method: 'cash', count: 1, amountMinor: 615, tipMinor: 0, takenMinor: 615, voidedCount: 0, voidedMinor: 0, refundedCount: 0, refundedMinor: 0 },
    { method: 'card', count: 2, amountMinor: 1055, tipMinor: 100, takenMinor: 1155, voidedCount: 0, voidedMinor: 0, refundedCount: 0, refundedMinor: 0 },
    { method: 'other', count: 0, amountMinor: 0, tipMinor: 0, takenMinor: 0, voidedCount: 0, voidedMinor: 0, refundedCount: 0, refundedMinor: 0 },
  ]);
  expect(r.roundingMinor).toBe(0);
  expect(r.deposits).toEqual({ broughtForwardMinor: 0, takenMinor: 0, appliedMinor: 0, refundedMinor: 0, forfeitedMinor: 0, heldMinor: 0 });
  expect(r.walkouts).toEqual({ count: 1, amountMinor: 640 });
  expect(r.satisfaction).toEqual({ happy: 1, okay: 0, unhappy: 1, unrated: 0 });
  expect(r.tabs).toEqual({ settled: 2, writtenOff: 1, averageSecondsToPay: 4350 });
  expect(r.receivable).toEqual({ broughtForwardMinor: 0, chargedMinor: 2750, paidMinor: 1670, writtenOffMinor: 640, carriedForwardMinor: 440 });
  // Token 1 came back to the pool when Ana paid, so Dee got it; her age runs to the report's time.
  const age = (Date.parse(r.generatedAt) - Date.parse('2026-11-24T13:15:00.000Z')) / MIN;
  expect(r.carried).toEqual([{ tabId: carriedTabId, token: 1, name: 'Dee', openedAt: '2026-11-24T13:15:00.000Z', ageMinutes: age, dueMinor: 440 }]);
  expect(r.byHour).toEqual([
    { hour: 9, netMinor: 2118 },
    { hour: 13, netMinor: 400 },
  ]);
}

describe('a scripted day closed with a Z', () => {
  it('reports every figure to the cent, and the drawer with its variance', () => {
    const { carriedTabId } = scriptedDay();
    const x = l.call('report.x', {});
    expect(x.kind).toBe('x');
    expect(x.drawer).toMatchObject({ openNow: true, sessions: [] });
    expectScriptedFigures(x, carriedTabId);
    expect(l.fail('day.close', { businessDate: '2026-11-24' }).key).toBe('errors.day.drawerOpen');
    closeDrawerShort();
    at(l, '18:30');
    const z = l.call('day.close', { businessDate: '2026-11-24' });
    expect(z).toMatchObject({ kind: 'z', zNumber: 1, generatedAt: '2026-11-24T18:30:00.000Z' });
    expectScriptedFigures(z, carriedTabId);
    expect(z.carried[0]?.ageMinutes).toBe(315);
    expect(z.drawer).toMatchObject({
      floatMinor: 5000,
      cashInMinor: 615,
      paidInMinor: 0,
      paidOutMinor: 300,
      expectedMinor: 5315,
      countedMinor: 5300,
      varianceMinor: -15,
    });
    expect(z.drawer.sessions).toHaveLength(1);
    expect(z.drawer.openNow).toBe(false);
    expect(z.drawer.sessions[0]?.firstCountMinor).toBeNull();
    expect(z.drawer.sessions[0]).toMatchObject({ varianceReason: 'short change', signedOffBy: 'Owner' });
    expect(z.accounts).toEqual([
      { account: 'card_clearing', movementMinor: 1155 },
      { account: 'cash_office', movementMinor: 300 },
      { account: 'cash_over_short', movementMinor: 15 },
      { account: 'comps', movementMinor: 318 },
      { account: 'paid_out', movementMinor: 300 },
      { account: 'sales:0', movementMinor: -200 },
      { account: 'sales:10', movementMinor: -2636 },
      { account: 'tabs_receivable', movementMinor: 440 },
      { account: 'tax_payable:10', movementMinor: -232 },
      { account: 'tips_payable:1', movementMinor: -100 },
      { account: 'walkouts', movementMinor: 640 },
    ]);
  });

  it('reconciles with the journal: each figure is the sum of its account over the day', () => {
    scriptedDay();
    closeDrawerShort();
    const z = l.call('day.close', { businessDate: '2026-11-24' });
    const byAccount = new Map(
      l.db
        .prepare<[], { account: string; s: number }>(
          "SELECT p.account, SUM(p.amount_minor) AS s FROM postings p JOIN journal_entries e ON e.id = p.entry_id WHERE e.business_date = '2026-11-24' GROUP BY p.account",
        )
        .all()
        .map((r) => [r.account, r.s]),
    );
    const sumOf = (prefix: string) => [...byAccount].filter(([a]) => a.startsWith(prefix)).reduce((s, [, v]) => s + v, 0);
    expect(z.sales.grossMinor).toBe(-sumOf('sales:'));
    expect(z.sales.compsMinor).toBe(sumOf('comps'));
    expect(z.sales.taxMinor).toBe(-sumOf('tax_payable:'));
    expect(z.tips.reduce((s, t) => s + t.amountMinor, 0)).toBe(-sumOf('tips_payable:'));
    expect(z.walkouts.amountMinor).toBe(sumOf('walkouts'));
    expect(z.payments.find((p) => p.method === 'card')?.takenMinor).toBe(sumOf('card_clearing'));
    expect(z.drawer.varianceMinor).toBe(-sumOf('cash_over_short'));
    expect(z.receivable.carriedForwardMinor - z.receivable.broughtForwardMinor).toBe(sumOf('tabs_receivable'));
    expect(z.comps.reduce((s, c) => s + c.amountMinor, 0)).toBe(z.sales.compsMinor);
    expect(z.taxes.reduce((s, t) => s + t.netMinor, 0)).toBe(z.sales.netMinor);
    expect(z.byHour.reduce((s, h) => s + h.netMinor, 0)).toBe(z.sales.netMinor);
    expect(z.accounts.reduce((s, a) => s + a.movementMinor, 0)).toBe(0);
    // Cash: float in, sales in, paid out, and the count lifted out leave the drawer account empty.
    expect(byAccount.get('cash_drawer') ?? 0).toBe(0);
    expect(z.drawer.floatMinor + z.drawer.cashInMinor - z.drawer.paidOutMinor + z.drawer.paidInMinor).toBe(z.drawer.expectedMinor);
  });

  it('never changes a closed day: later work posts on the next day, the Z reads the same, the database refuses a back-dated row', () => {
    const { carriedTabId } = scriptedDay();
    closeDrawerShort();
    at(l, '18:30');
    const z = l.call('day.close', { businessDate: '2026-11-24' });
    expect(l.call('day.status', {})).toMatchObject({
      currentBusinessDate: '2026-11-25',
      nextToClose: '2026-11-25',
      canCloseNext: false,
      lastZ: { zNumber: 1, businessDate: '2026-11-24' },
    });
    // The 25th has postings coming, but it begins only at 04:00 on the 25th: it cannot be closed tonight.
    expect(l.fail('day.close', { businessDate: '2026-11-25' })).toMatchObject({ key: 'errors.day.notBegun' });
    // The carried tab is still open and owed, and is paid the same evening: that lands on the 25th.
    expect(l.call('tab.get', { tabId: carriedTabId })).toMatchObject({ status: 'open', dueMinor: 440 });
    at(l, '19:00');
    l.call('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
    l.call('settle.pay', { tabId: carriedTabId, method: 'cash' });
    expect(l.call('report.z', { zNumber: 1 })).toEqual(z);
    expect(l.fail('day.close', { businessDate: '2026-11-24' })).toMatchObject({ code: 'day_closed', key: 'errors.day.alreadyClosed' });
    expect(l.fail('report.x', { businessDate: '2026-11-24' }).key).toBe('errors.report.dayClosed');
    expect(() =>
      l.db
        .prepare(
          "INSERT INTO journal_entries (created_at, kind, staff_id, memo, business_date) VALUES ('2026-11-24T20:00:00.000Z', 'fix', 1, '', '2026-11-24')",
        )
        .run(),
    ).toThrow(/closed/);
    expect(() => l.db.prepare("UPDATE z_reports SET report_json = '{}'").run()).toThrow(/append-only/);
    const next = l.call('report.x', {});
    expect(next.businessDate).toBe('2026-11-25');
    expect(next.receivable).toEqual({ broughtForwardMinor: 440, chargedMinor: 0, paidMinor: 440, writtenOffMinor: 0, carriedForwardMinor: 0 });
    expect(next.carried).toEqual([]);
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 440 } });
    l.call('drawer.close', {});
    l.setNow('2026-11-25T04:00:00.000Z');
    expect(l.call('day.status', {})).toMatchObject({ nextToClose: '2026-11-25', canCloseNext: true });
    expect(l.call('day.close', { businessDate: '2026-11-25' }).zNumber).toBe(2);
  });

  it('closes days in order, never a future one, and numbers never go back below the floor', () => {
    l.call('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
    const tab = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: tab.id, itemId: items.water });
    l.advance(24 * 60 * MIN); // the 25th, nothing closed yet
    l.call('settle.pay', { tabId: tab.id, method: 'cash' });
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 200 } });
    l.call('drawer.close', {});
    expect(l.call('day.status', {})).toMatchObject({
      currentBusinessDate: '2026-11-25',
      nextToClose: '2026-11-24',
      unclosedDates: ['2026-11-24', '2026-11-25'],
    });
    expect(l.fail('day.close', { businessDate: '2026-11-25' })).toMatchObject({ key: 'errors.day.inOrder', params: { date: '2026-11-24' } });
    expect(l.fail('day.close', { businessDate: '2026-11-26' }).key).toBe('errors.day.future');
    l.db.prepare('UPDATE store_settings SET z_number_floor = 41').run();
    expect(l.call('day.close', { businessDate: '2026-11-24' }).zNumber).toBe(42);
    const day2 = l.call('day.close', { businessDate: '2026-11-25' });
    expect(day2.zNumber).toBe(43);
    expect(day2.payments[0]).toMatchObject({ method: 'cash', takenMinor: 200 });
    expect(l.call('report.zList', {}).map((z) => z.zNumber)).toEqual([43, 42]);
  });

  it('counts the business day from the store boundary in its time zone', () => {
    l.call('store.update', { timeZone: 'Europe/Dublin', dayBoundaryMinutes: 5 * 60 });
    l.advance(18 * 60 * MIN); // 03:00 on the 25th in Dublin: still the 24th's business day
    expect(l.call('day.status', {}).currentBusinessDate).toBe('2026-11-24');
    l.advance(2 * 60 * MIN); // 05:00
    expect(l.call('day.status', {}).currentBusinessDate).toBe('2026-11-25');
  });
});

describe('the drawer', () => {
  it('keeps the count blind until it is entered, needs a reason for a variance, and a manager to sign off', () => {
    l.call('drawer.open', { float: { kind: 'total', totalMinor: 10_000 } });
    l.call('drawer.move', { kind: 'paid_in', amountMinor: 2000, reason: 'change from the bank' });
    const open = l.call('drawer.get', {}).session!;
    expect(open).toMatchObject({ status: 'open', floatMinor: 10_000, paidInMinor: 2000, expectedMinor: null, cashInMinor: null, varianceMinor: null });
    expect(l.fail('drawer.open', { float: { kind: 'total', totalMinor: 0 } }).key).toBe('errors.drawer.alreadyOpen');
    expect(l.fail('drawer.close', {}).key).toBe('errors.drawer.notCounted');
    expect(l.fail('drawer.move', { kind: 'paid_out', amountMinor: 12_001, reason: 'too much' }).key).toBe('errors.drawer.paidOutTooMuch');
    expect(l.fail('drawer.count', { count: { kind: 'denominations', counts: [{ denominationMinor: 300, qty: 1 }] } })).toMatchObject({
      key: 'errors.count.unknownDenomination',
      message: '€3.00 is not a note or coin of this currency',
    });
    l.call('drawer.count', {
      count: {
        kind: 'denominations',
        counts: [
          { denominationMinor: 5000, qty: 2 },
          { denominationMinor: 1000, qty: 2 },
          { denominationMinor: 100, qty: 1 },
        ],
      },
    });
    expect(l.call('drawer.get', {}).session).toMatchObject({ status: 'counted', expectedMinor: 12_000, countedMinor: 12_100, varianceMinor: 100 });
    expect(l.fail('drawer.close', {})).toMatchObject({
      key: 'errors.drawer.overNeedsReason',
      message: 'the drawer is €1.00 over; give a reason before signing off',
    });
    const tab = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: tab.id, itemId: items.water });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'cash' }).key).toBe('errors.drawer.cashWhileCounting');
    // A recount is allowed before sign-off; the first count stays in the audit trail.
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 11_000 } });
    expect(l.call('drawer.count', { count: { kind: 'total', totalMinor: 12_000 } }).session).toMatchObject({ firstCountMinor: 12_100, countedMinor: 12_000 });
    expect(l.db.prepare("SELECT COUNT(*) AS n FROM audit WHERE command IN ('drawer.count', 'drawer.recount')").get()).toEqual({ n: 3 });
    const staffId = Number(l.db.prepare("INSERT INTO staff (name, role, created_at) VALUES ('Sam', 'staff', 'x')").run().lastInsertRowid);
    const asStaff = l.dispatcher.dispatch('drawer.close', { input: {}, commandId: 'sam-signs-off-1' }, { staffId });
    // Staff may count but not accept the count: a manager's PIN approves that one sign-off.
    expect(asStaff).toMatchObject({ ok: false, error: { code: 'approval_needed', params: { permission: 'drawer.signOff' } } });
    const closed = l.call('drawer.close', {});
    expect(closed.session).toBeNull();
    expect(closed.lastClosed).toMatchObject({
      status: 'closed',
      expectedMinor: 12_000,
      countedMinor: 12_000,
      firstCountMinor: 12_100,
      varianceMinor: 0,
      signedOffBy: 'Owner',
      businessDate: '2026-11-24',
    });
    expect(l.call('report.x', {}).drawer.sessions[0]).toMatchObject({ countedMinor: 12_000, firstCountMinor: 12_100 });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'cash' })).toMatchObject({ code: 'drawer_closed', key: 'errors.drawer.cashNeedsDrawer' });
    expect(l.call('settle.pay', { tabId: tab.id, method: 'card' }).settled).toBe(true);
  });

  it('answers a recount only once it is stored: a refused one tells nothing of the expected amount and leaves the count standing', () => {
    l.call('drawer.open', { float: { kind: 'total', totalMinor: 10_000 } });
    l.call('drawer.move', { kind: 'paid_in', amountMinor: 1234, reason: 'change from the bank' });
    const first = l.call('drawer.count', { count: { kind: 'total', totalMinor: 11_000 } }).session!;
    expect(first).toMatchObject({ expectedMinor: 11_234, countedMinor: 11_000, firstCountMinor: null });
    const before = l.db.prepare('SELECT * FROM drawer_sessions').all();
    const refused = l.fail('drawer.count', { count: { kind: 'denominations', counts: [{ denominationMinor: 300, qty: 1 }] } });
    expect(refused).toMatchObject({ key: 'errors.count.unknownDenomination', params: { amount: '€3.00' }, field: 'counts' });
    expect(JSON.stringify(refused)).not.toMatch(/112\.34|11234/);
    expect(l.db.prepare('SELECT * FROM drawer_sessions').all()).toEqual(before);
    const again = l.call('drawer.count', { count: { kind: 'total', totalMinor: 11_234 } }).session!;
    expect(again).toMatchObject({ expectedMinor: 11_234, countedMinor: 11_234, varianceMinor: 0, firstCountMinor: 11_000 });
  });

  it('lists the notes and coins of the store currency for counting', () => {
    expect(l.call('drawer.get', {}).denominations.slice(0, 3)).toEqual([50_000, 20_000, 10_000]);
  });
});

describe('replaying a command after days are closed', () => {
  it('keeps first results for the day being closed and the next, and never runs an older command again', () => {
    l.call('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
    const first = l.raw('tab.open', { name: 'Early' }, 'cmd-day-one-000001');
    expect(first.ok).toBe(true);
    const close = (date: string, counted: number) => {
      l.call('drawer.count', { count: { kind: 'total', totalMinor: counted } });
      l.call('drawer.close', {});
      l.call('day.close', { businessDate: date });
      l.call('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
    };
    at(l, '18:00');
    close('2026-11-24', 0);
    expect(l.raw('tab.open', { name: 'Early' }, 'cmd-day-one-000001')).toEqual(first);
    at(l, '23:00');
    const second = l.raw('tab.open', { name: 'Late' }, 'cmd-day-two-000001');
    l.setNow('2026-11-25T18:00:00.000Z');
    close('2026-11-25', 0);
    const tabsBefore = l.db.prepare('SELECT COUNT(*) AS n FROM tabs').get();
    expect(l.raw('tab.open', { name: 'Early' }, 'cmd-day-one-000001')).toMatchObject({ ok: false, error: { code: 'conflict', key: 'errors.commandDone' } });
    expect(l.raw('tab.open', { name: 'Late' }, 'cmd-day-two-000001')).toEqual(second);
    expect(l.raw('tab.open', { name: 'Other' }, 'cmd-day-one-000001')).toMatchObject({ ok: false, error: { code: 'command_id_reused' } });
    expect(l.db.prepare('SELECT COUNT(*) AS n FROM tabs').get()).toEqual(tabsBefore);
  });
});

describe('a day whose deposits do not add up', () => {
  it('is refused with words for the owner (run the ledger check; nothing was closed), writing nothing, and closes once they add up again', () => {
    l.call('store.update', { depositPolicy: { mode: 'fixed', fixedMinor: 1000, percent: 0, freeCancelHours: 24, forfeitPercent: 100 } });
    const cut = l.call('catalog.createItem', {
      categoryId: null,
      name: 'Cut',
      kind: 'service',
      priceMinor: 3000,
      rateMilli: 0,
      expectText: '',
      durationMinutes: 60,
    }).id;
    const ana = l.call('customer.create', { name: 'Ana' }).id;
    const booked = l.call('appointment.book', {
      customerId: ana,
      staffId: 1,
      date: '2026-11-26',
      startMinute: 600,
      itemIds: [cut],
      deposit: { method: 'card', reference: '' },
    });
    const depositId = booked.deposits[0]!.id;
    at(l, '23:00');
    // Damage from outside the app: the held deposit's amount no longer matches its journal entry.
    l.db.exec('DROP TRIGGER deposits_closed_no_update');
    l.db.prepare('UPDATE deposits SET amount_minor = 1200 WHERE id = ?').run(depositId);

    const before = snapshot(l);
    const refused = l.raw('day.close', { businessDate: '2026-11-24' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({
      code: 'deposits_unreconciled',
      key: 'errors.day.depositsUnreconciled',
      params: { date: '2026-11-24', held: '€10.00', flow: '€10.00', listed: '€12.00' },
    });
    expect(refused.error.message).toContain('nothing was closed');
    expect(refused.error.message).toContain('run the ledger check on the Backups screen');
    expect(snapshot(l), 'a refused close writes nothing').toEqual(before);
    // Read through the router without the fixture's invariant check, which would stop at the damage.
    expect(l.raw('day.status', {})).toMatchObject({ ok: true, value: { nextToClose: '2026-11-24' } });
    // The ledger check it points to names the fault.
    expect(l.raw('ledger.check', { full: true })).toMatchObject({
      ok: true,
      value: { problems: expect.arrayContaining(['deposits_held holds 1000 but the held deposits add up to 1200']) },
    });

    l.db.prepare('UPDATE deposits SET amount_minor = 1000 WHERE id = ?').run(depositId);
    expect(l.call('day.close', { businessDate: '2026-11-24' }).deposits).toMatchObject({ takenMinor: 1000, heldMinor: 1000 });
  });
});
