import type { Migration } from './index';

/*
 * Running totals of each business day (issue 14), so a day's report reads a few rows per kind of
 * entry instead of summing every posting of the day again: a Z or an X no longer takes longer
 * with every tab.
 *
 * day_entry_totals: how many journal entries of each kind each person made on each business day.
 * day_posting_totals: what each account moved on each business day, by the kind of the entry and
 * the person who made it.
 *
 * Both are kept by triggers on the journal's inserts (the journal and its postings are
 * append-only, and an entry's day, kind and maker never change), so no service can forget them,
 * and are filled from the journal as it stands when this migration runs. They hold nothing the
 * journal does not: ledger.check compares the days not yet closed with the postings. A row is
 * never deleted; a day's rows only grow while the day is open (invariant 8 refuses entries to a
 * closed day).
 */

export const m019DayTotals: Migration = {
  version: 19,
  name: 'day-totals',
  up(db) {
    db.exec(`
CREATE TABLE day_entry_totals (
  business_date TEXT NOT NULL,
  kind TEXT NOT NULL,
  staff_id INTEGER NOT NULL,
  entries INTEGER NOT NULL,
  PRIMARY KEY (business_date, kind, staff_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE day_posting_totals (
  business_date TEXT NOT NULL,
  kind TEXT NOT NULL,
  staff_id INTEGER NOT NULL,
  account TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  PRIMARY KEY (business_date, kind, staff_id, account)
) STRICT, WITHOUT ROWID;

INSERT INTO day_entry_totals (business_date, kind, staff_id, entries)
SELECT business_date, kind, staff_id, COUNT(*) FROM journal_entries GROUP BY business_date, kind, staff_id;

INSERT INTO day_posting_totals (business_date, kind, staff_id, account, amount_minor)
SELECT je.business_date, je.kind, je.staff_id, p.account, SUM(p.amount_minor)
FROM journal_entries je JOIN postings p ON p.entry_id = je.id
GROUP BY je.business_date, je.kind, je.staff_id, p.account;

CREATE TRIGGER journal_entries_day_totals AFTER INSERT ON journal_entries
BEGIN
  INSERT INTO day_entry_totals (business_date, kind, staff_id, entries) VALUES (NEW.business_date, NEW.kind, NEW.staff_id, 1)
  ON CONFLICT (business_date, kind, staff_id) DO UPDATE SET entries = entries + 1;
END;

CREATE TRIGGER postings_day_totals AFTER INSERT ON postings
BEGIN
  INSERT INTO day_posting_totals (business_date, kind, staff_id, account, amount_minor)
  SELECT je.business_date, je.kind, je.staff_id, NEW.account, NEW.amount_minor FROM journal_entries je WHERE je.id = NEW.entry_id
  ON CONFLICT (business_date, kind, staff_id, account) DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor;
END;

CREATE TRIGGER day_entry_totals_no_delete BEFORE DELETE ON day_entry_totals
BEGIN SELECT RAISE(ABORT, 'day_entry_totals follow the journal: rows are never deleted'); END;
CREATE TRIGGER day_posting_totals_no_delete BEFORE DELETE ON day_posting_totals
BEGIN SELECT RAISE(ABORT, 'day_posting_totals follow the journal: rows are never deleted'); END;
`);
  },
};
