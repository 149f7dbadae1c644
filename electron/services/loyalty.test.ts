import { afterEach, describe, expect, it } from 'vitest';
import type { LoyaltySettings } from '../../shared/loyalty-types';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { detail } from '../test-support/tab-detail';

let l: TestLedger;
afterEach(() => l.cleanup());

const loyaltyOff: LoyaltySettings = { scheme: 'off', categoryId: null, stampsEvery: 10, pointsSpendMinor: 100, pointValueMinor: 1, pointsMin: 100 };

/** The postings of a tab's entries of one kind, summed by account. */
function postingsOf(tabId: number, kind: string): Record<string, number> {
  const rows = l.db
    .prepare<[number, string], { account: string; s: number }>(
      'SELECT p.account, SUM(p.amount_minor) AS s FROM journal_entries e JOIN postings p ON p.entry_id = e.id WHERE e.tab_id = ? AND e.kind = ? GROUP BY p.account',
    )
    .all(tabId, kind);
  return Object.fromEntries(rows.map((r) => [r.account, r.s]));
}

function item(categoryId: number | null, name: string, priceMinor: number, rateMilli: number): number {
  return l.call('catalog.createItem', { categoryId, name, kind: 'product', priceMinor, rateMilli, expectText: '' }).id;
}

/** A tab for the customer with these items (id, qty). */
function tabFor(customerId: number | null, lines: [number, number][]): number {
  const tab = l.call('tab.open', {});
  for (const [itemId, qty] of lines) l.call('tab.addLine', { tabId: tab.id, itemId, qty });
  if (customerId !== null) l.call('tab.setCustomer', { tabId: tab.id, customerId });
  return tab.id;
}

describe('loyalty points in yen (no decimals), tax included', () => {
  function yenStore() {
    l = makeLedger();
    l.call('store.update', {
      currency: 'JPY',
      locale: 'ja-JP',
      taxRates: [
        { rateMilli: 10_000, label: 'Standard' },
        { rateMilli: 8_000, label: 'Food' },
      ],
    });
    l.call('store.update', { loyalty: { ...loyaltyOff, scheme: 'points', pointsSpendMinor: 10, pointValueMinor: 1, pointsMin: 100 } });
    const latte = item(null, 'Latte', 440, 10_000);
    const cake = item(null, 'Cake', 385, 8_000);
    const ana = l.call('customer.create', { name: 'Ana' }).id;
    return { latte, cake, ana };
  }

  it('earns whole points on what was paid (not the tip) and redeems them exactly, tax split by rate', () => {
    const { latte, cake, ana } = yenStore();
    const first = tabFor(ana, [
      [latte, 3],
      [cake, 1],
    ]);
    l.call('settle.pay', { tabId: first, method: 'card', tipMinor: 100 });
    // 1,705 paid (the 100 tip earns nothing): 170 points of 10 yen each.
    expect(l.call('loyalty.forCustomer', { customerId: ana }).standing).toMatchObject({
      scheme: 'points',
      balance: 170,
      goal: 100,
      rewardDue: true,
      spendableMinor: 170,
    });
    expect(l.call('tab.get', { tabId: first }).loyalty).toMatchObject({ earned: 170, balanceAfter: 170 });

    const second = tabFor(ana, [
      [latte, 1],
      [cake, 1],
    ]);
    expect(l.call('tab.get', { tabId: second }).loyalty?.offerMinor).toBe(170);
    const tab = l.call('loyalty.redeem', { tabId: second });
    // 170 off 825, shared 91 : 79 by what each rate charges; tax 40 -> 32 and 29 -> 23.
    expect(postingsOf(second, 'loyalty.redeem')).toEqual({ tabs_receivable: -170, 'tax_payable:10': 8, 'tax_payable:8': 6, loyalty: 156 });
    expect(tab.dueMinor).toBe(655);
    expect(tab.totalMinor).toBe(655);
    expect(tab.taxMinor).toBe(32 + 23);
    expect(tab.rates).toEqual([
      { rateMilli: 8_000, netMinor: 306 - 23, taxMinor: 23, grossMinor: 306 },
      { rateMilli: 10_000, netMinor: 349 - 32, taxMinor: 32, grossMinor: 349 },
    ]);
    expect(tab.loyalty?.reward).toEqual({ scheme: 'points', units: 170, discountMinor: 170, itemName: null });
    l.call('settle.pay', { tabId: second, method: 'card' });
    // 655 paid earns 65; the 170 spent are gone.
    const account = l.call('loyalty.forCustomer', { customerId: ana });
    expect(account.standing?.balance).toBe(65);
    expect(account.history.map((m) => [m.kind, m.units])).toEqual([
      ['earn', 65],
      ['redeem', -170],
      ['earn', 170],
    ]);
  });

  it('refuses a tab without a customer, too few points, a second reward and one after a payment, writing nothing', () => {
    const { latte, ana } = yenStore();
    const bare = tabFor(null, [[latte, 1]]);
    expect(l.fail('loyalty.redeem', { tabId: bare }).key).toBe('errors.loyalty.noCustomer');
    const early = tabFor(ana, [[latte, 1]]);
    expect(l.fail('loyalty.redeem', { tabId: early })).toMatchObject({ key: 'errors.loyalty.notEnoughPoints', params: { have: 0, need: 100 } });
    l.call('settle.pay', { tabId: early, method: 'card' });
    const paidFirst = tabFor(ana, [[latte, 3]]);
    l.call('settle.pay', { tabId: paidFirst, method: 'card', amountMinor: 100 });
    expect(l.fail('loyalty.redeem', { tabId: paidFirst }).key).toBe('errors.loyalty.afterPayment');
    l.call('settle.pay', { tabId: paidFirst, method: 'card' });
    // 44 + 132 = 176 points now.
    const twice = tabFor(ana, [[latte, 1]]);
    l.call('loyalty.redeem', { tabId: twice });
    expect(l.fail('loyalty.redeem', { tabId: twice }).key).toBe('errors.loyalty.twice');
    // The reward could not exceed the tab: 440 of the 176 points... all 176 fit, so none are left to spend.
    expect(l.call('loyalty.forCustomer', { customerId: ana }).standing?.balance).toBe(0);
    l.call('store.update', { loyalty: loyaltyOff });
    expect(l.fail('loyalty.redeem', { tabId: bare }).key).toBe('errors.loyalty.off');
  });

  it('takes the reward back off when the tab changes, gives the points back, and offers it again', () => {
    const { latte, cake, ana } = yenStore();
    const first = tabFor(ana, [
      [latte, 3],
      [cake, 1],
    ]);
    l.call('settle.pay', { tabId: first, method: 'card' });
    const tab = tabFor(ana, [[latte, 1]]);
    l.call('loyalty.redeem', { tabId: tab });
    const grown = l.call('tab.addLine', { tabId: tab, itemId: cake, qty: 1 });
    expect(grown.dueMinor).toBe(825);
    const { loyalty } = detail(l, tab);
    expect(loyalty?.reward).toBeNull();
    expect(loyalty?.standing?.balance).toBe(170);
    expect(postingsOf(tab, 'loyalty.undo')).toEqual({ tabs_receivable: 170, 'tax_payable:10': -15, loyalty: -155 });
    const again = l.call('loyalty.redeem', { tabId: tab });
    expect(again.dueMinor).toBe(655);
    // Another customer on the tab: the reward goes back to Ana first.
    const ben = l.call('customer.create', { name: 'Ben' }).id;
    const moved = l.call('tab.setCustomer', { tabId: tab, customerId: ben });
    expect(moved.dueMinor).toBe(825);
    expect(l.call('loyalty.forCustomer', { customerId: ana }).standing?.balance).toBe(170);
  });
});

describe('a stamp card in dinars (three decimals), tax added on top', () => {
  function dinarStore() {
    l = makeLedger();
    l.call('store.update', {
      currency: 'KWD',
      locale: 'en-KW',
      cashRoundingMinor: 5,
      taxMode: 'exclusive',
      taxRates: [
        { rateMilli: 5_000, label: 'Standard' },
        { rateMilli: 0, label: 'Zero' },
      ],
    });
    const coffee = l.call('catalog.createCategory', { name: 'Coffee' }).id;
    const espresso = item(coffee, 'Espresso', 1_250, 5_000);
    const latte = item(coffee, 'Latte', 1_500, 5_000);
    const cake = item(null, 'Cake', 2_000, 0);
    // Every 3rd coffee free: two stamps fill the card.
    l.call('store.update', { loyalty: { ...loyaltyOff, scheme: 'stamps', categoryId: coffee, stampsEvery: 3 } });
    const dana = l.call('customer.create', { name: 'Dana' }).id;
    return { espresso, latte, cake, dana };
  }

  it('stamps what was charged (a wholly comped unit earns none, a partly comped one does) and frees the cheapest unit exactly', () => {
    const { espresso, latte, cake, dana } = dinarStore();
    const first = tabFor(dana, [[latte, 3]]);
    const line = l.call('tab.get', { tabId: first }).lines[0]!;
    l.call('tab.compLine', { tabId: first, lineId: line.id, kind: 'percent', value: 100, qty: 1, reason: 'spilt' });
    l.call('settle.pay', { tabId: first, method: 'card' });
    expect(l.call('tab.get', { tabId: first }).loyalty).toMatchObject({ earned: 2, balanceAfter: 2 });
    const half = tabFor(dana, [[espresso, 1]]);
    const halfLine = l.call('tab.get', { tabId: half }).lines[0]!;
    l.call('tab.compLine', { tabId: half, lineId: halfLine.id, kind: 'percent', value: 10, reason: 'slow' });
    l.call('settle.pay', { tabId: half, method: 'card' });
    expect(l.call('loyalty.forCustomer', { customerId: dana }).standing).toMatchObject({ balance: 3, goal: 2, rewardDue: true, categoryName: 'Coffee' });

    const tab = tabFor(dana, [
      [latte, 1],
      [espresso, 1],
      [cake, 1],
    ]);
    expect(l.call('tab.get', { tabId: tab }).loyalty?.offerMinor).toBe(1_250);
    const given = l.call('loyalty.redeem', { tabId: tab });
    // The espresso's 1.250 comes off the 5 % rate's 2.750 net: its tax 0.138 becomes 0.075.
    expect(postingsOf(tab, 'loyalty.redeem')).toEqual({ tabs_receivable: -1_313, 'tax_payable:5': 63, loyalty: 1_250 });
    expect(given.dueMinor).toBe(3_575);
    expect(given.loyalty?.reward).toEqual({ scheme: 'stamps', units: 2, discountMinor: 1_250, itemName: 'Espresso' });
    expect(l.fail('loyalty.redeem', { tabId: tab }).key).toBe('errors.loyalty.twice');
    l.call('settle.pay', { tabId: tab, method: 'card' });
    // The latte earns; the espresso the card made free does not.
    const done = l.call('tab.get', { tabId: tab }).loyalty;
    expect(done).toMatchObject({ earned: 1, balanceAfter: 2 });
  });

  it("keeps each receipt's balance as it stood when that tab settled, however many tabs come after", () => {
    const { espresso, latte, cake, dana } = dinarStore();
    const first = tabFor(dana, [[latte, 1]]);
    l.call('settle.pay', { tabId: first, method: 'card' });
    l.advance(60_000);
    l.call('settle.pay', { tabId: tabFor(dana, [[latte, 1]]), method: 'card' });
    const card = { scheme: 'stamps', goal: 2, categoryName: 'Coffee' };
    expect(l.call('tab.get', { tabId: first }).loyalty).toMatchObject({ earned: 1, balanceAfter: 1, standing: { ...card, balance: 1, rewardDue: false } });

    // The card's reward on a tab that earns nothing: its receipt shows the card emptied.
    l.advance(60_000);
    const rewarded = tabFor(dana, [
      [espresso, 1],
      [cake, 1],
    ]);
    l.call('loyalty.redeem', { tabId: rewarded });
    l.call('settle.pay', { tabId: rewarded, method: 'card' });
    // A tab with no coffee moves no stamps: its receipt shows where the card stood as it closed.
    l.advance(60_000);
    const noCoffee = tabFor(dana, [[cake, 1]]);
    l.call('settle.pay', { tabId: noCoffee, method: 'card' });
    l.advance(60_000);
    l.call('settle.pay', { tabId: tabFor(dana, [[latte, 2]]), method: 'card' });
    expect(l.call('loyalty.forCustomer', { customerId: dana }).standing?.balance).toBe(2);
    expect(l.call('tab.get', { tabId: rewarded }).loyalty).toMatchObject({
      earned: null,
      reward: { scheme: 'stamps', itemName: 'Espresso' },
      standing: { ...card, balance: 0 },
    });
    expect(l.call('tab.get', { tabId: noCoffee }).loyalty).toMatchObject({ earned: null, standing: { ...card, balance: 0 } });
    expect(l.call('tab.get', { tabId: first }).loyalty).toMatchObject({ earned: 1, balanceAfter: 1, standing: { ...card, balance: 1 } });

    // The store turning the card off later does not blank the receipts it printed.
    l.call('store.update', { loyalty: { ...loyaltyOff, categoryId: l.call('store.get', {}).loyalty.categoryId, stampsEvery: 3 } });
    expect(l.call('tab.get', { tabId: first }).loyalty).toMatchObject({ earned: 1, balanceAfter: 1, scheme: 'stamps', standing: { ...card, balance: 1 } });
  });

  it('needs a full card and an item of the category at full price', () => {
    const { latte, cake, dana } = dinarStore();
    const one = tabFor(dana, [[latte, 1]]);
    expect(l.fail('loyalty.redeem', { tabId: one })).toMatchObject({ key: 'errors.loyalty.notEnoughStamps', params: { have: 0, need: 2, left: 2 } });
    l.call('settle.pay', { tabId: one, method: 'card' });
    const two = tabFor(dana, [[latte, 1]]);
    l.call('settle.pay', { tabId: two, method: 'card' });
    const noCoffee = tabFor(dana, [[cake, 1]]);
    expect(l.fail('loyalty.redeem', { tabId: noCoffee })).toMatchObject({ key: 'errors.loyalty.noCategoryItem', params: { category: 'Coffee' } });
    expect(l.call('tab.get', { tabId: noCoffee }).loyalty?.offerMinor).toBeNull();
  });

  it('earns nothing on a walkout, and gives back what a settlement earned when its payment is voided', () => {
    const { latte, dana } = dinarStore();
    const walked = tabFor(dana, [[latte, 2]]);
    l.call('tab.writeOff', { tabId: walked, reason: 'walked out' });
    expect(l.call('loyalty.forCustomer', { customerId: dana }).standing?.balance).toBe(0);
    const tab = tabFor(dana, [[latte, 2]]);
    const paid = l.call('settle.pay', { tabId: tab, method: 'card' });
    l.call('settle.voidLastPayment', { tabId: tab, paymentId: paid.payment.id, reason: 'wrong card' });
    expect(l.call('loyalty.forCustomer', { customerId: dana }).history.map((m) => [m.kind, m.units])).toEqual([
      ['reverse', -2],
      ['earn', 2],
    ]);
    l.call('settle.pay', { tabId: tab, method: 'card' });
    expect(l.call('loyalty.forCustomer', { customerId: dana }).standing?.balance).toBe(2);
  });

  it('shows loyalty apart from comps on the day report, and net sales, tax and hours still add up', () => {
    const { espresso, latte, dana } = dinarStore();
    for (let i = 0; i < 2; i += 1) l.call('settle.pay', { tabId: tabFor(dana, [[latte, 1]]), method: 'card' });
    const tab = tabFor(dana, [
      [espresso, 1],
      [latte, 1],
    ]);
    l.call('loyalty.redeem', { tabId: tab });
    l.call('settle.pay', { tabId: tab, method: 'card' });
    const x = l.call('report.x', {});
    expect(x.loyalty).toEqual({ rewards: 1, amountMinor: 1_250 });
    expect(x.sales.compsMinor).toBe(0);
    expect(x.sales.loyaltyMinor).toBe(1_250);
    expect(x.sales.netMinor).toBe(x.sales.grossMinor - 1_250);
    expect(x.sales.totalMinor).toBe(1_575 * 2 + 1_575);
    expect(x.byHour.reduce((s, h) => s + h.netMinor, 0)).toBe(x.sales.netMinor);
    expect(x.taxes.reduce((s, t) => s + t.netMinor, 0)).toBe(x.sales.netMinor);
    const csv = l.call('report.csv', { what: 'report', businessDate: x.businessDate }).text;
    expect(csv.split('\r\n').filter((row) => row.startsWith('loyalty,'))).toEqual(['loyalty,rewards,,1,1250,1.250,,,']);
  });
});

describe('the loyalty setting', () => {
  it('needs a category still on sale for a stamp card, and the café starter offers one, off', () => {
    l = makeLedger();
    expect(l.fail('store.update', { loyalty: { ...loyaltyOff, scheme: 'stamps' } })).toMatchObject({
      key: 'errors.loyalty.categoryNeeded',
      field: 'loyalty.categoryId',
    });
    l.call('catalog.loadStarter', { kind: 'cafe' });
    const { loyalty } = l.call('store.get', {});
    const coffee = l.call('catalog.list', {}).categories.find((c) => c.name === 'Coffee')!;
    expect(loyalty).toEqual({ ...loyaltyOff, categoryId: coffee.id, stampsEvery: 10 });
    // One switch turns it on.
    expect(l.call('store.update', { loyalty: { ...loyalty, scheme: 'stamps' } }).loyalty.scheme).toBe('stamps');
    l.call('catalog.updateCategory', { categoryId: coffee.id, archived: true });
    expect(l.fail('store.update', { loyalty: { ...loyalty, scheme: 'stamps' } }).key).toBe('errors.loyalty.categoryArchived');
  });
});

/**
 * A salon regular books with a deposit, and at check-in the deposit must be applied before any
 * payment. The deposit is not a payment: the reward still comes off what is left, never more than
 * that, and the deposit applied is never handed back for it. The day starts 24 November 2026 at 09:00 UTC.
 */
describe('a salon regular with a deposit', () => {
  const TODAY = '2026-11-24';
  const deposit = (fixedMinor: number) => ({ mode: 'fixed' as const, fixedMinor, percent: 0, freeCancelHours: 24, forfeitPercent: 100 });

  function salon(fixedMinor: number) {
    l = makeLedger('2026-11-24T09:00:00.000Z');
    l.call('store.update', {
      taxRates: [
        { rateMilli: 20_000, label: 'Standard' },
        { rateMilli: 5_000, label: 'Reduced' },
      ],
      depositPolicy: deposit(fixedMinor),
    });
    const hair = l.call('catalog.createCategory', { name: 'Hair' }).id;
    const service = (name: string, priceMinor: number) =>
      l.call('catalog.createItem', { categoryId: hair, name, kind: 'service', priceMinor, rateMilli: 20_000, expectText: '', durationMinutes: 60 }).id;
    const cut = service('Cut', 3000);
    const colour = service('Colour', 5000);
    const conditioner = item(null, 'Conditioner', 1200, 5_000);
    // Every 3rd hair service free: two stamps fill the card.
    l.call('store.update', { loyalty: { ...loyaltyOff, scheme: 'stamps', categoryId: hair, stampsEvery: 3 } });
    const ana = l.call('customer.create', { name: 'Ana' }).id;
    l.call('settle.pay', { tabId: tabFor(ana, [[cut, 2]]), method: 'card' });
    expect(l.call('loyalty.forCustomer', { customerId: ana }).standing).toMatchObject({ balance: 2, rewardDue: true });
    return { cut, colour, conditioner, ana };
  }

  /** Books today at 10:00 with a card deposit and checks in: the tab, and the deposit held on it. */
  function checkedIn(ana: number, itemIds: number[], startMinute = 600) {
    const booked = l.call('appointment.book', { customerId: ana, staffId: 1, date: TODAY, startMinute, itemIds, deposit: { method: 'card', reference: '' } });
    const { tabId } = l.call('appointment.checkIn', { appointmentId: booked.id });
    return { tabId, depositId: booked.deposits[0]!.id, appointmentId: booked.id };
  }

  function closeTheDay() {
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 0 } });
    l.call('drawer.close', {});
    return l.call('day.close', { businessDate: TODAY });
  }

  it('uses both the deposit and the stamp card, tax split exactly, and the Z shows each in its own section', () => {
    const { cut, colour, conditioner, ana } = salon(1000);
    const { tabId, depositId, appointmentId } = checkedIn(ana, [cut, colour]);
    l.call('tab.addLine', { tabId, itemId: conditioner, qty: 1 });
    expect(l.call('tab.get', { tabId }).loyalty?.offerMinor).toBe(3000);
    expect(l.fail('settle.pay', { tabId, method: 'card' }).code).toBe('deposit_first');

    const applied = l.call('deposit.apply', { tabId, depositId });
    expect(applied.dueMinor).toBe(9200 - 1000);
    // The deposit is not a payment: the card's free cut is still offered.
    expect(applied.loyalty?.offerMinor).toBe(3000);
    const given = l.call('loyalty.redeem', { tabId });
    expect(given.dueMinor).toBe(8200 - 3000);
    // 3000 off the 20 % rate's 8000 (tax included): its tax 1333 becomes 833.
    expect(postingsOf(tabId, 'loyalty.redeem')).toEqual({ tabs_receivable: -3000, 'tax_payable:20': 500, loyalty: 2500 });
    expect(given.loyalty?.reward).toEqual({ scheme: 'stamps', units: 2, discountMinor: 3000, itemName: 'Cut' });
    expect(given.deposits).toEqual([expect.objectContaining({ id: depositId, status: 'closed', appliedMinor: 1000 })]);

    l.call('settle.pay', { tabId, method: 'card' });
    expect(l.call('appointment.get', { appointmentId }).status).toBe('done');
    // The colour earns a stamp; the cut the card made free does not.
    expect(l.call('tab.get', { tabId }).loyalty).toMatchObject({ earned: 1, balanceAfter: 1 });

    const z = closeTheDay();
    expect(z.loyalty).toEqual({ rewards: 1, amountMinor: 2500 });
    expect(z.deposits).toMatchObject({ takenMinor: 1000, appliedMinor: 1000, refundedMinor: 0, forfeitedMinor: 0, heldMinor: 0 });
    expect(z.sales.loyaltyMinor).toBe(2500);
    expect(z.sales.compsMinor).toBe(0);
    // 6000 on the first visit; 9200 less the 3000 reward on this one.
    expect(z.sales.totalMinor).toBe(6000 + 6200);
    expect(z.taxes.reduce((s, t) => s + t.netMinor, 0)).toBe(z.sales.netMinor);
    expect(z.taxes.reduce((s, t) => s + t.taxMinor, 0)).toBe(z.sales.taxMinor);
    // What was charged was paid: by card, and by the deposit.
    expect(z.payments.reduce((s, p) => s + p.amountMinor, 0) + z.deposits.appliedMinor).toBe(z.sales.totalMinor);
  });

  it('refuses a free cut worth more than is left after the deposit, writing nothing, and the card waits for next time', () => {
    const { cut, ana } = salon(2500);
    const { tabId, depositId } = checkedIn(ana, [cut]);
    expect(l.call('deposit.apply', { tabId, depositId }).dueMinor).toBe(500);
    expect(l.call('tab.get', { tabId }).loyalty?.offerMinor).toBeNull();
    expect(l.fail('loyalty.redeem', { tabId })).toMatchObject({
      code: 'conflict',
      key: 'errors.loyalty.moreThanDue',
      message: 'the free Cut (€30.00) is more than the €5.00 left to pay after the deposit, so the stamps stay on the card for next time',
    });
    l.call('settle.pay', { tabId, method: 'card' });
    // The cut earned its stamp on top of the full card.
    expect(l.call('loyalty.forCustomer', { customerId: ana }).standing).toMatchObject({ balance: 3, rewardDue: true });
    const z = closeTheDay();
    expect(z.loyalty).toEqual({ rewards: 0, amountMinor: 0 });
    expect(z.deposits).toMatchObject({ takenMinor: 2500, appliedMinor: 2500, heldMinor: 0 });
  });

  it('a payment other than the deposit still comes after the reward', () => {
    const { cut, colour, ana } = salon(1000);
    const { tabId, depositId } = checkedIn(ana, [cut, colour]);
    l.call('deposit.apply', { tabId, depositId });
    l.call('settle.pay', { tabId, method: 'card', amountMinor: 100 });
    expect(l.fail('loyalty.redeem', { tabId }).key).toBe('errors.loyalty.afterPayment');
  });

  it('spends only the points that fit what is left after the deposit (tax added on top), and the tab owes exactly nothing', () => {
    l = makeLedger('2026-11-24T09:00:00.000Z');
    l.call('store.update', { taxMode: 'exclusive', taxRates: [{ rateMilli: 10_000, label: 'Standard' }], depositPolicy: deposit(2300) });
    l.call('store.update', { loyalty: { ...loyaltyOff, scheme: 'points', pointsSpendMinor: 1, pointValueMinor: 1, pointsMin: 100 } });
    const cut = l.call('catalog.createItem', {
      categoryId: null,
      name: 'Cut',
      kind: 'service',
      priceMinor: 3000,
      rateMilli: 10_000,
      expectText: '',
      durationMinutes: 60,
    }).id;
    const ana = l.call('customer.create', { name: 'Ana' }).id;
    l.call('settle.pay', { tabId: tabFor(ana, [[cut, 1]]), method: 'card' });
    expect(l.call('loyalty.forCustomer', { customerId: ana }).standing?.balance).toBe(3300);

    const { tabId, depositId } = checkedIn(ana, [cut]);
    // Before the deposit the points could take the whole 30.00 (33.00 with its tax) off.
    expect(l.call('tab.get', { tabId }).loyalty?.offerMinor).toBe(3000);
    expect(l.call('deposit.apply', { tabId, depositId }).dueMinor).toBe(1000);
    // 9.09 off before tax lowers the tax 3.00 -> 2.09: 10.00 off what is owed, all that is left.
    expect(l.call('tab.get', { tabId }).loyalty?.offerMinor).toBe(909);
    const given = l.call('loyalty.redeem', { tabId });
    expect(postingsOf(tabId, 'loyalty.redeem')).toEqual({ tabs_receivable: -1000, 'tax_payable:10': 91, loyalty: 909 });
    expect(given.dueMinor).toBe(0);
    expect(given.loyalty?.reward).toEqual({ scheme: 'points', units: 909, discountMinor: 909, itemName: null });
    l.call('settle.pay', { tabId, method: 'card' });
    // 3300 - 909 spent + 2300 earned on what the tab cost after the reward (the deposit paid it).
    expect(l.call('loyalty.forCustomer', { customerId: ana }).standing?.balance).toBe(3300 - 909 + 2300);

    const z = closeTheDay();
    expect(z.loyalty).toEqual({ rewards: 1, amountMinor: 909 });
    expect(z.deposits).toMatchObject({ takenMinor: 2300, appliedMinor: 2300, heldMinor: 0 });
    expect(z.sales.totalMinor).toBe(3300 + 2300);
    expect(z.sales.taxMinor).toBe(300 + 209);
  });

  it('refuses points when less than one point is left to pay after the deposit', () => {
    l = makeLedger('2026-11-24T09:00:00.000Z');
    l.call('store.update', { depositPolicy: deposit(2990) });
    l.call('store.update', { loyalty: { ...loyaltyOff, scheme: 'points', pointsSpendMinor: 1, pointValueMinor: 50, pointsMin: 1 } });
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
    l.call('settle.pay', { tabId: tabFor(ana, [[cut, 1]]), method: 'card' });
    const { tabId, depositId } = checkedIn(ana, [cut]);
    l.call('deposit.apply', { tabId, depositId });
    expect(l.fail('loyalty.redeem', { tabId })).toMatchObject({ key: 'errors.loyalty.pointsMoreThanDue', params: { due: '€0.10', value: '€0.50' } });
  });
});
