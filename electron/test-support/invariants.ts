import { expect } from 'vitest';
import { computeTabTotals, type TaxLine, type TaxMode } from '../../shared/domain/tax';
import { discountByRate, shareByRate } from '../../shared/domain/loyalty';
import { describeBreak, verifyChain, type ChainHead } from '../ledger/chain';
import type { Db } from '../ledger/open';
import { dayTotalProblems, depositProblems, receiptProblems, refundProblems } from '../services/ledger-check';
import { dueOf, lineRowKeys, readOpenTabState, toTaxLine } from '../services/tab-read';
import { moveProblems } from '../services/tab-moves-check';
import { nextFreeToken } from '../services/tokens';

/**
 * The invariants of the domain, recomputed from the raw tables and the pure tax function,
 * independently of the services' own bookkeeping.
 */
const verifiedHeads = new WeakMap<Db, ChainHead>();

export function assertInvariants(db: Db): void {
  // 0. The hash chain holds: from its first row the first time, then from the head verified last
  //    (every call of a test checks the rows it added; the chain's own tests tamper and check it whole).
  const chain = verifyChain(db, { from: verifiedHeads.get(db) });
  expect(chain.broken && describeBreak(chain.broken), 'the hash chain').toBeNull();
  verifiedHeads.set(db, chain.head);

  // 1. Every entry balances; the whole journal balances.
  const unbalanced = db.prepare('SELECT entry_id, SUM(amount_minor) AS s FROM postings GROUP BY entry_id HAVING s <> 0').all();
  expect(unbalanced, 'unbalanced journal entries').toEqual([]);
  const total = db.prepare<[], { s: number | null }>('SELECT SUM(amount_minor) AS s FROM postings').get()?.s ?? 0;
  expect(total, 'the journal as a whole').toBe(0);

  // 2. An open tab's receivable equals its unpaid total; a closed one's is zero.
  const tabs = db.prepare<[], { id: number; status: string; token: number; tax_mode: TaxMode }>('SELECT id, status, token, tax_mode FROM tabs').all();
  for (const tab of tabs) {
    const receivable =
      db
        .prepare<[number], { s: number | null }>(
          `SELECT SUM(p.amount_minor) AS s FROM journal_entries e CROSS JOIN postings p ON p.entry_id = e.id WHERE e.tab_id = ? AND p.account = 'tabs_receivable'`,
        )
        .get(tab.id)?.s ?? 0;
    const lines = db
      .prepare<[number], Parameters<typeof toTaxLine>[0]>(
        "SELECT qty, unit_minor, tax_rate_milli, comp_kind, comp_value, comp_qty FROM tab_lines WHERE tab_id = ? AND state = 'active'",
      )
      .all(tab.id);
    // A voided payment was reversed in the journal, so only the payments that stand count as paid.
    const paid =
      db
        .prepare<[number], { s: number | null }>(
          'SELECT SUM(amount_minor) AS s FROM payments WHERE tab_id = ? AND id NOT IN (SELECT payment_id FROM payment_voids)',
        )
        .get(tab.id)?.s ?? 0;
    // A deposit applied to the tab paid part of it, the same as a payment.
    const deposited = db.prepare<[number], { s: number | null }>('SELECT SUM(applied_minor) AS s FROM deposits WHERE tab_id = ?').get(tab.id)?.s ?? 0;
    // What was paid on the tabs merged into it (and on those merged into them) counts as paid here.
    const merged = mergedIntoPaid(db, tab.id);
    // A loyalty reward standing on the tab lowers what it owes, by figures the pure rules give again from its lines.
    const rewardOff = loyaltyRewardOff(db, tab.id, lines.map(toTaxLine), tab.tax_mode);
    const expected = tab.status === 'open' ? computeTabTotals(lines.map(toTaxLine), tab.tax_mode).grossTotal - paid - deposited - merged - rewardOff : 0;
    expect(receivable, `receivable of tab ${tab.id} (${tab.status})`).toBe(expected);
    if (tab.status === 'open') expect(receivable, `tab ${tab.id} owes a negative amount`).toBeGreaterThanOrEqual(0);
    // What a line command or a payment reads in one statement instead: what the tab owes (settle.pay
    // takes it for the journal's) and its lines, as the raw tables give them.
    if (tab.status === 'open' && hasTable(db, 'tab_merges')) {
      const state = readOpenTabState(db, tab.id);
      expect(dueOf(state), `what tab ${tab.id}'s state says it owes`).toBe(receivable);
      const raw = db
        .prepare<[number], Record<string, unknown>>(
          'SELECT l.*, s.name AS staff_name FROM tab_lines l JOIN staff s ON s.id = l.staff_id WHERE l.tab_id = ? ORDER BY l.id',
        )
        .all(tab.id)
        .map((row) => Object.fromEntries(lineRowKeys.map((key) => [key, row[key]])));
      expect(state.lines, `the lines in tab ${tab.id}'s state`).toEqual(raw);
    }
  }

  // 3. A token is held by at most one open tab; a missing token by none (and the pool never hands it out).
  const doubled = db.prepare("SELECT token FROM tabs WHERE status = 'open' GROUP BY token HAVING COUNT(*) > 1").all();
  expect(doubled, 'tokens held twice').toEqual([]);
  // Moves and merges: tab_transfers nets to zero, each merge carried what was paid, missing tokens are held by no one.
  expect(moveProblems(db), 'moves, merges and missing tokens').toEqual([]);
  if (hasTable(db, 'token_events')) {
    const missing = db
      .prepare<[], { token: number }>(
        "SELECT token FROM token_events e WHERE kind = 'missing' AND id = (SELECT max(id) FROM token_events WHERE token = e.token)",
      )
      .all();
    const next = nextFreeToken(db);
    expect(
      missing.map((m) => m.token),
      'the next free token is a missing one',
    ).not.toContain(next);
  }

  // 5. Every amount is a safe integer.
  const amounts = db
    .prepare<[], { v: unknown }>(
      `SELECT amount_minor AS v FROM postings UNION ALL SELECT amount_minor FROM payments UNION ALL SELECT tip_minor FROM payments
       UNION ALL SELECT unit_minor FROM tab_lines UNION ALL SELECT price_minor FROM items`,
    )
    .all();
  for (const { v } of amounts) expect(Number.isSafeInteger(v), `amount ${String(v)} is not a safe integer`).toBe(true);

  // 7. The drawer's expected cash is its float plus every cash posting since it opened, and the
  //    drawer account holds exactly that while a drawer is open (nothing when none is).
  const cashTotal = db.prepare<[], { s: number | null }>("SELECT SUM(amount_minor) AS s FROM postings WHERE account = 'cash_drawer'").get()?.s ?? 0;
  const open = db
    .prepare<[], { after_entry_id: number; float_minor: number }>("SELECT after_entry_id, float_minor FROM drawer_sessions WHERE status <> 'closed'")
    .get();
  if (open) {
    const sinceOpen =
      db
        .prepare<[number], { s: number | null }>(
          `SELECT SUM(p.amount_minor) AS s FROM postings p JOIN journal_entries e ON e.id = p.entry_id
           WHERE p.account = 'cash_drawer' AND e.id > ? AND e.kind <> 'drawer.open'`,
        )
        .get(open.after_entry_id)?.s ?? 0;
    expect(cashTotal, 'cash in the drawer = float + cash postings since it opened').toBe(open.float_minor + sinceOpen);
  } else {
    expect(cashTotal, 'no drawer is open, so the drawer account is empty').toBe(0);
  }

  // 8. A closed business day never changes: no entry of a closed day was written after its Z.
  const late = db
    .prepare('SELECT e.id FROM journal_entries e JOIN z_reports z ON e.business_date <= z.business_date WHERE e.id > z.last_entry_id LIMIT 5')
    .all();
  expect(late, 'entries posted into a closed day').toEqual([]);

  // A void reverses its payment's entry exactly: every account the payment moved, moved back.
  const unreversed = db
    .prepare(
      `SELECT v.payment_id FROM payment_voids v JOIN payments pay ON pay.id = v.payment_id
       WHERE EXISTS (
         SELECT account FROM (
           SELECT account, amount_minor FROM postings WHERE entry_id = pay.entry_id
           UNION ALL SELECT account, amount_minor FROM postings WHERE entry_id = v.entry_id
         ) GROUP BY account HAVING SUM(amount_minor) <> 0
       ) LIMIT 5`,
    )
    .all();
  expect(unreversed, 'voided payments whose void does not reverse them').toEqual([]);

  // Comps by reason add up to the comps account, entry by entry.
  const compsOff = db
    .prepare(
      `SELECT e.id FROM journal_entries e
       WHERE COALESCE((SELECT SUM(amount_minor) FROM postings WHERE entry_id = e.id AND account = 'comps'), 0)
          <> COALESCE((SELECT SUM(amount_minor) FROM comp_postings WHERE entry_id = e.id), 0) LIMIT 5`,
    )
    .all();
  expect(compsOff, 'entries whose comps do not match their comp reasons').toEqual([]);

  // 11. Deposits: deposits_held equals the held deposits, each take entry is named by its one
  //     deposit, of its amount, and a closed deposit's parts add up to it. Every close names the
  //     entries it posted, and each of those is a deposit entry of that deposit's money.
  expect(depositProblems(db), 'deposits against the journal').toEqual([]);
  const closings = db.prepare<[], { id: number; amount: number; refunded: number; forfeited: number; applied: number; entries: string }>(
    "SELECT id, amount_minor AS amount, refunded_minor AS refunded, forfeited_minor AS forfeited, applied_minor AS applied, close_entry_ids AS entries FROM deposits WHERE status = 'closed'",
  );
  for (const d of closings.all()) {
    const ids = JSON.parse(d.entries) as number[];
    const moved =
      ids.length === 0
        ? 0
        : (db
            .prepare<[string], { s: number | null }>(
              "SELECT SUM(amount_minor) AS s FROM postings WHERE account = 'deposits_held' AND entry_id IN (SELECT value FROM json_each(?))",
            )
            .get(JSON.stringify(ids))?.s ?? 0);
    expect(moved, `deposit ${d.id}: what its closing entries took out of deposits_held`).toBe(d.applied + d.refunded + d.forfeited);
  }

  // Receipts: a settled tab's newest receipt is the one it closed with, and every tab settled since
  // receipts were first numbered has one (an upgraded ledger's earlier tabs have none).
  expect(receiptProblems(db), 'receipts against their tabs').toEqual([]);
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'receipts'").get()) {
    const unnumbered = db
      .prepare(
        `SELECT t.id FROM tabs t WHERE t.status = 'settled' AND t.closed_at >= (SELECT min(issued_at) FROM receipts)
           AND NOT EXISTS (SELECT 1 FROM receipts r WHERE r.tab_id = t.id) LIMIT 5`,
      )
      .all();
    expect(unnumbered, 'settled tabs without a receipt number').toEqual([]);
  }

  // 12. A settled tab is never refunded beyond what was paid on it (in all, by each tender, in tips),
  //     and each refund's rows and journal entry agree.
  expect(refundProblems(db), 'refunds against what was paid').toEqual([]);

  // 13. Each business day's running totals, which the X and the Z read, are what its journal entries sum to.
  expect(dayTotalProblems(db, { allDays: true }), 'running totals against the journal').toEqual([]);

  // 9. The connection keeps the production pragmas.
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(db.pragma('synchronous', { simple: true })).toBe(2);
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/**
 * What the tabs merged into this one had been paid, walked independently of the merge rows' own
 * figure: each merged tab's standing payments and applied deposits, and again for those merged into it.
 */
function mergedIntoPaid(db: Db, tabId: number): number {
  if (!hasTable(db, 'tab_merges')) return 0;
  const from = db.prepare<[number], { id: number }>('SELECT from_tab_id AS id FROM tab_merges WHERE into_tab_id = ?').all(tabId);
  return from.reduce((sum, { id }) => {
    const own =
      db
        .prepare<[number], { s: number | null }>(
          'SELECT SUM(amount_minor) AS s FROM payments WHERE tab_id = ? AND id NOT IN (SELECT payment_id FROM payment_voids)',
        )
        .get(id)?.s ?? 0;
    const deposits = db.prepare<[number], { s: number | null }>('SELECT SUM(applied_minor) AS s FROM deposits WHERE tab_id = ?').get(id)?.s ?? 0;
    return sum + own + deposits + mergedIntoPaid(db, id);
  }, 0);
}

/**
 * The reward standing on a tab (at most one), checked against the pure rules applied to its lines
 * as they are: a stamp card's unit at its line's rate, points shared by what each rate charges.
 * Also: every loyalty entry moves the loyalty account by exactly its per-rate rows. Returns what
 * the reward takes off what the tab owes.
 */
function loyaltyRewardOff(db: Db, tabId: number, lines: TaxLine[], mode: TaxMode): number {
  const standing = db
    .prepare<[number], { scheme: string; discount_minor: number; entry_id: number; line_rate: number | null }>(
      `SELECT m.scheme, m.discount_minor, m.entry_id, l.tax_rate_milli AS line_rate FROM loyalty_movements m LEFT JOIN tab_lines l ON l.id = m.line_id
       WHERE m.tab_id = ? AND m.kind = 'redeem' AND NOT EXISTS (SELECT 1 FROM loyalty_movements r WHERE r.reverses_id = m.id)`,
    )
    .all(tabId);
  expect(standing.length, `loyalty rewards standing on tab ${tabId}`).toBeLessThanOrEqual(1);
  const entries = db
    .prepare<[number], { id: number; account: number; rows: number }>(
      `SELECT e.id, COALESCE((SELECT SUM(amount_minor) FROM postings WHERE entry_id = e.id AND account = 'loyalty'), 0) AS account,
         COALESCE((SELECT SUM(loyalty_minor) FROM loyalty_postings WHERE entry_id = e.id), 0) AS rows
       FROM journal_entries e WHERE e.tab_id = ? AND e.kind IN ('loyalty.redeem', 'loyalty.undo')`,
    )
    .all(tabId);
  for (const e of entries) expect(e.account, `loyalty entry ${e.id} against its rows`).toBe(e.rows);
  const reward = standing[0];
  if (!reward) return 0;
  const totals = computeTabTotals(lines, mode);
  const shares = reward.scheme === 'stamps' ? new Map([[reward.line_rate ?? -1, reward.discount_minor]]) : shareByRate(reward.discount_minor, totals.byRate);
  const rates = discountByRate(totals.byRate, shares, mode);
  const stored = db
    .prepare(
      `SELECT tax_rate_milli AS rateMilli, discount_minor AS discountMinor, tax_minor AS taxMinor, receivable_minor AS receivableMinor, loyalty_minor AS loyaltyMinor
       FROM loyalty_postings WHERE entry_id = ? ORDER BY tax_rate_milli`,
    )
    .all(reward.entry_id);
  expect(stored, `the loyalty reward on tab ${tabId}, worked out again from its lines`).toEqual(rates);
  return rates.reduce((s, r) => s + r.receivableMinor, 0);
}
