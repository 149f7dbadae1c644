import type { Migration } from './index';

/**
 * A change of time zone or day boundary asked for after the first Z waits here until the next Z
 * closes the day being traded, so that day is counted by the rules it began with. Both are set
 * together or both are empty.
 */
export const m009BusinessDay: Migration = {
  version: 9,
  name: 'business-day',
  up(db) {
    db.exec(`
ALTER TABLE store_settings ADD COLUMN next_time_zone TEXT;
ALTER TABLE store_settings ADD COLUMN next_day_boundary_minutes INTEGER
  CHECK (next_day_boundary_minutes IS NULL OR next_day_boundary_minutes BETWEEN 0 AND 1439);
`);
  },
};
