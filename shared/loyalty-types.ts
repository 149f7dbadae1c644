import type { Minor } from './money';

/** Off, a stamp card (every Nth item of one category free) or points per amount spent. */
export const loyaltySchemes = ['off', 'stamps', 'points'] as const;
export type LoyaltyScheme = (typeof loyaltySchemes)[number];
export type LoyaltyOnScheme = Exclude<LoyaltyScheme, 'off'>;

/**
 * The store's loyalty setting. Stamps: every unit of `categoryId` charged on a settled tab is a
 * stamp, and `stampsEvery - 1` stamps free the next one (every 10th coffee free: 9 stamps).
 * Points: one point for every `pointsSpendMinor` paid (tips excluded, whole points only), each
 * worth `pointValueMinor` off a later tab once the customer holds `pointsMin` or more.
 */
export type LoyaltySettings = {
  scheme: LoyaltyScheme;
  categoryId: number | null;
  stampsEvery: number;
  pointsSpendMinor: Minor;
  pointValueMinor: Minor;
  pointsMin: number;
};

export type LoyaltyMovementKind = 'earn' | 'redeem' | 'reverse';

/** One line of a customer's loyalty history: stamps or points earned, spent or given back. */
export type LoyaltyMovement = {
  id: number;
  at: string;
  tabId: number;
  token: number;
  kind: LoyaltyMovementKind;
  scheme: LoyaltyOnScheme;
  /** Signed: earned and given back are positive, spent negative. */
  units: number;
  /** A redemption's amount off the tab; 0 otherwise. */
  discountMinor: Minor;
};

/** Where a customer stands under the scheme in force. */
export type LoyaltyStanding = {
  scheme: LoyaltyOnScheme;
  balance: number;
  /** Stamps: stamps to collect before the reward (N - 1). Points: the least that can be spent. */
  goal: number;
  rewardDue: boolean;
  /** Points only: what the balance is worth off a tab (0 for stamps). */
  spendableMinor: Minor;
  /** Stamps only: the category collected and which unit is free (10 for every 10th). */
  categoryName: string;
  stampsEvery: number;
};

/** A customer's page: the balance under the scheme in force (null while loyalty is off) and every movement. */
export type LoyaltyAccount = { customerId: number; standing: LoyaltyStanding | null; history: LoyaltyMovement[] };

/** The reward on a tab, as the receipt shows it. */
export type LoyaltyReward = {
  scheme: LoyaltyOnScheme;
  units: number;
  discountMinor: Minor;
  /** Stamps: the item whose unit was freed. */
  itemName: string | null;
};

/**
 * A tab's loyalty: the customer's standing, the reward on the tab, what using one now would take
 * off (null when it cannot be used now, with the reason's key), and, once settled, what the tab
 * earned and the balance it left.
 */
export type TabLoyalty = {
  standing: LoyaltyStanding | null;
  reward: LoyaltyReward | null;
  offerMinor: Minor | null;
  earned: number | null;
  balanceAfter: number | null;
  scheme: LoyaltyOnScheme | null;
};
