import type { ParsedInput } from '../../shared/contract';
import type { Customer, CustomerProfile } from '../../shared/customer-types';
import { phoneDigits } from '../../shared/customer-schemas';
import { DomainError } from '../../shared/errors';
import type { TabDetail } from '../../shared/types';
import { writeAudit } from '../ledger/journal';
import type { Db } from '../ledger/open';
import type { ServiceContext } from './context';
import { customerFamily as family, readCustomerVisits } from './customer-visits';
import { readOpenTab, readTab } from './tab-read';
import { undoRedemption } from './loyalty';
import { statement } from '../ledger/statements';

/** What an erased profile is called: the row stays, so the ledger's tabs still point at someone. */
export const ERASED_NAME = 'Erased customer';
const SEARCH_LIMIT = 20;

type CustomerRow = {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  notes: string | null;
  contact_ok: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  erased_at: string | null;
  merged_into: number | null;
};

const COLUMNS = 'id, name, phone, email, notes, contact_ok, created_at, updated_at, archived_at, erased_at, merged_into';

function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    notes: row.notes,
    contactOk: row.contact_ok === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    erasedAt: row.erased_at,
    mergedInto: row.merged_into,
  };
}

/** A name as the search compares it: accents dropped, lower case, runs of space as one. */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
}

/** Empty text is stored as NULL: "no phone" rather than a phone of nothing. */
const orNull = (value: string): string | null => (value === '' ? null : value);

function readRow(db: Db, customerId: number, field = 'customerId'): CustomerRow {
  const row = statement<[number], CustomerRow>(db, `SELECT ${COLUMNS} FROM customers WHERE id = ?`).get(customerId);
  if (!row) throw new DomainError('not_found', 'errors.customerMissing', { id: customerId }, field);
  return row;
}

/** A profile that can still change: not erased, not merged away. */
function readLive(db: Db, customerId: number, field = 'customerId'): CustomerRow {
  const row = readRow(db, customerId, field);
  if (row.erased_at !== null) throw new DomainError('conflict', 'errors.customerErased', { id: row.id }, field);
  if (row.merged_into !== null) throw new DomainError('conflict', 'errors.customerMerged', { id: row.id, into: row.merged_into }, field);
  return row;
}

function audit(ctx: ServiceContext, command: string, detail: Record<string, number | boolean | null>, tabId: number | null = null): void {
  // Ids and flags only: an audit row is append-only and hashed, so it must never hold what an erase clears.
  writeAudit(ctx.db, { at: ctx.now, staffId: ctx.actor.id, command, tabId, detail: JSON.stringify(detail) });
}

export function readCustomer(db: Db, customerId: number): Customer {
  return toCustomer(readRow(db, customerId));
}

/** Like text for LIKE: its own % and _ match only themselves. */
const likeText = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function searchCustomers(ctx: ServiceContext, input: ParsedInput<'customer.search'>): Customer[] {
  const query = input.query;
  const live = 'archived_at IS NULL AND merged_into IS NULL AND erased_at IS NULL';
  if (query === '') {
    return statement<[number], CustomerRow>(ctx.db, `SELECT ${COLUMNS} FROM customers WHERE ${live} ORDER BY updated_at DESC, id DESC LIMIT ?`)
      .all(SEARCH_LIMIT)
      .map(toCustomer);
  }
  // Every word must be in the name; a query typed like a phone number also matches by its digits.
  const words = nameKey(query).split(' ').filter(Boolean);
  const digits = /^[0-9 +\-().]+$/.test(query) ? phoneDigits(query) : '';
  const nameMatch = words.map(() => "name_key LIKE ? ESCAPE '\\'").join(' AND ');
  const params: (string | number)[] = words.map(likeText);
  let where = `(${nameMatch})`;
  if (digits !== '') {
    where = `(${where} OR phone_digits LIKE ?)`;
    params.push(likeText(digits));
  }
  return statement<(string | number)[], CustomerRow>(ctx.db, `SELECT ${COLUMNS} FROM customers WHERE ${live} AND ${where} ORDER BY name_key, id LIMIT ?`)
    .all(...params, SEARCH_LIMIT)
    .map(toCustomer);
}

export function getCustomer(ctx: ServiceContext, input: ParsedInput<'customer.get'>): CustomerProfile {
  return { customer: readCustomer(ctx.db, input.customerId), visits: readCustomerVisits(ctx.db, input.customerId) };
}

export function createCustomer(ctx: ServiceContext, input: ParsedInput<'customer.create'>): Customer {
  const id = Number(
    statement(
      ctx.db,
      `INSERT INTO customers (name, name_key, phone, phone_digits, email, notes, contact_ok, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.name,
      nameKey(input.name),
      orNull(input.phone),
      orNull(phoneDigits(input.phone)),
      orNull(input.email),
      orNull(input.notes),
      input.contactOk ? 1 : 0,
      ctx.now,
      ctx.now,
    ).lastInsertRowid,
  );
  audit(ctx, 'customer.create', { customerId: id, contactOk: input.contactOk });
  return readCustomer(ctx.db, id);
}

export function updateCustomer(ctx: ServiceContext, input: ParsedInput<'customer.update'>): Customer {
  const row = readLive(ctx.db, input.customerId);
  const next = {
    name: input.name ?? row.name,
    phone: input.phone === undefined ? row.phone : orNull(input.phone),
    email: input.email === undefined ? row.email : orNull(input.email),
    notes: input.notes === undefined ? row.notes : orNull(input.notes),
    contactOk: input.contactOk === undefined ? row.contact_ok : input.contactOk ? 1 : 0,
  };
  const changed: string[] = (['name', 'phone', 'email', 'notes'] as const).filter((key) => next[key] !== row[key]);
  if (next.contactOk !== row.contact_ok) changed.push('contactOk');
  if (changed.length === 0) return toCustomer(row);
  statement(
    ctx.db,
    'UPDATE customers SET name = ?, name_key = ?, phone = ?, phone_digits = ?, email = ?, notes = ?, contact_ok = ?, updated_at = ? WHERE id = ?',
  ).run(
    next.name,
    nameKey(next.name),
    next.phone,
    next.phone === null ? null : orNull(phoneDigits(next.phone)),
    next.email,
    next.notes,
    next.contactOk,
    ctx.now,
    row.id,
  );
  // Which fields changed, never what they say.
  audit(ctx, 'customer.update', { customerId: row.id, ...Object.fromEntries(changed.map((key) => [key, true])) });
  return readCustomer(ctx.db, row.id);
}

export function archiveCustomer(ctx: ServiceContext, input: ParsedInput<'customer.archive'>): Customer {
  // A merged profile stays archived with its merge; an erased one may still be archived or not.
  const row = readRow(ctx.db, input.customerId);
  if (row.merged_into !== null) throw new DomainError('conflict', 'errors.customerMerged', { id: row.id, into: row.merged_into }, 'customerId');
  if ((row.archived_at !== null) === input.archived) return toCustomer(row);
  statement(ctx.db, 'UPDATE customers SET archived_at = ?, updated_at = ? WHERE id = ?').run(input.archived ? ctx.now : null, ctx.now, row.id);
  audit(ctx, 'customer.archive', { customerId: row.id, archived: input.archived });
  return readCustomer(ctx.db, row.id);
}

export function eraseCustomer(ctx: ServiceContext, input: ParsedInput<'customer.erase'>): Customer {
  const row = readRow(ctx.db, input.customerId);
  if (row.merged_into !== null) throw new DomainError('conflict', 'errors.customerMerged', { id: row.id, into: row.merged_into }, 'customerId');
  // The duplicates merged into this profile are the same person: their details go too.
  const ids = family(ctx.db, row.id);
  const erase = statement(
    ctx.db,
    `UPDATE customers SET name = ?, name_key = ?, phone = NULL, phone_digits = NULL, email = NULL, notes = NULL, contact_ok = 0, erased_at = ?, updated_at = ?
     WHERE id = ? AND erased_at IS NULL`,
  );
  let erased = 0;
  for (const id of ids) erased += erase.run(ERASED_NAME, nameKey(ERASED_NAME), ctx.now, ctx.now, id).changes;
  if (erased > 0) audit(ctx, 'customer.erase', { customerId: row.id, profiles: erased });
  return readCustomer(ctx.db, row.id);
}

export function mergeCustomers(ctx: ServiceContext, input: ParsedInput<'customer.merge'>): CustomerProfile {
  if (input.keepId === input.mergeId) throw new DomainError('conflict', 'errors.customerMergeSelf', {}, 'mergeId');
  const keep = readLive(ctx.db, input.keepId, 'keepId');
  if (keep.archived_at !== null) throw new DomainError('conflict', 'errors.customerArchived', { id: keep.id }, 'keepId');
  const merged = readLive(ctx.db, input.mergeId, 'mergeId');
  statement(ctx.db, 'UPDATE customers SET merged_into = ?, archived_at = coalesce(archived_at, ?), updated_at = ? WHERE id = ?').run(
    keep.id,
    ctx.now,
    ctx.now,
    merged.id,
  );
  // Open tabs can still change, so they move to the kept profile (the board shows its name);
  // closed ones cannot, and show on the kept profile through merged_into.
  const moved = statement<[number], { id: number }>(ctx.db, "SELECT id FROM tabs WHERE customer_id = ? AND status = 'open' ORDER BY id")
    .all(merged.id)
    .map((r) => r.id);
  const move = statement(ctx.db, 'UPDATE tabs SET customer_id = ? WHERE id = ?');
  for (const tabId of moved) {
    move.run(keep.id, tabId);
    audit(ctx, 'tab.setCustomer', { customerId: keep.id, from: merged.id }, tabId);
  }
  audit(ctx, 'customer.merge', { keepId: keep.id, mergeId: merged.id, openTabsMoved: moved.length });
  return { customer: readCustomer(ctx.db, keep.id), visits: readCustomerVisits(ctx.db, keep.id) };
}

export function setTabCustomer(ctx: ServiceContext, input: ParsedInput<'tab.setCustomer'>): TabDetail {
  const tab = readOpenTab(ctx.db, input.tabId);
  if (input.customerId !== null) {
    const row = readLive(ctx.db, input.customerId);
    if (row.archived_at !== null) throw new DomainError('conflict', 'errors.customerArchived', { id: row.id }, 'customerId');
  }
  const current = statement<[number], { customer_id: number | null }>(ctx.db, 'SELECT customer_id FROM tabs WHERE id = ?').get(tab.id)?.customer_id ?? null;
  if (current === input.customerId) return readTab(ctx.db, tab.id);
  // A reward on the tab was the previous customer's: it goes back to them before the tab changes hands.
  undoRedemption(ctx, tab.id, 'customer');
  statement(ctx.db, 'UPDATE tabs SET customer_id = ?, last_activity_at = ? WHERE id = ?').run(input.customerId, ctx.now, tab.id);
  audit(ctx, 'tab.setCustomer', { customerId: input.customerId, from: current }, tab.id);
  return readTab(ctx.db, tab.id);
}
