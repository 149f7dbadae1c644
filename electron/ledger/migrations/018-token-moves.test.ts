import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { describeBreak, registerChainFunctions, verifyChain } from '../chain';
import { migrate } from '../migrate';
import { m018TokenMoves } from './018-token-moves';

const BEFORE = m018TokenMoves.version - 1;
let db: Database.Database;
afterEach(() => db.close());

/** A ledger one version before 018: a store, an owner, open tabs 1 and 2 (tokens 1 and 2), tab 3 settled on token 3, one line on tab 1. */
function before(): Database.Database {
  const made = new Database(':memory:');
  expect(migrate(made, BEFORE)).toBe(BEFORE);
  registerChainFunctions(made);
  made
    .prepare(
      "INSERT INTO store_settings (id, name, currency, locale, tax_mode, tax_rates_json, token_first, token_last, cash_rounding_minor, updated_at) VALUES (1, 'S', 'EUR', 'en-IE', 'inclusive', '[]', 1, 40, 1, 'x')",
    )
    .run();
  made.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'O', 'owner', 'x')").run();
  for (const id of [1, 2, 3])
    made
      .prepare("INSERT INTO tabs (id, token, status, tax_mode, opened_at, opened_by, last_activity_at) VALUES (?, ?, 'open', 'inclusive', 'x', 1, 'x')")
      .run(id, id);
  made
    .prepare(
      "INSERT INTO tab_lines (id, tab_id, name, unit_minor, tax_rate_milli, qty, staff_id, state, created_at) VALUES (1, 1, 'Tea', 400, 10000, 2, 1, 'active', 'x')",
    )
    .run();
  made.prepare("UPDATE tabs SET status = 'settled', closed_at = '2026-11-24T10:00:00.000Z', closed_business_date = '2026-11-24' WHERE id = 3").run();
  return made;
}

const at = '2026-11-24T11:00:00.000Z';
const moveRow = (line: number, from: number, to: number, qty: number, newLine: number | null = null) =>
  db
    .prepare('INSERT INTO line_moves (line_id, from_tab_id, to_tab_id, qty, new_line_id, merged, at, staff_id) VALUES (?, ?, ?, ?, ?, 0, ?, 1)')
    .run(line, from, to, qty, newLine, at);
const tokenEvent = (token: number, kind: 'missing' | 'found', tab: number) =>
  db.prepare('INSERT INTO token_events (token, kind, tab_id, at, staff_id) VALUES (?, ?, ?, ?, 1)').run(token, kind, tab, at);

describe('migration 018: token moves', () => {
  it('adds its tables empty to a ledger in use and keeps the chain whole', () => {
    db = before();
    expect(migrate(db, m018TokenMoves.version)).toBe(m018TokenMoves.version);
    for (const table of ['token_events', 'tab_token_changes', 'line_moves', 'tab_merges'])
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    expect(verifyChain(db).broken).toBeNull();
  });

  it('answers the hot questions by index: a token’s newest event, what was merged into a tab', () => {
    db = before();
    migrate(db, m018TokenMoves.version);
    const plan = (sql: string) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((r) => (r as { detail: string }).detail)
        .join(' | ');
    expect(plan('SELECT kind FROM token_events WHERE token = 3 ORDER BY id DESC LIMIT 1')).toMatch(/USING (COVERING )?INDEX token_events_token/);
    expect(plan('SELECT SUM(paid_minor) FROM tab_merges WHERE into_tab_id = 1')).toMatch(/USING INDEX tab_merges_into/);
    expect(plan('SELECT max(id) FROM line_moves WHERE line_id = 1')).toMatch(/line_moves_line/);
  });

  it('moves a line to another open tab only with the row that records exactly that move', () => {
    db = before();
    migrate(db, m018TokenMoves.version);
    expect(() => db.prepare('UPDATE tab_lines SET tab_id = 2 WHERE id = 1').run()).toThrow(/closed is closed: tab_lines/);
    // A move of part of the line is no licence to move all of it.
    expect(() => moveRow(1, 1, 2, 1)).toThrow(/a line moves between two open tabs/);
    moveRow(1, 1, 2, 2);
    db.prepare('UPDATE tab_lines SET tab_id = 2 WHERE id = 1').run();
    // Not to a closed tab, and the record cannot be written for one either.
    expect(() => moveRow(1, 2, 3, 2)).toThrow(/a line moves between two open tabs/);
    expect(() => db.prepare('UPDATE tab_lines SET tab_id = 3 WHERE id = 1').run()).toThrow(/closed is closed: tab_lines/);
    expect(() => db.prepare('UPDATE line_moves SET qty = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM line_moves').run()).toThrow(/append-only/);
    expect(verifyChain(db).broken).toBeNull();
  });

  it('lets a token go missing only with the closed tab that held it last, keeps it from any open tab, and finds it again', () => {
    db = before();
    migrate(db, m018TokenMoves.version);
    expect(() => tokenEvent(1, 'missing', 1)).toThrow(/goes missing with the settled or written-off tab/);
    expect(() => tokenEvent(3, 'found', 3)).toThrow(/only a missing token is found/);
    tokenEvent(3, 'missing', 3);
    expect(() => tokenEvent(3, 'missing', 3)).toThrow(/goes missing/);
    expect(() =>
      db.prepare("INSERT INTO tabs (token, status, tax_mode, opened_at, opened_by, last_activity_at) VALUES (3, 'open', 'inclusive', 'x', 1, 'x')").run(),
    ).toThrow(/a missing token is not handed out/);
    expect(() => db.prepare('INSERT INTO tab_token_changes (tab_id, from_token, to_token, at, staff_id) VALUES (1, 1, 3, ?, 1)').run(at)).toThrow(
      /not missing/,
    );
    tokenEvent(3, 'found', 3);
    db.prepare('INSERT INTO tab_token_changes (tab_id, from_token, to_token, at, staff_id) VALUES (1, 1, 3, ?, 1)').run(at);
    db.prepare('UPDATE tabs SET token = 3 WHERE id = 1').run();
    expect(() => db.prepare('UPDATE tabs SET token = 9 WHERE id = 1').run()).toThrow(/tab_token_changes/);
    expect(() => db.prepare('DELETE FROM token_events').run()).toThrow(/append-only/);
    expect(verifyChain(db).broken).toBeNull();
  });

  it('keeps a merged tab closed as voided, and chains every row so one taken out with the triggers dropped is caught', () => {
    db = before();
    migrate(db, m018TokenMoves.version);
    db.prepare('INSERT INTO tab_merges (from_tab_id, into_tab_id, from_token, into_token, paid_minor, at, staff_id) VALUES (2, 1, 2, 1, 0, ?, 1)').run(at);
    expect(() =>
      db.prepare('INSERT INTO tab_merges (from_tab_id, into_tab_id, from_token, into_token, paid_minor, at, staff_id) VALUES (3, 1, 3, 1, 0, ?, 1)').run(at),
    ).toThrow(/merged while open/);
    expect(() => db.prepare("UPDATE tabs SET status = 'settled', closed_at = ? WHERE id = 2").run(at)).toThrow(/closes as voided/);
    db.prepare("UPDATE tabs SET status = 'voided', closed_at = ?, close_reason = 'merged into token 1' WHERE id = 2").run(at);
    tokenEvent(3, 'missing', 3);
    expect(verifyChain(db).broken).toBeNull();
    db.exec('DROP TRIGGER token_events_no_delete; DELETE FROM token_events;');
    const broken = verifyChain(db).broken;
    expect(broken && describeBreak(broken)).toMatch(/token event #1/);
  });
});
