import type { StoreSettings, TabSummary } from '../../../shared/types';

/** Tokens run up to 9999 (the contract's limit), so more digits than that start a new number. */
const MAX_DIGITS = 4;

export type JumpTarget =
  { kind: 'tab'; token: number; tabId: number } | { kind: 'free'; token: number } | { kind: 'missing'; token: number } | { kind: 'outside'; token: number };

/** The number typed so far with one more digit; a fifth digit starts over from that digit. */
export function pushDigit(buffer: string, digit: string): string {
  if (!/^\d$/.test(digit)) return buffer;
  const next = buffer.length >= MAX_DIGITS ? digit : buffer + digit;
  // "007" means token 7: leading zeros are dropped so the overlay shows what will be looked up.
  return next.replace(/^0+(?=\d)/, '');
}

/** Where typed digits lead: the open tab holding that token, or the fact that it is free (or missing). */
export function resolveJump(
  buffer: string,
  tabs: readonly Pick<TabSummary, 'id' | 'token'>[],
  pool: Pick<StoreSettings, 'tokenFirst' | 'tokenLast'>,
  missing: ReadonlySet<number> = new Set(),
): JumpTarget | null {
  if (!/^\d+$/.test(buffer)) return null;
  const token = Number(buffer);
  const holder = tabs.find((tab) => tab.token === token);
  if (holder) return { kind: 'tab', token, tabId: holder.id };
  if (missing.has(token)) return { kind: 'missing', token };
  if (token < pool.tokenFirst || token > pool.tokenLast) return { kind: 'outside', token };
  return { kind: 'free', token };
}
