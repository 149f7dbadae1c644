import { afterEach, describe, expect, it } from 'vitest';
import { nextReceiptNumber, raiseReceiptFloor } from '../ledger/receipt-numbers';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';

/** Receipt numbers (migration 016): issued as a tab settles, in the same command, never reused. */
let l: TestLedger;
afterEach(() => l.cleanup());

const MIN = 60_000;

/** A store with a 4.40 latte at 10 % inclusive. */
function setup() {
  l = makeLedger('2026-11-24T09:00:00.000Z');
  l.call('store.update', { taxRates: [{ rateMilli: 10_000, label: 'Standard' }] });
  const latte = l.call('catalog.createItem', { categoryId: null, name: 'Latte', kind: 'product', priceMinor: 440, rateMilli: 10_000, expectText: '' });
  return { latte };
}

function tabWith(itemId: number, qty = 1): number {
  const tab = l.call('tab.open', {});
  l.call('tab.addLine', { tabId: tab.id, itemId, qty });
  return tab.id;
}

type Row = { receipt_number: number; tab_id: number; business_date: string; issued_at: string; total_minor: number; staff_id: number; replaces: number | null };
const receipts = () => l.db.prepare<[], Row>('SELECT * FROM receipts ORDER BY receipt_number').all();

describe('receipt numbers', () => {
  it('are 1, 2, 3 across tabs, each issued by the payment that settles its tab, for what the tab cost', () => {
    const { latte } = setup();
    const a = tabWith(latte.id);
    const b = tabWith(latte.id, 2);
    const c = tabWith(latte.id, 3);
    // A part payment settles nothing, so it is no receipt.
    expect(l.call('settle.pay', { tabId: b, method: 'card', amountMinor: 400 }).receiptNumber).toBeNull();
    expect(receipts()).toEqual([]);
    expect(l.call('settle.pay', { tabId: a, method: 'card' }).receiptNumber).toBe(1);
    l.advance(MIN);
    const settledB = l.call('settle.pay', { tabId: b, method: 'cash', tipMinor: 100, tenderedMinor: 1000 });
    expect(settledB.receiptNumber).toBe(2);
    expect(l.call('settle.pay', { tabId: c, method: 'card' }).receiptNumber).toBe(3);
    expect(receipts()).toEqual([
      {
        receipt_number: 1,
        tab_id: a,
        business_date: '2026-11-24',
        issued_at: '2026-11-24T09:00:00.000Z',
        total_minor: 440,
        staff_id: l.session.staffId,
        replaces: null,
      },
      // The tip is the staff's, not the price: the receipt's total is what the tab cost.
      {
        receipt_number: 2,
        tab_id: b,
        business_date: '2026-11-24',
        issued_at: '2026-11-24T09:01:00.000Z',
        total_minor: 880,
        staff_id: l.session.staffId,
        replaces: null,
      },
      {
        receipt_number: 3,
        tab_id: c,
        business_date: '2026-11-24',
        issued_at: '2026-11-24T09:01:00.000Z',
        total_minor: 1320,
        staff_id: l.session.staffId,
        replaces: null,
      },
    ]);
    expect(l.call('tab.get', { tabId: b }).receiptNumber).toBe(2);
    expect(l.call('ledger.check', {}).problems).toEqual([]);
  });

  it('a payment void reopens the tab without its number; settled again it gets a new one, and the old one stays', () => {
    const { latte } = setup();
    const a = tabWith(latte.id);
    const paid = l.call('settle.pay', { tabId: a, method: 'card' });
    expect(paid.receiptNumber).toBe(1);
    const b = tabWith(latte.id);
    l.call('settle.pay', { tabId: b, method: 'card' });
    l.advance(2 * MIN);
    const reopened = l.call('settle.voidLastPayment', { tabId: a, paymentId: paid.payment.id, reason: 'wrong card' });
    expect(reopened).toMatchObject({ status: 'open', receiptNumber: null });
    // A line added before paying again: the new receipt is for what the tab costs now.
    l.call('tab.addLine', { tabId: a, itemId: latte.id, qty: 1 });
    const again = l.call('settle.pay', { tabId: a, method: 'cash', tenderedMinor: 1000 });
    expect(again.receiptNumber).toBe(3);
    expect(receipts().map((r) => [r.receipt_number, r.tab_id, r.total_minor, r.replaces])).toEqual([
      [1, a, 440, null],
      [2, b, 440, null],
      [3, a, 880, 1],
    ]);
  });

  it('are not given to a tab walked out on or voided, and the next one follows on', () => {
    const { latte } = setup();
    const walked = tabWith(latte.id);
    l.call('tab.writeOff', { tabId: walked, reason: 'walked out' });
    const empty = l.call('tab.open', {});
    l.call('tab.void', { tabId: empty.id, reason: 'opened by mistake' });
    expect(l.call('tab.get', { tabId: walked }).receiptNumber).toBeNull();
    expect(receipts()).toEqual([]);
    expect(l.call('settle.pay', { tabId: tabWith(latte.id), method: 'card' }).receiptNumber).toBe(1);
  });

  it('are never changed or deleted: the ledger refuses it', () => {
    const { latte } = setup();
    l.call('settle.pay', { tabId: tabWith(latte.id), method: 'card' });
    expect(() => l.db.prepare('UPDATE receipts SET receipt_number = 7').run()).toThrow(/never changed/);
    expect(() => l.db.prepare('UPDATE receipts SET total_minor = 0').run()).toThrow(/never changed/);
    expect(() => l.db.prepare('DELETE FROM receipts').run()).toThrow(/never deleted/);
    expect(receipts()).toHaveLength(1);
  });

  it('go on above the floor a restore raised, never below it', () => {
    const { latte } = setup();
    l.call('settle.pay', { tabId: tabWith(latte.id), method: 'card' });
    l.db.transaction(() => raiseReceiptFloor(l.db, 41))();
    expect(nextReceiptNumber(l.db)).toBe(42);
    // Never lowered.
    l.db.transaction(() => raiseReceiptFloor(l.db, 5))();
    expect(nextReceiptNumber(l.db)).toBe(42);
    expect(() => raiseReceiptFloor(l.db, -1)).toThrow(RangeError);
    expect(l.call('settle.pay', { tabId: tabWith(latte.id), method: 'card' }).receiptNumber).toBe(42);
  });

  it('a command that is refused issues none', () => {
    const { latte } = setup();
    const a = tabWith(latte.id);
    // Cash beyond anything sensible, not confirmed: refused, nothing written (l.fail compares every table, receipts too).
    expect(l.fail('settle.pay', { tabId: a, method: 'cash', tenderedMinor: 1_000_000 }).code).toBe('confirmation_needed');
    expect(receipts()).toEqual([]);
  });
});
