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
    expect(historyText(entry('tab.compLine', { item: 'Latte', kind: 'percent', value: 50, qty: 1, of: 2, reason: 'cold' }), euro)).toBe(
      'Comped 1 of 2 × Latte by 50% (cold)',
    );
    expect(historyText(entry('tab.compLine', { item: 'Latte', kind: 'percent', value: 50, qty: 2, of: 2, reason: 'cold' }), euro)).toBe(
      'Comped Latte by 50% (cold)',
    );
    expect(historyText(entry('settle.pay', { method: 'card', amountMinor: 590, tipMinor: 89, changeMinor: 0 }), euro)).toBe(
      'Paid €5.9 by Card, tip €0.89, change €0',
    );
    expect(historyText(entry('settle.split', { mode: 'even', parts: 2, amounts: '590 590' }), euro)).toBe('Split into 2: €5.9 + €5.9');
    expect(historyText(entry('tab.writeOff', { token: 3, dueMinor: 1180, reason: 'Ran off' }), euro)).toBe('Written off €11.8 as a walkout (Ran off)');
    expect(historyText(entry('settle.rate', { rating: 'happy' }), euro)).toBe('Rated: 😊 Happy');
    expect(
      historyText(entry('settle.voidLastPayment', { paymentId: 4, method: 'card', amountMinor: 1240, tipMinor: 0, reason: 'wrong card', reopened: 1 }), euro),
    ).toBe('Payment of €12.4 by Card voided: wrong card');
  });

  it('words a details edit from exactly the fields that changed', () => {
    expect(historyText(entry('tab.update', { note: 'oat milk' }), euro)).toBe('Note changed: oat milk');
    expect(historyText(entry('tab.update', { name: 'Alice' }), euro)).toBe('Name changed to Alice');
    expect(historyText(entry('tab.update', { label: 'Window seat' }), euro)).toBe('Label changed to Window seat');
    expect(historyText(entry('tab.update', { name: 'Alice', note: 'oat milk' }), euro)).toBe('Name changed to Alice; Note changed: oat milk');
    expect(historyText(entry('tab.update', { name: 'Bo', label: 'Table 4', note: 'no sugar' }), euro)).toBe(
      'Name changed to Bo; Label changed to Table 4; Note changed: no sugar',
    );
  });

  it('says a cleared field was removed rather than changed to nothing', () => {
    expect(historyText(entry('tab.update', { label: '' }), euro)).toBe('Label removed');
    expect(historyText(entry('tab.update', { name: 'Alice', note: '' }), euro)).toBe('Name changed to Alice; Note removed');
  });

  it('keeps a multi-line note on one history line and ignores keys that are not details', () => {
    expect(historyText(entry('tab.update', { note: 'oat milk\nextra hot' }), euro)).toBe('Note changed: oat milk extra hot');
    expect(historyText(entry('tab.update', { tabId: 4 }), euro)).toBe('Details changed');
  });

  it('shows an unknown action by name rather than hiding it', () => {
    expect(historyText(entry('deposit.apply', {}), euro)).toBe('deposit.apply');
  });
});
