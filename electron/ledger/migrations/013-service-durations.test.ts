import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { registerChainFunctions, verifyChain } from '../chain';
import { migrate } from '../migrate';
import { m013ServiceDurations } from './013-service-durations';

const BEFORE = m013ServiceDurations.version - 1;
let db: Database.Database;
afterEach(() => db.close());

/**
 * A ledger one version before 013 holding a product with words, a service, and two tabs with a
 * line of each: one still open, one settled (closed is closed).
 */
function beforeServiceDurations(): Database.Database {
  const made = new Database(':memory:');
  expect(migrate(made, BEFORE)).toBe(BEFORE);
  registerChainFunctions(made);
  made.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'O', 'owner', 'x')").run();
  const item = made.prepare(
    "INSERT INTO items (id, name, kind, price_minor, tax_rate_milli, expect_text, created_at, updated_at) VALUES (?, ?, ?, ?, 10000, ?, 'x', 'x')",
  );
  item.run(1, 'Latte', 'product', 440, 'Steamed milk, 300 ml.');
  item.run(2, 'Cut', 'service', 3200, 'Washed, cut and styled.');
  const tab = made.prepare(
    "INSERT INTO tabs (id, token, status, tax_mode, opened_at, opened_by, last_activity_at) VALUES (?, ?, 'open', 'inclusive', 'x', 1, 'x')",
  );
  const line = made.prepare(
    "INSERT INTO tab_lines (tab_id, item_id, name, unit_minor, tax_rate_milli, qty, staff_id, state, created_at) VALUES (?, ?, ?, ?, 10000, 1, 1, 'active', 'x')",
  );
  for (const id of [1, 2]) {
    tab.run(id, id);
    line.run(id, 1, 'Latte', 440);
    line.run(id, 2, 'Cut', 3200);
  }
  made.prepare("UPDATE tabs SET status = 'settled', closed_at = 'y', closed_business_date = '2026-11-24' WHERE id = 2").run();
  return made;
}

const items = () => db.prepare('SELECT id, kind, expect_text, duration_minutes FROM items ORDER BY id').all();
const lineWords = (tabId: number) => db.prepare('SELECT name, expect_text FROM tab_lines WHERE tab_id = ? ORDER BY id').all(tabId);

describe('migration 013: services take time, and a line keeps what to expect', () => {
  it('gives existing services 30 minutes, clears a product’s words, and snapshots only open tabs’ service lines', () => {
    db = beforeServiceDurations();
    expect(migrate(db, m013ServiceDurations.version)).toBe(m013ServiceDurations.version);
    expect(items()).toEqual([
      { id: 1, kind: 'product', expect_text: '', duration_minutes: null },
      { id: 2, kind: 'service', expect_text: 'Washed, cut and styled.', duration_minutes: 30 },
    ]);
    expect(lineWords(1)).toEqual([
      { name: 'Latte', expect_text: '' },
      { name: 'Cut', expect_text: 'Washed, cut and styled.' },
    ]);
    // The settled tab is left as it closed: its paper was printed without the words.
    expect(lineWords(2)).toEqual([
      { name: 'Latte', expect_text: '' },
      { name: 'Cut', expect_text: '' },
    ]);
    const chain = verifyChain(db);
    expect(chain.broken).toBeNull();
    expect(chain.rowsChecked).toBeGreaterThan(0);
  });

  it('refuses, on any connection, a service without a duration, a product with one or with words, and a duration off the 5-minute grid', () => {
    db = beforeServiceDurations();
    migrate(db, m013ServiceDurations.version);
    const insert = db.prepare(
      "INSERT INTO items (name, kind, price_minor, tax_rate_milli, expect_text, duration_minutes, created_at, updated_at) VALUES ('X', ?, 1, 0, ?, ?, 'x', 'x')",
    );
    expect(() => insert.run('service', '', null)).toThrow(/a service has a duration/);
    expect(() => insert.run('product', '', 30)).toThrow(/a service has a duration/);
    expect(() => insert.run('product', 'words', null)).toThrow(/a product has neither/);
    for (const bad of [0, 4, 7, 605]) expect(() => insert.run('service', '', bad), String(bad)).toThrow(/CHECK/);
    insert.run('service', '', 5);
    insert.run('service', '', 600);
    insert.run('product', '', null);
    expect(() => db.prepare("UPDATE items SET kind = 'product' WHERE id = 2").run()).toThrow(/a product has neither/);
    expect(() => db.prepare('UPDATE items SET duration_minutes = NULL WHERE id = 2').run()).toThrow(/a service has a duration/);
    expect(() => db.prepare("UPDATE tab_lines SET expect_text = 'rewritten' WHERE tab_id = 2").run()).toThrow(/closed is closed/);
  });
});
