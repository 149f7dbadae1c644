import type { BoardCard, StoreSettings, TabSummary } from '../../../shared/types';

export type Band = 'fresh' | 'amber' | 'red';
export type SortKey = 'token' | 'age' | 'amount';
export const sortKeys: readonly SortKey[] = ['token', 'age', 'amount'];

const MINUTE_MS = 60_000;
const SORT_STORAGE_KEY = 'aftertab.board.sort';

/** Whole minutes between an ISO time and now; never negative (clocks of two machines drift). */
export function minutesSince(iso: string, now: number): number {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 0;
  return Math.max(0, Math.floor((now - at) / MINUTE_MS));
}

/** The colour band the store's thresholds give a tab that has been open this many minutes. */
export function ageBand(ageMinutes: number, store: Pick<StoreSettings, 'amberMinutes' | 'redMinutes'>): Band {
  if (ageMinutes >= store.redMinutes) return 'red';
  if (ageMinutes >= store.amberMinutes) return 'amber';
  return 'fresh';
}

/** Hours and minutes for a duration, so the card can word it in the user's language. */
export function splitMinutes(total: number): { hours: number; minutes: number } {
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/** Oldest first for age and largest due first for amount: what needs attention comes first. */
export function sortTabs(tabs: readonly TabSummary[], key: SortKey): TabSummary[] {
  const byToken = (a: TabSummary, b: TabSummary): number => a.token - b.token;
  const compare: Record<SortKey, (a: TabSummary, b: TabSummary) => number> = {
    token: byToken,
    age: (a, b) => Date.parse(a.openedAt) - Date.parse(b.openedAt) || byToken(a, b),
    amount: (a, b) => b.dueMinor - a.dueMinor || byToken(a, b),
  };
  return [...tabs].sort(compare[key]);
}

/**
 * The open tabs with the cards a tab change pushed put in: each named tab's card replaced, added,
 * or taken off (no card: the tab is no longer open), in token order as tab.listOpen lists them.
 */
export function patchBoard(tabs: readonly TabSummary[], cards: readonly BoardCard[]): TabSummary[] {
  const named = new Set(cards.map((c) => c.tabId));
  const kept = tabs.filter((tab) => !named.has(tab.id));
  const changed = cards.flatMap((c) => (c.card ? [c.card] : []));
  return [...kept, ...changed].sort((a, b) => a.token - b.token);
}

/** Digits match the start of a token number; anything else matches the name, label or note. */
export function filterTabs(tabs: readonly TabSummary[], query: string): TabSummary[] {
  const wanted = query.trim().toLocaleLowerCase();
  if (!wanted) return [...tabs];
  if (/^\d+$/.test(wanted)) return tabs.filter((tab) => String(tab.token).startsWith(wanted));
  return tabs.filter((tab) => [tab.name, tab.label, tab.note].some((text) => text.toLocaleLowerCase().includes(wanted)));
}

export function isSortKey(value: unknown): value is SortKey {
  return typeof value === 'string' && (sortKeys as readonly string[]).includes(value);
}

/** The sort chosen last time on this machine; storage can be blocked, so failures fall back. */
export function loadSortKey(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): SortKey {
  try {
    const saved = storage?.getItem(SORT_STORAGE_KEY);
    return isSortKey(saved) ? saved : 'token';
  } catch {
    return 'token';
  }
}

export function saveSortKey(key: SortKey, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(SORT_STORAGE_KEY, key);
  } catch {
    // A private window may refuse storage; the board still sorts, it just forgets on restart.
  }
}
