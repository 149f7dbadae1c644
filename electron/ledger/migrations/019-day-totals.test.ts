import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dayTotalProblems } from '../../services/ledger-check';
import { registerChainFunctions, verifyChain } from '../chain';
import { migrate } from '../migrate';
import { m019DayTotals } from './019-day-totals';

const BEFORE = m019DayTotals.version - 1;
let db: Database.Database;
afterEach(() => db.close());

const entry = (id: number, day: string, kind: string, staff: number) =>
  db.prepare("INSERT INTO journal_entries (id, created_at, kind, tab_id, staff_id, business_date) VALUES (?, 'x', ?, NULL, ?, ?)").run(id, kind, staff, day);
const posting = (entryId: number, account: string, amount: number) =>
  db.prepare('INSERT INTO postings (entry_id, account, amount_minor) VALUES (?, ?, ?)').run(entryId, account, amount);

/** A ledger one version before 019 with two people and entries on two business days. */
function before(): Database.Database {
  db = new Database(':memory:');
  expect(migrate(db, BEFORE)).toBe(BEFORE);
  registerChainFunctions(db);
  db.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'O', 'owner', 'x'), (2, 'B', 'staff', 'x')").run();
  entry(1, '2026-11-24', 'line.add', 1);
  posting(1, 'tabs_receivable', 440);
  posting(1, 'sales:10', -400);
  posting(1, 'tax:10', -40);
  entry(2, '2026-11-24', 'line.add', 2);
  posting(2, 'tabs_receivable', 220);
  posting(2, 'sales:10', -200);
  posting(2, 'tax:10', -20);
  entry(3, '2026-11-25', 'payment.cash', 2);
  posting(3, 'cash_drawer', 660);
  posting(3, 'tabs_receivable', -660);
  return db;
}

/** What the running totals must hold: the journal summed by day, kind, maker and account. */
const fromJournal = () =>
  db
    .prepare(
      `SELECT je.business_date, je.kind, je.staff_id, p.account, SUM(p.amount_minor) AS amount_minor FROM journal_entries je JOIN postings p ON p.entry_id = je.id
       GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    )
    .all();
const totals = () => db.prepare('SELECT business_date, kind, staff_id, account, amount_minor FROM day_posting_totals ORDER BY 1, 2, 3, 4').all();
const counts = () => db.prepare('SELECT business_date, kind, staff_id, entries FROM day_entry_totals ORDER BY 1, 2, 3').all();

describe('migration 019: the running totals of each business day', () => {
  it('fills them from the journal as it stands, and keeps the chain whole', () => {
    before();
    expect(migrate(db, m019DayTotals.version)).toBe(m019DayTotals.version);
    expect(totals()).toEqual(fromJournal());
    expect(totals()).toContainEqual({ business_date: '2026-11-24', kind: 'line.add', staff_id: 1, account: 'sales:10', amount_minor: -400 });
    expect(counts()).toEqual([
      { business_date: '2026-11-24', kind: 'line.add', staff_id: 1, entries: 1 },
      { business_date: '2026-11-24', kind: 'line.add', staff_id: 2, entries: 1 },
      { business_date: '2026-11-25', kind: 'payment.cash', staff_id: 2, entries: 1 },
    ]);
    expect(verifyChain(db).broken).toBeNull();
  });

  it('follows every entry and posting written after it, an entry without postings counted too', () => {
    before();
    migrate(db, m019DayTotals.version);
    entry(4, '2026-11-25', 'line.add', 1);
    posting(4, 'tabs_receivable', 330);
    posting(4, 'sales:10', -300);
    posting(4, 'tax:10', -30);
    entry(5, '2026-11-25', 'line.add', 1);
    posting(5, 'tabs_receivable', 110);
    posting(5, 'sales:10', -100);
    posting(5, 'tax:10', -10);
    entry(6, '2026-11-25', 'drawer.open', 2);
    expect(totals()).toEqual(fromJournal());
    expect(totals()).toContainEqual({ business_date: '2026-11-25', kind: 'line.add', staff_id: 1, account: 'sales:10', amount_minor: -400 });
    expect(counts()).toContainEqual({ business_date: '2026-11-25', kind: 'line.add', staff_id: 1, entries: 2 });
    expect(counts()).toContainEqual({ business_date: '2026-11-25', kind: 'drawer.open', staff_id: 2, entries: 1 });
  });

  it('never loses a row: the totals follow the journal, which is append-only', () => {
    before();
    migrate(db, m019DayTotals.version);
    expect(() => db.prepare('DELETE FROM day_posting_totals').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM day_entry_totals').run()).toThrow(/never deleted/);
    expect(totals()).toEqual(fromJournal());
  });

  it('is checked against the journal: a total changed behind the app’s back names its day', () => {
    before();
    migrate(db, m019DayTotals.version);
    expect(dayTotalProblems(db, { allDays: true })).toEqual([]);
    db.prepare("UPDATE day_posting_totals SET amount_minor = amount_minor - 100 WHERE business_date = '2026-11-25' AND account = 'cash_drawer'").run();
    db.prepare("UPDATE day_entry_totals SET entries = 2 WHERE business_date = '2026-11-24' AND staff_id = 2").run();
    expect(dayTotalProblems(db, { allDays: true })).toEqual([
      'the running totals of business day 2026-11-24 do not match its journal entries',
      'the running totals of business day 2026-11-25 do not match its journal entries',
    ]);
  });

  it('reads a day by its key, without scanning', () => {
    before();
    migrate(db, m019DayTotals.version);
    const plan = (sql: string) =>
      db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all('2026-11-24')
        .map((r) => r.detail)
        .join('; ');
    expect(plan('SELECT kind, account, SUM(amount_minor) FROM day_posting_totals WHERE business_date = ? GROUP BY kind, account')).toMatch(
      /^SEARCH day_posting_totals USING PRIMARY KEY \(business_date=\?\)/,
    );
    expect(plan('SELECT kind, SUM(entries) FROM day_entry_totals WHERE business_date = ? GROUP BY kind')).toMatch(
      /^SEARCH day_entry_totals USING PRIMARY KEY \(business_date=\?\)/,
    );
  });
});
