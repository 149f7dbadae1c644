import type { Migration } from './index';

/*
 * A service takes time and tells the customer what to expect; a product has neither. The limits
 * are written here, not imported, so this migration never changes with live code: 5 to 600
 * minutes in steps of 5.
 *
 * Existing data is made to fit before the rule is set: every service gets 30 minutes (the owner
 * corrects it in the catalog), and a product's "what to expect" text, which no screen showed a
 * customer, is cleared. Both are catalog rows, outside the journal and the chain.
 *
 * A line keeps the text as it was when it was added (tab_lines.expect_text), so a settled tab's
 * receipt never changes with the catalog. Lines of open tabs take their service's current text;
 * lines of closed tabs stay empty, since closed is closed (migration 010) and their paper was
 * printed without it.
 */
const KIND_RULE = `(NEW.kind = 'service') <> (NEW.duration_minutes IS NOT NULL) OR (NEW.kind = 'product' AND NEW.expect_text <> '')`;
const KIND_WORDS = 'a service has a duration; a product has neither a duration nor a what-to-expect text';

export const m013ServiceDurations: Migration = {
  version: 13,
  name: 'service-durations',
  up(db) {
    db.exec(`
ALTER TABLE items ADD COLUMN duration_minutes INTEGER
  CHECK (duration_minutes IS NULL OR (duration_minutes BETWEEN 5 AND 600 AND duration_minutes % 5 = 0));
UPDATE items SET duration_minutes = 30 WHERE kind = 'service';
UPDATE items SET expect_text = '' WHERE kind = 'product' AND expect_text <> '';

CREATE TRIGGER items_kind_fields_insert BEFORE INSERT ON items WHEN ${KIND_RULE}
BEGIN SELECT RAISE(ABORT, '${KIND_WORDS}'); END;
CREATE TRIGGER items_kind_fields_update BEFORE UPDATE ON items WHEN ${KIND_RULE}
BEGIN SELECT RAISE(ABORT, '${KIND_WORDS}'); END;

ALTER TABLE tab_lines ADD COLUMN expect_text TEXT NOT NULL DEFAULT '';
UPDATE tab_lines SET expect_text = (SELECT i.expect_text FROM items i WHERE i.id = tab_lines.item_id)
WHERE (SELECT status FROM tabs WHERE id = tab_lines.tab_id) = 'open'
  AND EXISTS (SELECT 1 FROM items i WHERE i.id = tab_lines.item_id AND i.kind = 'service' AND i.expect_text <> '');
`);
  },
};
