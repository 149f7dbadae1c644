import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bootstrapStore } from '../services/bootstrap';
import { accountBalances, journalTotal, totalOf, unbalancedEntries } from './balance';
import { accounts, insertEntry, postEntry } from './journal';
import { migrate } from './migrate';

function ledger(): { db: Database.Database; entry: () => number; post: (entryId: number, account: string, amount: number) => void } {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const staffId = bootstrapStore(db, '2026-11-24T09:00:00.000Z', 'UTC');
  const header = { kind: 'payment.cash', at: '2026-11-24T10:00:00.000Z', staffId, tabId: null, commandId: null } as const;
  postEntry(db, header, [
    [accounts.cash, 500],
    [accounts.sales('10'), -455],
    [accounts.tax('10'), -45],
  ]);
  postEntry(db, header, [
    [accounts.cash, 120],
    [accounts.receivable, -120],
  ]);
  return {
    db,
    // What a damaged file may hold: postings written past postEntry's own check.
    entry: () => insertEntry(db, header),
    post: (entryId, account, amount) => db.prepare('INSERT INTO postings (entry_id, account, amount_minor) VALUES (?, ?, ?)').run(entryId, account, amount),
  };
}

describe('the journal balance check', () => {
  it('finds a balanced journal balanced, with each account as posted', () => {
    const { db } = ledger();
    expect(unbalancedEntries(db)).toEqual([]);
    expect(journalTotal(db)).toBe(0n);
    expect(accountBalances(db)).toEqual([
      { account: 'cash_drawer', balance: 620n },
      { account: 'sales:10', balance: -455n },
      { account: 'tabs_receivable', balance: -120n },
      { account: 'tax_payable:10', balance: -45n },
    ]);
    expect(totalOf(accountBalances(db))).toBe(0n);
  });

  it('names every entry that does not sum to zero, by id and by how much, and the whole journal off by their sum', () => {
    const { db, entry, post } = ledger();
    const first = entry();
    post(first, 'cash_drawer', 5);
    const second = entry();
    post(second, 'cash_drawer', 10);
    post(second, 'sales:10', -13);
    expect(unbalancedEntries(db)).toEqual([
      { entryId: first, offMinor: 5n },
      { entryId: second, offMinor: -3n },
    ]);
    expect(unbalancedEntries(db, 1)).toEqual([{ entryId: first, offMinor: 5n }]);
    expect(journalTotal(db)).toBe(2n);
    expect(totalOf(accountBalances(db))).toBe(2n);
  });

  it('sums exactly beyond 2^53, where a float would round', () => {
    const { db, entry, post } = ledger();
    const big = Number.MAX_SAFE_INTEGER;
    post(entry(), 'cash_office', big);
    post(entry(), 'cash_office', big);
    expect(journalTotal(db)).toBe(2n * BigInt(big));
    expect(accountBalances(db).find((row) => row.account === 'cash_office')?.balance).toBe(2n * BigInt(big));
    expect(unbalancedEntries(db).map((row) => row.offMinor)).toEqual([BigInt(big), BigInt(big)]);
  });
});
