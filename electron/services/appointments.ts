import { addDays } from '../../shared/domain/business-day';
import { DomainError } from '../../shared/errors';
import type { ParsedInput } from '../../shared/contract';
import type {
  Appointment,
  AppointmentDay,
  AppointmentDetail,
  AppointmentStatus,
  AppointmentWeek,
  BookedService,
  CheckInResult,
  Deposit,
  DepositPolicy,
  StaffColumn,
} from '../../shared/salon-types';
import type { ItemKind } from '../../shared/types';
import { businessDateAt, writeAudit } from '../ledger/journal';
import type { Db } from '../ledger/open';
import {
  cancelInTime,
  clockText,
  depositFor,
  earlierOf,
  freeCancelDeadline,
  hoursOn,
  instantOf,
  localNow,
  weekdayIndex,
  weekdayNames,
} from './appointments-rules';
import type { ServiceContext } from './context';
import { customerFamily } from './customer-visits';
import { closeHeldDeposits, readDeposits, takeDeposit as takeDepositRow } from './deposits';
import { repostTab } from './repost';
import { moneyText, readSettings } from './store';
import { openTab } from './tabs';
import { statement } from '../ledger/statements';

/**
 * The salon's book. An appointment is a customer booked with one staff member for services, on
 * a local date from a start minute to an end the services' durations give. Only a booked one
 * changes; check-in makes it a tab, and the tab's close makes it done (appointments-tab.ts).
 */

type AppointmentRow = {
  id: number;
  customer_id: number;
  customer_name: string;
  staff_id: number;
  staff_name: string;
  date: string;
  start_minute: number;
  end_minute: number;
  status: AppointmentStatus;
  note: string;
  policy_json: string;
  free_cancel_by: string;
  tab_id: number | null;
  token: number | null;
  created_at: string;
  updated_at: string;
  held: number;
};

const SELECT = `
  SELECT a.*, c.name AS customer_name, s.name AS staff_name, t.token AS token,
    (SELECT COALESCE(SUM(d.amount_minor), 0) FROM deposits d WHERE d.appointment_id = a.id AND d.status = 'held') AS held
  FROM appointments a JOIN customers c ON c.id = a.customer_id JOIN staff s ON s.id = a.staff_id LEFT JOIN tabs t ON t.id = a.tab_id`;

type ServiceRow = { appointment_id: number; item_id: number; name: string; price_minor: number; duration_minutes: number; expect_text: string };

function servicesOf(db: Db, ids: readonly number[]): Map<number, BookedService[]> {
  const out = new Map<number, BookedService[]>();
  if (ids.length === 0) return out;
  const rows = statement<[string], ServiceRow>(
    db,
    'SELECT * FROM appointment_services WHERE appointment_id IN (SELECT value FROM json_each(?)) ORDER BY appointment_id, position',
  ).all(JSON.stringify(ids));
  for (const r of rows) {
    const list = out.get(r.appointment_id) ?? [];
    list.push({ itemId: r.item_id, name: r.name, priceMinor: r.price_minor, durationMinutes: r.duration_minutes, expectText: r.expect_text });
    out.set(r.appointment_id, list);
  }
  return out;
}

function toAppointments(db: Db, rows: AppointmentRow[]): Appointment[] {
  const services = servicesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    staffId: r.staff_id,
    staffName: r.staff_name,
    date: r.date,
    startMinute: r.start_minute,
    endMinute: r.end_minute,
    status: r.status,
    services: services.get(r.id) ?? [],
    note: r.note,
    tabId: r.tab_id,
    token: r.token,
    depositHeldMinor: r.held,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

function readRow(db: Db, appointmentId: number): AppointmentRow {
  const row = statement<[number], AppointmentRow>(db, `${SELECT} WHERE a.id = ?`).get(appointmentId);
  if (!row) throw new DomainError('not_found', 'errors.appointmentMissing', { id: appointmentId }, 'appointmentId');
  return row;
}

const policyOf = (row: Pick<AppointmentRow, 'policy_json'>): DepositPolicy => JSON.parse(row.policy_json) as DepositPolicy;

export function readAppointment(db: Db, appointmentId: number, now: string): AppointmentDetail {
  const row = readRow(db, appointmentId);
  const [appointment] = toAppointments(db, [row]);
  if (!appointment) throw new Error('an appointment read back as nothing');
  const deposits = readDeposits(db, 'appointment_id = ?', [appointmentId]);
  return { ...appointment, deposits, policy: policyOf(row), cancelInTime: cancelInTime(row.free_cancel_by, now) };
}

function staffColumns(db: Db): StaffColumn[] {
  return statement<[], StaffColumn>(db, 'SELECT id, name FROM staff WHERE active = 1 ORDER BY name COLLATE NOCASE, id').all();
}

export function appointmentDay(ctx: ServiceContext, input: ParsedInput<'appointment.day'>): AppointmentDay {
  const { openingHours } = readSettings(ctx.db);
  const rows = statement<[string], AppointmentRow>(ctx.db, `${SELECT} WHERE a.date = ? ORDER BY a.start_minute, a.id`).all(input.date);
  return { date: input.date, hours: hoursOn(openingHours, input.date), staff: staffColumns(ctx.db), appointments: toAppointments(ctx.db, rows) };
}

export function appointmentWeek(ctx: ServiceContext, input: ParsedInput<'appointment.week'>): AppointmentWeek {
  const staff = statement<[number], StaffColumn>(ctx.db, 'SELECT id, name FROM staff WHERE id = ?').get(input.staffId);
  if (!staff) throw new DomainError('not_found', 'errors.staffMissing', { id: input.staffId }, 'staffId');
  const { openingHours } = readSettings(ctx.db);
  const to = addDays(input.from, 6);
  const rows = statement<[number, string, string], AppointmentRow>(
    ctx.db,
    `${SELECT} WHERE a.staff_id = ? AND a.date BETWEEN ? AND ? ORDER BY a.date, a.start_minute, a.id`,
  ).all(staff.id, input.from, to);
  const all = toAppointments(ctx.db, rows);
  const days = Array.from({ length: 7 }, (_, i) => {
    const date = addDays(input.from, i);
    return { date, hours: hoursOn(openingHours, date), appointments: all.filter((a) => a.date === date) };
  });
  return { staff, days };
}

/**
 * The board's side list: today's booked appointments, on the store's wall clock, from those
 * under way and not yet checked in (a client a few minutes late) to those starting within
 * `minutes` from now.
 */
export function upcomingAppointments(ctx: ServiceContext, input: ParsedInput<'appointment.upcoming'>): Appointment[] {
  const { timeZone } = readSettings(ctx.db);
  const today = localNow(ctx.now, timeZone);
  const rows = statement<[string, number, number], AppointmentRow>(
    ctx.db,
    `${SELECT} WHERE a.date = ? AND a.status = 'booked' AND a.end_minute > ? AND a.start_minute <= ? ORDER BY a.start_minute, a.id`,
  ).all(today.date, today.minute, today.minute + input.minutes);
  return toAppointments(ctx.db, rows);
}

export function getAppointment(ctx: ServiceContext, input: ParsedInput<'appointment.get'>): AppointmentDetail {
  return readAppointment(ctx.db, input.appointmentId, ctx.now);
}

/** A customer's book, merged duplicates included, newest first; and what is held for them. */
export function customerAppointments(
  ctx: ServiceContext,
  input: ParsedInput<'appointment.forCustomer'>,
): { appointments: Appointment[]; heldDeposits: Deposit[] } {
  if (!statement(ctx.db, 'SELECT 1 FROM customers WHERE id = ?').get(input.customerId)) {
    throw new DomainError('not_found', 'errors.customerMissing', { id: input.customerId }, 'customerId');
  }
  const family = JSON.stringify(customerFamily(ctx.db, input.customerId));
  const rows = statement<[string], AppointmentRow>(
    ctx.db,
    `${SELECT} WHERE a.customer_id IN (SELECT value FROM json_each(?)) ORDER BY a.date DESC, a.start_minute DESC, a.id DESC LIMIT 200`,
  ).all(family);
  return {
    appointments: toAppointments(ctx.db, rows),
    heldDeposits: readDeposits(ctx.db, "customer_id IN (SELECT value FROM json_each(?)) AND status = 'held'", [family]),
  };
}

/** A profile that can be booked: there, and not erased, merged away or archived. */
function requireBookable(db: Db, customerId: number): void {
  const row = statement<[number], { archived_at: string | null; erased_at: string | null; merged_into: number | null }>(
    db,
    'SELECT archived_at, erased_at, merged_into FROM customers WHERE id = ?',
  ).get(customerId);
  if (!row) throw new DomainError('not_found', 'errors.customerMissing', { id: customerId }, 'customerId');
  if (row.erased_at !== null) throw new DomainError('conflict', 'errors.customerErased', { id: customerId }, 'customerId');
  if (row.merged_into !== null) throw new DomainError('conflict', 'errors.customerMerged', { id: customerId, into: row.merged_into }, 'customerId');
  if (row.archived_at !== null) throw new DomainError('conflict', 'errors.customerArchived', { id: customerId }, 'customerId');
}

function requireActiveStaff(db: Db, staffId: number): string {
  const row = statement<[number], { name: string }>(db, 'SELECT name FROM staff WHERE id = ? AND active = 1').get(staffId);
  if (!row) throw new DomainError('not_found', 'errors.staffMissing', { id: staffId }, 'staffId');
  return row.name;
}

/** The catalog's services as they are now, in the order given: the booking's snapshot. */
function readServices(db: Db, itemIds: readonly number[]): BookedService[] {
  const read = statement<
    [number],
    { id: number; name: string; kind: ItemKind; price_minor: number; duration_minutes: number | null; expect_text: string; archived: number }
  >(db, 'SELECT id, name, kind, price_minor, duration_minutes, expect_text, archived FROM items WHERE id = ?');
  return itemIds.map((id) => {
    const item = read.get(id);
    if (!item) throw new DomainError('not_found', 'errors.itemMissing', { id }, 'itemIds');
    if (item.archived) throw new DomainError('conflict', 'errors.itemArchived', { name: item.name }, 'itemIds');
    if (item.kind !== 'service' || item.duration_minutes === null) throw new DomainError('invalid_input', 'errors.notAService', { name: item.name }, 'itemIds');
    return { itemId: item.id, name: item.name, priceMinor: item.price_minor, durationMinutes: item.duration_minutes, expectText: item.expect_text };
  });
}

type Slot = { staffId: number; staffName: string; date: string; start: number; end: number; excludeId: number | null };

/** Inside that weekday's opening hours, and clear of the person's other booked or checked-in appointments (touching ends are fine). */
function requireSlot(db: Db, slot: Slot): void {
  const { openingHours } = readSettings(db);
  const hours = hoursOn(openingHours, slot.date);
  const day = weekdayNames[weekdayIndex(slot.date)] ?? '';
  if (hours === null) throw new DomainError('outside_opening_hours', 'errors.closedThatDay', { day }, 'date');
  if (slot.start < hours.open || slot.end > hours.close) {
    throw new DomainError(
      'outside_opening_hours',
      'errors.outsideOpeningHours',
      { day, open: clockText(hours.open), close: clockText(hours.close), start: clockText(slot.start), end: clockText(Math.min(slot.end, 1440)) },
      'startMinute',
    );
  }
  const other = statement<[number, string, number, number, number], { start_minute: number; end_minute: number }>(
    db,
    `SELECT start_minute, end_minute FROM appointments WHERE staff_id = ? AND date = ? AND status IN ('booked', 'checked_in')
         AND id IS NOT ? AND start_minute < ? AND end_minute > ? ORDER BY start_minute LIMIT 1`,
  ).get(slot.staffId, slot.date, slot.excludeId ?? -1, slot.end, slot.start);
  if (other) {
    throw new DomainError(
      'appointment_overlap',
      'errors.appointmentOverlap',
      { staff: slot.staffName, start: clockText(other.start_minute), end: clockText(other.end_minute) },
      'startMinute',
    );
  }
}

function writeServices(db: Db, appointmentId: number, services: readonly BookedService[]): void {
  const insert = statement(
    db,
    'INSERT INTO appointment_services (appointment_id, position, item_id, name, price_minor, duration_minutes, expect_text) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  services.forEach((s, i) => insert.run(appointmentId, i, s.itemId, s.name, s.priceMinor, s.durationMinutes, s.expectText));
}

const endOf = (start: number, services: readonly BookedService[]) => start + services.reduce((s, x) => s + x.durationMinutes, 0);

function audit(ctx: ServiceContext, command: string, detail: Record<string, number | string | null>, tabId: number | null = null): void {
  // Ids, times and amounts only: the audit is append-only and hashed, so no name or note goes in.
  writeAudit(ctx.db, { at: ctx.now, staffId: ctx.actor.id, command, tabId, detail: JSON.stringify(detail) });
}

/** The policy's deposit for these services now, refused when the policy takes none. */
function policyDeposit(
  policy: DepositPolicy,
  services: readonly BookedService[],
  noneKey: 'errors.depositNotRequired' | 'errors.bookingNoDeposit' = 'errors.depositNotRequired',
): number {
  if (policy.mode === 'none') throw new DomainError('deposit_not_required', noneKey, {}, 'deposit');
  const amount = depositFor(
    policy,
    services.map((s) => s.priceMinor),
  );
  if (amount <= 0) throw new DomainError('deposit_not_required', 'errors.depositZero', {}, 'deposit');
  return amount;
}

export function bookAppointment(ctx: ServiceContext, input: ParsedInput<'appointment.book'>): AppointmentDetail {
  const { db } = ctx;
  requireBookable(db, input.customerId);
  const staffName = requireActiveStaff(db, input.staffId);
  const services = readServices(db, input.itemIds);
  const end = endOf(input.startMinute, services);
  requireSlot(db, { staffId: input.staffId, staffName, date: input.date, start: input.startMinute, end, excludeId: null });
  // The policy goes with the booking: what the customer agreed to stays, whatever Settings say later.
  const { depositPolicy: policy, timeZone } = readSettings(db);
  const amount = input.deposit ? policyDeposit(policy, services) : 0;
  const freeCancelBy = freeCancelDeadline(policy, instantOf(input.date, input.startMinute, timeZone));
  const appointmentId = Number(
    statement(
      db,
      `INSERT INTO appointments (customer_id, staff_id, date, start_minute, end_minute, status, note, policy_json, free_cancel_by, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.customerId,
      input.staffId,
      input.date,
      input.startMinute,
      end,
      input.note,
      JSON.stringify(policy),
      freeCancelBy,
      ctx.now,
      ctx.actor.id,
      ctx.now,
      ctx.actor.id,
    ).lastInsertRowid,
  );
  writeServices(db, appointmentId, services);
  audit(ctx, 'appointment.book', {
    appointmentId,
    customerId: input.customerId,
    staffId: input.staffId,
    date: input.date,
    startMinute: input.startMinute,
    endMinute: end,
    services: services.length,
  });
  if (input.deposit) {
    takeDepositRow(ctx, { customerId: input.customerId, appointmentId, amountMinor: amount, method: input.deposit.method, reference: input.deposit.reference });
  }
  return readAppointment(db, appointmentId, ctx.now);
}

/** Only a booked appointment changes; the words say what it is and what was asked. */
function requireBooked(row: AppointmentRow, action: string): void {
  if (row.status !== 'booked') {
    throw new DomainError('appointment_state', 'errors.appointmentState', { status: row.status.replace('_', ' '), action }, 'appointmentId');
  }
}

export function updateAppointment(ctx: ServiceContext, input: ParsedInput<'appointment.update'>): AppointmentDetail {
  const { db } = ctx;
  const row = readRow(db, input.appointmentId);
  requireBooked(row, 'edited');
  const staffId = input.staffId ?? row.staff_id;
  const staffName = requireActiveStaff(db, staffId);
  const date = input.date ?? row.date;
  const start = input.startMinute ?? row.start_minute;
  const { timeZone } = readSettings(db);
  const startMs = instantOf(row.date, row.start_minute, timeZone);
  const moved = date !== row.date || start !== row.start_minute;
  // A booking whose start has passed is a client who came (check in), did not (no-show) or
  // cancelled late: moving it would wipe that out, so it no longer moves. Its person and note still can.
  if (moved && Date.parse(ctx.now) >= startMs) {
    throw new DomainError('appointment_state', 'errors.appointmentStarted', { start: clockText(row.start_minute) }, 'startMinute');
  }
  const booked = servicesOf(db, [row.id]).get(row.id) ?? [];
  // The same services in the same order keep the booking's snapshot (its prices, and a service
  // archived since stays booked); only a changed list is read from the catalog as it is now.
  const servicesChanged = input.itemIds !== undefined && (input.itemIds.length !== booked.length || input.itemIds.some((id, i) => id !== booked[i]?.itemId));
  const services = servicesChanged && input.itemIds ? readServices(db, input.itemIds) : booked;
  const end = endOf(start, services);
  requireSlot(db, { staffId, staffName, date, start, end, excludeId: row.id });
  const note = input.note ?? row.note;
  // The free-cancellation deadline only ever comes earlier: moving a booking later keeps the one it had.
  const freeCancelBy = earlierOf(row.free_cancel_by, freeCancelDeadline(policyOf(row), instantOf(date, start, timeZone)));
  statement(
    db,
    'UPDATE appointments SET staff_id = ?, date = ?, start_minute = ?, end_minute = ?, note = ?, free_cancel_by = ?, updated_at = ?, updated_by = ? WHERE id = ?',
  ).run(staffId, date, start, end, note, freeCancelBy, ctx.now, ctx.actor.id, row.id);
  if (servicesChanged) {
    // A deposit already taken stays as it was: the customer paid what the booking asked then.
    statement(db, 'DELETE FROM appointment_services WHERE appointment_id = ?').run(row.id);
    writeServices(db, row.id, services);
  }
  audit(ctx, 'appointment.update', {
    appointmentId: row.id,
    staffId,
    date,
    startMinute: start,
    endMinute: end,
    services: services.length,
    noteChanged: note === row.note ? 0 : 1,
  });
  return readAppointment(db, row.id, ctx.now);
}

/**
 * A deposit for a booking that has none held yet, by the policy it was booked under (what the
 * customer agreed to and the panel shows), never the one in Settings now; a booking whose
 * policy asked for none is refused.
 */
export function takeAppointmentDeposit(ctx: ServiceContext, input: ParsedInput<'appointment.takeDeposit'>): AppointmentDetail {
  const { db } = ctx;
  const row = readRow(db, input.appointmentId);
  requireBooked(row, 'given a deposit');
  if (row.held > 0) throw new DomainError('conflict', 'errors.depositAlreadyHeld', { amount: moneyText(db, row.held) }, 'appointmentId');
  const amount = policyDeposit(policyOf(row), servicesOf(db, [row.id]).get(row.id) ?? [], 'errors.bookingNoDeposit');
  statement(db, 'UPDATE appointments SET updated_at = ?, updated_by = ? WHERE id = ?').run(ctx.now, ctx.actor.id, row.id);
  takeDepositRow(ctx, { customerId: row.customer_id, appointmentId: row.id, amountMinor: amount, method: input.method, reference: input.reference });
  return readAppointment(db, row.id, ctx.now);
}

/**
 * A cancellation or a no-show, and what happens to the deposit held: in time, it all goes back;
 * late or no-show, the policy's share is forfeited and the rest goes back, unless a manager
 * refunds it all anyway (with a reason). The permission check asked for the PIN this needs.
 */
function closeAppointment(ctx: ServiceContext, input: ParsedInput<'appointment.cancel'>, noShow: boolean): AppointmentDetail {
  const { db } = ctx;
  const row = readRow(db, input.appointmentId);
  requireBooked(row, noShow ? 'marked a no-show' : 'cancelled');
  const policy = policyOf(row);
  const { timeZone } = readSettings(db);
  const startMs = instantOf(row.date, row.start_minute, timeZone);
  if (noShow && Date.parse(ctx.now) < startMs)
    throw new DomainError('appointment_state', 'errors.noShowTooEarly', { start: clockText(row.start_minute) }, 'appointmentId');
  const inTime = !noShow && cancelInTime(row.free_cancel_by, ctx.now);
  // The screen said in time or late when it was read; if the clock has crossed the deadline since,
  // the outcome it showed is not the one that would happen, so nothing is done.
  if (!noShow && input.expectInTime !== undefined && input.expectInTime !== inTime) {
    const time = clockText(localNow(row.free_cancel_by, timeZone).minute);
    throw new DomainError('cancel_timing_changed', inTime ? 'errors.cancelWindowOpen' : 'errors.cancelWindowClosed', { time }, 'expectInTime');
  }
  const status: AppointmentStatus = noShow ? 'no_show' : inTime ? 'cancelled' : 'late_cancel';
  statement(db, 'UPDATE appointments SET status = ?, closed_at = ?, closed_business_date = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
    status,
    ctx.now,
    businessDateAt(db, ctx.now),
    ctx.now,
    ctx.actor.id,
    row.id,
  );
  const moved = closeHeldDeposits(
    ctx,
    row.id,
    inTime || input.refundAnyway !== undefined ? { refundAll: input.refundAnyway ?? null } : { forfeitPercent: policy.forfeitPercent },
  );
  audit(ctx, noShow ? 'appointment.noShow' : 'appointment.cancel', {
    appointmentId: row.id,
    status,
    forfeitedMinor: moved.forfeitedMinor,
    refundedMinor: moved.refundedMinor,
    ...(input.refundAnyway !== undefined ? { refundAnyway: 1 } : {}),
  });
  return readAppointment(db, row.id, ctx.now);
}

export function cancelAppointment(ctx: ServiceContext, input: ParsedInput<'appointment.cancel'>): AppointmentDetail {
  return closeAppointment(ctx, input, false);
}

export function noShowAppointment(ctx: ServiceContext, input: ParsedInput<'appointment.noShow'>): AppointmentDetail {
  return closeAppointment(ctx, input, true);
}

/**
 * The customer arrived: a tab on the token given (or the next free one), the customer attached,
 * one line per booked service at its booked price and words, served by the appointment's staff
 * member, and the held deposits attached to be applied first.
 */
export function checkIn(ctx: ServiceContext, input: ParsedInput<'appointment.checkIn'>): CheckInResult {
  const { db } = ctx;
  const row = readRow(db, input.appointmentId);
  requireBooked(row, 'checked in');
  const services = servicesOf(db, [row.id]).get(row.id) ?? [];
  const tab = openTab(ctx, { token: input.token, name: '', label: '', note: '' });
  statement(db, 'UPDATE tabs SET customer_id = ? WHERE id = ?').run(row.customer_id, tab.id);
  const rate = statement<[number], { tax_rate_milli: number }>(db, 'SELECT tax_rate_milli FROM items WHERE id = ?');
  const insert = statement(
    db,
    `INSERT INTO tab_lines (tab_id, item_id, name, unit_minor, tax_rate_milli, qty, staff_id, state, created_at, expect_text, appointment_id) VALUES (?, ?, ?, ?, ?, 1, ?, 'active', ?, ?, ?)`,
  );
  for (const s of services) {
    const rateMilli = rate.get(s.itemId)?.tax_rate_milli ?? 0;
    // The line names the booking it came from: it is the booked work, not a tap at the counter.
    const lineId = Number(insert.run(tab.id, s.itemId, s.name, s.priceMinor, rateMilli, row.staff_id, ctx.now, s.expectText, row.id).lastInsertRowid);
    repostTab(ctx, tab.id, 'line.add', `${s.name} x1`, lineId);
  }
  statement(db, "UPDATE deposits SET tab_id = ? WHERE appointment_id = ? AND status = 'held'").run(tab.id, row.id);
  statement(db, "UPDATE appointments SET status = 'checked_in', tab_id = ?, updated_at = ?, updated_by = ? WHERE id = ?").run(
    tab.id,
    ctx.now,
    ctx.actor.id,
    row.id,
  );
  audit(ctx, 'appointment.checkIn', { appointmentId: row.id, customerId: row.customer_id, lines: services.length, depositMinor: row.held }, tab.id);
  return { appointment: readAppointment(db, row.id, ctx.now), tabId: tab.id, token: tab.token };
}
