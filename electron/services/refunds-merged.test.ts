import { afterEach, describe, expect, it } from 'vitest';
import { assertInvariants } from '../test-support/invariants';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { detail } from '../test-support/tab-detail';

let l: TestLedger;
afterEach(() => l.cleanup());

const DAY = '2026-11-24';

/**
 * A café (latte 4.40 at 10 %, water 2.00 at 0 %, tax included), a drawer opened empty. Tab A: two
 * lattes, 5.00 of it paid by card with a 0.50 tip, then merged into tab B (a water); B is settled
 * with the 5.80 left in cash. A's card payment stays a row of A: only the merge carried it to B.
 */
function mergedAndSettled() {
  l = makeLedger(`${DAY}T09:00:00.000Z`, { drawer: false });
  l.call('store.update', {
    taxRates: [
      { rateMilli: 10_000, label: 'Standard' },
      { rateMilli: 0, label: 'Zero' },
    ],
  });
  const item = (name: string, priceMinor: number, rateMilli: number) =>
    l.call('catalog.createItem', { categoryId: null, name, kind: 'product', priceMinor, rateMilli, expectText: '' }).id;
  const latte = item('Latte', 440, 10_000);
  const water = item('Water', 200, 0);
  l.call('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
  const a = l.call('tab.open', {});
  l.call('tab.addLine', { tabId: a.id, itemId: latte, qty: 2 });
  const card = l.call('settle.pay', { tabId: a.id, method: 'card', amountMinor: 500, tipMinor: 50 }).payment;
  const b = l.call('tab.open', {});
  l.call('tab.addLine', { tabId: b.id, itemId: water, qty: 1 });
  l.call('tab.merge', { fromTabId: a.id, intoTabId: b.id });
  const settled = l.call('settle.pay', { tabId: b.id, method: 'cash', tenderedMinor: 1000 });
  expect(settled.tab).toMatchObject({ status: 'settled', totalMinor: 1080, paidMinor: 1080 });
  expect(settled.payment).toMatchObject({ amountMinor: 580, changeMinor: 420 });
  const tab = detail(l, b.id);
  expect(tab.receiptNumber).toBe(settled.receiptNumber);
  return { a, b, card, latte, water, tab };
}

function postingsOf(refundId: number): Record<string, number> {
  const rows = l.db
    .prepare<[number], { account: string; amount_minor: number }>(
      'SELECT p.account, p.amount_minor FROM refunds r JOIN postings p ON p.entry_id = r.entry_id WHERE r.id = ?',
    )
    .all(refundId);
  return Object.fromEntries(rows.map((r) => [r.account, r.amount_minor]));
}

/** Runs raw statements in a transaction that is always rolled back: whether the ledger's own triggers let them through. */
function fitsTheFile(write: () => void): true {
  const undo = new Error('roll back');
  try {
    l.db.transaction(() => {
      write();
      throw undo;
    })();
  } catch (error) {
    if (error !== undo) throw error;
  }
  return true;
}

describe('refunding a tab that had another tab merged into it', () => {
  it('gives everything back by the tenders of all its payments, those taken on the merged tab too; the Z and the drawer agree', () => {
    const { b, tab } = mergedAndSettled();
    const ownerId = l.session.staffId;
    const refundable = l.call('tab.refundable', { tabId: b.id });
    expect(refundable).toMatchObject({ paidMinor: 1080, leftMinor: 1080, tipsLeftMinor: 50 });
    expect(refundable.tenders).toEqual([
      { method: 'cash', paidMinor: 580, refundedMinor: 0, leftMinor: 580, tipsLeftMinor: 0 },
      { method: 'card', paidMinor: 500, refundedMinor: 0, leftMinor: 500, tipsLeftMinor: 50 },
    ]);
    // Both lattes came from the merged tab: they are units of B now, and may go back like its own.
    expect(refundable.lines.map((x) => [x.name, x.qty])).toEqual([
      ['Latte', 2],
      ['Water', 1],
    ]);

    const quote = l.call('tab.refundQuote', { tabId: b.id, mode: 'whole' });
    expect(quote).toMatchObject({ amountMinor: 1080, taxMinor: 80, tipMinor: 0, givenMinor: 1080, leftAfterMinor: 0 });
    expect(quote.tenders).toEqual([
      { method: 'cash', amountMinor: 580, tipMinor: 0, givenMinor: 580, roundingMinor: 0 },
      { method: 'card', amountMinor: 500, tipMinor: 0, givenMinor: 500, roundingMinor: 0 },
    ]);
    const whole = l.call('tab.refund', { tabId: b.id, mode: 'whole', reason: 'wrong order' });
    expect(whole.receipt).toMatchObject({ amountMinor: 1080, givenMinor: 1080, originalReceiptNumber: tab.receiptNumber, tenders: quote.tenders });
    expect(postingsOf(whole.refundId)).toEqual({ refunds: 1000, 'tax_payable:10': 80, cash_drawer: -580, card_clearing: -500 });

    // The tip taken on the merged tab goes back only when asked, by the card it came by, from whoever got it.
    expect(l.call('tab.refundable', { tabId: b.id })).toMatchObject({ leftMinor: 0, tipsLeftMinor: 50 });
    expect(l.fail('tab.refund', { tabId: b.id, mode: 'whole', reason: 'again' }).key).toBe('errors.refund.nothing');
    const tips = l.call('tab.refund', { tabId: b.id, mode: 'whole', includeTips: true, reason: 'tip too' });
    expect(tips.receipt).toMatchObject({
      amountMinor: 0,
      tipMinor: 50,
      tips: [{ staffId: ownerId, tipMinor: 50 }],
      tenders: [{ method: 'card', amountMinor: 0, tipMinor: 50, givenMinor: 50, roundingMinor: 0 }],
    });
    expect(postingsOf(tips.refundId)).toEqual({ [`tips_payable:${ownerId}`]: 50, card_clearing: -50 });
    expect(l.fail('tab.refund', { tabId: b.id, mode: 'whole', includeTips: true, reason: 'again' }).key).toBe('errors.refund.nothing');
    expect(l.call('ledger.check', { full: true }).problems).toEqual([]);

    // The drawer gave back the cash B took; the Z's refunds by tender are what went back by each.
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 0 } });
    expect(l.call('drawer.get', {}).session).toMatchObject({ cashInMinor: 580, refundsOutMinor: 580, expectedMinor: 0, varianceMinor: 0 });
    l.call('drawer.close', {});
    l.setNow('2026-11-25T10:00:00.000Z');
    const z = l.call('day.close', { businessDate: DAY });
    expect(z.refunds).toMatchObject({ count: 2, amountMinor: 1080, netMinor: 1000, taxMinor: 80, tipMinor: 50, givenMinor: 1130 });
    expect(z.refunds?.byMethod).toEqual([
      { method: 'cash', count: 1, amountMinor: 580, tipMinor: 0, givenMinor: 580 },
      { method: 'card', count: 2, amountMinor: 500, tipMinor: 50, givenMinor: 550 },
    ]);
    expect(z.payments.map((p) => [p.method, p.takenMinor, p.refundedMinor])).toEqual([
      ['cash', 580, 580],
      ['card', 550, 550],
      ['other', 0, 0],
    ]);
    expect(z.drawer).toMatchObject({ cashInMinor: 580, refundsOutMinor: 580, expectedMinor: 0 });
    expect(z.sales).toMatchObject({ netMinor: 0, taxMinor: 0, totalMinor: 0 });
    expect(l.call('ledger.check', { full: true }).problems).toEqual([]);
    assertInvariants(l.db);
  });

  it('gives back by line and by amount past what the kept tab took itself, never past a tender of the merged tab', () => {
    const { b, tab } = mergedAndSettled();
    const latte = tab.lines.find((x) => x.name === 'Latte')!;
    // One latte back the way it was paid: from the cash first, the tender with the most left.
    const one = l.call('tab.refund', { tabId: b.id, mode: 'lines', lines: [{ lineId: latte.id, qty: 1 }], reason: 'cold' });
    expect(one.receipt.tenders).toEqual([{ method: 'cash', amountMinor: 440, tipMinor: 0, givenMinor: 440, roundingMinor: 0 }]);
    // 6.00 more is past what B took in cash (1.40 left): back the way it was paid, the merged tab's card first.
    const quote = l.call('tab.refundQuote', { tabId: b.id, mode: 'amount', amountMinor: 600 });
    expect(quote.tenders.map((t) => [t.method, t.amountMinor])).toEqual([
      ['card', 500],
      ['cash', 100],
    ]);
    expect(
      l.fail('tab.refund', {
        tabId: b.id,
        mode: 'amount',
        amountMinor: 600,
        tenders: [
          { method: 'card', amountMinor: 501 },
          { method: 'cash', amountMinor: 99 },
        ],
        reason: 'slow',
      }),
    ).toMatchObject({
      key: 'errors.refund.tenderOver',
      params: { method: 'card' },
    });
    const chosen = l.call('tab.refund', {
      tabId: b.id,
      mode: 'amount',
      amountMinor: 600,
      tenders: [
        { method: 'card', amountMinor: 460 },
        { method: 'cash', amountMinor: 140 },
      ],
      reason: 'slow',
    });
    expect(chosen.receipt.tenders.map((t) => [t.method, t.givenMinor])).toEqual([
      ['card', 460],
      ['cash', 140],
    ]);
    expect(l.call('tab.refundable', { tabId: b.id })).toMatchObject({
      leftMinor: 40,
      tenders: [
        { method: 'card', leftMinor: 40 },
        { method: 'cash', leftMinor: 0 },
      ],
    });
    expect(l.fail('tab.refund', { tabId: b.id, mode: 'amount', amountMinor: 40, tenders: [{ method: 'cash', amountMinor: 40 }], reason: 'x' }).key).toBe(
      'errors.refund.tenderOver',
    );
    l.call('tab.refund', { tabId: b.id, mode: 'amount', amountMinor: 40, reason: 'x' });
    expect(l.call('tab.refundable', { tabId: b.id })).toMatchObject({ leftMinor: 0, refundedMinor: 1080 });
    expect(l.call('ledger.check', { full: true }).problems).toEqual([]);
  });

  it('counts the payments of tabs merged in a chain, and the file itself holds every tender and the tips to what was paid', () => {
    l = makeLedger(`${DAY}T09:00:00.000Z`);
    const latte = l.call('catalog.createItem', { categoryId: null, name: 'Latte', kind: 'product', priceMinor: 400, rateMilli: 0, expectText: '' }).id;
    const open = () => {
      const tab = l.call('tab.open', {});
      l.call('tab.addLine', { tabId: tab.id, itemId: latte, qty: 1 });
      return tab;
    };
    const [c, a, b] = [open(), open(), open()];
    const other = l.call('settle.pay', { tabId: c.id, method: 'other', amountMinor: 300, reference: 'voucher 12' }).payment;
    l.call('tab.merge', { fromTabId: c.id, intoTabId: a.id });
    l.call('settle.pay', { tabId: a.id, method: 'card', amountMinor: 400, tipMinor: 40 });
    l.call('tab.merge', { fromTabId: a.id, intoTabId: b.id });
    l.call('settle.pay', { tabId: b.id, method: 'cash' });
    expect(l.call('tab.refundable', { tabId: b.id }).tenders.map((t) => [t.method, t.leftMinor, t.tipsLeftMinor])).toEqual([
      ['cash', 500, 0],
      ['card', 400, 40],
      ['other', 300, 0],
    ]);
    const first = l.call('tab.refund', { tabId: b.id, mode: 'amount', amountMinor: 100, tenders: [{ method: 'cash', amountMinor: 100 }], reason: 'x' });

    // Straight into the file, around the service: a tender of the chain up to what it paid, never a unit more.
    const tender = (method: string, amountMinor: number, tipMinor: number) => () =>
      l.db
        .prepare('INSERT INTO refund_tenders (refund_id, method, amount_minor, tip_minor) VALUES (?, ?, ?, ?)')
        .run(first.refundId, method, amountMinor, tipMinor);
    expect(fitsTheFile(tender('other', 300, 0))).toBe(true);
    expect(() => fitsTheFile(tender('other', 301, 0))).toThrow(/never more back by a tender/);
    expect(fitsTheFile(tender('card', 400, 40))).toBe(true);
    expect(() => fitsTheFile(tender('card', 0, 41))).toThrow(/never more back by a tender/);
    const refundRow = (amountMinor: number, tipMinor: number) => () => {
      const entry = l.db
        .prepare("INSERT INTO journal_entries (created_at, kind, tab_id, staff_id, memo, business_date) VALUES ('now', 'refund.issue', ?, 1, '', ?)")
        .run(b.id, DAY).lastInsertRowid;
      l.db
        .prepare(
          "INSERT INTO refunds (id, tab_id, entry_id, mode, reason, amount_minor, tax_minor, tip_minor, business_date, staff_id, at) VALUES ((SELECT max(id) + 1 FROM refunds), ?, ?, 'amount', 'x', ?, 0, ?, ?, 1, 'now')",
        )
        .run(b.id, entry, amountMinor, tipMinor, DAY);
    };
    expect(fitsTheFile(refundRow(1200 - 100, 40))).toBe(true);
    expect(() => fitsTheFile(refundRow(1200 - 100 + 1, 0))).toThrow(/invariant 12/);
    expect(() => fitsTheFile(refundRow(0, 41))).toThrow(/invariant 12/);
    // What was paid under the refund stands, on whichever tab of the chain it was taken.
    const entry = l.db.prepare<[], { id: number }>('SELECT max(id) AS id FROM journal_entries').get()!.id;
    expect(() =>
      l.db
        .prepare('INSERT INTO payment_voids (payment_id, entry_id, reason, staff_id, at) VALUES (?, ?, ?, 1, ?)')
        .run(other.id, entry, 'x', `${DAY}T09:00:00.000Z`),
    ).toThrow(/refunded tab is never voided/);

    const rest = l.call('tab.refund', { tabId: b.id, mode: 'whole', includeTips: true, reason: 'all of it' });
    expect(rest.receipt.tenders.map((t) => [t.method, t.amountMinor, t.tipMinor])).toEqual([
      ['cash', 400, 0],
      ['card', 400, 40],
      ['other', 300, 0],
    ]);
    expect(l.call('ledger.check', { full: true }).problems).toEqual([]);
  });
});
