import type { Migration } from './index';

/** The counter: board colour thresholds, the pay-after terms on token slips, and a tab's rating. */
export const m002Counter: Migration = {
  version: 2,
  name: 'counter',
  up(db) {
    db.exec(`
ALTER TABLE store_settings ADD COLUMN amber_minutes INTEGER NOT NULL DEFAULT 45 CHECK (amber_minutes >= 1);
ALTER TABLE store_settings ADD COLUMN red_minutes INTEGER NOT NULL DEFAULT 90 CHECK (red_minutes >= 1);
ALTER TABLE store_settings ADD COLUMN pay_after_terms TEXT NOT NULL DEFAULT 'Pay at the counter when you''re done. Not happy? Tell us.';
ALTER TABLE tabs ADD COLUMN rating TEXT CHECK (rating IN ('happy', 'okay', 'unhappy'));
`);
  },
};
