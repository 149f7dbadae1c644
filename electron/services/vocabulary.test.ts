import { afterEach, describe, expect, it } from 'vitest';
import { accountPrefixes, entryKinds, isEntryKind, isMoveKind, plainAccounts, type EntryKind } from '../../shared/ledger-vocabulary';
import type { EntryHeader, Posting } from '../ledger/journal';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';

let l: TestLedger;
afterEach(() => l.cleanup());

/** An account the vocabulary names: a plain one, or a rate's or a person's after its prefix. */
function isVocabularyAccount(account: string): boolean {
  if ((plainAccounts as readonly string[]).includes(account)) return true;
  if (account.startsWith(accountPrefixes.sales) || account.startsWith(accountPrefixes.tax))
    return /^\d+(\.\d+)?$/.test(account.slice(account.indexOf(':') + 1));
  return account.startsWith(accountPrefixes.tips) && /^\d+$/.test(account.slice(accountPrefixes.tips.length));
}

describe('the journal vocabulary', () => {
  it('holds every kind and account a day of commands writes, and the kinds the services post are the ones it lists', () => {
    l = makeLedger('2026-11-24T09:00:00.000Z', { drawer: false });
    const item = (name: string, priceMinor: number, rateMilli: number) =>
      l.call('catalog.createItem', { categoryId: null, name, kind: 'product', priceMinor, rateMilli, expectText: '' }).id;
    const latte = item('Latte', 440, 10_000);
    const water = item('Water', 200, 0);
    l.call('drawer.open', { float: { kind: 'total', totalMinor: 5000 } });
    const a = l.call('tab.open', {});
    const line = l.call('tab.addLine', { tabId: a.id, itemId: latte, qty: 3 }).lineId;
    l.call('tab.setQty', { tabId: a.id, lineId: line, qty: 2 });
    l.call('tab.compLine', { tabId: a.id, lineId: line, kind: 'percent', value: 50, reason: 'slow' });
    const extra = l.call('tab.addLine', { tabId: a.id, itemId: water }).lineId;
    l.call('tab.removeLine', { tabId: a.id, lineId: extra, reason: 'not ordered' });
    l.call('settle.split', { tabId: a.id, mode: 'even', parts: 2 });
    l.call('settle.pay', { tabId: a.id, method: 'cash', partNo: 1, tenderedMinor: 1000 });
    const card = l.call('settle.pay', { tabId: a.id, method: 'card', partNo: 2, tipMinor: 50 });
    l.call('settle.voidLastPayment', { tabId: a.id, paymentId: card.payment.id, reason: 'wrong card' });
    l.call('settle.pay', { tabId: a.id, method: 'other', partNo: 2, reference: 'voucher 7' });
    const b = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: b.id, itemId: water });
    l.call('tab.writeOff', { tabId: b.id, reason: 'walked out' });
    const c = l.call('tab.open', {});
    const free = l.call('tab.addLine', { tabId: c.id, itemId: water }).lineId;
    l.call('tab.compLine', { tabId: c.id, lineId: free, kind: 'percent', value: 100, reason: 'birthday' });
    l.call('settle.pay', { tabId: c.id, method: 'cash' });
    l.call('drawer.move', { kind: 'paid_in', amountMinor: 500, reason: 'change' });
    l.call('drawer.move', { kind: 'paid_out', amountMinor: 300, reason: 'milk' });
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 1 } });
    l.call('drawer.close', { varianceReason: 'miscounted' });

    const kinds = l.db
      .prepare<[], { kind: string }>('SELECT DISTINCT kind FROM journal_entries ORDER BY kind')
      .all()
      .map((r) => r.kind);
    expect(kinds.filter((kind) => !isEntryKind(kind))).toEqual([]);
    // Every kind the commands post, seen at least once (deposits are walked through in deposits.test.ts).
    // Loyalty's kinds are posted by loyalty.test.ts.
    // Moves and merges between tabs are posted by tab-moves.test.ts.
    // Refunds are posted by refunds.test.ts.
    const posted = entryKinds.filter(
      (kind) => !kind.startsWith('deposit.') && !kind.startsWith('loyalty.') && !isMoveKind(kind) && !kind.startsWith('refund.'),
    );
    expect([...kinds].sort()).toEqual([...posted].sort());
    const accounts = l.db
      .prepare<[], { account: string }>('SELECT DISTINCT account FROM postings ORDER BY account')
      .all()
      .map((r) => r.account);
    expect(accounts.filter((account) => !isVocabularyAccount(account))).toEqual([]);
    expect(accounts).toEqual(
      expect.arrayContaining([
        'cash_drawer',
        'card_clearing',
        'other_tender',
        'cash_office',
        'sales:10',
        'tax_payable:10',
        'sales:0',
        'comps',
        'walkouts',
        'paid_in',
        'paid_out',
        'cash_over_short',
      ]),
    );
  });

  it('lets only the deposit kinds the Z counts move deposits_held, over a salon day of every deposit path', () => {
    l = makeLedger('2026-11-24T08:00:00.000Z');
    const policy = { mode: 'fixed' as const, fixedMinor: 1000, percent: 0, freeCancelHours: 24, forfeitPercent: 50 };
    l.call('store.update', { depositPolicy: policy });
    const hair = l.call('catalog.createCategory', { name: 'Hair' }).id;
    const service = (name: string, priceMinor: number) =>
      l.call('catalog.createItem', { categoryId: hair, name, kind: 'service', priceMinor, rateMilli: 0, expectText: '', durationMinutes: 30 }).id;
    const cut = service('Cut', 3000);
    const trim = service('Trim', 600);
    l.call('store.update', { loyalty: { scheme: 'stamps', categoryId: hair, stampsEvery: 2, pointsSpendMinor: 100, pointValueMinor: 1, pointsMin: 100 } });
    const ana = l.call('customer.create', { name: 'Ana' }).id;
    const book = (date: string, startMinute: number, itemIds: number[], method: 'cash' | 'card' | null = 'card') =>
      l.call('appointment.book', { customerId: ana, staffId: 1, date, startMinute, itemIds, deposit: method === null ? null : { method, reference: '' } });
    const checkIn = (appointmentId: number) => l.call('appointment.checkIn', { appointmentId }).tabId;

    // A stamp from a first visit, then a deposit applied, the reward used, taken back off as a line is added, used again, and a payment voided and paid again.
    const first = book('2026-11-24', 540, [trim], null);
    l.call('settle.pay', { tabId: checkIn(first.id), method: 'card' });
    const visit = book('2026-11-24', 570, [cut, trim], 'cash');
    const visitTab = checkIn(visit.id);
    l.call('deposit.apply', { tabId: visitTab, depositId: visit.deposits[0]!.id });
    l.call('loyalty.redeem', { tabId: visitTab });
    l.call('tab.addLine', { tabId: visitTab, itemId: trim });
    l.call('loyalty.redeem', { tabId: visitTab });
    const paid = l.call('settle.pay', { tabId: visitTab, method: 'card' });
    l.call('settle.voidLastPayment', { tabId: visitTab, paymentId: paid.payment.id, reason: 'wrong card' });
    l.call('settle.pay', { tabId: visitTab, method: 'cash' });
    // A deposit larger than the bill: the rest refunded on one visit, kept on the customer on the next, and used later.
    l.call('store.update', { depositPolicy: { ...policy, fixedMinor: 1500 } });
    const small = book('2026-11-24', 600, [trim]);
    l.call('deposit.apply', { tabId: checkIn(small.id), depositId: small.deposits[0]!.id, excess: 'refund' });
    const keep = book('2026-11-24', 630, [trim], 'cash');
    l.call('deposit.apply', { tabId: checkIn(keep.id), depositId: keep.deposits[0]!.id, excess: 'keep' });
    const later = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: later.id, itemId: cut });
    l.call('tab.setCustomer', { tabId: later.id, customerId: ana });
    const kept = l.call('appointment.forCustomer', { customerId: ana }).heldDeposits.find((d) => d.fromDepositId === keep.deposits[0]!.id)!;
    l.call('deposit.apply', { tabId: later.id, depositId: kept.id });
    l.call('tab.writeOff', { tabId: later.id, reason: 'walked out' });
    // Taken later by phone; cancelled in time, cancelled late, a no-show, refunded on request, and one left held.
    const phoned = book('2026-11-26', 600, [cut], null);
    l.call('appointment.takeDeposit', { appointmentId: phoned.id, method: 'other', reference: 'bank' });
    l.call('appointment.cancel', { appointmentId: phoned.id });
    const late = book('2026-11-25', 540, [cut]);
    const noShow = book('2026-11-24', 660, [cut], 'cash');
    const onRequest = book('2026-11-27', 600, [cut]);
    book('2026-11-28', 600, [cut]);
    l.setNow('2026-11-24T12:00:00.000Z');
    l.call('appointment.cancel', { appointmentId: late.id });
    l.call('appointment.noShow', { appointmentId: noShow.id });
    l.call('deposit.refund', { depositId: onRequest.deposits[0]!.id, reason: 'moving away' });

    const movers = l.db
      .prepare<[], { kind: string }>(
        "SELECT DISTINCT e.kind FROM journal_entries e JOIN postings p ON p.entry_id = e.id WHERE p.account = 'deposits_held' AND p.amount_minor <> 0 ORDER BY e.kind",
      )
      .all()
      .map((r) => r.kind);
    // The Z's deposit section adds up only these four; any other kind moving the account would leave it out.
    const counted = ['deposit.apply', 'deposit.forfeit', 'deposit.refund', 'deposit.take'];
    expect(movers).toEqual(counted);
    expect(entryKinds.filter((kind) => kind.startsWith('deposit.')).sort()).toEqual(counted);
    // Every other kind the day wrote, loyalty's included, left deposits_held alone.
    const others = l.db
      .prepare<[], { kind: string }>("SELECT DISTINCT kind FROM journal_entries WHERE kind NOT LIKE 'deposit.%' ORDER BY kind")
      .all()
      .map((r) => r.kind);
    expect(others).toEqual(expect.arrayContaining(['loyalty.redeem', 'loyalty.undo', 'payment.void', 'tab.writeOff', 'payment.cash', 'payment.card']));
    const x = l.call('report.x', {});
    expect((x.deposits.broughtForwardMinor ?? 0) + x.deposits.takenMinor - x.deposits.appliedMinor - x.deposits.refundedMinor - x.deposits.forfeitedMinor).toBe(
      x.deposits.heldMinor,
    );
    expect(x.deposits.heldMinor).toBe(1500);
  });

  it('lists each kind and plain account once', () => {
    expect(new Set(entryKinds).size).toBe(entryKinds.length);
    expect(new Set(plainAccounts).size).toBe(plainAccounts.length);
    expect(isEntryKind('line.add')).toBe(true);
    expect(isEntryKind('line.ad')).toBe(false);
  });

  it('makes a misspelt kind or account a type error where entries are written', () => {
    // @ts-expect-error a kind the vocabulary does not list
    const header: EntryHeader = { kind: 'payment.cahs', at: '', staffId: 1, tabId: null, commandId: null };
    // @ts-expect-error an account the vocabulary does not list
    const posting: Posting = ['cash_drawr', 100];
    // @ts-expect-error a tips account is kept per person, by staff id
    const tips: Posting = ['tips_payable:kim', 100];
    const kind: EntryKind = 'tab.writeOff';
    expect([header.kind, posting[0], tips[0], kind]).toEqual(['payment.cahs', 'cash_drawr', 'tips_payable:kim', 'tab.writeOff']);
  });
});
