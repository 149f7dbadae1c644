import { z } from 'zod';
import * as s from './schemas';

/** A time of day in minutes after midnight, on a 5-minute grid (services last multiples of 5). */
export const minuteOfDay = z
  .number({ error: 'errors.field.minuteOfDay' })
  .int('errors.field.minuteOfDay')
  .min(0, 'errors.field.minuteOfDay')
  .max(24 * 60, 'errors.field.minuteOfDay')
  .refine((m) => m % 5 === 0, 'errors.field.minuteOfDay');

const dayHours = z
  .object({ open: minuteOfDay, close: minuteOfDay })
  .strict()
  .refine((h) => h.open < h.close, { message: 'errors.field.openingHours', path: ['close'] })
  .nullable();

/** Monday to Sunday. */
export const openingHours = z.tuple([dayHours, dayHours, dayHours, dayHours, dayHours, dayHours, dayHours]);

export const depositPolicy = z
  .object({
    mode: z.enum(['none', 'fixed', 'percent']),
    fixedMinor: s.amount,
    percent: z
      .number({ error: 'errors.field.depositPercent' })
      .int('errors.field.depositPercent')
      .min(0, 'errors.field.depositPercent')
      .max(100, 'errors.field.depositPercent'),
    freeCancelHours: z
      .number({ error: 'errors.field.freeCancelHours' })
      .int('errors.field.freeCancelHours')
      .min(0, 'errors.field.freeCancelHours')
      .max(720, 'errors.field.freeCancelHours'),
    forfeitPercent: z
      .number({ error: 'errors.field.forfeitPercent' })
      .int('errors.field.forfeitPercent')
      .min(0, 'errors.field.forfeitPercent')
      .max(100, 'errors.field.forfeitPercent'),
  })
  .strict()
  .refine((p) => p.mode !== 'fixed' || p.fixedMinor > 0, { message: 'errors.field.depositFixed', path: ['fixedMinor'] })
  .refine((p) => p.mode !== 'percent' || p.percent > 0, { message: 'errors.field.depositPercent', path: ['percent'] });

export const tender = z.enum(['cash', 'card', 'other']);

/** One to ten services from the catalog, in the order they are done. */
export const serviceIds = z.array(s.id).min(1, 'errors.field.services').max(10, 'errors.field.services');

export const bookAppointment = z
  .object({
    customerId: s.id,
    staffId: s.id,
    date: s.businessDate,
    startMinute: minuteOfDay,
    itemIds: serviceIds,
    note: s.readableText(500).default(''),
    /** How the deposit the policy asks for is paid now; null books without one (policy none, or taken later). */
    deposit: z
      .object({ method: tender, reference: s.readableText(80).default('') })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

export const updateAppointment = z
  .object({
    appointmentId: s.id,
    staffId: s.id.optional(),
    date: s.businessDate.optional(),
    startMinute: minuteOfDay.optional(),
    itemIds: serviceIds.optional(),
    note: s.readableText(500).optional(),
  })
  .strict();

/**
 * Cancelling or marking a no-show. A late cancel or a no-show forfeits the policy's share of the
 * deposit; refundAnyway (a manager's call, with a reason) refunds it all instead. expectInTime is
 * what the screen showed (a cancel in time or a late one): a cancel whose timing no longer
 * matches is refused and changes nothing. A no-show is never in time and ignores it.
 */
export const closeAppointment = z.object({ appointmentId: s.id, refundAnyway: s.reason.optional(), expectInTime: z.boolean().optional() }).strict();

export const applyDeposit = z
  .object({
    tabId: s.id,
    depositId: s.id,
    /** What happens to a deposit larger than what the tab owes: refunded by its tender, or kept held on the customer. */
    excess: z.enum(['refund', 'keep']).default('refund'),
  })
  .strict();
