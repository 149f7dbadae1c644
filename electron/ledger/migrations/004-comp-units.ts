import type { Migration } from './index';

/**
 * A comp covers some units of its line, not always all of them. Comps given before this version
 * covered the whole line, so they get the line's quantity; from now on a comp stays on the units
 * it was given to when more are added. The check keeps the comped units within the line.
 */
export const m004CompUnits: Migration = {
  version: 4,
  name: 'comp-units',
  up(db) {
    db.exec(`
ALTER TABLE tab_lines ADD COLUMN comp_qty INTEGER CHECK (comp_qty IS NULL OR (comp_qty >= 1 AND comp_qty <= qty));
UPDATE tab_lines SET comp_qty = qty WHERE comp_kind IS NOT NULL;
`);
  },
};
