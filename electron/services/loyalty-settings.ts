import { DomainError } from '../../shared/errors';
import type { LoyaltySettings } from '../../shared/loyalty-types';
import type { Db } from '../ledger/open';
import { statement } from '../ledger/statements';

/** The loyalty columns of store_settings (migration 015). */
export type LoyaltyRow = {
  loyalty_scheme: LoyaltySettings['scheme'];
  loyalty_category_id: number | null;
  loyalty_stamps_every: number;
  loyalty_points_spend_minor: number;
  loyalty_point_value_minor: number;
  loyalty_points_min: number;
};

export function loyaltyFromRow(row: LoyaltyRow): LoyaltySettings {
  return {
    scheme: row.loyalty_scheme,
    categoryId: row.loyalty_category_id,
    stampsEvery: row.loyalty_stamps_every,
    pointsSpendMinor: row.loyalty_points_spend_minor,
    pointValueMinor: row.loyalty_point_value_minor,
    pointsMin: row.loyalty_points_min,
  };
}

export function readLoyaltySettings(db: Db): LoyaltySettings {
  const row = statement<[], LoyaltyRow>(
    db,
    'SELECT loyalty_scheme, loyalty_category_id, loyalty_stamps_every, loyalty_points_spend_minor, loyalty_point_value_minor, loyalty_points_min FROM store_settings WHERE id = 1',
  ).get();
  if (!row) throw new Error('store settings are missing; the ledger was not bootstrapped');
  return loyaltyFromRow(row);
}

/**
 * Writes the loyalty setting (store.update's part of it). A stamp card needs a category still on
 * sale; a category may be kept while the card is off or on points, ready for the switch. Balances
 * already earned stay as they are: each scheme keeps its own.
 */
export function writeLoyaltySettings(db: Db, next: LoyaltySettings, now: string): void {
  if (next.scheme === 'stamps' && next.categoryId === null) throw new DomainError('invalid_input', 'errors.loyalty.categoryNeeded', {}, 'loyalty.categoryId');
  if (next.categoryId !== null) {
    const category = statement<[number], { archived: number }>(db, 'SELECT archived FROM categories WHERE id = ?').get(next.categoryId);
    if (!category) throw new DomainError('not_found', 'errors.categoryMissing', { id: next.categoryId }, 'loyalty.categoryId');
    if (category.archived && next.scheme === 'stamps') throw new DomainError('invalid_input', 'errors.loyalty.categoryArchived', {}, 'loyalty.categoryId');
  }
  statement(
    db,
    `UPDATE store_settings SET loyalty_scheme = ?, loyalty_category_id = ?, loyalty_stamps_every = ?, loyalty_points_spend_minor = ?,
       loyalty_point_value_minor = ?, loyalty_points_min = ?, updated_at = ? WHERE id = 1`,
  ).run(next.scheme, next.categoryId, next.stampsEvery, next.pointsSpendMinor, next.pointValueMinor, next.pointsMin, now);
}
