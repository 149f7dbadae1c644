import type { BoardCard } from '../../shared/types';
import type { Db } from '../ledger/open';
import { statement } from '../ledger/statements';
import { summarySelect, toSummary, type SummaryRow } from './tab-read';

/**
 * The board's cards for the tabs a command changed, as tab.listOpen lists them, in one statement;
 * a tab no longer open comes back with no card (the board takes it off). Read after the command
 * has committed, and only when a window is listening, so no command's transaction pays for it.
 */
export function boardCards(db: Db, tabIds: readonly number[]): BoardCard[] {
  const rows = statement<[string], SummaryRow>(db, `${summarySelect} WHERE t.id IN (SELECT value FROM json_each(?)) AND t.status = 'open'`).all(
    JSON.stringify(tabIds),
  );
  const open = new Map(rows.map((row) => [row.id, toSummary(row)]));
  return tabIds.map((tabId) => ({ tabId, card: open.get(tabId) ?? null }));
}
