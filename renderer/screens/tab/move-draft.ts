import type { TabLine } from '../../../shared/types';

/** How many of each line (by id) are picked to move. */
export type MoveCounts = Readonly<Record<number, number>>;

/** One more or one less of a line, never below none or above what the line has. */
export function stepCount(counts: MoveCounts, line: Pick<TabLine, 'id' | 'qty'>, delta: number): MoveCounts {
  const next = Math.min(line.qty, Math.max(0, (counts[line.id] ?? 0) + delta));
  return { ...counts, [line.id]: next };
}

/** All of a line, or none of it again when all of it was picked. */
export function toggleAll(counts: MoveCounts, line: Pick<TabLine, 'id' | 'qty'>): MoveCounts {
  return { ...counts, [line.id]: (counts[line.id] ?? 0) === line.qty ? 0 : line.qty };
}

/** What tab.moveLines is sent: the picked lines in the tab's order, each with its count. */
export function movedLines(counts: MoveCounts, lines: readonly Pick<TabLine, 'id' | 'qty' | 'state'>[]): { lineId: number; qty: number }[] {
  return lines.filter((l) => l.state === 'active' && (counts[l.id] ?? 0) > 0).map((l) => ({ lineId: l.id, qty: Math.min(l.qty, counts[l.id] ?? 0) }));
}

export const unitsPicked = (picked: readonly { qty: number }[]): number => picked.reduce((s, p) => s + p.qty, 0);

/** Digits typed to name a token: "007" is token 7; a fifth digit starts over. */
export function typeDigit(typed: string, digit: string): string {
  if (!/^\d$/.test(digit)) return typed;
  const next = typed.length >= 4 ? digit : typed + digit;
  return next.replace(/^0+(?=\d)/, '');
}
