import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bootstrapStore } from '../services/bootstrap';
import { migrate } from './migrate';
import { highestZ, issuedZ, nextZNumber, raiseZFloor } from './z-numbers';

function ledger(version?: number): { db: Database.Database; owner: number } {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  const owner = version === undefined ? bootstrapStore(db, '2026-11-24T09:00:00.000Z', 'UTC') : 0;
  return { db, owner };
}

function issue(db: Database.Database, owner: number, zNumber: number, businessDate: string): void {
  db.prepare(
    "INSERT INTO z_reports (z_number, business_date, closed_at, closed_by, last_entry_id, report_json) VALUES (?, ?, '2026-11-24T09:00:00.000Z', ?, 0, '{}')",
  ).run(zNumber, businessDate, owner);
}

const floorOf = (db: Database.Database) => db.prepare<[], { f: number }>('SELECT z_number_floor AS f FROM store_settings WHERE id = 1').get()?.f;

describe('the Z-number rule', () => {
  it('starts at 1 and follows the highest number issued', () => {
    const { db, owner } = ledger();
    expect([issuedZ(db), highestZ(db), nextZNumber(db)]).toEqual([0, 0, 1]);
    issue(db, owner, 1, '2026-11-23');
    issue(db, owner, 2, '2026-11-24');
    expect([issuedZ(db), highestZ(db), nextZNumber(db)]).toEqual([2, 2, 3]);
  });

  it('never issues a number at or below the floor a restore raised, and the floor never goes down', () => {
    const { db, owner } = ledger();
    issue(db, owner, 2, '2026-11-23');
    raiseZFloor(db, 7);
    expect([issuedZ(db), highestZ(db), nextZNumber(db)]).toEqual([2, 7, 8]);
    raiseZFloor(db, 4);
    expect(floorOf(db)).toBe(7);
    expect(nextZNumber(db)).toBe(8);
  });

  it('refuses a floor that is not a whole number from 0, and changes nothing', () => {
    const { db } = ledger();
    raiseZFloor(db, 3);
    expect(() => raiseZFloor(db, -1)).toThrow(RangeError);
    expect(() => raiseZFloor(db, 4.5)).toThrow(/whole number/);
    expect(() => raiseZFloor(db, Number.NaN)).toThrow(RangeError);
    expect(floorOf(db)).toBe(3);
  });

  it('reads a ledger older than Z reports or the floor (a backup or damaged file) as having issued none', () => {
    expect(highestZ(ledger(2).db)).toBe(0);
    const v3 = ledger(3).db;
    expect(highestZ(v3)).toBe(0);
  });
});
