import { afterEach, describe, expect, it } from 'vitest';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { detail, detailAfter } from '../test-support/tab-detail';

let l: TestLedger;
afterEach(() => l.cleanup());

/** A store with one item at a given price, and a tab holding `qty` of it (the whole tab, as tab.get reads it). */
function setup(options: { price: number; qty?: number; currency?: string; taxMode?: 'inclusive' | 'exclusive'; rate?: number; rounding?: number }) {
  l = makeLedger();
  const rate = options.rate ?? 10_000;
  l.call('store.update', {
    currency: options.currency ?? 'EUR',
    taxMode: options.taxMode ?? 'inclusive',
    taxRates: [{ rateMilli: rate, label: 'Standard' }],
    cashRoundingMinor: options.rounding ?? 1,
  });
  const item = l.call('catalog.createItem', { categoryId: null, name: 'Thing', kind: 'product', priceMinor: options.price, rateMilli: rate, expectText: '' });
  const tab = l.call('tab.open', {});
  const d = l.call('tab.addLine', { tabId: tab.id, itemId: item.id, qty: options.qty ?? 1 });
  return { tab: detailAfter(l, d), item };
}

function balances() {
  return Object.fromEntries(l.call('ledger.check', {}).accounts.map((a) => [a.account, a.balanceMinor]));
}

describe('paying a tab', () => {
  it('cash with a tip posts the domain example and gives change', () => {
    const { tab } = setup({ price: 440 });
    const r = l.call('settle.pay', { tabId: tab.id, method: 'cash', tipMinor: 60, tenderedMinor: 1000 });
    expect(r).toMatchObject({ owedMinor: 500, changeMinor: 500, settled: true });
    expect(r.tab).toMatchObject({ status: 'settled', dueMinor: 0, paidMinor: 440 });
    expect(balances()).toMatchObject({ cash_drawer: 500, tabs_receivable: 0, 'tips_payable:1': -60 });
    expect(l.call('tab.listOpen', {})).toEqual([]);
    expect(l.call('token.next', {})).toBe(tab.token);
  });

  it('a partial payment leaves the tab open with the rest due', () => {
    const { tab } = setup({ price: 1000, qty: 3 });
    const r = l.call('settle.pay', { tabId: tab.id, method: 'card', amountMinor: 1200, reference: 'auth 1234' });
    expect(r.settled).toBe(false);
    expect(r.tab).toMatchObject({ status: 'open', paidMinor: 1200, dueMinor: 1800 });
    expect(r.payment).toMatchObject({ method: 'card', reference: 'auth 1234' });
    expect(l.call('settle.pay', { tabId: tab.id, method: 'other' }).settled).toBe(true);
    expect(balances()).toMatchObject({ card_clearing: 1200, other_tender: 1800 });
  });

  it('refuses more than is due, cash below what is owed, and a paid tab', () => {
    const { tab } = setup({ price: 440 });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', amountMinor: 441 }).code).toBe('overpayment');
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'cash', tenderedMinor: 400 }).code).toBe('underpayment');
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'cash', tipMinor: 100, tenderedMinor: 500 }).code).toBe('underpayment');
    l.call('settle.pay', { tabId: tab.id, method: 'card' });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card' }).code).toBe('tab_not_open');
  });

  it('rounds cash to the store increment and books the difference to rounding (CHF 0.05)', () => {
    const { tab } = setup({ price: 442, currency: 'CHF', rate: 8_100, rounding: 5 });
    const r = l.call('settle.pay', { tabId: tab.id, method: 'cash', tenderedMinor: 500 });
    expect(r).toMatchObject({ owedMinor: 440, changeMinor: 60, settled: true });
    expect(r.payment.roundingMinor).toBe(2);
    expect(balances()).toMatchObject({ cash_drawer: 440, rounding: 2, tabs_receivable: 0 });
  });

  it('does not round card payments', () => {
    const { tab } = setup({ price: 443, currency: 'CHF', rate: 8_100, rounding: 5 });
    expect(l.call('settle.pay', { tabId: tab.id, method: 'card' }).owedMinor).toBe(443);
  });

  it('settles a fully comped tab with a zero payment', () => {
    const { tab } = setup({ price: 440 });
    l.call('tab.compLine', { tabId: tab.id, lineId: tab.lines[0]!.id, kind: 'percent', value: 100, reason: 'goodwill' });
    const r = l.call('settle.pay', { tabId: tab.id, method: 'cash' });
    expect(r).toMatchObject({ settled: true, owedMinor: 0 });
    expect(balances()).toMatchObject({ comps: 400, 'sales:10': -400, tabs_receivable: 0 });
  });
});

describe('splitting', () => {
  it('evenly by N: parts sum to the total and each is paid on its own', () => {
    const { tab } = setup({ price: 1000 });
    const d = l.call('settle.split', { tabId: tab.id, mode: 'even', parts: 3 });
    expect(d.split.map((p) => p.amountMinor)).toEqual([334, 333, 333]);
    l.call('settle.pay', { tabId: tab.id, method: 'cash', partNo: 1, tenderedMinor: 500 });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', partNo: 1 }).code).toBe('conflict');
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', partNo: 2, amountMinor: 100 }).code).toBe('invalid_input');
    expect(l.call('settle.pay', { tabId: tab.id, method: 'card', partNo: 2, tipMinor: 50 }).settled).toBe(false);
    const last = l.call('settle.pay', { tabId: tab.id, method: 'card', partNo: 3 });
    expect(last.settled).toBe(true);
    expect(detail(l, tab.id).split.every((p) => p.paymentId !== null)).toBe(true);
  });

  it('by amount: the remainder becomes the last part; more than due is refused', () => {
    const { tab } = setup({ price: 1000 });
    expect(l.call('settle.split', { tabId: tab.id, mode: 'amounts', amountsMinor: [300, 200] }).split.map((p) => p.amountMinor)).toEqual([300, 200, 500]);
    expect(l.fail('settle.split', { tabId: tab.id, mode: 'amounts', amountsMinor: [900, 200] }).code).toBe('overpayment');
  });

  it('by lines: each group pays its lines with their tax, exactly', () => {
    l = makeLedger();
    l.call('store.update', { taxMode: 'exclusive', currency: 'USD', locale: 'en-US', taxRates: [{ rateMilli: 8_875, label: 'NYC' }] });
    const mk = (name: string, priceMinor: number) =>
      l.call('catalog.createItem', { categoryId: null, name, kind: 'product', priceMinor, rateMilli: 8_875, expectText: '' });
    const [a, b, c] = [mk('A', 333), mk('B', 333), mk('C', 334)];
    const tab = l.call('tab.open', {});
    for (const item of [a, b, c]) l.call('tab.addLine', { tabId: tab.id, itemId: item.id });
    const d = l.call('tab.get', { tabId: tab.id });
    expect(d.totalMinor).toBe(1000 + 89);
    const [la, lb, lc] = d.lines.map((x) => x.id);
    const one = (lineId: number) => ({ lineId, qty: 1 });
    const split = l.call('settle.split', { tabId: tab.id, mode: 'lines', groups: [[one(la!), one(lb!)], [one(lc!)]] });
    expect(split.split.reduce((s, p) => s + p.amountMinor, 0)).toBe(1089);
    // Line shares 363 + 363 + 363 (1089 by largest remainder over weights 363, 363, 364).
    expect(split.split.map((p) => p.amountMinor)).toEqual([726, 363]);
    expect(l.fail('settle.split', { tabId: tab.id, mode: 'lines', groups: [[one(la!)], [one(lb!)]] }).message).toBe(
      'every unit must be in a part: 1 × C is in none',
    );
    expect(
      l.fail('settle.split', {
        tabId: tab.id,
        mode: 'lines',
        groups: [
          [one(la!), one(lb!)],
          [one(lb!), one(lc!)],
        ],
      }).message,
    ).toBe('the parts take 2 × B, more than the 1 on the tab');
    expect(
      l.fail('settle.split', {
        tabId: tab.id,
        mode: 'lines',
        groups: [
          [one(la!), one(la!)],
          [one(lb!), one(lc!)],
        ],
      }).message,
    ).toBe('part 1 names A twice; give each part its units of a line once');
    expect(l.fail('settle.split', { tabId: tab.id, mode: 'lines', groups: [[one(la!), one(lb!)], [one(lc! + 99)]] }).key).toBe('errors.splitLineUnknown');
  });

  it('by units: a line of two lattes, one comped 50 %, gives one latte to each part, the comp with its unit', () => {
    const { tab } = setup({ price: 440, qty: 2 });
    const lineId = tab.lines[0]!.id;
    const comped = l.call('tab.compLine', { tabId: tab.id, lineId, kind: 'percent', value: 50, qty: 1, reason: 'cold' });
    expect(comped.totalMinor).toBe(660);
    const d = l.call('settle.split', {
      tabId: tab.id,
      mode: 'lines',
      groups: [[{ lineId, qty: 1, comped: true }], [{ lineId, qty: 1, comped: false }]],
    });
    expect(d.split.map((p) => p.amountMinor)).toEqual([220, 440]);
    expect(l.call('settle.pay', { tabId: tab.id, method: 'cash', partNo: 1 }).settled).toBe(false);
    const last = l.call('settle.pay', { tabId: tab.id, method: 'card', partNo: 2 });
    expect(last).toMatchObject({ settled: true, tab: { status: 'settled', dueMinor: 0, paidMinor: 660 } });
    expect(balances()).toMatchObject({ cash_drawer: 220, card_clearing: 440, tabs_receivable: 0, comps: 200 });
  });

  it('by units: two units of one line across two parts, odd cents by the largest remainder', () => {
    const { tab } = setup({ price: 333, qty: 3, currency: 'USD', taxMode: 'exclusive', rate: 8_875 });
    const lineId = tab.lines[0]!.id;
    expect(tab.totalMinor).toBe(1088);
    const d = l.call('settle.split', { tabId: tab.id, mode: 'lines', groups: [[{ lineId, qty: 1 }], [{ lineId, qty: 2 }]] });
    expect(d.split.map((p) => p.amountMinor)).toEqual([363, 725]);
  });

  it('by units: refuses units beyond the line, left over, of an unnamed kind or in a part that owes nothing, posting nothing', () => {
    const { tab } = setup({ price: 440, qty: 2 });
    const lineId = tab.lines[0]!.id;
    const split = (groups: { lineId: number; qty: number; comped?: boolean }[][]) => l.fail('settle.split', { tabId: tab.id, mode: 'lines', groups });
    expect(split([[{ lineId, qty: 2 }], [{ lineId, qty: 1 }]]).message).toBe('the parts take 3 × Thing, more than the 2 on the tab');
    expect(split([[{ lineId, qty: 1 }], [{ lineId, qty: 1, comped: true }]]).message).toBe('Thing has no comped units');
    l.call('tab.compLine', { tabId: tab.id, lineId, kind: 'percent', value: 100, qty: 1, reason: 'spilt' });
    expect(split([[{ lineId, qty: 1 }], [{ lineId, qty: 1 }]]).message).toBe('Thing has comped and full-price units; say which ones each part takes');
    expect(split([[{ lineId, qty: 1, comped: false }], [{ lineId, qty: 2, comped: true }]]).message).toBe(
      'the parts take 2 comped × Thing, more than the 1 comped',
    );
    expect(split([[{ lineId, qty: 1, comped: false }], [{ lineId, qty: 1, comped: false }]]).message).toBe(
      'the parts take 2 full-price × Thing, more than the 1 at full price',
    );
    expect(split([[{ lineId, qty: 1, comped: false }], []]).code).toBe('invalid_input');
    expect(split([[{ lineId, qty: 1, comped: true }], [{ lineId, qty: 1, comped: false }]]).message).toBe('each part must owe something');
    expect(
      l.fail('settle.split', { tabId: tab.id, mode: 'lines', groups: [[{ lineId, qty: 1, comped: false }], [{ lineId, qty: 0, comped: true }]] }).key,
    ).toBe('errors.field.qty');
    expect(split([[{ lineId, qty: 1, comped: false }], [{ lineId, qty: 1, comped: false }], [{ lineId, qty: 1, comped: true }]]).key).toBe(
      'errors.splitFullUnitsOver',
    );
    l.call('tab.compLine', { tabId: tab.id, lineId, kind: 'percent', value: 50, qty: 2, reason: 'cold' });
    expect(split([[{ lineId, qty: 1, comped: false }], [{ lineId, qty: 1, comped: true }]]).message).toBe(
      'every unit of Thing is comped; it has no full-price units',
    );
    expect(l.call('tab.get', { tabId: tab.id }).split).toEqual([]);
  });

  it('a change to the tab drops the unpaid parts; a payment outside the split replaces it', () => {
    const { tab, item } = setup({ price: 1000 });
    l.call('settle.split', { tabId: tab.id, mode: 'even', parts: 2 });
    l.call('tab.addLine', { tabId: tab.id, itemId: item.id });
    expect(detail(l, tab.id).split).toEqual([]);
    l.call('settle.split', { tabId: tab.id, mode: 'even', parts: 2 });
    l.call('settle.pay', { tabId: tab.id, method: 'card', partNo: 1 });
    const after = l.call('settle.pay', { tabId: tab.id, method: 'card', amountMinor: 100 });
    expect(detail(l, tab.id).split.map((p) => p.partNo)).toEqual([1]);
    expect(after.tab.dueMinor).toBe(900);
  });
});

describe('currencies with other exponents', () => {
  it('JPY: no decimals anywhere', () => {
    const { tab } = setup({ price: 1100, currency: 'JPY', qty: 3 });
    expect(tab).toMatchObject({ totalMinor: 3300, taxMinor: 300 });
    const r = l.call('settle.pay', { tabId: tab.id, method: 'cash', tenderedMinor: 5000 });
    expect(r.changeMinor).toBe(1700);
  });

  it('KWD: three decimals, exclusive tax', () => {
    const { tab } = setup({ price: 1250, currency: 'KWD', taxMode: 'exclusive', rate: 5_000, qty: 2, rounding: 5 });
    expect(tab).toMatchObject({ netMinor: 2500, taxMinor: 125, totalMinor: 2625 });
    expect(l.call('settle.split', { tabId: tab.id, mode: 'even', parts: 4 }).split.map((p) => p.amountMinor)).toEqual([657, 656, 656, 656]);
  });
});

describe('found in review', () => {
  it('a settled tab keeps the totals it was posted with after the store changes its tax mode', () => {
    const { tab } = setup({ price: 440 });
    l.call('settle.pay', { tabId: tab.id, method: 'card' });
    l.call('store.update', { taxMode: 'exclusive' });
    expect(l.call('tab.get', { tabId: tab.id })).toMatchObject({ totalMinor: 440, taxMinor: 40, paidMinor: 440, dueMinor: 0 });
  });

  it('rounds the whole cash handed over, tip included, and refuses a part that rounds to nothing', () => {
    const { tab } = setup({ price: 1000, currency: 'CHF', rate: 8_100, rounding: 5 });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'cash', amountMinor: 2 }).code).toBe('invalid_input');
    const part = l.call('settle.pay', { tabId: tab.id, method: 'cash', amountMinor: 502 });
    expect(part).toMatchObject({ owedMinor: 500, settled: false });
    const last = l.call('settle.pay', { tabId: tab.id, method: 'cash', tipMinor: 3, tenderedMinor: 600 });
    expect(last).toMatchObject({ owedMinor: 500, changeMinor: 100, settled: true });
    expect(balances()).toMatchObject({ cash_drawer: 1000, rounding: 3, 'tips_payable:1': -3, tabs_receivable: 0 });
  });

  it('a remainder that rounds to nothing in cash still settles the tab', () => {
    const { tab } = setup({ price: 1002, currency: 'CHF', rate: 8_100, rounding: 5 });
    l.call('settle.pay', { tabId: tab.id, method: 'card', amountMinor: 1000 });
    expect(l.call('settle.pay', { tabId: tab.id, method: 'cash' })).toMatchObject({ owedMinor: 0, settled: true });
  });

  it('a tip can go to the staff member who served', () => {
    const { tab } = setup({ price: 3200 });
    const stylist = Number(l.db.prepare("INSERT INTO staff (name, role, created_at) VALUES ('Mia', 'staff', 'x')").run().lastInsertRowid);
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 1, tipStaffId: 999 }).code).toBe('not_found');
    l.call('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 300, tipStaffId: stylist });
    expect(balances()[`tips_payable:${stylist}`]).toBe(-300);
    expect(balances()['tips_payable:1']).toBeUndefined();
  });

  it('amounts that would leave the safe integer range are refused as bad input, not a crash', () => {
    l = makeLedger();
    const big = l.call('catalog.createItem', {
      categoryId: null,
      name: 'Yacht',
      kind: 'product',
      priceMinor: 1_000_000_000_000,
      rateMilli: 10_000,
      expectText: '',
    });
    const tab = l.call('tab.open', {});
    expect(l.fail('tab.addLine', { tabId: tab.id, itemId: big.id, qty: 999 }).code).toBe('invalid_input');
    l.call('tab.addLine', { tabId: tab.id, itemId: big.id, qty: 9 });
    expect(l.fail('tab.addLine', { tabId: tab.id, itemId: big.id, qty: 2 }).message).toMatch(/largest total/);
    expect(
      l.fail('catalog.createItem', { categoryId: null, name: 'X', kind: 'product', priceMinor: 1_000_000_000_001, rateMilli: 10_000, expectText: '' }).code,
    ).toBe('invalid_input');
  });
});

describe('the counter', () => {
  it('works a tip out from a percentage of the payment, and refuses both kinds at once', () => {
    const { tab } = setup({ price: 1320 });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 100, tipPercent: 10 }).code).toBe('invalid_input');
    const r = l.call('settle.pay', { tabId: tab.id, method: 'card', tipPercent: 15 });
    expect(r.payment.tipMinor).toBe(198);
    expect(r.owedMinor).toBe(1518);
  });

  it('keeps a satisfaction rating with the tab, after it is settled too', () => {
    const { tab } = setup({ price: 500 });
    l.call('settle.pay', { tabId: tab.id, method: 'card' });
    expect(l.call('settle.rate', { tabId: tab.id, rating: 'unhappy' }).rating).toBe('unhappy');
    expect(l.call('tab.get', { tabId: tab.id }).history.at(-1)).toMatchObject({ action: 'settle.rate', detail: { rating: 'unhappy' } });
    expect(l.fail('settle.rate', { tabId: tab.id, rating: 'meh' }).code).toBe('invalid_input');
  });

  it('says in plain words what is wrong with a typed amount', () => {
    const { tab } = setup({ price: 500 });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', tipMinor: -1 })).toEqual({
      code: 'invalid_input',
      message: 'an amount cannot be negative',
      key: 'errors.field.amountNegative',
      params: {},
      field: 'tipMinor',
    });
    expect(l.fail('tab.setQty', { tabId: tab.id, lineId: tab.lines[0]!.id, qty: null })).toMatchObject({
      message: 'the quantity must be a whole number from 1 to 999',
      key: 'errors.field.qty',
      field: 'qty',
    });
    // Refusals carry their key and params, so a screen in another language can word them.
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'cash', tenderedMinor: 100 })).toMatchObject({
      code: 'underpayment',
      key: 'errors.cashShort',
      params: { amount: '€5.00' },
      field: 'tenderedMinor',
    });
  });
});

describe('messages a person reads', () => {
  it('name money in the store currency, not in minor units', () => {
    const { tab } = setup({ price: 760 });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'cash', tenderedMinor: 500 }).message).toBe('the cash handed over is less than the €7.60 owed');
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', amountMinor: 800 }).message).toBe('only €7.60 is due; the payment is more than that');
  });
});

describe('a tip shared among the staff who served', () => {
  /** Two baristas on one tab: Ada rings up a 3.00 coffee, Ben a 1.50 one (the owner's own tab from setup stays aside). */
  function twoBaristas(options: { benActive?: boolean; currency?: string; rate?: number; rounding?: number } = {}) {
    const { item: big } = setup({ price: 300, ...options });
    const small = l.call('catalog.createItem', {
      categoryId: null,
      name: 'Small',
      kind: 'product',
      priceMinor: 150,
      rateMilli: options.rate ?? 10_000,
      expectText: '',
    });
    const hire = (name: string) => Number(l.db.prepare("INSERT INTO staff (name, role, created_at) VALUES (?, 'staff', 'x')").run(name).lastInsertRowid);
    const ada = hire('Ada');
    const ben = hire('Ben');
    const tab = l.call('tab.open', {});
    const ringUp = (staffId: number, itemId: number) => {
      const r = l.dispatcher.dispatch('tab.addLine', { input: { tabId: tab.id, itemId, qty: 1 }, commandId: `line-${staffId}-${itemId}` }, { staffId });
      if (!r.ok) throw new Error(r.error.message);
    };
    ringUp(ada, big.id);
    ringUp(ben, small.id);
    if (options.benActive === false) l.db.prepare('UPDATE staff SET active = 0 WHERE id = ?').run(ben);
    return { tab: l.call('tab.get', { tabId: tab.id }), ada, ben };
  }

  const tipsOf = (...ids: number[]) => ids.map((id) => balances()[`tips_payable:${id}`] ?? 0);

  it('by their lines (the default): a 1.00 tip on 3.00 and 1.50 is 0.67 and 0.33, in the payment entry', () => {
    const { tab, ada, ben } = twoBaristas();
    const r = l.call('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 100 });
    expect(r.payment.tipMinor).toBe(100);
    expect(tipsOf(ada, ben, 1)).toEqual([-67, -33, 0]);
    const entry = l.db.prepare<[number], { entry_id: number }>('SELECT entry_id FROM payments WHERE id = ?').get(r.payment.id)!.entry_id;
    expect(l.db.prepare('SELECT account, amount_minor FROM postings WHERE entry_id = ? ORDER BY account').all(entry)).toEqual([
      { account: 'card_clearing', amount_minor: 550 },
      { account: 'tabs_receivable', amount_minor: -450 },
      { account: `tips_payable:${ada}`, amount_minor: -67 },
      { account: `tips_payable:${ben}`, amount_minor: -33 },
    ]);
    expect(detail(l, tab.id).history.at(-1)?.detail).toMatchObject({ tipMinor: 100, tipShares: `${ada}:67 ${ben}:33` });
  });

  it('evenly: 0.50 each, and an odd unit to the lower staff id', () => {
    const { tab, ada, ben } = twoBaristas();
    l.call('settle.pay', { tabId: tab.id, method: 'card', amountMinor: 300, tipMinor: 60, tipSplit: 'even' });
    expect(tipsOf(ada, ben)).toEqual([-30, -30]);
    l.call('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 41, tipSplit: 'even' });
    expect(tipsOf(ada, ben)).toEqual([-51, -50]);
  });

  it('to one person: the whole tip, named with the way or alone', () => {
    const { tab, ada, ben } = twoBaristas();
    l.call('settle.pay', { tabId: tab.id, method: 'card', amountMinor: 300, tipMinor: 80, tipSplit: 'person', tipStaffId: ben });
    expect(tipsOf(ada, ben)).toEqual([0, -80]);
    l.call('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 40, tipStaffId: ada });
    expect(tipsOf(ada, ben)).toEqual([-40, -80]);
  });

  it('odd amounts still add up exactly: 1.01 by lines is 0.67 and 0.34, cash rounding aside', () => {
    const { tab, ada, ben } = twoBaristas({ currency: 'CHF', rate: 8_100, rounding: 5 });
    const r = l.call('settle.pay', { tabId: tab.id, method: 'cash', tipMinor: 101, tenderedMinor: 1000 });
    expect(r.payment).toMatchObject({ tipMinor: 101, roundingMinor: 1 });
    expect(tipsOf(ada, ben)).toEqual([-67, -34]);
  });

  it('follows the comps: a line comped by half weighs half', () => {
    const { tab, ada, ben } = twoBaristas();
    const adaLine = tab.lines.find((line) => line.staffId === ada)!;
    l.call('tab.compLine', { tabId: tab.id, lineId: adaLine.id, kind: 'percent', value: 50, reason: 'cold' });
    l.call('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 89 });
    expect(tipsOf(ada, ben)).toEqual([-45, -44]);
  });

  it('a tab comped to nothing shares the tip evenly among its servers', () => {
    const { tab, ada, ben } = twoBaristas();
    for (const line of tab.lines) l.call('tab.compLine', { tabId: tab.id, lineId: line.id, kind: 'percent', value: 100, reason: 'birthday' });
    // Any tip on a bill of nothing is a large share of it, so the counter confirmed it.
    l.call('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 100, confirmed: { tipMinor: 100 } });
    expect(tipsOf(ada, ben)).toEqual([-50, -50]);
  });

  it('a tip on a split part is shared too', () => {
    const { tab, ada, ben } = twoBaristas();
    l.call('settle.split', { tabId: tab.id, mode: 'even', parts: 2 });
    l.call('settle.pay', { tabId: tab.id, method: 'card', partNo: 1, tipMinor: 30 });
    l.call('settle.pay', { tabId: tab.id, method: 'card', partNo: 2, tipMinor: 3 });
    expect(tipsOf(ada, ben)).toEqual([-22, -11]);
  });

  it('refuses a person who is not named, named with another way, or not active, and posts nothing', () => {
    const { tab, ben } = twoBaristas({ benActive: false });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 100, tipSplit: 'person' })).toMatchObject({
      code: 'invalid_input',
      key: 'errors.tipPersonMissing',
      field: 'tipStaffId',
    });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 100, tipSplit: 'even', tipStaffId: 1 })).toMatchObject({
      code: 'invalid_input',
      key: 'errors.tipPersonWithSplit',
      field: 'tipSplit',
    });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 100, tipStaffId: ben })).toMatchObject({
      code: 'not_found',
      key: 'errors.tipStaffMissing',
    });
    expect(l.fail('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 100, tipSplit: 'everyone' }).code).toBe('invalid_input');
  });

  it('still shares a tip with a server archived since serving: they earned it', () => {
    const { tab, ada, ben } = twoBaristas({ benActive: false });
    l.call('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 100 });
    expect(tipsOf(ada, ben)).toEqual([-67, -33]);
  });

  it('a voided payment takes back every share: each tips account is back to zero', () => {
    const { tab, ada, ben } = twoBaristas();
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'cash', tipMinor: 101, tenderedMinor: 1000 });
    expect(tipsOf(ada, ben)).toEqual([-67, -34]);
    l.call('settle.voidLastPayment', { tabId: tab.id, paymentId: paid.payment.id, reason: 'wrong tab' });
    expect(tipsOf(ada, ben)).toEqual([0, 0]);
    expect(balances()).toMatchObject({ cash_drawer: 0 });
    expect(l.call('tab.get', { tabId: tab.id })).toMatchObject({ status: 'open', dueMinor: 450 });
    const voidEntry = l.db.prepare<[number], { entry_id: number }>('SELECT entry_id FROM payment_voids WHERE payment_id = ?').get(paid.payment.id)!.entry_id;
    expect(
      l.db.prepare('SELECT account, amount_minor FROM postings WHERE entry_id = ? AND account LIKE ? ORDER BY account').all(voidEntry, 'tips_payable:%'),
    ).toEqual([
      { account: `tips_payable:${ada}`, amount_minor: 67 },
      { account: `tips_payable:${ben}`, amount_minor: 34 },
    ]);
  });
});
