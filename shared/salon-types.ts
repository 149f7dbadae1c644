import type { Minor } from './money';
import type { PaymentMethod } from './types';

/**
 * The salon's book: opening hours, appointments and the deposits taken against no-shows.
 * Times of day are minutes after the store's local midnight (540 = 09:00) on a local calendar
 * date (YYYY-MM-DD) in the store's time zone: a salon books wall-clock times, and a day view is
 * one date.
 */

/** One weekday's hours: open and close in minutes after midnight, or closed all day. */
export type DayHours = { open: number; close: number } | null;

/** Monday first, seven entries. */
export type OpeningHours = [DayHours, DayHours, DayHours, DayHours, DayHours, DayHours, DayHours];

export type DepositMode = 'none' | 'fixed' | 'percent';

/** The store's deposit policy (Settings). */
export type DepositPolicy = {
  mode: DepositMode;
  /** The deposit when mode is fixed. */
  fixedMinor: Minor;
  /** The deposit's share of the booked services' prices when mode is percent (1 to 100). */
  percent: number;
  /** A cancellation at least this many hours before the start is in time: its deposit is refunded. */
  freeCancelHours: number;
  /** The share of the deposit a late cancel or a no-show forfeits (0 to 100); the rest is refunded. */
  forfeitPercent: number;
};

export type AppointmentStatus = 'booked' | 'checked_in' | 'done' | 'cancelled' | 'late_cancel' | 'no_show';

/** A service as booked: a snapshot of the catalog at booking, so a later price change does not move a deposit's base. */
export type BookedService = {
  itemId: number;
  name: string;
  priceMinor: Minor;
  durationMinutes: number;
  /** The service's "what to expect" text (result, limits, aftercare) at booking. */
  expectText: string;
};

export type DepositStatus = 'held' | 'closed';

export type Deposit = {
  id: number;
  customerId: number;
  /** The appointment it was taken for; null for the rest of a deposit kept on the customer. */
  appointmentId: number | null;
  /** The deposit this one is the kept rest of; null for one taken at the counter. */
  fromDepositId: number | null;
  amountMinor: Minor;
  method: PaymentMethod;
  status: DepositStatus;
  /** Once closed, where every minor unit went: applied + refunded + forfeited + kept = amount. */
  appliedMinor: Minor;
  refundedMinor: Minor;
  forfeitedMinor: Minor;
  /** Kept on the customer as a new held deposit (fromDepositId points back here). */
  keptMinor: Minor;
  /** The tab it is attached to (at check-in) or was applied to. */
  tabId: number | null;
  takenAt: string;
  /** Business day it was taken on (for a kept rest: the day of the original). */
  takenBusinessDate: string;
  closedAt: string | null;
  /** Why a deposit was refunded after a late cancel or no-show, or refunded on request. */
  reason: string | null;
};

export type Appointment = {
  id: number;
  customerId: number;
  /** "Erased customer" once the profile is erased. */
  customerName: string;
  staffId: number;
  staffName: string;
  date: string;
  startMinute: number;
  endMinute: number;
  status: AppointmentStatus;
  services: BookedService[];
  note: string;
  /** The tab it became at check-in. */
  tabId: number | null;
  token: number | null;
  /** What is held against it now (0 when none or once applied, refunded or forfeited). */
  depositHeldMinor: Minor;
  createdAt: string;
  updatedAt: string;
};

export type AppointmentDetail = Appointment & {
  deposits: Deposit[];
  /** The policy it was booked under, for the confirmation's plain words. */
  policy: DepositPolicy;
  /** Whether a cancellation now would be in time (before start minus freeCancelHours). */
  cancelInTime: boolean;
};

export type StaffColumn = { id: number; name: string };

export type AppointmentDay = {
  date: string;
  hours: DayHours;
  /** Every active staff member, one column each, in the board's order. */
  staff: StaffColumn[];
  appointments: Appointment[];
};

export type AppointmentWeek = {
  staff: StaffColumn;
  days: { date: string; hours: DayHours; appointments: Appointment[] }[];
};

/** What check-in made: the appointment (now checked in) and its tab on a token. */
export type CheckInResult = { appointment: AppointmentDetail; tabId: number; token: number };

/**
 * A deposit as a tab shows it: one attached at check-in and still held (to apply first), or one
 * applied to it (appliedMinor > 0; the receipt's "Deposit paid 1 Dec: 10.00", dated takenAt).
 */
export type TabDeposit = {
  id: number;
  amountMinor: Minor;
  appliedMinor: Minor;
  method: PaymentMethod;
  status: DepositStatus;
  takenAt: string;
  takenBusinessDate: string;
};
