import { DomainError } from '../../shared/errors';
import type { LineKind, MoveKind } from '../../shared/ledger-vocabulary';
import { MAX_TAB_TOTAL } from '../../shared/schemas';
import { splitByWeights } from '../../shared/domain/split';
import { computeTabTotals, lineAmounts, rateLabel, type RateTotals } from '../../shared/domain/tax';
import { accounts, insertEntry, postEntry, type Posting } from '../ledger/journal';
import type { ServiceContext } from './context';
import { undoRedemption } from './loyalty';
import { isTabState, paidParts, readLines, readTabRow, toTaxLine, type LineRow, type PaidParts, type TabRow, type TabState } from './tab-read';
import { statement } from '../ledger/statements';

type Posted = { tax_rate_milli: number; sales_minor: number; comps_minor: number; tax_minor: number; receivable_minor: number };

/**
 * Recomputes a tab's totals with the one tax function and posts the difference from what the
 * journal already holds for it, so the ledger always equals the tab as it now stands.
 * Unpaid split parts no longer fit the new total and are dropped. `lineId` is the line whose change
 * this is (every line command changes one): the entry remembers it, so sales by hour can tell
 * which sale a comp or a removal reduces.
 */
export function repostTab(
  ctx: ServiceContext,
  tabId: number,
  kind: LineKind,
  memo: string,
  lineId: number,
  row?: TabRow | TabState,
  lines?: readonly LineRow[],
): Reposted {
  return repostTotals(ctx, tabId, { kind, memo, lineId, row, lines });
}

/** What a repost worked out, which the command answers with rather than reading the tab again. */
export type Reposted = { active: LineRow[]; grossTotal: number; paid: PaidParts };

export type RepostOptions = {
  kind: LineKind | MoveKind;
  memo: string;
  /** The one line this change is about (sales by hour follows it); null for a move of several. */
  lineId: number | null;
  /** Postings the entry also carries (a merge's transfer of what was paid); they must balance on their own. */
  extra?: readonly Posting[];
  /** What the tab counts as paid afterwards, when not what the ledger says now (a tab merged away: 0). */
  paidAfter?: number;
  /**
   * The tab as this command already read it (not read again); with its state (readOpenTabState),
   * what was paid and whether it has unpaid split parts are not read again either.
   */
  row?: TabRow | TabState;
  /**
   * The tab's lines as they stand after this command's change, when the command knows them (its
   * state's lines with what it has just written): not read again.
   */
  lines?: readonly LineRow[];
};

/**
 * repostTab for any change of a tab's lines: moves between tabs post the difference the same way,
 * under their own kind, with no line named when several moved at once.
 */
export function repostTotals(ctx: ServiceContext, tabId: number, options: RepostOptions): Reposted {
  const { kind, memo, lineId } = options;
  const { db } = ctx;
  const row = options.row ?? readTabRow(db, tabId);
  // A loyalty reward was worked out on the lines as they were: it comes back off first (the
  // customer keeps the stamps or points) and is offered again on the tab as it will be. Only a
  // tab with a customer can hold one: taking the customer off takes the reward back (customers.ts).
  if (row.customer_id !== null) undoRedemption(ctx, tabId, 'lines');
  const taxMode = row.tax_mode;
  const active = (options.lines ?? readLines(db, tabId)).filter((l) => l.state === 'active');
  const totals = computeTabTotals(active.map(toTaxLine), taxMode);
  const state = options.row && isTabState(options.row) ? options.row : null;
  // What the journal already holds for the tab, by rate: read with its state when the command has
  // it, unless a reward just came back off (that rewrote them).
  const posted =
    state && row.customer_id === null
      ? (JSON.parse(state.rate_totals) as Posted[])
      : statement<[number], Posted>(db, 'SELECT * FROM tab_rate_totals WHERE tab_id = ?').all(tabId);
  const prior = new Map(posted.map((row) => [row.tax_rate_milli, row]));
  const postings: Posting[] = [];
  const upsert = statement(
    db,
    `INSERT INTO tab_rate_totals (tab_id, tax_rate_milli, sales_minor, comps_minor, tax_minor, receivable_minor) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (tab_id, tax_rate_milli) DO UPDATE SET sales_minor = excluded.sales_minor, comps_minor = excluded.comps_minor,
       tax_minor = excluded.tax_minor, receivable_minor = excluded.receivable_minor`,
  );
  const seen = new Set<number>();
  for (const r of totals.byRate) {
    seen.add(r.rateMilli);
    const old = prior.get(r.rateMilli);
    const label = rateLabel(r.rateMilli);
    postings.push(
      [accounts.receivable, r.receivable - (old?.receivable_minor ?? 0)],
      [accounts.comps, r.comps - (old?.comps_minor ?? 0)],
      [accounts.sales(label), -(r.sales - (old?.sales_minor ?? 0))],
      [accounts.tax(label), -(r.tax - (old?.tax_minor ?? 0))],
    );
    upsert.run(tabId, r.rateMilli, r.sales, r.comps, r.tax, r.receivable);
  }
  for (const [rate, old] of prior) {
    if (seen.has(rate)) continue;
    const label = rateLabel(rate);
    postings.push(
      [accounts.receivable, -old.receivable_minor],
      [accounts.comps, -old.comps_minor],
      [accounts.sales(label), old.sales_minor],
      [accounts.tax(label), old.tax_minor],
    );
    upsert.run(tabId, rate, 0, 0, 0, 0);
  }
  if (totals.grossTotal > MAX_TAB_TOTAL || totals.listTotal > MAX_TAB_TOTAL) {
    throw new DomainError('invalid_input', 'errors.tabTooLarge');
  }
  const paid = state ? { paid: state.paid, deposited: state.deposited } : paidParts(db, tabId);
  if (totals.grossTotal < (options.paidAfter ?? paid.paid + paid.deposited)) {
    throw new DomainError('conflict', 'errors.belowPaid');
  }
  postings.push(...(options.extra ?? []));
  const header = { kind, at: ctx.now, staffId: ctx.actor.id, tabId, commandId: ctx.commandId, memo };
  const entryId = postEntry(db, header, postings);
  if (entryId !== null) {
    if (lineId !== null) statement(db, 'INSERT INTO entry_lines (entry_id, line_id) VALUES (?, ?)').run(entryId, lineId);
    if (!state || state.unpaid_parts > 0) statement(db, 'DELETE FROM split_parts WHERE tab_id = ? AND payment_id IS NULL').run(tabId);
  }
  // Comps by reason move only where a comp is or was: with no comped line now and none posted
  // before (each reason's share is never negative, so none were recorded), nothing can change.
  const comped = active.some((l) => l.comp_kind !== null) || [...prior.values()].some((old) => old.comps_minor !== 0);
  const compChanges = comped ? compReasonChanges(ctx, tabId, active, totals.byRate) : [];
  if (compChanges.length > 0) {
    // A comp whose reason changed but whose amount did not moves no money; its entry still anchors the change.
    const anchor = entryId ?? insertEntry(db, header);
    const insert = statement(db, 'INSERT INTO comp_postings (entry_id, tax_rate_milli, reason, amount_minor) VALUES (?, ?, ?, ?)');
    for (const c of compChanges) insert.run(anchor, c.rateMilli, c.reason, c.amount);
  }
  return { active, grossTotal: totals.grossTotal, paid: options.paidAfter === undefined ? paid : { paid: options.paidAfter, deposited: 0 } };
}

type CompChange = { rateMilli: number; reason: string; amount: number };

/**
 * Shares each rate's posted comps out to the comp reasons of the lines they come from (largest
 * remainder, by each line's comp), and returns how that differs from what is already recorded,
 * so the comps account and the comps-by-reason always agree to the minor unit.
 */
function compReasonChanges(ctx: ServiceContext, tabId: number, active: LineRow[], byRate: readonly RateTotals[]): CompChange[] {
  const next = new Map<string, CompChange>();
  for (const rate of byRate) {
    const comped = active.filter((l) => l.tax_rate_milli === rate.rateMilli && lineAmounts(toTaxLine(l)).comp > 0);
    if (rate.comps === 0 || comped.length === 0) continue;
    const shares = splitByWeights(
      rate.comps,
      comped.map((l) => lineAmounts(toTaxLine(l)).comp),
    );
    comped.forEach((l, i) => {
      const reason = l.comp_reason ?? '';
      const key = `${rate.rateMilli}|${reason}`;
      const acc = next.get(key) ?? { rateMilli: rate.rateMilli, reason, amount: 0 };
      next.set(key, { ...acc, amount: acc.amount + (shares[i] ?? 0) });
    });
  }
  const prior = statement<[number], { tax_rate_milli: number; reason: string; comps_minor: number }>(
    ctx.db,
    'SELECT tax_rate_milli, reason, comps_minor FROM tab_comp_totals WHERE tab_id = ?',
  ).all(tabId);
  const changes: CompChange[] = [];
  const upsert = statement(
    ctx.db,
    `INSERT INTO tab_comp_totals (tab_id, tax_rate_milli, reason, comps_minor) VALUES (?, ?, ?, ?)
     ON CONFLICT (tab_id, tax_rate_milli, reason) DO UPDATE SET comps_minor = excluded.comps_minor`,
  );
  for (const old of prior) {
    const key = `${old.tax_rate_milli}|${old.reason}`;
    const now = next.get(key)?.amount ?? 0;
    if (now !== old.comps_minor) {
      changes.push({ rateMilli: old.tax_rate_milli, reason: old.reason, amount: now - old.comps_minor });
      upsert.run(tabId, old.tax_rate_milli, old.reason, now);
    }
    next.delete(key);
  }
  for (const c of next.values()) {
    if (c.amount === 0) continue;
    changes.push(c);
    upsert.run(tabId, c.rateMilli, c.reason, c.amount);
  }
  return changes;
}
