import { describe, expect, it } from 'vitest';
import type { TabSummary } from '../../../shared/types';
import { ageBand, filterTabs, loadSortKey, minutesSince, patchBoard, saveSortKey, sortTabs, splitMinutes } from './board-logic';

function tab(over: Partial<TabSummary>): TabSummary {
  return {
    id: 1,
    token: 1,
    name: '',
    label: '',
    note: '',
    status: 'open',
    itemCount: 0,
    totalMinor: 0,
    paidMinor: 0,
    dueMinor: 0,
    openedAt: '2025-01-01T10:00:00.000Z',
    lastActivityAt: '2025-01-01T10:00:00.000Z',
    customerId: null,
    customerName: null,
    ...over,
  };
}

const store = { amberMinutes: 45, redMinutes: 90 };

describe('ages and bands', () => {
  it('counts whole minutes and never goes negative', () => {
    const opened = '2025-01-01T10:00:00.000Z';
    expect(minutesSince(opened, Date.parse('2025-01-01T10:32:59.000Z'))).toBe(32);
    expect(minutesSince(opened, Date.parse('2025-01-01T09:59:00.000Z'))).toBe(0);
    expect(minutesSince('not a date', 0)).toBe(0);
  });

  it('turns amber and red exactly at the store thresholds', () => {
    expect(ageBand(44, store)).toBe('fresh');
    expect(ageBand(45, store)).toBe('amber');
    expect(ageBand(89, store)).toBe('amber');
    expect(ageBand(90, store)).toBe('red');
  });

  it('splits minutes into hours and minutes', () => {
    expect(splitMinutes(32)).toEqual({ hours: 0, minutes: 32 });
    expect(splitMinutes(125)).toEqual({ hours: 2, minutes: 5 });
  });
});

describe('sorting', () => {
  const tabs = [
    tab({ id: 1, token: 7, dueMinor: 500, openedAt: '2025-01-01T10:10:00.000Z' }),
    tab({ id: 2, token: 2, dueMinor: 1200, openedAt: '2025-01-01T10:20:00.000Z' }),
    tab({ id: 3, token: 4, dueMinor: 500, openedAt: '2025-01-01T10:00:00.000Z' }),
  ];
  it('sorts by token, by age (oldest first) and by amount (largest first)', () => {
    expect(sortTabs(tabs, 'token').map((t) => t.token)).toEqual([2, 4, 7]);
    expect(sortTabs(tabs, 'age').map((t) => t.token)).toEqual([4, 7, 2]);
    expect(sortTabs(tabs, 'amount').map((t) => t.token)).toEqual([2, 4, 7]);
  });
  it('leaves the input untouched', () => {
    sortTabs(tabs, 'token');
    expect(tabs.map((t) => t.token)).toEqual([7, 2, 4]);
  });
});

describe('filtering', () => {
  const tabs = [tab({ token: 1, name: 'Anna' }), tab({ token: 12, label: 'Window seat' }), tab({ token: 21, note: 'oat milk' }), tab({ token: 3 })];
  it('matches digits against the start of the token', () => {
    expect(filterTabs(tabs, '1').map((t) => t.token)).toEqual([1, 12]);
    expect(filterTabs(tabs, ' 21 ').map((t) => t.token)).toEqual([21]);
  });
  it('matches words against name, label and note, ignoring case', () => {
    expect(filterTabs(tabs, 'anna').map((t) => t.token)).toEqual([1]);
    expect(filterTabs(tabs, 'WINDOW').map((t) => t.token)).toEqual([12]);
    expect(filterTabs(tabs, 'oat').map((t) => t.token)).toEqual([21]);
  });
  it('keeps everything for an empty query', () => {
    expect(filterTabs(tabs, '  ')).toHaveLength(4);
  });
});

describe('remembered sort', () => {
  it('round-trips through storage and falls back on junk or a refusing storage', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    expect(loadSortKey(storage)).toBe('token');
    saveSortKey('amount', storage);
    expect(loadSortKey(storage)).toBe('amount');
    data.set('aftertab.board.sort', 'colour');
    expect(loadSortKey(storage)).toBe('token');
    const refusing = {
      getItem: (): string => {
        throw new Error('denied');
      },
      setItem: (): void => {
        throw new Error('denied');
      },
    };
    expect(loadSortKey(refusing)).toBe('token');
    expect(() => saveSortKey('age', refusing)).not.toThrow();
  });
});

describe('patching the board with the cards a tab change carries', () => {
  it('replaces, adds and removes the named cards, keeps the rest as they were, in token order', () => {
    const before = [tab({ id: 1, token: 3, dueMinor: 100 }), tab({ id: 2, token: 7 }), tab({ id: 3, token: 9 })];
    const after = patchBoard(before, [
      { tabId: 2, card: tab({ id: 2, token: 1, dueMinor: 450 }) },
      { tabId: 3, card: null },
      { tabId: 4, card: tab({ id: 4, token: 5 }) },
      { tabId: 5, card: null },
    ]);
    expect(after.map((t) => [t.id, t.token, t.dueMinor])).toEqual([
      [2, 1, 450],
      [1, 3, 100],
      [4, 5, 0],
    ]);
    // The list it was given is left alone (it is React state).
    expect(before.map((t) => t.id)).toEqual([1, 2, 3]);
    expect(after[1]).toBe(before[0]);
  });
});
