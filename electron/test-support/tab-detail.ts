import { expect } from 'vitest';
import type { LineAdded, TabDetail, TabSummary } from '../../shared/types';
import type { TestLedger } from './ledger-fixture';

/** The whole tab (lines, payments, history, split...): the commands that change a tab answer only its card. */
export function detail(l: Pick<TestLedger, 'call'>, tabId: number): TabDetail {
  return l.call('tab.get', { tabId });
}

/** The board's card of a whole tab: what a command that changed the tab answers. */
export function cardOf(tab: TabDetail): TabSummary {
  const { id, token, name, label, note, status, itemCount, totalMinor, paidMinor, dueMinor, openedAt, lastActivityAt, customerId, customerName } = tab;
  return { id, token, name, label, note, status, itemCount, totalMinor, paidMinor, dueMinor, openedAt, lastActivityAt, customerId, customerName };
}

/**
 * The whole tab after a command that changed it, checking first that the command's answer is the
 * card tab.get reads back (and, for tab.addLine, that its lineId names an active line of the tab).
 */
export function detailAfter(l: Pick<TestLedger, 'call'>, answer: TabSummary | LineAdded): TabDetail {
  const tab = detail(l, answer.id);
  if ('lineId' in answer) {
    expect(answer).toEqual({ ...cardOf(tab), lineId: answer.lineId });
    expect(tab.lines.find((line) => line.id === answer.lineId)?.state, `line ${answer.lineId} of tab ${answer.id}`).toBe('active');
  } else {
    expect(answer).toEqual(cardOf(tab));
  }
  return tab;
}
