import { afterEach, describe, expect, it } from 'vitest';
import { highestRefund, nextRefundNumber, raiseRefundFloor } from '../ledger/refund-numbers';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';

let l: TestLedger;
afterEach(() => l.cleanup());

/** A settled card tab of 4.00 (no tax), ready to be refunded a little at a time. */
function settledTab(): number {
  l = makeLedger('2026-11-24T09:00:00.000Z');
  const tea = l.call('catalog.createItem', { categoryId: null, name: 'Tea', kind: 'product', priceMinor: 400, rateMilli: 0, expectText: '' }).id;
  const tab = l.call('tab.open', {});
  l.call('tab.addLine', { tabId: tab.id, itemId: tea });
  l.call('settle.pay', { tabId: tab.id, method: 'card' });
  return tab.id;
}

const refund = (tabId: number) => l.call('tab.refund', { tabId, mode: 'amount', amountMinor: 10, reason: 'x' }).refundId;

describe('refund numbers', () => {
  it('run on from 1, one above the last', () => {
    const tabId = settledTab();
    expect(nextRefundNumber(l.db)).toBe(1);
    expect([refund(tabId), refund(tabId)]).toEqual([1, 2]);
    expect(highestRefund(l.db)).toBe(2);
  });

  it('go on above the floor a restore raised, never below it, and the ledger refuses any other number', () => {
    const tabId = settledTab();
    expect(refund(tabId)).toBe(1);
    l.db.transaction(() => raiseRefundFloor(l.db, 41))();
    expect(nextRefundNumber(l.db)).toBe(42);
    // Never lowered.
    l.db.transaction(() => raiseRefundFloor(l.db, 5))();
    expect(nextRefundNumber(l.db)).toBe(42);
    expect(() => raiseRefundFloor(l.db, -1)).toThrow(RangeError);
    const given = l.call('tab.refund', { tabId, mode: 'amount', amountMinor: 10, reason: 'x' });
    expect(given.refundId).toBe(42);
    expect(given.receipt.refundId).toBe(42);
    expect(l.call('refund.receipt', { refundId: 42 }).amountMinor).toBe(10);

    // Around the service: a number below the floor (one the restored-over ledger gave) is refused.
    const entry = l.db
      .prepare("INSERT INTO journal_entries (created_at, kind, tab_id, staff_id, memo, business_date) VALUES ('now', 'refund.issue', ?, 1, '', '2026-11-24')")
      .run(tabId).lastInsertRowid;
    const insert = l.db.prepare(
      "INSERT INTO refunds (id, tab_id, entry_id, mode, reason, amount_minor, tax_minor, tip_minor, business_date, staff_id, at) VALUES (?, ?, ?, 'amount', 'x', 1, 0, 0, '2026-11-24', 1, 'now')",
    );
    for (const id of [2, 41, 44]) expect(() => insert.run(id, tabId, entry)).toThrow(/next number/);
    expect(() =>
      l.db
        .prepare(
          "INSERT INTO refunds (tab_id, entry_id, mode, reason, amount_minor, tax_minor, tip_minor, business_date, staff_id, at) VALUES (?, ?, 'amount', 'x', 1, 0, 0, '2026-11-24', 1, 'now')",
        )
        .run(tabId, entry),
    ).toThrow(/next number/);
    expect(l.db.prepare('SELECT id FROM refunds ORDER BY id').all()).toEqual([{ id: 1 }, { id: 42 }]);
  });
});
