import { afterEach, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../shared/contract';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';

let l: TestLedger;
afterEach(() => l.cleanup());

/** A café with a latte (4.40) and a cake (3.50) at 10 % and water (2.00) at 0 %, tax included; a drawer open with an empty float. */
function cafe(options: { drawer?: boolean; rounding?: number } = {}) {
  l = makeLedger('2026-11-24T09:00:00.000Z', { drawer: options.drawer ?? true });
  l.call('store.update', {
    taxRates: [
      { rateMilli: 10_000, label: 'Standard' },
      { rateMilli: 0, label: 'Zero' },
    ],
    cashRoundingMinor: options.rounding ?? 1,
  });
  const item = (name: string, priceMinor: number, rateMilli: number) =>
    l.call('catalog.createItem', { categoryId: null, name, kind: 'product', priceMinor, rateMilli, expectText: '' }).id;
  return { latte: item('Latte', 440, 10_000), cake: item('Cake', 350, 10_000), water: item('Water', 200, 0) };
}

function tabWith(lines: [itemId: number, qty: number][]) {
  const tab = l.call('tab.open', {});
  for (const [itemId, qty] of lines) l.call('tab.addLine', { tabId: tab.id, itemId, qty });
  return l.call('tab.get', { tabId: tab.id });
}

function postingsOf(entryId: number): Record<string, number> {
  const rows = l.db.prepare<[number], { account: string; amount_minor: number }>('SELECT account, amount_minor FROM postings WHERE entry_id = ?').all(entryId);
  return Object.fromEntries(rows.map((r) => [r.account, r.amount_minor]));
}

function refundEntry(refundId: number): { id: number; kind: string; tab_id: number; memo: string; business_date: string } {
  return l.db
    .prepare<[number], { id: number; kind: string; tab_id: number; memo: string; business_date: string }>(
      'SELECT je.id, je.kind, je.tab_id, je.memo, je.business_date FROM refunds r JOIN journal_entries je ON je.id = r.entry_id WHERE r.id = ?',
    )
    .get(refundId)!;
}

const refund = (input: CommandInput<'tab.refund'>) => l.call('tab.refund', input);

describe('a whole refund', () => {
  it('gives back everything by the tender it was paid with, tax reversed per rate, on the current day, pointing at the tab and its receipt', () => {
    const { latte, water } = cafe();
    const tab = tabWith([
      [latte, 2],
      [water, 1],
    ]);
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'card' });
    const receiptNumber = paid.receiptNumber;
    expect(receiptNumber).not.toBeNull();

    const quote = l.call('tab.refundQuote', { tabId: tab.id, mode: 'whole' });
    expect(quote).toMatchObject({ amountMinor: 1080, taxMinor: 80, netMinor: 1000, tipMinor: 0, givenMinor: 1080, leftAfterMinor: 0 });
    expect(quote.tenders).toEqual([{ method: 'card', amountMinor: 1080, tipMinor: 0, givenMinor: 1080, roundingMinor: 0 }]);

    const done = refund({ tabId: tab.id, mode: 'whole', reason: 'wrong order' });
    expect(done.receipt).toMatchObject({
      refundId: done.refundId,
      originalReceiptNumber: receiptNumber,
      token: tab.token,
      mode: 'whole',
      reason: 'wrong order',
      amountMinor: 1080,
      taxMinor: 80,
      givenMinor: 1080,
      staffName: 'Owner',
      approverName: null,
      rates: [
        { rateMilli: 0, amountMinor: 200, taxMinor: 0, netMinor: 200 },
        { rateMilli: 10_000, amountMinor: 880, taxMinor: 80, netMinor: 800 },
      ],
    });
    const entry = refundEntry(done.refundId);
    expect(entry).toMatchObject({ kind: 'refund.issue', tab_id: tab.id, memo: `receipt ${receiptNumber}: wrong order`, business_date: '2026-11-24' });
    expect(postingsOf(entry.id)).toEqual({ refunds: 1000, 'tax_payable:10': 80, card_clearing: -1080 });

    // The tab stays settled, as it closed, and says it was refunded.
    expect(done.tab).toMatchObject({
      status: 'settled',
      receiptNumber,
      refunds: [expect.objectContaining({ refundId: done.refundId, amountMinor: 1080, reason: 'wrong order' })],
    });
    expect(done.tab.history.at(-1)).toMatchObject({ action: 'tab.refund', detail: { refundId: done.refundId, amountMinor: 1080, reason: 'wrong order' } });
    expect(l.call('tab.refundable', { tabId: tab.id })).toMatchObject({ paidMinor: 1080, refundedMinor: 1080, leftMinor: 0 });
    expect(l.fail('tab.refund', { tabId: tab.id, mode: 'whole', reason: 'again' }).key).toBe('errors.refund.nothing');
    expect(l.call('refund.receipt', { refundId: done.refundId })).toEqual(done.receipt);
  });

  it('is refused on a tab that is not settled, and on a reason left blank, changing nothing', () => {
    const { latte } = cafe();
    const open = tabWith([[latte, 1]]);
    expect(l.fail('tab.refund', { tabId: open.id, mode: 'whole', reason: 'x' })).toMatchObject({ code: 'tab_not_open', key: 'errors.refund.notSettled' });
    expect(l.fail('tab.refundable', { tabId: open.id }).key).toBe('errors.refund.notSettled');
    expect(l.fail('tab.refund', { tabId: 999, mode: 'whole', reason: 'x' }).code).toBe('not_found');
    l.call('settle.pay', { tabId: open.id, method: 'card' });
    expect(l.fail('tab.refund', { tabId: open.id, mode: 'whole', reason: '  ' })).toMatchObject({
      code: 'invalid_input',
      key: 'errors.field.reason',
      field: 'reason',
    });
    expect(l.fail('refund.receipt', { refundId: 1 }).key).toBe('errors.refund.missing');
  });
});

describe('what the person saw', () => {
  it('is what changes hands: a refund whose total changed since it was shown is refused, changing nothing', () => {
    const { latte } = cafe();
    const tab = tabWith([[latte, 2]]);
    l.call('settle.pay', { tabId: tab.id, method: 'card' });
    const shown = l.call('tab.refundQuote', { tabId: tab.id, mode: 'whole' });
    // Another till gives one latte back in between.
    refund({ tabId: tab.id, mode: 'amount', amountMinor: 440, reason: 'cold' });
    expect(l.fail('tab.refund', { tabId: tab.id, mode: 'whole', reason: 'both cold', expectGivenMinor: shown.givenMinor })).toMatchObject({
      code: 'conflict',
      key: 'errors.refund.changed',
      field: 'expectGivenMinor',
      params: { shown: '€8.80', now: '€4.40' },
    });
    expect(refund({ tabId: tab.id, mode: 'whole', reason: 'both cold', expectGivenMinor: 440 }).receipt.givenMinor).toBe(440);
  });
});

describe('a refund by line', () => {
  it('gives back units with what was actually paid for them: a comped unit at its comped price, the tax to the minor unit once all went back', () => {
    const { latte } = cafe();
    const tab = tabWith([[latte, 3]]);
    const line = tab.lines[0]!;
    l.call('tab.compLine', { tabId: tab.id, lineId: line.id, kind: 'percent', value: 50, qty: 1, reason: 'spilt' });
    l.call('settle.pay', { tabId: tab.id, method: 'cash' });

    const refundable = l.call('tab.refundable', { tabId: tab.id });
    expect(refundable.paidMinor).toBe(1100);
    expect(refundable.lines).toEqual([
      { lineId: line.id, name: 'Latte', rateMilli: 10_000, comped: true, qty: 1, refundedQty: 0, unitMinors: [220] },
      { lineId: line.id, name: 'Latte', rateMilli: 10_000, comped: false, qty: 2, refundedQty: 0, unitMinors: [440, 440] },
    ]);
    expect(l.fail('tab.refund', { tabId: tab.id, mode: 'lines', lines: [{ lineId: line.id, qty: 1 }], reason: 'cold' }).key).toBe('errors.refund.lineUnclear');
    expect(l.fail('tab.refund', { tabId: tab.id, mode: 'lines', lines: [{ lineId: line.id, qty: 3, comped: false }], reason: 'cold' })).toMatchObject({
      key: 'errors.refund.unitsOver',
      params: { left: 2 },
    });

    const comped = refund({ tabId: tab.id, mode: 'lines', lines: [{ lineId: line.id, qty: 1, comped: true }], reason: 'cold' });
    expect(comped.receipt).toMatchObject({
      amountMinor: 220,
      taxMinor: 20,
      lines: [{ lineId: line.id, name: 'Latte', comped: true, qty: 1, amountMinor: 220 }],
    });
    const one = refund({ tabId: tab.id, mode: 'lines', lines: [{ lineId: line.id, qty: 1, comped: false }], reason: 'cold' });
    expect(one.receipt).toMatchObject({ amountMinor: 440, taxMinor: 40 });
    expect(l.fail('tab.refund', { tabId: tab.id, mode: 'lines', lines: [{ lineId: line.id, qty: 1, comped: true }], reason: 'cold' })).toMatchObject({
      key: 'errors.refund.unitsOver',
      params: { left: 0 },
    });
    const last = refund({ tabId: tab.id, mode: 'lines', lines: [{ lineId: line.id, qty: 1, comped: false }], reason: 'cold' });
    expect(last.receipt).toMatchObject({ amountMinor: 440, taxMinor: 40, tenders: [expect.objectContaining({ method: 'cash', givenMinor: 440 })] });
    // 20 + 40 + 40: exactly the 100 of tax the tab charged.
    const tax = l.db.prepare<[number], { s: number }>('SELECT SUM(tax_minor) AS s FROM refunds WHERE tab_id = ?').get(tab.id)!.s;
    expect(tax).toBe(100);
    // The cash came out of the drawer it went into: nothing is expected in it now.
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 0 } });
    expect(l.call('drawer.get', {}).session).toMatchObject({ expectedMinor: 0, cashInMinor: 1100, refundsOutMinor: 1100 });
  });
});

describe('a refund by amount', () => {
  it('shares the amount over the rates by what is left at each, and the tax by one rounding, exact after every refund', () => {
    const { latte, water } = cafe();
    const tab = tabWith([
      [latte, 1],
      [water, 1],
    ]);
    l.call('settle.pay', { tabId: tab.id, method: 'card' });
    const first = refund({ tabId: tab.id, mode: 'amount', amountMinor: 320, reason: 'slow' });
    expect(first.receipt.rates).toEqual([
      { rateMilli: 0, amountMinor: 100, taxMinor: 0, netMinor: 100 },
      { rateMilli: 10_000, amountMinor: 220, taxMinor: 20, netMinor: 200 },
    ]);
    expect(l.fail('tab.refund', { tabId: tab.id, mode: 'amount', amountMinor: 321, reason: 'slow' })).toMatchObject({
      code: 'overpayment',
      key: 'errors.refund.amountOver',
      params: { amount: '€3.20' },
    });
    refund({ tabId: tab.id, mode: 'amount', amountMinor: 319, reason: 'slow' });
    const last = refund({ tabId: tab.id, mode: 'amount', amountMinor: 1, reason: 'slow' });
    expect(last.tab.refunds?.map((r) => r.amountMinor)).toEqual([320, 319, 1]);
    const totals = l.db
      .prepare<[number], { amount: number; tax: number }>('SELECT SUM(amount_minor) AS amount, SUM(tax_minor) AS tax FROM refunds WHERE tab_id = ?')
      .get(tab.id)!;
    expect(totals).toEqual({ amount: 640, tax: 40 });
    expect(l.fail('tab.refund', { tabId: tab.id, mode: 'amount', amountMinor: 1, reason: 'slow' }).key).toBe('errors.refund.nothing');
  });
});

describe('tenders', () => {
  it('a split tab goes back the way it was paid, the largest first, or as chosen, never more by a tender than it paid', () => {
    const { latte, cake } = cafe();
    const tab = tabWith([
      [latte, 2],
      [cake, 1],
    ]);
    l.call('settle.split', { tabId: tab.id, mode: 'amounts', amountsMinor: [400, 830] });
    l.call('settle.pay', { tabId: tab.id, method: 'cash', partNo: 1 });
    l.call('settle.pay', { tabId: tab.id, method: 'card', partNo: 2 });
    expect(l.call('tab.refundable', { tabId: tab.id }).tenders.map((t) => [t.method, t.leftMinor])).toEqual([
      ['card', 830],
      ['cash', 400],
    ]);
    const asPaid = l.call('tab.refundQuote', { tabId: tab.id, mode: 'amount', amountMinor: 1000 });
    expect(asPaid.tenders.map((t) => [t.method, t.givenMinor])).toEqual([
      ['card', 830],
      ['cash', 170],
    ]);
    expect(
      l.fail('tab.refund', { tabId: tab.id, mode: 'amount', amountMinor: 500, tenders: [{ method: 'cash', amountMinor: 500 }], reason: 'x' }),
    ).toMatchObject({
      code: 'overpayment',
      key: 'errors.refund.tenderOver',
      params: { method: 'cash', amount: '€4.00' },
      field: 'tenders',
    });
    expect(l.fail('tab.refund', { tabId: tab.id, mode: 'amount', amountMinor: 500, tenders: [{ method: 'cash', amountMinor: 400 }], reason: 'x' }).key).toBe(
      'errors.refund.tendersSum',
    );
    expect(l.fail('tab.refund', { tabId: tab.id, mode: 'amount', amountMinor: 500, tenders: [{ method: 'other', amountMinor: 500 }], reason: 'x' }).key).toBe(
      'errors.refund.tenderOver',
    );
    const cash = refund({ tabId: tab.id, mode: 'amount', amountMinor: 400, tenders: [{ method: 'cash', amountMinor: 400 }], reason: 'x' });
    expect(cash.receipt.tenders).toEqual([{ method: 'cash', amountMinor: 400, tipMinor: 0, givenMinor: 400, roundingMinor: 0 }]);
    const rest = refund({ tabId: tab.id, mode: 'whole', reason: 'x' });
    expect(rest.receipt.tenders).toEqual([{ method: 'card', amountMinor: 830, tipMinor: 0, givenMinor: 830, roundingMinor: 0 }]);
  });

  it('cash needs an open drawer holding enough, is rounded to the store’s cash step, and moves the drawer’s expected cash', () => {
    const { latte } = cafe({ drawer: false, rounding: 5 });
    l.call('drawer.open', { float: { kind: 'total', totalMinor: 0 } });
    const tab = tabWith([[latte, 1]]);
    l.call('settle.pay', { tabId: tab.id, method: 'cash' });
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 440 } });
    expect(l.fail('tab.refund', { tabId: tab.id, mode: 'whole', reason: 'x' })).toMatchObject({
      code: 'drawer_counting',
      key: 'errors.refund.cashWhileCounting',
      field: 'tenders',
    });
    l.call('drawer.close', {});
    expect(l.fail('tab.refund', { tabId: tab.id, mode: 'whole', reason: 'x' })).toMatchObject({ code: 'drawer_closed', key: 'errors.refund.cashNeedsDrawer' });
    l.call('drawer.open', { float: { kind: 'total', totalMinor: 200 } });
    expect(l.fail('tab.refund', { tabId: tab.id, mode: 'whole', reason: 'x' })).toMatchObject({
      key: 'errors.refund.drawerShort',
      params: { amount: '€2.00', owed: '€4.40' },
    });
    expect(l.fail('tab.refund', { tabId: tab.id, mode: 'amount', amountMinor: 2, reason: 'x' }).key).toBe('errors.refund.cashRoundsToNothing');
    // 1.43 in cash is 1.45 in 5-cent coins: the 2 cents more go to rounding.
    const done = refund({ tabId: tab.id, mode: 'amount', amountMinor: 143, reason: 'x' });
    expect(done.receipt.tenders).toEqual([{ method: 'cash', amountMinor: 143, tipMinor: 0, givenMinor: 145, roundingMinor: -2 }]);
    expect(postingsOf(refundEntry(done.refundId).id)).toEqual({ refunds: 130, 'tax_payable:10': 13, cash_drawer: -145, rounding: 2 });
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 55 } });
    expect(l.call('drawer.get', {}).session).toMatchObject({ floatMinor: 200, expectedMinor: 55, refundsOutMinor: 145, varianceMinor: 0 });
  });

  it('cash refunds in steps are rounded on what went back so far: never more cash out than came in, and all of it back at the end', () => {
    const { latte } = cafe({ drawer: false, rounding: 5 });
    l.call('drawer.open', { float: { kind: 'total', totalMinor: 1000 } });
    const tab = tabWith([[latte, 1]]);
    l.call('settle.pay', { tabId: tab.id, method: 'cash', tipMinor: 2, confirmed: { tipMinor: 2 } });
    // 4.42 taken as 4.40 in coins. Each 1.48 alone would round up to 1.50 (4.50 out for 4.40 in).
    const given = [148, 148, 144].map((amountMinor) => refund({ tabId: tab.id, mode: 'amount', amountMinor, reason: 'x' }).receipt.givenMinor);
    expect(given).toEqual([150, 145, 145]);
    // The last 2 cents of tip round to nothing on their own, yet close the cash exactly: nothing more out.
    const last = refund({ tabId: tab.id, mode: 'whole', includeTips: true, reason: 'x' });
    expect(last.receipt.tenders).toEqual([{ method: 'cash', amountMinor: 0, tipMinor: 2, givenMinor: 0, roundingMinor: 2 }]);
    expect(l.call('tab.refundable', { tabId: tab.id })).toMatchObject({ leftMinor: 0, tipsLeftMinor: 0 });
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 1000 } });
    expect(l.call('drawer.get', {}).session).toMatchObject({ expectedMinor: 1000, refundsOutMinor: 440, varianceMinor: 0 });
    expect(l.call('ledger.check', {})).toMatchObject({ balanced: true, problems: [] });
  });
});

describe('tips', () => {
  it('go back only when asked for, from the people who got them, by the tender they came by', () => {
    const { latte } = cafe();
    const kim = Number(l.db.prepare("INSERT INTO staff (name, role, created_at) VALUES ('Kim', 'staff', 'x')").run().lastInsertRowid);
    const tab = tabWith([[latte, 1]]);
    l.call('tab.addLine', { tabId: tab.id, itemId: latte, qty: 1, staffId: kim });
    l.call('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 200, tipSplit: 'even' });
    const bill = refund({ tabId: tab.id, mode: 'whole', reason: 'x' });
    expect(bill.receipt).toMatchObject({ amountMinor: 880, tipMinor: 0, givenMinor: 880, tips: [] });
    expect(l.call('tab.refundable', { tabId: tab.id })).toMatchObject({
      leftMinor: 0,
      tipsLeftMinor: 200,
      tenders: [expect.objectContaining({ method: 'card', tipsLeftMinor: 200 })],
    });
    const tips = refund({ tabId: tab.id, mode: 'whole', includeTips: true, reason: 'tip by mistake' });
    expect(tips.receipt).toMatchObject({
      amountMinor: 0,
      tipMinor: 200,
      givenMinor: 200,
      tips: [
        { staffId: 1, staffName: 'Owner', tipMinor: 100 },
        { staffId: kim, staffName: 'Kim', tipMinor: 100 },
      ],
    });
    expect(postingsOf(refundEntry(tips.refundId).id)).toEqual({ 'tips_payable:1': 100, [`tips_payable:${kim}`]: 100, card_clearing: -200 });
    expect(l.fail('tab.refund', { tabId: tab.id, mode: 'whole', includeTips: true, reason: 'x' }).key).toBe('errors.refund.nothing');
  });
});

describe('what a refund may never do', () => {
  it('a refunded tab’s payment can no longer be voided, by the service or by the file', () => {
    const { latte } = cafe();
    const tab = tabWith([[latte, 1]]);
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'card' });
    refund({ tabId: tab.id, mode: 'amount', amountMinor: 100, reason: 'x' });
    expect(l.fail('settle.voidLastPayment', { tabId: tab.id, paymentId: paid.payment.id, reason: 'x' })).toMatchObject({
      code: 'conflict',
      key: 'errors.voidPayment.refunded',
    });
    const entry = l.db.prepare<[], { id: number }>('SELECT max(id) AS id FROM journal_entries').get()!.id;
    expect(() =>
      l.db
        .prepare('INSERT INTO payment_voids (payment_id, entry_id, reason, staff_id, at) VALUES (?, ?, ?, 1, ?)')
        .run(paid.payment.id, entry, 'x', '2026-11-24T09:00:00.000Z'),
    ).toThrow(/refunded tab is never voided/);
  });

  it('the file refuses a refund row beyond what was paid, changed or deleted, even where the service is bypassed', () => {
    const { latte } = cafe();
    const tab = tabWith([[latte, 1]]);
    l.call('settle.pay', { tabId: tab.id, method: 'card' });
    const done = refund({ tabId: tab.id, mode: 'amount', amountMinor: 400, reason: 'x' });
    const entryId = refundEntry(done.refundId).id;
    expect(() => l.db.prepare('UPDATE refunds SET amount_minor = 1 WHERE id = ?').run(done.refundId)).toThrow(/never changed/);
    expect(() => l.db.prepare('DELETE FROM refund_tenders').run()).toThrow(/never deleted/);
    // A part added to it later (even one that fits) is refused; a refund row past what was paid is too.
    refund({ tabId: tab.id, mode: 'amount', amountMinor: 10, reason: 'y' });
    expect(() =>
      l.db.prepare('INSERT INTO refund_rates (refund_id, tax_rate_milli, amount_minor, tax_minor) VALUES (?, 10000, 1, 0)').run(done.refundId),
    ).toThrow(/written with it/);
    expect(() => l.db.prepare("INSERT INTO refund_tenders (refund_id, method, amount_minor, tip_minor) VALUES (?, 'other', 1, 0)").run(done.refundId)).toThrow(
      /never more back by a tender/,
    );
    const insert = l.db.prepare(
      "INSERT INTO refunds (id, tab_id, entry_id, mode, reason, amount_minor, tax_minor, tip_minor, business_date, staff_id, at) VALUES ((SELECT max(id) + 1 FROM refunds), ?, ?, 'amount', 'x', ?, 0, 0, '2026-11-24', 1, 'now')",
    );
    const entry = Number(
      l.db
        .prepare("INSERT INTO journal_entries (created_at, kind, tab_id, staff_id, memo, business_date) VALUES ('now', 'refund.issue', ?, 1, '', '2026-11-24')")
        .run(tab.id).lastInsertRowid,
    );
    expect(() => insert.run(tab.id, entryId, 1)).toThrow(/UNIQUE/);
    expect(() => insert.run(tab.id, entry, 41)).toThrow(/invariant 12/);
  });
});

describe('replays and closed days', () => {
  it('a command id sent again returns the first refund and posts nothing; the same id with another refund is refused', () => {
    const { latte } = cafe();
    const tab = tabWith([[latte, 1]]);
    l.call('settle.pay', { tabId: tab.id, method: 'card' });
    const input = { tabId: tab.id, mode: 'amount', amountMinor: 100, reason: 'x' };
    const first = l.raw('tab.refund', input, 'refund-0000000001');
    const again = l.raw('tab.refund', input, 'refund-0000000001');
    expect(first.ok && again.ok).toBe(true);
    expect(again).toEqual(first);
    expect(l.db.prepare('SELECT COUNT(*) AS n FROM refunds').get()).toEqual({ n: 1 });
    const other = l.raw('tab.refund', { ...input, amountMinor: 200 }, 'refund-0000000001');
    expect(other.ok ? null : other.error.code).toBe('command_id_reused');
  });

  it('a refund of a tab from a closed day posts on the current day and leaves the closed day and its Z as they were', () => {
    const { latte } = cafe({ drawer: false });
    const tab = tabWith([[latte, 1]]);
    l.call('settle.pay', { tabId: tab.id, method: 'card' });
    l.setNow('2026-11-25T10:00:00.000Z');
    const z = l.call('day.close', { businessDate: '2026-11-24' });
    const frozen = l.call('report.z', { zNumber: z.zNumber! });
    const done = refund({ tabId: tab.id, mode: 'whole', reason: 'came back next day' });
    expect(refundEntry(done.refundId).business_date).toBe('2026-11-25');
    expect(done.receipt.businessDate).toBe('2026-11-25');
    expect(l.call('report.z', { zNumber: z.zNumber! })).toEqual(frozen);
    const x = l.call('report.x', { businessDate: '2026-11-25' });
    expect(x.refunds).toMatchObject({ count: 1, amountMinor: 440, netMinor: 400, taxMinor: 40, givenMinor: 440 });
    expect(x.sales).toMatchObject({ grossMinor: 0, refundsMinor: 400, netMinor: -400, taxMinor: -40, totalMinor: -440 });
  });
});

describe('loyalty', () => {
  it('what a visit earned goes back once everything paid for it has', () => {
    const { latte } = cafe();
    l.call('store.update', { loyalty: { scheme: 'points', categoryId: null, stampsEvery: 10, pointsSpendMinor: 100, pointValueMinor: 1, pointsMin: 100 } });
    const customerId = l.call('customer.create', { name: 'Ana' }).id;
    const tab = tabWith([[latte, 2]]);
    l.call('tab.setCustomer', { tabId: tab.id, customerId });
    l.call('settle.pay', { tabId: tab.id, method: 'card' });
    expect(l.call('loyalty.forCustomer', { customerId }).standing).toMatchObject({ balance: 8 });
    refund({ tabId: tab.id, mode: 'amount', amountMinor: 440, reason: 'x' });
    expect(l.call('loyalty.forCustomer', { customerId }).standing).toMatchObject({ balance: 8 });
    refund({ tabId: tab.id, mode: 'whole', reason: 'x' });
    expect(l.call('loyalty.forCustomer', { customerId }).standing).toMatchObject({ balance: 0 });
  });
});
