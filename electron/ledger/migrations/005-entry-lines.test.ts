import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { salesByHour } from '../../services/sales-by-hour';
import { migrate } from '../migrate';

const DAY = '2026-11-24';

/**
 * A version 4 ledger on UTC: tab 1 rang up a latte (line 1) at 10:15 and comped half of it at
 * 11:05; on tab 2 two commands came in the same millisecond at 12:00 (a cake, line 2, and a
 * water, line 3), so which entry changed which line cannot be told from the audit trail.
 */
function atVersion4(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 4);
  db.prepare(
    `INSERT INTO store_settings (id, name, currency, locale, tax_mode, tax_rates_json, token_first, token_last, cash_rounding_minor, updated_at)
     VALUES (1, 'Old store', 'EUR', 'en-IE', 'inclusive', '[]', 1, 40, 1, 'x')`,
  ).run();
  db.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'O', 'owner', 'x')").run();
  const tab = db.prepare("INSERT INTO tabs (id, token, status, tax_mode, opened_at, opened_by, last_activity_at) VALUES (?, ?, 'open', 'inclusive', ?, 1, ?)");
  tab.run(1, 1, `${DAY}T10:15:00.000Z`, `${DAY}T11:05:00.000Z`);
  tab.run(2, 2, `${DAY}T12:00:00.000Z`, `${DAY}T12:00:00.000Z`);
  const line = db.prepare(
    "INSERT INTO tab_lines (id, tab_id, name, unit_minor, tax_rate_milli, qty, staff_id, state, created_at) VALUES (?, ?, ?, ?, 10000, 1, 1, 'active', ?)",
  );
  line.run(1, 1, 'Latte', 440, `${DAY}T10:15:00.000Z`);
  line.run(2, 2, 'Cake', 330, `${DAY}T12:00:00.000Z`);
  line.run(3, 2, 'Water', 220, `${DAY}T12:00:00.000Z`);
  const entry = db.prepare('INSERT INTO journal_entries (id, created_at, kind, tab_id, staff_id, business_date) VALUES (?, ?, ?, ?, 1, ?)');
  const post = db.prepare('INSERT INTO postings (entry_id, account, amount_minor) VALUES (?, ?, ?)');
  const audit = db.prepare('INSERT INTO audit (at, staff_id, command, tab_id, detail) VALUES (?, 1, ?, ?, ?)');
  const posted = (id: number, at: string, kind: string, tabId: number, sales: number, comps: number, tax: number) => {
    entry.run(id, `${DAY}T${at}:00.000Z`, kind, tabId, DAY);
    post.run(id, 'tabs_receivable', sales - comps + tax);
    if (sales !== 0) post.run(id, 'sales:10', -sales);
    if (comps !== 0) post.run(id, 'comps', comps);
    post.run(id, 'tax_payable:10', -tax);
  };
  posted(1, '10:15', 'line.add', 1, 400, 0, 40);
  audit.run(`${DAY}T10:15:00.000Z`, 'tab.addLine', 1, JSON.stringify({ lineId: 1, item: 'Latte', qty: 1 }));
  posted(2, '11:05', 'line.comp', 1, 0, 200, -20);
  audit.run(`${DAY}T11:05:00.000Z`, 'tab.compLine', 1, JSON.stringify({ lineId: 1, item: 'Latte', kind: 'percent', value: 50, reason: 'cold' }));
  posted(3, '12:00', 'line.add', 2, 300, 0, 30);
  posted(4, '12:00', 'line.add', 2, 200, 0, 20);
  audit.run(`${DAY}T12:00:00.000Z`, 'tab.addLine', 2, JSON.stringify({ lineId: 2, item: 'Cake', qty: 1 }));
  audit.run(`${DAY}T12:00:00.000Z`, 'tab.addLine', 2, JSON.stringify({ lineId: 3, item: 'Water', qty: 1 }));
  return db;
}

describe('migration 005: which line each line entry changed', () => {
  it('links earlier entries through their audit row where one command touched the tab at that moment, and only there', () => {
    const db = atVersion4();
    expect(migrate(db, 5)).toBe(5);
    expect(db.prepare('SELECT entry_id, line_id FROM entry_lines ORDER BY entry_id').all()).toEqual([
      { entry_id: 1, line_id: 1 },
      { entry_id: 2, line_id: 1 },
    ]);
  });

  it('so the day that was open at the upgrade already puts the earlier comp in the hour of its sale', () => {
    const db = atVersion4();
    migrate(db, 5);
    expect(salesByHour(db, DAY, 'UTC', 240)).toEqual([
      { hour: 10, netMinor: 200 },
      { hour: 12, netMinor: 500 },
    ]);
  });

  it('a later reduction of a line whose sale was never linked reduces the hour the line was made in', () => {
    const db = atVersion4();
    migrate(db, 5);
    // The water (line 3) is removed at 14:30, after the upgrade: that entry names its line.
    db.prepare(
      `INSERT INTO journal_entries (id, created_at, kind, tab_id, staff_id, business_date) VALUES (5, '${DAY}T14:30:00.000Z', 'line.remove', 2, 1, '${DAY}')`,
    ).run();
    const post = db.prepare('INSERT INTO postings (entry_id, account, amount_minor) VALUES (5, ?, ?)');
    post.run('tabs_receivable', -220);
    post.run('sales:10', 200);
    post.run('tax_payable:10', 20);
    db.prepare('INSERT INTO entry_lines (entry_id, line_id) VALUES (5, 3)').run();
    expect(salesByHour(db, DAY, 'UTC', 240)).toEqual([
      { hour: 10, netMinor: 200 },
      { hour: 12, netMinor: 300 },
    ]);
  });

  it('keeps the links append-only', () => {
    const db = atVersion4();
    migrate(db, 5);
    expect(() => db.prepare('UPDATE entry_lines SET line_id = 2').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM entry_lines').run()).toThrow(/append-only/);
  });
});
