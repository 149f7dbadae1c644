import { afterEach, describe, expect, it } from 'vitest';
import { accountPrefixes, entryKinds, isEntryKind, plainAccounts, type EntryKind } from '../../shared/ledger-vocabulary';
import type { EntryHeader, Posting } from '../ledger/journal';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';

let l: TestLedger;
afterEach(() => l.cleanup());

/** An account the vocabulary names: a plain one, or a rate's or a person's after its prefix. */
function isVocabularyAccount(account: string): boolean {
  if ((plainAccounts as readonly string[]).includes(account)) return true;
  if (account.startsWith(accountPrefixes.sales) || account.startsWith(accountPrefixes.tax)) return /^\d+(\.\d+)?$/.test(account.slice(account.indexOf(':') + 1));
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
    const line = l.call('tab.addLine', { tabId: a.id, itemId: latte, qty: 3 }).lines[0]!;
    l.call('tab.setQty', { tabId: a.id, lineId: line.id, qty: 2 });
    l.call('tab.compLine', { tabId: a.id, lineId: line.id, kind: 'percent', value: 50, reason: 'slow' });
    const extra = l.call('tab.addLine', { tabId: a.id, itemId: water }).lines.find((x) => x.name === 'Water')!;
    l.call('tab.removeLine', { tabId: a.id, lineId: extra.id, reason: 'not ordered' });
    l.call('settle.split', { tabId: a.id, mode: 'even', parts: 2 });
    l.call('settle.pay', { tabId: a.id, method: 'cash', partNo: 1, tenderedMinor: 1000 });
    const card = l.call('settle.pay', { tabId: a.id, method: 'card', partNo: 2, tipMinor: 50 });
    l.call('settle.voidLastPayment', { tabId: a.id, paymentId: card.payment.id, reason: 'wrong card' });
    l.call('settle.pay', { tabId: a.id, method: 'other', partNo: 2, reference: 'voucher 7' });
    const b = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: b.id, itemId: water });
    l.call('tab.writeOff', { tabId: b.id, reason: 'walked out' });
    const c = l.call('tab.open', {});
    const free = l.call('tab.addLine', { tabId: c.id, itemId: water }).lines[0]!;
    l.call('tab.compLine', { tabId: c.id, lineId: free.id, kind: 'percent', value: 100, reason: 'birthday' });
    l.call('settle.pay', { tabId: c.id, method: 'cash' });
    l.call('drawer.move', { kind: 'paid_in', amountMinor: 500, reason: 'change' });
    l.call('drawer.move', { kind: 'paid_out', amountMinor: 300, reason: 'milk' });
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 1 } });
    l.call('drawer.close', { varianceReason: 'miscounted' });

    const kinds = l.db.prepare<[], { kind: string }>('SELECT DISTINCT kind FROM journal_entries ORDER BY kind').all().map((r) => r.kind);
    expect(kinds.filter((kind) => !isEntryKind(kind))).toEqual([]);
    // Every kind the commands post, seen at least once (deposits have no command yet).
    const posted = entryKinds.filter((kind) => !kind.startsWith('deposit.'));
    expect([...kinds].sort()).toEqual([...posted].sort());
    const accounts = l.db.prepare<[], { account: string }>('SELECT DISTINCT account FROM postings ORDER BY account').all().map((r) => r.account);
    expect(accounts.filter((account) => !isVocabularyAccount(account))).toEqual([]);
    expect(accounts).toEqual(expect.arrayContaining(['cash_drawer', 'card_clearing', 'other_tender', 'cash_office', 'sales:10', 'tax_payable:10', 'sales:0', 'comps', 'walkouts', 'paid_in', 'paid_out', 'cash_over_short']));
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
