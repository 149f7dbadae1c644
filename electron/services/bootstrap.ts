import type { Db } from '../ledger/open';
import { statement } from '../ledger/statements';

export const DEFAULT_SETTINGS = {
  name: 'My café',
  currency: 'EUR',
  locale: 'en-IE',
  taxMode: 'inclusive',
  taxRates: [
    { rateMilli: 10_000, label: 'Standard' },
    { rateMilli: 0, label: 'Zero' },
  ],
  tokenFirst: 1,
  tokenLast: 40,
  cashRoundingMinor: 1,
} as const;

/**
 * First run: default store settings and a default owner, so the counter works out of the box.
 * Returns the id of the staff member a fresh session acts as.
 */
export function bootstrapStore(db: Db, now: string, timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'): number {
  return db.transaction(() => {
    const hasSettings = statement(db, 'SELECT 1 FROM store_settings WHERE id = 1').get();
    if (!hasSettings) {
      const d = DEFAULT_SETTINGS;
      statement(
        db,
        `INSERT INTO store_settings (id, name, currency, locale, tax_mode, tax_rates_json, token_first, token_last, cash_rounding_minor, time_zone, updated_at)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(d.name, d.currency, d.locale, d.taxMode, JSON.stringify(d.taxRates), d.tokenFirst, d.tokenLast, d.cashRoundingMinor, timeZone, now);
    }
    const owner = statement<[], { id: number }>(db, "SELECT id FROM staff WHERE role = 'owner' AND active = 1 ORDER BY id LIMIT 1").get();
    if (owner) return owner.id;
    return Number(statement(db, "INSERT INTO staff (name, role, created_at) VALUES ('Owner', 'owner', ?)").run(now).lastInsertRowid);
  })();
}
