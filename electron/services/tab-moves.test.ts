import { afterEach, describe, expect, it } from 'vitest';
import type { DayReport } from '../../shared/closing-types';
import type { CatalogItem, TabDetail } from '../../shared/types';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { detailAfter } from '../test-support/tab-detail';

let l: TestLedger;
afterEach(() => l.cleanup());

/** A café with a latte (4.40, 10 % inclusive), a cake (3.50, 10 %) and an item at 1.01, three tabs. */
function cafe(start?: string) {
  l = makeLedger(start);
  const item = (name: string, priceMinor: number, rateMilli = 10_000): CatalogItem =>
    l.call('catalog.createItem', { categoryId: null, name, kind: 'product', priceMinor, rateMilli, expectText: '' });
  const items = { latte: item('Latte', 440), cake: item('Cake', 350), odd: item('Odd', 101), water: item('Water', 200, 0) };
  const a = l.call('tab.open', { name: 'Ana' });
  const b = l.call('tab.open', { name: 'Ben' });
  return { items, a, b };
}

function add(tabId: number, item: CatalogItem, qty = 1): TabDetail {
  return detailAfter(l, l.call('tab.addLine', { tabId, itemId: item.id, qty }));
}

const lineOf = (tab: TabDetail, name: string) => tab.lines.find((x) => x.name === name && x.state === 'active')!;

/** What the day sold, as the X report has it: the figures a move must not change. */
function sold(): Pick<DayReport['sales'], 'rungUpMinor' | 'removedMinor' | 'grossMinor' | 'compsMinor' | 'netMinor' | 'taxMinor' | 'totalMinor'> {
  const { rungUpMinor, removedMinor, grossMinor, compsMinor, netMinor, taxMinor, totalMinor } = l.call('report.x', {}).sales;
  return { rungUpMinor, removedMinor, grossMinor, compsMinor, netMinor, taxMinor, totalMinor };
}

function entries(kind: string): { tab_id: number; receivable: number }[] {
  return l.db
    .prepare<[string], { tab_id: number; receivable: number }>(
      `SELECT e.tab_id, COALESCE((SELECT SUM(amount_minor) FROM postings p WHERE p.entry_id = e.id AND p.account = 'tabs_receivable'), 0) AS receivable
       FROM journal_entries e WHERE e.kind = ? ORDER BY e.id`,
    )
    .all(kind);
}

describe('moving lines between open tabs', () => {
  it('moves a whole line as it is: the same line, its server and time, and the receivable goes with it', () => {
    const { items, a, b } = cafe();
    add(a.id, items.latte, 2);
    const cake = lineOf(add(a.id, items.cake), 'Cake');
    add(b.id, items.water);
    const before = sold();
    const { from, to } = l.call('tab.moveLines', { fromTabId: a.id, toTabId: b.id, lines: [{ lineId: cake.id, qty: 1 }] });
    expect(from).toMatchObject({ totalMinor: 880, dueMinor: 880 });
    expect(to).toMatchObject({ totalMinor: 550, dueMinor: 550 });
    expect(lineOf(to, 'Cake')).toMatchObject({ id: cake.id, staffName: 'Owner', createdAt: cake.createdAt, qty: 1 });
    expect(from.lines.some((x) => x.id === cake.id)).toBe(false);
    // One entry on each tab, moving 3.50 of receivable from one to the other.
    expect(entries('tab.move')).toEqual([
      { tab_id: a.id, receivable: -350 },
      { tab_id: b.id, receivable: 350 },
    ]);
    expect(sold()).toEqual(before);
    // Both histories say what moved, and where from or to.
    expect(from.history.at(-1)).toMatchObject({ action: 'tab.moveLines', detail: { direction: 'out', token: b.token, items: '[["Cake",1]]', qty: 1 } });
    expect(to.history.at(-1)).toMatchObject({ action: 'tab.moveLines', detail: { direction: 'in', token: a.token, items: '[["Cake",1]]', qty: 1 } });
    const audit = l.db.prepare<[], { tab_id: number }>("SELECT tab_id FROM audit WHERE command = 'tab.moveLines' ORDER BY id").all();
    expect(audit.map((r) => r.tab_id)).toEqual([a.id, b.id]);
  });

  it('moves part of a quantity, and several lines at once, as one change', () => {
    const { items, a, b } = cafe();
    const latte = lineOf(add(a.id, items.latte, 3), 'Latte');
    const water = lineOf(add(a.id, items.water, 2), 'Water');
    const before = sold();
    const { from, to } = l.call('tab.moveLines', {
      fromTabId: a.id,
      toTabId: b.id,
      lines: [
        { lineId: latte.id, qty: 1 },
        { lineId: water.id, qty: 2 },
      ],
    });
    expect(lineOf(from, 'Latte')).toMatchObject({ id: latte.id, qty: 2 });
    expect(from.lines.filter((x) => x.state === 'active').map((x) => x.name)).toEqual(['Latte']);
    const moved = lineOf(to, 'Latte');
    expect(moved).toMatchObject({ qty: 1, unitMinor: 440, staffId: latte.staffId, createdAt: latte.createdAt });
    expect(moved.id).not.toBe(latte.id);
    expect(lineOf(to, 'Water')).toMatchObject({ id: water.id, qty: 2 });
    expect([from.totalMinor, to.totalMinor]).toEqual([880, 840]);
    expect(sold()).toEqual(before);
    const moves = l.db.prepare('SELECT line_id, from_tab_id, to_tab_id, qty, new_line_id, merged FROM line_moves ORDER BY id').all();
    expect(moves).toEqual([
      { line_id: latte.id, from_tab_id: a.id, to_tab_id: b.id, qty: 1, new_line_id: moved.id, merged: 0 },
      { line_id: water.id, from_tab_id: a.id, to_tab_id: b.id, qty: 2, new_line_id: null, merged: 0 },
    ]);
  });

  it('moves full-price units first, and a comped unit with its comp, so each tab owes exactly what its units cost', () => {
    const { items, a, b } = cafe();
    const latte = lineOf(add(a.id, items.latte, 3), 'Latte');
    l.call('tab.compLine', { tabId: a.id, lineId: latte.id, kind: 'percent', value: 50, qty: 1, reason: 'cold' });
    const before = sold();
    // Two of three: both full-price ones go, the comped one stays with its comp.
    let r = l.call('tab.moveLines', { fromTabId: a.id, toTabId: b.id, lines: [{ lineId: latte.id, qty: 2 }] });
    expect(lineOf(r.from, 'Latte')).toMatchObject({ qty: 1, comp: { kind: 'percent', value: 50, qty: 1, reason: 'cold', amountMinor: 220 } });
    expect(lineOf(r.to, 'Latte')).toMatchObject({ qty: 2, comp: null });
    expect([r.from.totalMinor, r.to.totalMinor]).toEqual([220, 880]);
    // The rest, comp and all, follows as the whole line.
    r = l.call('tab.moveLines', { fromTabId: a.id, toTabId: b.id, lines: [{ lineId: latte.id, qty: 1 }] });
    expect(r.to.lines.find((x) => x.id === latte.id)).toMatchObject({ comp: { amountMinor: 220, reason: 'cold' } });
    expect([r.from.totalMinor, r.to.totalMinor]).toEqual([0, 1100]);
    expect(sold()).toEqual(before);
    // The comp stays under its reason: the day's comps by reason are as they were.
    expect(l.call('report.x', {}).comps).toEqual([{ reason: 'cold', count: 1, amountMinor: 200 }]);
  });

  it('shares an amount comp by its comped units, and refuses a percentage that cannot be shared exactly, changing nothing', () => {
    const { items, a, b } = cafe();
    const cake = lineOf(add(a.id, items.cake, 3), 'Cake');
    l.call('tab.compLine', { tabId: a.id, lineId: cake.id, kind: 'amount', value: 301, qty: 2, reason: 'dropped' });
    const before = sold();
    const r = l.call('tab.moveLines', { fromTabId: a.id, toTabId: b.id, lines: [{ lineId: cake.id, qty: 2 }] });
    // One full-price and one comped unit go: the comp is shared 151 / 150 by comped unit.
    expect(lineOf(r.to, 'Cake')).toMatchObject({ qty: 2, comp: { kind: 'amount', qty: 1, amountMinor: 151 } });
    expect(lineOf(r.from, 'Cake')).toMatchObject({ qty: 1, comp: { kind: 'amount', qty: 1, amountMinor: 150 } });
    expect(r.from.totalMinor + r.to.totalMinor).toBe(3 * 350 - 301);
    // What the customers are charged is the same to the minor unit. Each tab works out its own tax
    // (domain.md), so in a tax-inclusive store the net list price of 3 cakes (10.50 less 0.95 tax)
    // and of 1 + 2 cakes (3.50 less 0.32, 7.00 less 0.64) differ by a unit: sales and comps move
    // together by it and the net sold, the tax and the total stay.
    expect(sold()).toEqual({ ...before, rungUpMinor: before.rungUpMinor - 1, grossMinor: before.grossMinor - 1, compsMinor: before.compsMinor - 1 });

    const odd = lineOf(add(a.id, items.odd, 2), 'Odd');
    l.call('tab.compLine', { tabId: a.id, lineId: odd.id, kind: 'percent', value: 50, reason: 'chipped' });
    // 50 % of 2.02 is 1.01, but of 1.01 it rounds to 0.51 on each side: 1.02. Refused in words.
    const error = l.fail('tab.moveLines', { fromTabId: a.id, toTabId: b.id, lines: [{ lineId: odd.id, qty: 1 }] });
    expect(error).toMatchObject({
      code: 'conflict',
      key: 'errors.move.compNotExact',
      field: 'lines.0.qty',
      params: { item: 'Odd', qty: 1, all: 2, fullPrice: 0 },
    });
  });

  it('refuses what cannot move, changing nothing', () => {
    const { items, a, b } = cafe();
    const latte = lineOf(add(a.id, items.latte, 2), 'Latte');
    const cake = lineOf(add(b.id, items.cake), 'Cake');
    const move = (input: object) => l.fail('tab.moveLines', { fromTabId: a.id, toTabId: b.id, lines: [{ lineId: latte.id, qty: 1 }], ...input });
    expect(move({ toTabId: a.id }).key).toBe('errors.move.sameTab');
    expect(move({ lines: [{ lineId: latte.id, qty: 3 }] }).key).toBe('errors.move.qtyOver');
    expect(move({ lines: [{ lineId: cake.id, qty: 1 }] }).key).toBe('errors.move.lineNotOnTab');
    expect(
      move({
        lines: [
          { lineId: latte.id, qty: 1 },
          { lineId: latte.id, qty: 1 },
        ],
      }).key,
    ).toBe('errors.move.lineTwice');
    expect(move({ lines: [] }).key).toBe('errors.move.noLines');
    l.call('tab.removeLine', { tabId: b.id, lineId: cake.id, reason: 'not ordered' });
    expect(l.fail('tab.moveLines', { fromTabId: b.id, toTabId: a.id, lines: [{ lineId: cake.id, qty: 1 }] }).key).toBe('errors.lineRemoved');
    // A closed tab on either side.
    const c = l.call('tab.open', {});
    add(c.id, items.water);
    l.call('settle.pay', { tabId: c.id, method: 'card' });
    expect(move({ toTabId: c.id }).code).toBe('tab_not_open');
    // A tab being paid in parts.
    add(b.id, items.cake, 2);
    l.call('settle.split', { tabId: b.id, mode: 'even', parts: 2 });
    expect(move({})).toMatchObject({ code: 'tab_being_settled', key: 'errors.move.splitInPlace', params: { token: b.token } });
  });

  it('keeps what stays on a partly paid tab at least what was paid on it', () => {
    const { items, a, b } = cafe();
    const latte = lineOf(add(a.id, items.latte, 2), 'Latte');
    l.call('settle.pay', { tabId: a.id, method: 'card', amountMinor: 500 });
    expect(l.fail('tab.moveLines', { fromTabId: a.id, toTabId: b.id, lines: [{ lineId: latte.id, qty: 2 }] })).toMatchObject({
      key: 'errors.move.belowPaid',
      params: { token: a.token },
    });
    // One latte (4.40) leaves 4.40, less than the 5.00 paid; none of it moves.
    expect(l.fail('tab.moveLines', { fromTabId: a.id, toTabId: b.id, lines: [{ lineId: latte.id, qty: 1 }] }).key).toBe('errors.move.belowPaid');
    add(a.id, items.cake);
    const r = l.call('tab.moveLines', { fromTabId: a.id, toTabId: b.id, lines: [{ lineId: latte.id, qty: 1 }] });
    expect([r.from.totalMinor, r.from.paidMinor, r.from.dueMinor, r.to.dueMinor]).toEqual([790, 500, 290, 440]);
  });

  it('replays a repeated command id without moving twice, and refuses the id with another payload', () => {
    const { items, a, b } = cafe();
    const latte = lineOf(add(a.id, items.latte, 3), 'Latte');
    const input = { fromTabId: a.id, toTabId: b.id, lines: [{ lineId: latte.id, qty: 1 }] };
    const first = l.raw('tab.moveLines', input, 'move-once');
    const again = l.raw('tab.moveLines', input, 'move-once');
    expect(again).toEqual(first);
    expect(l.call('tab.get', { tabId: a.id }).totalMinor).toBe(880);
    expect(entries('tab.move')).toHaveLength(2);
    const other = l.raw('tab.moveLines', { ...input, lines: [{ lineId: latte.id, qty: 2 }] }, 'move-once');
    expect(other.ok === false && other.error.code).toBe('command_id_reused');
  });

  it('takes a loyalty reward off both tabs before their lines change', () => {
    const { items, a, b } = cafe();
    l.call('store.update', { loyalty: { scheme: 'points', categoryId: null, stampsEvery: 10, pointsSpendMinor: 100, pointValueMinor: 10, pointsMin: 1 } });
    const jo = l.call('customer.create', { name: 'Jo' }).id;
    const first = l.call('tab.open', {});
    add(first.id, items.cake, 4);
    l.call('tab.setCustomer', { tabId: first.id, customerId: jo });
    l.call('settle.pay', { tabId: first.id, method: 'card' });
    const latte = lineOf(add(a.id, items.latte, 2), 'Latte');
    l.call('tab.setCustomer', { tabId: a.id, customerId: jo });
    expect(l.call('loyalty.redeem', { tabId: a.id }).loyalty?.reward).toBeTruthy();
    const r = l.call('tab.moveLines', { fromTabId: a.id, toTabId: b.id, lines: [{ lineId: latte.id, qty: 1 }] });
    expect(r.from.loyalty?.reward ?? null).toBeNull();
    expect([r.from.totalMinor, r.to.totalMinor]).toEqual([440, 440]);
  });
});

describe('merging a tab into another', () => {
  it('moves lines, what was already paid and the customer, frees the token, and closes the tab as merged (no void, no walkout)', () => {
    const { items, a, b } = cafe();
    add(a.id, items.latte, 2);
    add(a.id, items.water);
    const removed = lineOf(add(a.id, items.cake), 'Cake');
    l.call('tab.removeLine', { tabId: a.id, lineId: removed.id, reason: 'not ordered' });
    const paid = l.call('settle.pay', { tabId: a.id, method: 'cash', amountMinor: 500, tenderedMinor: 500 });
    const ana = l.call('customer.create', { name: 'Ana' }).id;
    l.call('tab.setCustomer', { tabId: a.id, customerId: ana });
    add(b.id, items.cake);
    const before = sold();
    const { from, to } = l.call('tab.merge', { fromTabId: a.id, intoTabId: b.id });
    expect(from).toMatchObject({ status: 'voided', dueMinor: 0, mergedInto: { tabId: b.id, token: b.token } });
    // The removed line stays where it was removed: it is that tab's history.
    expect(from.lines.map((x) => [x.name, x.state])).toEqual([['Cake', 'removed']]);
    expect(to).toMatchObject({
      totalMinor: 1430,
      paidMinor: 500,
      dueMinor: 930,
      customerId: ana,
      mergedFrom: [{ tabId: a.id, token: a.token, paidMinor: 500 }],
    });
    expect(to.payments).toEqual([{ ...paid.payment, mergedFrom: { tabId: a.id, token: a.token } }]);
    expect(l.db.prepare<[number], { close_reason: string }>('SELECT close_reason FROM tabs WHERE id = ?').get(a.id)?.close_reason).toBe(
      `merged into token ${b.token}`,
    );
    expect(l.call('token.next', {})).toBe(a.token);
    expect(l.call('tab.listOpen', {}).map((t) => [t.token, t.paidMinor, t.dueMinor])).toEqual([[b.token, 500, 930]]);
    // What was paid moved through tab_transfers, which nets to zero; the day's sales are as they were.
    expect(entries('tab.merge')).toEqual([
      { tab_id: a.id, receivable: -(880 + 200 - 500) },
      { tab_id: b.id, receivable: 880 + 200 - 500 },
    ]);
    expect(sold()).toEqual(before);
    expect(l.call('ledger.check', {}).problems).toEqual([]);
    expect(to.history.at(-1)).toMatchObject({ action: 'tab.merge', detail: { direction: 'in', token: a.token, paidMinor: 500, customerId: ana } });
    expect(from.history.at(-1)).toMatchObject({ action: 'tab.merge', detail: { direction: 'out', token: b.token, items: '[["Latte",2],["Water",1]]' } });

    // Settled and closed, the Z counts one settled tab, no void and no walkout, and every sale once.
    l.call('settle.pay', { tabId: b.id, method: 'card' });
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 500 } });
    l.call('drawer.close', {});
    const z = l.call('day.close', { businessDate: '2026-11-24' });
    expect(z.tabs).toMatchObject({ settled: 1, writtenOff: 0 });
    expect(z.walkouts).toEqual({ count: 0, amountMinor: 0 });
    expect(z.sales).toMatchObject({ totalMinor: 880 + 200 + 350, removedMinor: 318, removedCount: 1 });
    expect(z.payments.map((p) => [p.method, p.amountMinor])).toEqual([
      ['cash', 500],
      ['card', 930],
      ['other', 0],
    ]);
    expect(z.receivable).toMatchObject({ chargedMinor: 1430, paidMinor: 1430, writtenOffMinor: 0, carriedForwardMinor: 0 });
    expect(z.accounts.find((x) => x.account === 'tab_transfers')).toBeUndefined();
  });

  it('carries what was merged before along when the merged tab is merged again', () => {
    const { items, a, b } = cafe();
    const c = l.call('tab.open', {});
    add(a.id, items.latte);
    l.call('settle.pay', { tabId: a.id, method: 'card', amountMinor: 200 });
    add(b.id, items.cake);
    l.call('tab.merge', { fromTabId: a.id, intoTabId: b.id });
    add(c.id, items.water);
    const { to } = l.call('tab.merge', { fromTabId: b.id, intoTabId: c.id });
    expect(to).toMatchObject({ totalMinor: 990, paidMinor: 200, dueMinor: 790 });
    expect(to.payments.map((p) => p.mergedFrom?.tabId)).toEqual([a.id]);
    const settled = l.call('settle.pay', { tabId: c.id, method: 'card' });
    expect(settled.tab).toMatchObject({ status: 'settled', paidMinor: 990, dueMinor: 0 });
  });

  it('refuses customers that differ, a booking or a deposit on the merged tab, and a closed tab, changing nothing', () => {
    const { items, a, b } = cafe('2026-11-24T08:00:00.000Z');
    add(a.id, items.latte);
    add(b.id, items.cake);
    const ana = l.call('customer.create', { name: 'Ana' }).id;
    const ben = l.call('customer.create', { name: 'Ben' }).id;
    l.call('tab.setCustomer', { tabId: a.id, customerId: ana });
    l.call('tab.setCustomer', { tabId: b.id, customerId: ben });
    expect(l.fail('tab.merge', { fromTabId: a.id, intoTabId: b.id })).toMatchObject({ code: 'conflict', key: 'errors.merge.customers' });
    expect(l.fail('tab.merge', { fromTabId: a.id, intoTabId: a.id }).key).toBe('errors.move.sameTab');

    const cut = l.call('catalog.createItem', {
      categoryId: null,
      name: 'Cut',
      kind: 'service',
      priceMinor: 3000,
      rateMilli: 0,
      expectText: '',
      durationMinutes: 30,
    });
    const booked = l.call('appointment.book', { customerId: ana, staffId: 1, date: '2026-11-24', startMinute: 600, itemIds: [cut.id], deposit: null });
    const checkedIn = l.call('appointment.checkIn', { appointmentId: booked.id }).tabId;
    expect(l.fail('tab.merge', { fromTabId: checkedIn, intoTabId: b.id })).toMatchObject({ key: 'errors.merge.booking' });
    // The other way round is fine: the booking's tab keeps it.
    l.call('tab.setCustomer', { tabId: b.id, customerId: null });
    const merged = l.call('tab.merge', { fromTabId: b.id, intoTabId: checkedIn });
    expect(merged.to.totalMinor).toBe(3350);

    l.call('settle.pay', { tabId: a.id, method: 'card' });
    expect(l.fail('tab.merge', { fromTabId: a.id, intoTabId: checkedIn }).code).toBe('tab_not_open');
  });
});

describe('changing a tab’s token', () => {
  it('gives an open tab a free token, records it, and frees the old one', () => {
    const { a, b } = cafe();
    const r = l.call('tab.changeToken', { tabId: a.id, token: 9 });
    expect(r).toMatchObject({ token: 9 });
    expect(r.history.at(-1)).toMatchObject({ action: 'tab.changeToken', detail: { from: a.token, to: 9 } });
    expect(l.call('token.next', {})).toBe(a.token);
    expect(l.fail('tab.changeToken', { tabId: a.id, token: b.token }).code).toBe('token_held');
    expect(l.fail('tab.changeToken', { tabId: a.id, token: 9 }).key).toBe('errors.move.sameToken');
    expect(l.fail('tab.changeToken', { tabId: a.id, token: 41 }).code).toBe('token_out_of_range');
    // Only with its record: a bare UPDATE of a tab's token is refused by the ledger itself.
    expect(() => l.db.prepare('UPDATE tabs SET token = 12 WHERE id = ?').run(a.id)).toThrow(/tab_token_changes/);
  });
});

describe('tokens not handed back', () => {
  it('keeps a missing token out of the pool, says which tab it went with, and lets it be found', () => {
    const { items, a, b } = cafe();
    add(a.id, items.latte);
    l.call('settle.pay', { tabId: a.id, method: 'card' });
    expect(l.fail('token.markMissing', { tabId: b.id }).key).toBe('errors.token.missingTabOpen');
    l.advance(60_000);
    const state = l.call('token.markMissing', { tabId: a.id });
    expect(state).toMatchObject({
      token: a.token,
      tabId: null,
      state: 'missing',
      missing: { tabId: a.id, name: 'Ana', status: 'settled', at: '2026-11-24T09:01:00.000Z' },
    });
    expect(l.call('token.pool', {}).find((t) => t.token === a.token)).toEqual(state);
    expect(l.call('token.pool', {}).find((t) => t.token === b.token)).toEqual({ token: b.token, tabId: b.id, state: 'held' });
    expect(l.fail('token.markMissing', { tabId: a.id }).key).toBe('errors.token.alreadyMissing');
    // Not handed out: not as the next free token, not when asked for by number.
    expect(l.call('token.next', {})).toBe(3);
    expect(l.fail('tab.open', { token: a.token })).toMatchObject({ code: 'token_missing', key: 'errors.token.missing', field: 'token' });
    expect(l.fail('tab.changeToken', { tabId: b.id, token: a.token }).code).toBe('token_missing');
    expect(l.call('tab.get', { tabId: a.id }).history.at(-1)).toMatchObject({ action: 'token.missing', detail: { token: a.token } });
    // Found: back in the pool.
    const found = l.call('token.markFound', { token: a.token });
    expect(found).toEqual({ token: a.token, tabId: null, state: 'free' });
    expect(l.fail('token.markFound', { token: a.token }).key).toBe('errors.token.notMissing');
    expect(l.call('tab.open', {}).token).toBe(a.token);
    // Once it has been handed out again, it came back: that tab's token cannot go missing now.
    expect(l.fail('token.markMissing', { tabId: a.id }).key).toBe('errors.token.handedOutAgain');
  });

  it('goes missing with the tab that held it last, even when an older tab took it by a change of token', () => {
    const { items, a, b } = cafe();
    // b (the newer tab) has its token first and settles; then a takes that token and settles too.
    add(b.id, items.cake);
    l.call('settle.pay', { tabId: b.id, method: 'card' });
    l.advance(60_000);
    l.call('tab.changeToken', { tabId: a.id, token: b.token });
    add(a.id, items.latte);
    l.call('settle.pay', { tabId: a.id, method: 'card' });
    // b held it before a: it came back from b, so only a can have taken it away.
    expect(l.fail('token.markMissing', { tabId: b.id }).key).toBe('errors.token.handedOutAgain');
    expect(l.call('token.markMissing', { tabId: a.id })).toMatchObject({ token: b.token, state: 'missing', missing: { tabId: a.id } });
  });

  it('works for a walkout, survives a change of the pool’s range, and keeps a voided payment from reopening on it', () => {
    const { items, a, b } = cafe();
    add(a.id, items.latte);
    l.call('tab.writeOff', { tabId: a.id, reason: 'walked out' });
    l.call('token.markMissing', { tabId: a.id });
    add(b.id, items.cake);
    const paid = l.call('settle.pay', { tabId: b.id, method: 'card' });
    l.call('token.markMissing', { tabId: b.id });
    expect(l.fail('settle.voidLastPayment', { tabId: b.id, paymentId: paid.payment.id, reason: 'wrong card' }).key).toBe('errors.voidPayment.tokenMissing');
    // The pool shrinks past token 2 and grows back: the missing tokens are still missing.
    l.call('store.update', { tokenFirst: 5, tokenLast: 10 });
    const outside = l.call('token.pool', {}).filter((t) => t.state === 'missing');
    expect(outside.map((t) => [t.token, t.outOfRange, t.missing?.tabId])).toEqual([
      [1, true, a.id],
      [2, true, b.id],
    ]);
    l.call('store.update', { tokenFirst: 1, tokenLast: 40 });
    expect(
      l
        .call('token.pool', {})
        .filter((t) => t.state === 'missing')
        .map((t) => t.token),
    ).toEqual([1, 2]);
    expect(l.call('token.next', {})).toBe(3);
    // The ledger itself refuses an open tab on a missing token, on any connection.
    expect(() =>
      l.db.prepare("INSERT INTO tabs (token, status, tax_mode, opened_at, opened_by, last_activity_at) VALUES (1, 'open', 'inclusive', 'x', 1, 'x')").run(),
    ).toThrow(/missing token/);
  });
});
