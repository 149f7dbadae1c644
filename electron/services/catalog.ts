import { DomainError } from '../../shared/errors';
import type { ParsedInput } from '../../shared/contract';
import type { Catalog, CatalogItem, Category, ItemKind } from '../../shared/types';
import { writeAudit } from '../ledger/journal';
import type { Db } from '../ledger/open';
import type { ServiceContext } from './context';
import { starterCatalogs, starterLoyalty, starterPrice } from './starter-catalogs';
import { readLoyaltySettings, writeLoyaltySettings } from './loyalty-settings';
import { readSettings } from './store';
import { statement } from '../ledger/statements';

type CategoryRow = { id: number; name: string; position: number; archived: number };
type ItemRow = {
  id: number;
  category_id: number | null;
  name: string;
  kind: ItemKind;
  price_minor: number;
  tax_rate_milli: number;
  expect_text: string;
  duration_minutes: number | null;
  archived: number;
};

const toCategory = (r: CategoryRow): Category => ({ id: r.id, name: r.name, position: r.position, archived: r.archived === 1 });
const toItem = (r: ItemRow): CatalogItem => ({
  id: r.id,
  categoryId: r.category_id,
  name: r.name,
  kind: r.kind,
  priceMinor: r.price_minor,
  rateMilli: r.tax_rate_milli,
  expectText: r.expect_text,
  durationMinutes: r.duration_minutes,
  archived: r.archived === 1,
});

function audit(ctx: ServiceContext, command: string, detail: object): void {
  writeAudit(ctx.db, { at: ctx.now, staffId: ctx.actor.id, command, tabId: null, detail: JSON.stringify(detail) });
}

export function listCatalog(ctx: ServiceContext, input: ParsedInput<'catalog.list'>): Catalog {
  const where = input.includeArchived ? '' : 'WHERE archived = 0';
  return {
    categories: statement<[], CategoryRow>(ctx.db, `SELECT * FROM categories ${where} ORDER BY position, name`).all().map(toCategory),
    items: statement<[], ItemRow>(ctx.db, `SELECT * FROM items ${where} ORDER BY name`).all().map(toItem),
  };
}

function readCategory(db: Db, id: number): CategoryRow {
  const row = statement<[number], CategoryRow>(db, 'SELECT * FROM categories WHERE id = ?').get(id);
  if (!row) throw new DomainError('not_found', 'errors.categoryMissing', { id }, 'categoryId');
  return row;
}

function readItem(db: Db, id: number): ItemRow {
  const row = statement<[number], ItemRow>(db, 'SELECT * FROM items WHERE id = ?').get(id);
  if (!row) throw new DomainError('not_found', 'errors.itemMissing', { id }, 'itemId');
  return row;
}

function assertNameFree(db: Db, name: string, exceptId: number | null): void {
  const clash = statement<[string], { id: number }>(db, 'SELECT id FROM categories WHERE archived = 0 AND name = ? COLLATE NOCASE').get(name);
  if (clash && clash.id !== exceptId) throw new DomainError('conflict', 'errors.categoryExists', { name }, 'name');
}

export function createCategory(ctx: ServiceContext, input: ParsedInput<'catalog.createCategory'>): Category {
  assertNameFree(ctx.db, input.name, null);
  const position = statement<[], { next: number }>(ctx.db, 'SELECT COALESCE(MAX(position), -1) + 1 AS next FROM categories').get()?.next ?? 0;
  const id = Number(statement(ctx.db, 'INSERT INTO categories (name, position) VALUES (?, ?)').run(input.name, position).lastInsertRowid);
  audit(ctx, 'catalog.createCategory', { id, name: input.name });
  return toCategory(readCategory(ctx.db, id));
}

export function updateCategory(ctx: ServiceContext, input: ParsedInput<'catalog.updateCategory'>): Category {
  const row = readCategory(ctx.db, input.categoryId);
  const name = input.name ?? row.name;
  const archived = input.archived ?? row.archived === 1;
  if (!archived) assertNameFree(ctx.db, name, row.id);
  statement(ctx.db, 'UPDATE categories SET name = ?, position = ?, archived = ? WHERE id = ?').run(
    name,
    input.position ?? row.position,
    archived ? 1 : 0,
    row.id,
  );
  audit(ctx, 'catalog.updateCategory', input);
  return toCategory(readCategory(ctx.db, row.id));
}

function checkItemRefs(ctx: ServiceContext, categoryId: number | null, rateMilli: number): void {
  if (categoryId !== null && readCategory(ctx.db, categoryId).archived) {
    throw new DomainError('conflict', 'errors.categoryArchived', {}, 'categoryId');
  }
  if (!readSettings(ctx.db).taxRates.some((r) => r.rateMilli === rateMilli)) {
    throw new DomainError('invalid_input', 'errors.rateUnknown', {}, 'rateMilli');
  }
}

/**
 * A service takes time and tells the customer what to expect; a product has neither (the
 * table's triggers hold the same rule). Each refusal names the field to fix.
 */
function checkKindFields(kind: ItemKind, durationMinutes: number | null, expectText: string): void {
  if (kind === 'service' && durationMinutes === null) {
    throw new DomainError('invalid_input', 'errors.serviceMinutesMissing', {}, 'durationMinutes');
  }
  if (kind === 'product' && durationMinutes !== null) throw new DomainError('invalid_input', 'errors.productMinutes', {}, 'durationMinutes');
  if (kind === 'product' && expectText !== '') throw new DomainError('invalid_input', 'errors.productExpect', {}, 'expectText');
}

export function createItem(ctx: ServiceContext, input: ParsedInput<'catalog.createItem'>): CatalogItem {
  const durationMinutes = input.durationMinutes ?? null;
  checkKindFields(input.kind, durationMinutes, input.expectText);
  checkItemRefs(ctx, input.categoryId, input.rateMilli);
  const id = Number(
    statement(
      ctx.db,
      `INSERT INTO items (category_id, name, kind, price_minor, tax_rate_milli, expect_text, duration_minutes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(input.categoryId, input.name, input.kind, input.priceMinor, input.rateMilli, input.expectText, durationMinutes, ctx.now, ctx.now).lastInsertRowid,
  );
  audit(ctx, 'catalog.createItem', { id, ...input });
  return toItem(readItem(ctx.db, id));
}

/**
 * A price or text change applies to lines added from now on; lines already on tabs keep their
 * snapshot. A service turned into a product drops its duration and text unless the input
 * names them (and then it is refused): neither means anything for a product.
 */
export function updateItem(ctx: ServiceContext, input: ParsedInput<'catalog.updateItem'>): CatalogItem {
  const row = readItem(ctx.db, input.itemId);
  const kind = input.kind ?? row.kind;
  const next = {
    categoryId: input.categoryId === undefined ? row.category_id : input.categoryId,
    name: input.name ?? row.name,
    kind,
    priceMinor: input.priceMinor ?? row.price_minor,
    rateMilli: input.rateMilli ?? row.tax_rate_milli,
    expectText: input.expectText ?? (kind === 'product' ? '' : row.expect_text),
    durationMinutes: input.durationMinutes === undefined ? (kind === 'product' ? null : row.duration_minutes) : input.durationMinutes,
  };
  checkKindFields(next.kind, next.durationMinutes, next.expectText);
  checkItemRefs(ctx, next.categoryId, next.rateMilli);
  statement(
    ctx.db,
    `UPDATE items SET category_id = ?, name = ?, kind = ?, price_minor = ?, tax_rate_milli = ?, expect_text = ?, duration_minutes = ?, updated_at = ?
       WHERE id = ?`,
  ).run(next.categoryId, next.name, next.kind, next.priceMinor, next.rateMilli, next.expectText, next.durationMinutes, ctx.now, row.id);
  audit(ctx, 'catalog.updateItem', input);
  return toItem(readItem(ctx.db, row.id));
}

export function archiveItem(ctx: ServiceContext, input: ParsedInput<'catalog.archiveItem'>): CatalogItem {
  const row = readItem(ctx.db, input.itemId);
  if (!input.archived) checkItemRefs(ctx, row.category_id, row.tax_rate_milli);
  statement(ctx.db, 'UPDATE items SET archived = ?, updated_at = ? WHERE id = ?').run(input.archived ? 1 : 0, ctx.now, row.id);
  audit(ctx, 'catalog.archiveItem', input);
  return toItem(readItem(ctx.db, row.id));
}

/** Adds the starter categories and items, skipping any the store already has by name. */
export function loadStarter(ctx: ServiceContext, input: ParsedInput<'catalog.loadStarter'>): Catalog {
  const settings = readSettings(ctx.db);
  const rate = settings.taxRates[0]?.rateMilli ?? 0;
  for (const category of starterCatalogs[input.kind]) {
    const existing = statement<[string], { id: number }>(ctx.db, 'SELECT id FROM categories WHERE archived = 0 AND name = ? COLLATE NOCASE').get(category.name);
    const categoryId = existing?.id ?? createCategory(ctx, { name: category.name }).id;
    for (const item of category.items) {
      const has = statement(ctx.db, 'SELECT 1 FROM items WHERE archived = 0 AND category_id = ? AND name = ?').get(categoryId, item.name);
      if (has) continue;
      createItem(ctx, {
        categoryId,
        name: item.name,
        kind: item.kind,
        priceMinor: starterPrice(item.price, settings.exponent),
        rateMilli: rate,
        expectText: item.expect,
        durationMinutes: item.minutes,
      });
    }
  }
  offerStarterLoyalty(ctx, input.kind);
  audit(ctx, 'catalog.loadStarter', input);
  return listCatalog(ctx, { includeArchived: false });
}

/**
 * The starter's stamp-card example, still off: only when the owner has not chosen loyalty yet
 * (off, no category), so loading a starter never changes a setting someone made.
 */
function offerStarterLoyalty(ctx: ServiceContext, kind: 'cafe' | 'salon'): void {
  const example = starterLoyalty[kind];
  const current = readLoyaltySettings(ctx.db);
  if (!example || current.scheme !== 'off' || current.categoryId !== null) return;
  const category = statement<[string], { id: number }>(ctx.db, 'SELECT id FROM categories WHERE archived = 0 AND name = ? COLLATE NOCASE').get(
    example.category,
  );
  if (!category) return;
  writeLoyaltySettings(ctx.db, { ...current, categoryId: category.id, stampsEvery: example.stampsEvery }, ctx.now);
}
