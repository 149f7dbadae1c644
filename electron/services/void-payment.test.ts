import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/permissions';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { detail } from '../test-support/tab-detail';

const MIN = 60_000;
let l: TestLedger;
afterEach(() => l.cleanup());

/** A store in `currency` with one item at `price` (10 % inclusive) and a tab holding `qty` of it. */
function setup(options: { price?: number; qty?: number; currency?: string; rounding?: number; start?: string } = {}) {
  l = makeLedger(options.start ?? '2026-11-24T09:00:00.000Z');
  l.call('store.update', {
    currency: options.currency ?? 'EUR',
    taxRates: [{ rateMilli: 10_000, label: 'Standard' }],
    cashRoundingMinor: options.rounding ?? 1,
  });
  const item = l.call('catalog.createItem', {
    categoryId: null,
    name: 'Lunch',
    kind: 'product',
    priceMinor: options.price ?? 1240,
    rateMilli: 10_000,
    expectText: '',
  });
  const tab = l.call('tab.open', {});
  l.call('tab.addLine', { tabId: tab.id, itemId: item.id, qty: options.qty ?? 1 });
  return { tab, item };
}

function balances(): Record<string, number> {
  return Object.fromEntries(l.call('ledger.check', {}).accounts.map((a) => [a.account, a.balanceMinor]));
}

function postingsOf(entryId: number): Record<string, number> {
  const rows = l.db.prepare<[number], { account: string; amount_minor: number }>('SELECT account, amount_minor FROM postings WHERE entry_id = ?').all(entryId);
  return Object.fromEntries(rows.map((r) => [r.account, r.amount_minor]));
}

function paymentEntry(paymentId: number): number {
  return l.db.prepare<[number], { entry_id: number }>('SELECT entry_id FROM payments WHERE id = ?').get(paymentId)!.entry_id;
}

type EntryRow = { id: number; kind: string; memo: string; business_date: string };
function voidEntry(paymentId: number): EntryRow {
  return l.db
    .prepare<[number], EntryRow>(
      'SELECT je.id, je.kind, je.memo, je.business_date FROM payment_voids v JOIN journal_entries je ON je.id = v.entry_id WHERE v.payment_id = ?',
    )
    .get(paymentId)!;
}

const voidInput = (tabId: number, paymentId: number, reason = 'wrong tab') => ({ tabId, paymentId, reason });

describe('voiding the last payment', () => {
  it('a card payment: one entry reverses it, the tab is open again on its token with its due, and can be paid again', () => {
    const { tab } = setup();
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'card', reference: 'auth 77' });
    expect(paid.settled).toBe(true);
    l.advance(3 * MIN);
    const d = l.call('settle.voidLastPayment', voidInput(tab.id, paid.payment.id, 'wrong card'));
    expect(d).toMatchObject({ status: 'open', dueMinor: 1240, paidMinor: 0, closedAt: null, payments: [] });
    expect(d.voidedPayments).toEqual([{ ...paid.payment, voidedAt: '2026-11-24T09:03:00.000Z', voidedBy: 'Owner', voidReason: 'wrong card' }]);
    expect(d.history.at(-1)).toMatchObject({
      action: 'settle.voidLastPayment',
      detail: { paymentId: paid.payment.id, method: 'card', amountMinor: 1240, tipMinor: 0, reason: 'wrong card', reopened: 1 },
    });
    expect(balances()).toMatchObject({ card_clearing: 0, tabs_receivable: 1240 });

    const entry = voidEntry(paid.payment.id);
    expect(entry).toMatchObject({ kind: 'payment.void', memo: 'wrong card', business_date: '2026-11-24' });
    expect(postingsOf(entry.id)).toEqual({ tabs_receivable: 1240, card_clearing: -1240 });
    expect(l.call('tab.listOpen', {})).toEqual([expect.objectContaining({ id: tab.id, token: tab.token, dueMinor: 1240, paidMinor: 0 })]);
    expect(l.call('token.pool', {}).find((t) => t.token === tab.token)?.tabId).toBe(tab.id);
    expect(l.db.prepare('SELECT closed_at, closed_business_date FROM tabs WHERE id = ?').get(tab.id)).toEqual({ closed_at: null, closed_business_date: null });

    const again = l.call('settle.pay', { tabId: tab.id, method: 'cash', tenderedMinor: 2000 });
    expect(again).toMatchObject({ settled: true, changeMinor: 760 });
    const settled = detail(l, tab.id);
    expect(settled.payments.map((p) => p.method)).toEqual(['cash']);
    expect(settled.voidedPayments.map((p) => p.id)).toEqual([paid.payment.id]);
  });

  it('a cash payment goes back out of the drawer: its expected cash is as before the payment', () => {
    const { tab } = setup();
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'cash', tipMinor: 60, tenderedMinor: 2000 });
    expect(balances()).toMatchObject({ cash_drawer: 1300 });
    l.call('settle.voidLastPayment', voidInput(tab.id, paid.payment.id, 'paid twice'));
    expect(balances()).toMatchObject({ cash_drawer: 0, tabs_receivable: 1240, 'tips_payable:1': 0 });
    const counted = l.call('drawer.count', { count: { kind: 'total', totalMinor: 0 } }).session;
    expect(counted).toMatchObject({ expectedMinor: 0, cashInMinor: 0, varianceMinor: 0 });
  });

  it('reverses the tip and the cash rounding with the payment (CHF, 0.05)', () => {
    const { tab } = setup({ price: 442, currency: 'CHF', rounding: 5 });
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'cash', tipMinor: 100, tenderedMinor: 1000 });
    expect(paid).toMatchObject({ owedMinor: 540, payment: { roundingMinor: 2, tipMinor: 100 } });
    const original = postingsOf(paymentEntry(paid.payment.id));
    expect(original).toEqual({ tabs_receivable: -442, 'tips_payable:1': -100, cash_drawer: 540, rounding: 2 });
    l.call('settle.voidLastPayment', voidInput(tab.id, paid.payment.id));
    expect(postingsOf(voidEntry(paid.payment.id).id)).toEqual({ tabs_receivable: 442, 'tips_payable:1': 100, cash_drawer: -540, rounding: -2 });
    expect(balances()).toMatchObject({ cash_drawer: 0, rounding: 0, 'tips_payable:1': 0, tabs_receivable: 442 });
  });

  it('a partial payment on an open tab: the tab stays open and owes it again', () => {
    const { tab } = setup({ qty: 2 });
    const first = l.call('settle.pay', { tabId: tab.id, method: 'other', amountMinor: 1000 });
    const d = l.call('settle.voidLastPayment', voidInput(tab.id, first.payment.id));
    expect(d).toMatchObject({ status: 'open', dueMinor: 2480, paidMinor: 0 });
    expect(d.history.at(-1)?.detail).toMatchObject({ reopened: 0 });
    expect(balances()).toMatchObject({ other_tender: 0, tabs_receivable: 2480 });
  });

  it('a split part: that part is owed again and is paid on its own', () => {
    const { tab } = setup({ qty: 2 });
    l.call('settle.split', { tabId: tab.id, mode: 'even', parts: 2 });
    l.call('settle.pay', { tabId: tab.id, method: 'cash', partNo: 1 });
    const second = l.call('settle.pay', { tabId: tab.id, method: 'card', partNo: 2, tipMinor: 100 });
    expect(second.settled).toBe(true);
    const d = l.call('settle.voidLastPayment', voidInput(tab.id, second.payment.id, 'card declined later'));
    expect(d).toMatchObject({ status: 'open', dueMinor: 1240, paidMinor: 1240 });
    expect(d.split).toEqual([
      { partNo: 1, amountMinor: 1240, paymentId: d.payments[0]!.id },
      { partNo: 2, amountMinor: 1240, paymentId: null },
    ]);
    expect(l.call('settle.pay', { tabId: tab.id, method: 'other', partNo: 2 }).settled).toBe(true);
  });

  it('a payment that was not a part drops a split planned after it, which shared out a smaller rest', () => {
    const { tab } = setup({ qty: 2 });
    const first = l.call('settle.pay', { tabId: tab.id, method: 'card', amountMinor: 480 });
    expect(l.call('settle.split', { tabId: tab.id, mode: 'even', parts: 2 }).split.map((p) => p.amountMinor)).toEqual([1000, 1000]);
    expect(l.call('settle.voidLastPayment', voidInput(tab.id, first.payment.id))).toMatchObject({ dueMinor: 2480, split: [] });
  });

  it('a zero payment on a fully comped tab: the void has its own entry to point from, and the tab reopens', () => {
    const { tab } = setup();
    const line = l.call('tab.get', { tabId: tab.id }).lines[0]!;
    l.call('tab.compLine', { tabId: tab.id, lineId: line.id, kind: 'percent', value: 100, reason: 'goodwill' });
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'cash' });
    const d = l.call('settle.voidLastPayment', voidInput(tab.id, paid.payment.id));
    expect(d).toMatchObject({ status: 'open', dueMinor: 0 });
    const entry = voidEntry(paid.payment.id);
    expect(entry.kind).toBe('payment.void');
    expect(postingsOf(entry.id)).toEqual({});
  });

  it('a tab whose only payment was voided and whose lines were then removed can be voided as opened by mistake', () => {
    const { tab } = setup();
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'card' });
    const reopened = l.call('settle.voidLastPayment', voidInput(tab.id, paid.payment.id, 'wrong tab'));
    l.call('tab.removeLine', { tabId: tab.id, lineId: reopened.lines[0]!.id, reason: 'ordered on the wrong tab' });
    expect(l.call('tab.void', { tabId: tab.id })).toMatchObject({ status: 'voided', dueMinor: 0 });
  });

  it('the payment before it can be voided next, while it is still within the window', () => {
    const { tab } = setup({ qty: 2 });
    const first = l.call('settle.pay', { tabId: tab.id, method: 'card', amountMinor: 1000 });
    const second = l.call('settle.pay', { tabId: tab.id, method: 'card' });
    l.call('settle.voidLastPayment', voidInput(tab.id, second.payment.id));
    const d = l.call('settle.voidLastPayment', voidInput(tab.id, first.payment.id));
    expect(d).toMatchObject({ status: 'open', dueMinor: 2480, paidMinor: 0, payments: [] });
    expect(d.voidedPayments.map((p) => p.id)).toEqual([first.payment.id, second.payment.id]);
  });

  it('a manager may void a payment; staff may not without a manager approving it', () => {
    const { tab } = setup();
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'card' });
    const as = (role: Role) => {
      const staffId = Number(l.db.prepare("INSERT INTO staff (name, role, created_at) VALUES (?, ?, 'x')").run(role, role).lastInsertRowid);
      return l.dispatcher.dispatch('settle.voidLastPayment', { input: voidInput(tab.id, paid.payment.id), commandId: `void-as-${role}` }, { staffId });
    };
    expect(as('staff')).toMatchObject({ ok: false, error: { code: 'approval_needed', params: { permission: 'payments.void' } } });
    expect(l.db.prepare('SELECT COUNT(*) AS n FROM payment_voids').get()).toEqual({ n: 0 });
    expect(as('manager')).toMatchObject({ ok: true, value: { status: 'open', voidedPayments: [{ voidedBy: 'manager' }] } });
  });

  it('a repeated command id replays the first void and posts nothing more', () => {
    const { tab } = setup();
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'card' });
    const first = l.raw('settle.voidLastPayment', voidInput(tab.id, paid.payment.id), 'void-once-0001');
    const entries = l.db.prepare('SELECT COUNT(*) AS n FROM journal_entries').get();
    expect(l.raw('settle.voidLastPayment', voidInput(tab.id, paid.payment.id), 'void-once-0001')).toEqual(first);
    expect(l.db.prepare('SELECT COUNT(*) AS n FROM journal_entries').get()).toEqual(entries);
  });
});

describe('what cannot be voided, refused with nothing written', () => {
  it('later than 10 minutes after the payment (the tenth minute still counts)', () => {
    const { tab } = setup();
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'card' });
    l.advance(11 * MIN);
    const error = l.fail('settle.voidLastPayment', voidInput(tab.id, paid.payment.id));
    expect(error).toMatchObject({ code: 'conflict', key: 'errors.voidPayment.tooLate', params: { limit: 10, minutes: 11 } });
    expect(error.message).toBe('a payment can be voided only within 10 minutes of taking it; this one was taken 11 minutes ago');
    l.setNow('2026-11-24T09:10:00.000Z');
    expect(l.call('settle.voidLastPayment', voidInput(tab.id, paid.payment.id)).status).toBe('open');
  });

  it('once its business day is closed with a Z, even within the 10 minutes', () => {
    const { tab } = setup();
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'card' });
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 0 } });
    l.call('drawer.close', {});
    const z = l.call('day.close', { businessDate: '2026-11-24' });
    l.advance(2 * MIN);
    const error = l.fail('settle.voidLastPayment', voidInput(tab.id, paid.payment.id));
    expect(error).toMatchObject({ code: 'day_closed', key: 'errors.voidPayment.dayClosed', params: { date: '2026-11-24', z: z.zNumber } });
  });

  it('a payment that is not the last one that stands, or not on this tab', () => {
    const { tab, item } = setup({ qty: 2 });
    const first = l.call('settle.pay', { tabId: tab.id, method: 'card', amountMinor: 1000 });
    l.call('settle.pay', { tabId: tab.id, method: 'card' });
    expect(l.fail('settle.voidLastPayment', voidInput(tab.id, first.payment.id))).toMatchObject({
      code: 'conflict',
      key: 'errors.voidPayment.notLast',
      field: 'paymentId',
    });
    const other = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: other.id, itemId: item.id });
    expect(l.fail('settle.voidLastPayment', voidInput(other.id, first.payment.id))).toMatchObject({
      code: 'not_found',
      key: 'errors.voidPayment.missing',
      field: 'paymentId',
    });
    expect(l.fail('settle.voidLastPayment', voidInput(tab.id, 4242))).toMatchObject({ code: 'not_found', params: { id: 4242 } });
  });

  it('a payment voided already (a double tap with a new command id, or a stale screen)', () => {
    const { tab } = setup();
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'card' });
    l.call('settle.voidLastPayment', voidInput(tab.id, paid.payment.id, 'wrong card'));
    expect(l.fail('settle.voidLastPayment', voidInput(tab.id, paid.payment.id))).toMatchObject({
      code: 'conflict',
      key: 'errors.voidPayment.already',
      params: { reason: 'wrong card' },
    });
  });

  it('a settled tab whose token another open tab holds now', () => {
    const { tab } = setup();
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'card' });
    const next = l.call('tab.open', {});
    expect(next.token).toBe(tab.token);
    const error = l.fail('settle.voidLastPayment', voidInput(tab.id, paid.payment.id));
    expect(error).toMatchObject({ code: 'token_held', key: 'errors.voidPayment.tokenHeld', params: { token: tab.token } });
    l.call('tab.void', { tabId: next.id });
    expect(l.call('settle.voidLastPayment', voidInput(tab.id, paid.payment.id)).status).toBe('open');
  });

  it('a tab written off after a part payment', () => {
    const { tab } = setup({ qty: 2 });
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'card', amountMinor: 1000 });
    l.call('tab.writeOff', { tabId: tab.id, reason: 'walked out' });
    expect(l.fail('settle.voidLastPayment', voidInput(tab.id, paid.payment.id))).toMatchObject({
      code: 'conflict',
      key: 'errors.voidPayment.tabState',
      params: { status: 'written off' },
    });
  });

  it('cash once its drawer is being counted, or signed off and another opened', () => {
    const { tab } = setup();
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'cash' });
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 1240 } });
    expect(l.fail('settle.voidLastPayment', voidInput(tab.id, paid.payment.id))).toMatchObject({
      code: 'drawer_counting',
      key: 'errors.voidPayment.drawerCounting',
    });
    l.call('drawer.close', {});
    expect(l.fail('settle.voidLastPayment', voidInput(tab.id, paid.payment.id))).toMatchObject({
      code: 'drawer_closed',
      key: 'errors.voidPayment.drawerClosed',
    });
    l.call('drawer.open', { float: { kind: 'total', totalMinor: 5000 } });
    expect(l.fail('settle.voidLastPayment', voidInput(tab.id, paid.payment.id))).toMatchObject({
      code: 'drawer_closed',
      key: 'errors.voidPayment.drawerClosed',
    });
  });

  it('cash the drawer no longer holds (paid out since)', () => {
    const { tab } = setup();
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'cash' });
    l.call('drawer.move', { kind: 'paid_out', amountMinor: 1000, reason: 'milk' });
    expect(l.fail('settle.voidLastPayment', voidInput(tab.id, paid.payment.id))).toMatchObject({
      code: 'conflict',
      key: 'errors.voidPayment.drawerShort',
      params: { amount: '€2.40', owed: '€12.40' },
    });
  });

  it('a card payment is not held to the drawer: it can be voided with the drawer counted', () => {
    const { tab } = setup();
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'card' });
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 0 } });
    expect(l.call('settle.voidLastPayment', voidInput(tab.id, paid.payment.id)).status).toBe('open');
  });
});

describe('the day reports a void', () => {
  it('payments by method are net of the void, which is counted apart; the report balances', () => {
    const { tab } = setup();
    const card = l.call('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 100 });
    l.call('settle.voidLastPayment', voidInput(tab.id, card.payment.id, 'wrong card'));
    l.call('settle.pay', { tabId: tab.id, method: 'cash' });
    const x = l.call('report.x', {});
    expect(x.payments).toEqual([
      { method: 'cash', count: 1, amountMinor: 1240, tipMinor: 0, takenMinor: 1240, voidedCount: 0, voidedMinor: 0, refundedCount: 0, refundedMinor: 0 },
      { method: 'card', count: 1, amountMinor: 0, tipMinor: 0, takenMinor: 0, voidedCount: 1, voidedMinor: 1340, refundedCount: 0, refundedMinor: 0 },
      { method: 'other', count: 0, amountMinor: 0, tipMinor: 0, takenMinor: 0, voidedCount: 0, voidedMinor: 0, refundedCount: 0, refundedMinor: 0 },
    ]);
    expect(x.tips).toEqual([]);
    expect(x.tabs.settled).toBe(1);
    expect(x.receivable).toMatchObject({ chargedMinor: 1240, paidMinor: 1240, carriedForwardMinor: 0 });
    expect(x.accounts.reduce((s, a) => s + a.movementMinor, 0)).toBe(0);
    expect(x.accounts.find((a) => a.account === 'card_clearing')).toBeUndefined();
  });

  it('a void just past the day boundary lands on the next day, and the payment stays on its own', () => {
    const { tab } = setup({ start: '2026-11-25T03:55:00.000Z' });
    const card = l.call('settle.pay', { tabId: tab.id, method: 'card' });
    l.setNow('2026-11-25T04:02:00.000Z');
    l.call('settle.voidLastPayment', voidInput(tab.id, card.payment.id));
    expect(voidEntry(card.payment.id).business_date).toBe('2026-11-25');
    const before = l.call('report.x', { businessDate: '2026-11-24' });
    expect(before.payments[1]).toMatchObject({ method: 'card', count: 1, amountMinor: 1240, takenMinor: 1240, voidedCount: 0 });
    expect(before.tabs.settled).toBe(0);
    expect(before.carried).toEqual([]);
    const after = l.call('report.x', {});
    expect(after.payments[1]).toMatchObject({ method: 'card', count: 0, amountMinor: -1240, takenMinor: -1240, voidedCount: 1, voidedMinor: 1240 });
    expect(after.carried).toEqual([expect.objectContaining({ tabId: tab.id, dueMinor: 1240 })]);
  });
});
