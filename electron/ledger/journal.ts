import { assertMinor } from '../../shared/money';
import type { Db } from './open';

export type Posting = readonly [account: string, amountMinor: number];

export type EntryHeader = {
  kind: string;
  at: string;
  staffId: number;
  tabId: number | null;
  commandId: string | null;
  memo?: string;
};

export class UnbalancedEntryError extends Error {}

/**
 * Writes one balanced journal entry (debits positive, credits negative). Postings to the same
 * account are merged and zero amounts dropped; an entry that nets to nothing writes nothing.
 */
export function postEntry(db: Db, header: EntryHeader, postings: readonly Posting[]): number | null {
  const merged = new Map<string, number>();
  for (const [account, amount] of postings) {
    merged.set(account, assertMinor((merged.get(account) ?? 0) + assertMinor(amount, `posting to ${account}`)));
  }
  const lines = [...merged].filter(([, amount]) => amount !== 0);
  const sum = lines.reduce((s, [, amount]) => s + amount, 0);
  if (sum !== 0) throw new UnbalancedEntryError(`journal entry "${header.kind}" does not balance (off by ${sum})`);
  if (lines.length === 0) return null;
  const entry = db
    .prepare(
      'INSERT INTO journal_entries (created_at, kind, tab_id, staff_id, command_id, memo) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(header.at, header.kind, header.tabId, header.staffId, header.commandId, header.memo ?? '');
  const entryId = Number(entry.lastInsertRowid);
  const insert = db.prepare('INSERT INTO postings (entry_id, account, amount_minor) VALUES (?, ?, ?)');
  for (const [account, amount] of lines) insert.run(entryId, account, amount);
  return entryId;
}

export function writeAudit(db: Db, row: { at: string; staffId: number; command: string; tabId: number | null; detail: string }): void {
  db.prepare('INSERT INTO audit (at, staff_id, command, tab_id, detail) VALUES (?, ?, ?, ?, ?)').run(
    row.at,
    row.staffId,
    row.command,
    row.tabId,
    row.detail,
  );
}

export const accounts = {
  receivable: 'tabs_receivable',
  cash: 'cash_drawer',
  card: 'card_clearing',
  other: 'other_tender',
  comps: 'comps',
  walkouts: 'walkouts',
  rounding: 'rounding',
  sales: (rate: string) => `sales:${rate}`,
  tax: (rate: string) => `tax_payable:${rate}`,
  tips: (staffId: number) => `tips_payable:${staffId}`,
} as const;
