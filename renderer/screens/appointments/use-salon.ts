import type { AppEvent } from '../../../shared/types';
import type { Result } from '../../../shared/errors';
import type { Appointment, AppointmentDay, AppointmentDetail, AppointmentWeek, Deposit } from '../../../shared/salon-types';
import { api } from '../../api';
import { useLiveQuery, type LiveQuery } from '../../hooks/use-live-query';

/**
 * The book moves with bookings, deposits and check-ins (appointments), settling (tabs), customers,
 * the store's hours and policy, and the staff list: any of these asks again.
 */
export const SALON_EVENTS: readonly AppEvent['type'][] = [
  'appointments.changed',
  'tabs.changed',
  'customers.changed',
  'drawer.changed',
  'store.changed',
  'staff.changed',
  'day.changed',
];

/** One loader per key, so useLiveQuery gets the same function on every render. */
function cached<T>(cache: Map<string, () => Promise<Result<T>>>, key: string, make: () => Promise<Result<T>>): () => Promise<Result<T>> {
  let load = cache.get(key);
  if (!load) {
    load = make;
    cache.set(key, load);
  }
  return load;
}

const days = new Map<string, () => Promise<Result<AppointmentDay>>>();
const weeks = new Map<string, () => Promise<Result<AppointmentWeek>>>();
const details = new Map<string, () => Promise<Result<AppointmentDetail>>>();
const forCustomer = new Map<string, () => Promise<Result<{ appointments: Appointment[]; heldDeposits: Deposit[] }>>>();
const loadUpcoming = (): Promise<Result<Appointment[]>> => api['appointment.upcoming']({ minutes: 120 });

export function useAppointmentDay(date: string): LiveQuery<AppointmentDay> {
  return useLiveQuery(
    cached(days, date, () => api['appointment.day']({ date })),
    SALON_EVENTS,
  );
}

export function useAppointmentWeek(staffId: number, from: string): LiveQuery<AppointmentWeek> {
  return useLiveQuery(
    cached(weeks, `${staffId}|${from}`, () => api['appointment.week']({ staffId, from })),
    SALON_EVENTS,
  );
}

export function useAppointment(appointmentId: number): LiveQuery<AppointmentDetail> {
  return useLiveQuery(
    cached(details, String(appointmentId), () => api['appointment.get']({ appointmentId })),
    SALON_EVENTS,
  );
}

export function useCustomerAppointments(customerId: number): LiveQuery<{ appointments: Appointment[]; heldDeposits: Deposit[] }> {
  return useLiveQuery(
    cached(forCustomer, String(customerId), () => api['appointment.forCustomer']({ customerId })),
    SALON_EVENTS,
  );
}

/** The next two hours' bookings (the board's side list). */
export function useUpcoming(): LiveQuery<Appointment[]> {
  return useLiveQuery(loadUpcoming, SALON_EVENTS);
}
