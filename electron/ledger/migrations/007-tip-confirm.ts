import type { Migration } from './index';

/**
 * The share of the bill above which a tip is taken only once the person confirms it in words
 * (a mistyped 1000 instead of 10.00). A store from before starts at 30 %, the same as a new one;
 * the number is written here, not imported, so this migration never changes with live code.
 */
export const m007TipConfirm: Migration = {
  version: 7,
  name: 'tip-confirm',
  up(db) {
    db.exec(`
ALTER TABLE store_settings ADD COLUMN tip_confirm_percent INTEGER NOT NULL DEFAULT 30
  CHECK (tip_confirm_percent BETWEEN 1 AND 1000);
`);
  },
};
