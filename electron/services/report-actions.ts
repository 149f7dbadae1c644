import type { ReportAction, ReportActionKind } from '../../shared/closing-types';
import { accounts, isSalesAccount, tenderAccounts, type Account, type EntryKind } from '../../shared/ledger-vocabulary';
import type { Db } from '../ledger/open';
import { placeholders } from '../ledger/vocabulary-sql';
import { statement } from '../ledger/statements';

/** One journal entry behind an action: who made it, who approved it, on which tab. */
type EntryRow = {
  id: number;
  kind: EntryKind;
  at: string;
  staff: string;
  approver: string | null;
  token: number | null;
  tab_id: number | null;
  memo: string;
};

const ENTRY = `SELECT je.id, je.kind, je.created_at AS at, s.name AS staff, a.name AS approver, t.token, je.tab_id, je.memo
  FROM journal_entries je JOIN staff s ON s.id = je.staff_id LEFT JOIN staff a ON a.id = je.approved_by LEFT JOIN tabs t ON t.id = je.tab_id`;

const tenders: readonly Account[] = Object.values(tenderAccounts);
const tender = (account: Account) => tenders.includes(account);
/** The entry kinds that are actions a person answers for. */
const actionKinds = [
  'line.comp',
  'line.remove',
  'tab.writeOff',
  'payment.void',
  'refund.issue',
  'drawer.paidIn',
  'drawer.paidOut',
] as const satisfies readonly EntryKind[];
const zeroSafe = (amount: number) => (amount === 0 ? 0 : amount);

/**
 * Who did each action of the day that lowered what was owed or moved cash by hand, and who
 * approved it (journal_entries.staff_id and approved_by): comps, removed lines, walkouts, voided
 * payments, refunds, paid in and out, and the drawer variances signed off. Every amount is read from the
 * entry's own postings, as the report's totals are.
 */
export function reportActions(db: Db, businessDate: string): ReportAction[] {
  const postings = statement<[number], { account: Account; amount_minor: number }>(db, 'SELECT account, amount_minor FROM postings WHERE entry_id = ?');
  const moved = (entryId: number, which: (account: Account) => boolean): number =>
    postings
      .all(entryId)
      .filter((p) => which(p.account))
      .reduce((s, p) => s + p.amount_minor, 0);
  // The words given with a command: its audit row (the one row the command wrote on this tab at
  // that moment); else what the line keeps, for entries older than their audit detail.
  const audit = statement<[number, string, string], { detail: string }>(
    db,
    'SELECT detail FROM audit WHERE tab_id = ? AND at = ? AND command = ? ORDER BY id LIMIT 1',
  );
  const lineOf = statement<[number], { comp_reason: string | null; remove_reason: string | null }>(
    db,
    'SELECT l.comp_reason, l.remove_reason FROM entry_lines el JOIN tab_lines l ON l.id = el.line_id WHERE el.entry_id = ?',
  );
  const reasonOf = (e: EntryRow, command: string, column: 'comp_reason' | 'remove_reason'): string => {
    const row = e.tab_id === null ? undefined : audit.get(e.tab_id, e.at, command);
    const said = row ? (JSON.parse(row.detail) as { reason?: unknown }).reason : undefined;
    return typeof said === 'string' ? said : (lineOf.get(e.id)?.[column] ?? '');
  };
  const refundReason = statement<[number], { reason: string }>(db, 'SELECT reason FROM refunds WHERE entry_id = ?');
  const entries = statement<[string, ...EntryKind[]], EntryRow>(
    db,
    `${ENTRY} WHERE je.business_date = ? AND je.kind IN (${placeholders(actionKinds)}) ORDER BY je.id`,
  );
  const actions: ReportAction[] = [];
  const push = (kind: ReportActionKind, e: EntryRow, amountMinor: number, reason: string) =>
    actions.push({ kind, at: e.at, staffName: e.staff, approverName: e.approver, amountMinor: zeroSafe(amountMinor), reason, token: e.token });
  for (const e of entries.all(businessDate, ...actionKinds)) {
    switch (e.kind) {
      case 'line.comp':
        push(
          'comp',
          e,
          moved(e.id, (a) => a === accounts.comps),
          reasonOf(e, 'tab.compLine', 'comp_reason'),
        );
        break;
      case 'line.remove':
        // Net of tax, as the sales figures count removed lines.
        push('removed', e, moved(e.id, isSalesAccount), reasonOf(e, 'tab.removeLine', 'remove_reason'));
        break;
      case 'tab.writeOff':
        push(
          'walkout',
          e,
          moved(e.id, (a) => a === accounts.walkouts),
          e.memo,
        );
        break;
      case 'payment.void':
        push('payment_void', e, -moved(e.id, tender), e.memo);
        break;
      case 'refund.issue':
        // What changed hands, tips included; the reason as the refund keeps it.
        push('refund', e, -moved(e.id, tender), refundReason.get(e.id)?.reason ?? e.memo);
        break;
      case 'drawer.paidIn':
        push(
          'paid_in',
          e,
          moved(e.id, (a) => a === accounts.cash),
          e.memo,
        );
        break;
      case 'drawer.paidOut':
        push('paid_out', e, -moved(e.id, (a) => a === accounts.cash), e.memo);
        break;
    }
  }
  // A drawer's variance is what its sign-off posted to cash over/short (a debit when short).
  const signOffs = statement<[string], EntryRow & { reason: string }>(
    db,
    `${ENTRY} JOIN drawer_sessions d ON d.close_entry_id = je.id WHERE d.business_date = ? AND d.status = 'closed' ORDER BY d.id`,
  ).all(businessDate);
  for (const e of signOffs) {
    const variance = -moved(e.id, (a) => a === accounts.overShort);
    if (variance !== 0) push('variance', e, variance, e.memo);
  }
  return actions.sort((a, b) => a.at.localeCompare(b.at));
}
