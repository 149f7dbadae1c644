import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/types';
import { historyText } from './history-message';

const euro = (minor: number): string => `€${(minor / 100).toString()}`;
const entry = (action: string, detail: HistoryEntry['detail']): HistoryEntry => ({ at: '2025-01-01T10:00:00Z', staffName: 'Owner', action, detail });

describe('historyText', () => {
  it('words each action from its details', () => {
    expect(historyText(entry('tab.addLine', { item: 'Latte', qty: 2, unitMinor: 440 }), euro)).toBe('Added Latte × 2');
    expect(historyText(entry('tab.compLine', { item: 'Latte', kind: 'percent', value: 50, reason: 'Not satisfied' }), euro)).toBe(
      'Comped Latte by 50% (Not satisfied)',
    );
    expect(historyText(entry('tab.compLine', { item: 'Latte', kind: 'amount', value: 100, reason: 'Goodwill' }), euro)).toBe('Comped Latte by €1 (Goodwill)');
    expect(historyText(entry('settle.pay', { method: 'card', amountMinor: 590, tipMinor: 89, changeMinor: 0 }), euro)).toBe(
      'Paid €5.9 by Card, tip €0.89, change €0',
    );
    expect(historyText(entry('settle.split', { mode: 'even', parts: 2, amounts: '590 590' }), euro)).toBe('Split into 2: €5.9 + €5.9');
    expect(historyText(entry('tab.writeOff', { token: 3, dueMinor: 1180, reason: 'Ran off' }), euro)).toBe('Written off €11.8 as a walkout (Ran off)');
    expect(historyText(entry('settle.rate', { rating: 'happy' }), euro)).toBe('Rated: 😊 Happy');
  });

  it('shows an unknown action by name rather than hiding it', () => {
    expect(historyText(entry('deposit.apply', {}), euro)).toBe('deposit.apply');
  });
});
