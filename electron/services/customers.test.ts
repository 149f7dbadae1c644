import { afterEach, describe, expect, it } from 'vitest';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';

let l: TestLedger;
afterEach(() => l.cleanup());

/** A store with a 4.40 latte and a 2.00 biscuit (10 % inclusive). */
function setup() {
  l = makeLedger();
  l.call('store.update', { currency: 'EUR', taxRates: [{ rateMilli: 10_000, label: 'Standard' }] });
  const latte = l.call('catalog.createItem', { categoryId: null, name: 'Latte', kind: 'product', priceMinor: 440, rateMilli: 10_000, expectText: '' });
  const biscuit = l.call('catalog.createItem', { categoryId: null, name: 'Biscuit', kind: 'product', priceMinor: 200, rateMilli: 10_000, expectText: '' });
  return { latte, biscuit };
}

/** A tab for the customer with `qty` lattes, settled by card; returns its id. */
function visit(customerId: number, itemId: number, qty: number, settle = true): number {
  const tab = l.call('tab.open', {});
  l.call('tab.setCustomer', { tabId: tab.id, customerId });
  l.call('tab.addLine', { tabId: tab.id, itemId, qty });
  if (settle) l.call('settle.pay', { tabId: tab.id, method: 'card' });
  return tab.id;
}

function balances(): Record<string, number> {
  return Object.fromEntries(l.call('ledger.check', {}).accounts.map((a) => [a.account, a.balanceMinor]));
}

const names = (query: string) => l.call('customer.search', { query }).map((c) => c.name);

describe('customers', () => {
  it('stores phone and e-mail as typed, empty ones as none, and refuses ones that cannot be right', () => {
    setup();
    const ana = l.call('customer.create', { name: 'Ana López', phone: '+34 (612) 345-678', email: 'ana@example.es', notes: 'oat milk', contactOk: true });
    expect(ana).toMatchObject({ name: 'Ana López', phone: '+34 (612) 345-678', email: 'ana@example.es', notes: 'oat milk', contactOk: true, archivedAt: null });
    expect(l.call('customer.create', { name: 'Ben' })).toMatchObject({ phone: null, email: null, notes: null, contactOk: false });
    expect(l.fail('customer.create', { name: 'Cy', phone: '1234' })).toMatchObject({ code: 'invalid_input', key: 'errors.field.phone', field: 'phone' });
    expect(l.fail('customer.create', { name: 'Cy', phone: 'call me 12345' })).toMatchObject({ key: 'errors.field.phone' });
    expect(l.fail('customer.create', { name: 'Cy', email: 'cy@@example.com' })).toMatchObject({ key: 'errors.field.email', field: 'email' });
    expect(l.fail('customer.create', { name: 'Cy', email: 'cy@example' })).toMatchObject({ key: 'errors.field.email' });
    expect(l.fail('customer.create', { name: '  ' })).toMatchObject({ key: 'errors.field.nameRequired', field: 'name' });
  });

  it('finds by any case of the name without accents, or by the digits of a phone, leaving archived, merged and erased ones out', () => {
    setup();
    l.call('customer.create', { name: 'Zoë Ängström', phone: '087 123 4567' });
    l.call('customer.create', { name: 'Zoe Baker', phone: '+44 20 7946 0018' });
    const gone = l.call('customer.create', { name: 'Zoe Archived' });
    l.call('customer.archive', { customerId: gone.id });
    const erased = l.call('customer.create', { name: 'Zoe Erased' });
    l.call('customer.erase', { customerId: erased.id });
    expect(names('ZOE')).toEqual(['Zoë Ängström', 'Zoe Baker']);
    expect(names('angstrom zoe')).toEqual(['Zoë Ängström']);
    expect(names('(087) 1234')).toEqual(['Zoë Ängström']);
    expect(names('7946-0018')).toEqual(['Zoe Baker']);
    expect(names('100%')).toEqual([]);
    // An empty query lists the latest, never more than 20.
    for (let i = 0; i < 25; i += 1) l.call('customer.create', { name: `Guest ${i}` });
    expect(l.call('customer.search', { query: '' })).toHaveLength(20);
  });

  it("lists a customer's visits newest first with items, staff, total, rating and comps, and open tabs too", () => {
    const { latte, biscuit } = setup();
    const ana = l.call('customer.create', { name: 'Ana' });
    const first = visit(ana.id, latte.id, 2);
    l.call('settle.rate', { tabId: first, rating: 'happy' });
    l.advance(60_000);
    const second = l.call('tab.open', {});
    l.call('tab.setCustomer', { tabId: second.id, customerId: ana.id });
    const lineId = l.call('tab.addLine', { tabId: second.id, itemId: biscuit.id, qty: 1 }).lineId;
    l.call('tab.compLine', { tabId: second.id, lineId, kind: 'percent', value: 50, reason: 'broken' });
    const other = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: other.id, itemId: latte.id, qty: 1 });
    const { visits } = l.call('customer.get', { customerId: ana.id });
    expect(visits.map((v) => [v.tabId, v.status, v.totalMinor, v.compMinor])).toEqual([
      [second.id, 'open', 100, 100],
      [first, 'settled', 880, 0],
    ]);
    expect(visits[1]).toMatchObject({ items: [{ name: 'Latte', qty: 2 }], staff: ['Owner'], rating: 'happy', businessDate: '2026-11-24' });
    expect(visits[0]!.compReasons).toEqual(['broken']);
  });

  it("counts a visit at what the customer owed: less a stamp card's reward, and a deposit as paid, not as less", () => {
    const { latte, biscuit } = setup();
    const coffee = l.call('catalog.createCategory', { name: 'Coffee' }).id;
    l.call('catalog.updateItem', { itemId: latte.id, categoryId: coffee });
    // Every 3rd coffee free: two stamps fill the card.
    l.call('store.update', { loyalty: { scheme: 'stamps', categoryId: coffee, stampsEvery: 3, pointsSpendMinor: 100, pointValueMinor: 1, pointsMin: 100 } });
    const ana = l.call('customer.create', { name: 'Ana' });
    const earned = visit(ana.id, latte.id, 2);
    const treat = l.call('tab.open', {});
    l.call('tab.setCustomer', { tabId: treat.id, customerId: ana.id });
    l.call('tab.addLine', { tabId: treat.id, itemId: latte.id, qty: 1 });
    l.call('tab.addLine', { tabId: treat.id, itemId: biscuit.id, qty: 1 });
    const rewarded = l.call('loyalty.redeem', { tabId: treat.id });
    expect(rewarded.dueMinor).toBe(200);
    l.call('settle.pay', { tabId: treat.id, method: 'card' });

    l.call('store.update', { depositPolicy: { mode: 'fixed', fixedMinor: 1000, percent: 0, freeCancelHours: 24, forfeitPercent: 100 } });
    const cut = l.call('catalog.createItem', {
      categoryId: null,
      name: 'Cut',
      kind: 'service',
      priceMinor: 3000,
      rateMilli: 10_000,
      expectText: 'Washed and cut.',
      durationMinutes: 60,
    });
    const booked = l.call('appointment.book', {
      customerId: ana.id,
      staffId: 1,
      date: '2026-11-24',
      startMinute: 720,
      itemIds: [cut.id],
      deposit: { method: 'card', reference: '' },
    });
    const { tabId: salon } = l.call('appointment.checkIn', { appointmentId: booked.id });
    expect(l.call('deposit.apply', { tabId: salon, depositId: booked.deposits[0]!.id, excess: 'refund' }).dueMinor).toBe(2000);
    l.call('settle.pay', { tabId: salon, method: 'card' });

    const { visits } = l.call('customer.get', { customerId: ana.id });
    expect(visits.map((v) => [v.tabId, v.totalMinor, v.compMinor, v.loyaltyMinor])).toEqual([
      [salon, 3000, 0, 0],
      [treat.id, 200, 0, 440],
      [earned, 880, 0, 0],
    ]);
    // The screen of each tab says the same.
    for (const v of visits) expect(l.call('tab.get', { tabId: v.tabId }).totalMinor).toBe(v.totalMinor);
  });

  it('shows the name on the tab and on the board, and attaches only to open tabs', () => {
    const { latte } = setup();
    const ana = l.call('customer.create', { name: 'Ana' });
    const tab = l.call('tab.open', {});
    expect(l.call('tab.setCustomer', { tabId: tab.id, customerId: ana.id })).toMatchObject({ customerId: ana.id, customerName: 'Ana' });
    expect(l.call('tab.listOpen', {})[0]).toMatchObject({ customerId: ana.id, customerName: 'Ana' });
    expect(l.call('tab.setCustomer', { tabId: tab.id, customerId: null })).toMatchObject({ customerId: null, customerName: null });
    const settled = visit(ana.id, latte.id, 1);
    expect(l.fail('tab.setCustomer', { tabId: settled, customerId: null })).toMatchObject({ code: 'tab_not_open' });
    // The database itself refuses it: closed is closed.
    expect(() => l.db.prepare('UPDATE tabs SET customer_id = NULL WHERE id = ?').run(settled)).toThrow(/closed tab keeps its customer/);
    const archived = l.call('customer.create', { name: 'Old' });
    l.call('customer.archive', { customerId: archived.id });
    expect(l.fail('tab.setCustomer', { tabId: tab.id, customerId: archived.id })).toMatchObject({ key: 'errors.customerArchived' });
    expect(l.fail('tab.setCustomer', { tabId: tab.id, customerId: 999 })).toMatchObject({ key: 'errors.customerMissing' });
  });

  it('archives without deleting, and restores', () => {
    setup();
    const ana = l.call('customer.create', { name: 'Ana' });
    expect(l.call('customer.archive', { customerId: ana.id }).archivedAt).not.toBeNull();
    expect(names('ana')).toEqual([]);
    expect(l.call('customer.get', { customerId: ana.id }).customer.name).toBe('Ana');
    expect(l.call('customer.archive', { customerId: ana.id, archived: false }).archivedAt).toBeNull();
    expect(names('ana')).toEqual(['Ana']);
    expect(() => l.db.prepare('DELETE FROM customers WHERE id = ?').run(ana.id)).toThrow(/never deleted/);
  });

  it('merges a duplicate: its visits show on the kept profile, its open tabs move, and the closed ones stay as they were', () => {
    const { latte } = setup();
    const ana = l.call('customer.create', { name: 'Ana' });
    const dup = l.call('customer.create', { name: 'Ana L' });
    const mine = visit(ana.id, latte.id, 1);
    l.advance(60_000);
    const theirs = visit(dup.id, latte.id, 2);
    const open = visit(dup.id, latte.id, 1, false);
    const merged = l.call('customer.merge', { keepId: ana.id, mergeId: dup.id });
    expect(merged.visits.map((v) => [v.tabId, v.customerId])).toEqual([
      [open, ana.id],
      [theirs, dup.id],
      [mine, ana.id],
    ]);
    expect(l.call('customer.get', { customerId: dup.id }).customer).toMatchObject({ mergedInto: ana.id, archivedAt: expect.any(String) });
    expect(l.call('tab.get', { tabId: open }).customerName).toBe('Ana');
    expect(names('ana')).toEqual(['Ana']);
    // Merged into the kept one, a second merge of the kept one carries both along.
    const keep = l.call('customer.create', { name: 'Ana López' });
    expect(l.call('customer.merge', { keepId: keep.id, mergeId: ana.id }).visits.map((v) => v.tabId)).toEqual([open, theirs, mine]);
  });

  it('refuses a merge into itself, of a profile already merged, and of an erased one, changing nothing', () => {
    setup();
    const ana = l.call('customer.create', { name: 'Ana' });
    const dup = l.call('customer.create', { name: 'Ana L' });
    const erased = l.call('customer.create', { name: 'Gone' });
    l.call('customer.erase', { customerId: erased.id });
    expect(l.fail('customer.merge', { keepId: ana.id, mergeId: ana.id })).toMatchObject({ key: 'errors.customerMergeSelf', field: 'mergeId' });
    expect(l.fail('customer.merge', { keepId: ana.id, mergeId: erased.id })).toMatchObject({ key: 'errors.customerErased', field: 'mergeId' });
    expect(l.fail('customer.merge', { keepId: erased.id, mergeId: ana.id })).toMatchObject({ key: 'errors.customerErased', field: 'keepId' });
    l.call('customer.merge', { keepId: ana.id, mergeId: dup.id });
    expect(l.fail('customer.merge', { keepId: ana.id, mergeId: dup.id })).toMatchObject({ key: 'errors.customerMerged', field: 'mergeId' });
    expect(l.fail('customer.merge', { keepId: dup.id, mergeId: ana.id })).toMatchObject({ key: 'errors.customerMerged', field: 'keepId' });
    expect(l.fail('customer.update', { customerId: dup.id, name: 'Back' })).toMatchObject({ key: 'errors.customerMerged' });
  });

  it('erases the personal fields of the profile and its duplicates, keeping every total, visit and account balance', () => {
    const { latte } = setup();
    const ana = l.call('customer.create', { name: 'Ana', phone: '087 123 4567', email: 'ana@example.com', notes: 'nut allergy', contactOk: true });
    const dup = l.call('customer.create', { name: 'Ana L', phone: '087 765 4321' });
    visit(ana.id, latte.id, 1);
    visit(dup.id, latte.id, 3);
    l.call('customer.merge', { keepId: ana.id, mergeId: dup.id });
    const before = { balances: balances(), visits: l.call('customer.get', { customerId: ana.id }).visits };
    const erased = l.call('customer.erase', { customerId: ana.id });
    expect(erased).toMatchObject({ name: 'Erased customer', phone: null, email: null, notes: null, contactOk: false, erasedAt: expect.any(String) });
    expect(l.call('customer.get', { customerId: dup.id }).customer).toMatchObject({ name: 'Erased customer', phone: null });
    expect(balances()).toEqual(before.balances);
    expect(l.call('customer.get', { customerId: ana.id }).visits).toEqual(before.visits);
    expect(names('ana')).toEqual([]);
    expect(names('087')).toEqual([]);
    // Nothing readable of them is left anywhere in the append-only tables.
    const audit = l.db
      .prepare<[], { detail: string }>('SELECT detail FROM audit')
      .all()
      .map((r) => r.detail)
      .join('\n');
    for (const word of ['Ana', '087', 'example.com', 'nut allergy']) expect(audit).not.toContain(word);
    expect(l.fail('customer.update', { customerId: ana.id, name: 'Ana' })).toMatchObject({ key: 'errors.customerErased' });
    expect(() => l.db.prepare("UPDATE customers SET phone = '1' WHERE id = ?").run(ana.id)).toThrow(/stays erased/);
  });

  it('updates what changed and audits which fields, not their words', () => {
    setup();
    const ana = l.call('customer.create', { name: 'Ana' });
    const updated = l.call('customer.update', { customerId: ana.id, phone: '555 12345', notes: 'decaf' });
    expect(updated).toMatchObject({ name: 'Ana', phone: '555 12345', notes: 'decaf' });
    expect(names('55512')).toEqual(['Ana']);
    const row = l.db.prepare<[], { detail: string }>("SELECT detail FROM audit WHERE command = 'customer.update'").get()!;
    expect(JSON.parse(row.detail)).toEqual({ customerId: ana.id, phone: true, notes: true });
    expect(l.call('customer.update', { customerId: ana.id, phone: '' }).phone).toBeNull();
    expect(names('55512')).toEqual([]);
  });
});
