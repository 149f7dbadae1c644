import type { Migration } from './index';

/**
 * Which tab line each line entry changed, so sales by hour can put a comp, a removed line or a
 * smaller quantity in the hour of the sale it reduces rather than the hour it was given in.
 * Earlier entries are linked through their audit row (it names the line) wherever exactly one
 * command touched the tab at that moment, so the pairing is certain; the rest stay unlinked and
 * count in their own hour, as they always did.
 */
export const m005EntryLines: Migration = {
  version: 5,
  name: 'entry-lines',
  up(db) {
    db.exec(`
CREATE TABLE entry_lines (
  entry_id INTEGER PRIMARY KEY REFERENCES journal_entries (id),
  line_id INTEGER NOT NULL REFERENCES tab_lines (id)
) STRICT;
CREATE INDEX entry_lines_line ON entry_lines (line_id);

INSERT INTO entry_lines (entry_id, line_id)
SELECT je.id, l.id
FROM journal_entries je
JOIN audit a ON a.tab_id = je.tab_id AND a.at = je.created_at
  AND a.command = CASE je.kind WHEN 'line.add' THEN 'tab.addLine' WHEN 'line.qty' THEN 'tab.setQty'
    WHEN 'line.remove' THEN 'tab.removeLine' WHEN 'line.comp' THEN 'tab.compLine' END
JOIN tab_lines l ON l.id = json_extract(a.detail, '$.lineId') AND l.tab_id = je.tab_id
WHERE je.kind IN ('line.add', 'line.qty', 'line.remove', 'line.comp')
  AND (SELECT COUNT(*) FROM audit a2 WHERE a2.tab_id = je.tab_id AND a2.at = je.created_at) = 1
  AND (SELECT COUNT(*) FROM journal_entries j2 WHERE j2.tab_id = je.tab_id AND j2.created_at = je.created_at) = 1;

CREATE TRIGGER entry_lines_no_update BEFORE UPDATE ON entry_lines
BEGIN SELECT RAISE(ABORT, 'entry_lines is append-only: rows are never updated'); END;
CREATE TRIGGER entry_lines_no_delete BEFORE DELETE ON entry_lines
BEGIN SELECT RAISE(ABORT, 'entry_lines is append-only: rows are never deleted'); END;
`);
  },
};
