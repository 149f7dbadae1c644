import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/types';
import { historyText, movedItemsText } from './history-message';
import { movedLines, stepCount, toggleAll, typeDigit } from './move-draft';
import { moneyTools } from '../../hooks/use-money';
import { testStore } from '../../test-support/store';

const entry = (action: string, detail: HistoryEntry['detail']): HistoryEntry => ({ at: '2026-09-14T08:00:00.000Z', staffName: 'Kim', action, detail });

const euro = moneyTools(testStore()).format;

describe('the history of moves, merges and tokens', () => {
  it('words each side of a move and a merge, with what moved and any payment that came along', () => {
    const items = '[["Latte",2],["Cake",1]]';
    expect(historyText(entry('tab.moveLines', { direction: 'out', token: 5, items, qty: 3 }), euro)).toBe('Moved Latte × 2, Cake × 1 to token 5');
    expect(historyText(entry('tab.moveLines', { direction: 'in', token: 3, items, qty: 3 }), euro)).toBe('Latte × 2, Cake × 1 moved here from token 3');
    expect(historyText(entry('tab.merge', { direction: 'in', token: 3, items, paidMinor: 500 }), euro)).toBe(
      'Token 3 merged in: Latte × 2, Cake × 1; €5.00 already paid came along',
    );
    expect(historyText(entry('tab.merge', { direction: 'out', token: 9, items: '[]', paidMinor: 0 }), euro)).toBe('Merged into token 9: nothing on it');
    expect(historyText(entry('tab.changeToken', { from: 3, to: 8 }), euro)).toBe('Token changed from 3 to 8');
    expect(historyText(entry('token.missing', { token: 4 }), euro)).toBe('Token 4 not handed back: marked missing');
    expect(historyText(entry('token.found', { token: 4 }), euro)).toBe('Token 4 found: back in the pool');
    expect(movedItemsText('not json')).toBe('nothing on it');
  });

  it('counts what the move panel sends: never below none or above the line, All toggles, digits name a token', () => {
    const latte = { id: 1, qty: 2, state: 'active' as const };
    let counts = stepCount({}, latte, -1);
    expect(counts[1]).toBe(0);
    counts = stepCount(stepCount(stepCount(counts, latte, 1), latte, 1), latte, 1);
    expect(counts[1]).toBe(2);
    expect(toggleAll(counts, latte)[1]).toBe(0);
    expect(movedLines({ 1: 2, 2: 1, 3: 0 }, [latte, { id: 2, qty: 4, state: 'removed' }, { id: 3, qty: 1, state: 'active' }])).toEqual([{ lineId: 1, qty: 2 }]);
    expect(['0', '0', '7'].reduce(typeDigit, '')).toBe('7');
    expect(['1', '2', '3', '4', '5'].reduce(typeDigit, '')).toBe('5');
    expect(typeDigit('1', 'x')).toBe('1');
  });
});
