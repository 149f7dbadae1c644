import type { Minor } from './money';
import type { Rating, TabStatus } from './types';

/** A customer's profile. Phone and e-mail are kept as typed; an erased profile keeps only its id and dates. */
export type Customer = {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  notes: string | null;
  /** Whether they agreed to be contacted (offers, reminders). */
  contactOk: boolean;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  erasedAt: string | null;
  /** The profile this one was merged into; its visits show there. */
  mergedInto: number | null;
};

/** One tab of a customer (or of a profile merged into them), as their page lists it. */
export type CustomerVisit = {
  tabId: number;
  token: number;
  status: TabStatus;
  /** The profile the tab was attached to: this customer's id, or a merged duplicate's. */
  customerId: number;
  businessDate: string;
  openedAt: string;
  closedAt: string | null;
  items: { name: string; qty: number }[];
  /** Who served its lines, by name. */
  staff: string[];
  /**
   * What the tab came to after comps and a loyalty reward, tax included: what the customer owed,
   * however it was paid (a deposit applied to it counts as paid, not as less).
   */
  totalMinor: Minor;
  rating: Rating | null;
  compMinor: Minor;
  compReasons: string[];
  /** What a loyalty reward took off the tab, in its own prices as a comp is (0: none). */
  loyaltyMinor?: Minor;
};

export type CustomerProfile = { customer: Customer; visits: CustomerVisit[] };
