import type { CommandInput } from '../../../shared/contract';
import { MoneyError, mulMinor, sumMinor, type Minor } from '../../../shared/money';
import type { MoneyTools } from '../../hooks/use-money';

/** What a drawer count is sent as: note by note, or one total. */
export type CashCount = CommandInput<'drawer.open'>['float'];

export type CountMode = 'denominations' | 'total';

/** A count as typed: one quantity per note or coin (by its value in minor units), or a total. */
export type CountDraft = { mode: CountMode; qty: Record<string, string>; total: string };

/** Where a problem belongs: a denomination's field (its value as text) or "total". */
export type CountProblems = Record<string, string>;

export type CountRead = { ok: true; count: CashCount; totalMinor: Minor } | { ok: false; problems: CountProblems };

const MAX_QTY = 100_000;

/** An empty count: note by note when the currency has a list of notes and coins, else a total. */
export function emptyCount(denominations: readonly Minor[]): CountDraft {
  return { mode: denominations.length > 0 ? 'denominations' : 'total', qty: {}, total: '' };
}

/** A quantity as typed: empty is none; otherwise a whole number from 0 to 100000. */
export function parseQty(text: string): number | null {
  const clean = text.trim();
  if (clean === '') return 0;
  if (!/^\d{1,6}$/.test(clean)) return null;
  const qty = Number(clean);
  return qty <= MAX_QTY ? qty : null;
}

type Words = { qtyError: (denominationMinor: Minor) => string; totalMissing: string; totalNegative: string };

/**
 * Reads a count: the input for drawer.open / drawer.count and its total (shown as a preview
 * only; the ledger adds the counts up itself), or the words to show by each field at fault.
 */
export function readCount(draft: CountDraft, denominations: readonly Minor[], money: Pick<MoneyTools, 'parse'>, words: Words): CountRead {
  if (draft.mode === 'total' || denominations.length === 0) {
    if (draft.total.trim() === '') return { ok: false, problems: { total: words.totalMissing } };
    const parsed = money.parse(draft.total);
    if (!parsed.ok) return { ok: false, problems: { total: parsed.message } };
    // A negative amount parses as money; as cash in a drawer it means nothing.
    if (parsed.minor < 0) return { ok: false, problems: { total: words.totalNegative } };
    return { ok: true, count: { kind: 'total', totalMinor: parsed.minor }, totalMinor: parsed.minor };
  }
  const problems: CountProblems = {};
  const counts: { denominationMinor: Minor; qty: number }[] = [];
  for (const denominationMinor of denominations) {
    const qty = parseQty(draft.qty[String(denominationMinor)] ?? '');
    if (qty === null) problems[String(denominationMinor)] = words.qtyError(denominationMinor);
    else if (qty > 0) counts.push({ denominationMinor, qty });
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  try {
    const totalMinor = sumMinor(counts.map((c) => mulMinor(c.denominationMinor, c.qty)));
    return { ok: true, count: { kind: 'denominations', counts }, totalMinor };
  } catch (error) {
    if (error instanceof MoneyError) return { ok: false, problems: { total: error.message } };
    throw error;
  }
}

/** The running total shown under the grid while counting, or null while a field cannot be read. */
export function runningTotal(draft: CountDraft, denominations: readonly Minor[], money: Pick<MoneyTools, 'parse'>): Minor | null {
  const read = readCount(draft, denominations, money, { qtyError: () => '', totalMissing: '', totalNegative: '' });
  if (read.ok) return read.totalMinor;
  return draft.mode === 'total' && draft.total.trim() === '' ? 0 : null;
}

/** One line of the grid: the quantity typed times the note's value, or null while unreadable. */
export function lineTotal(denominationMinor: Minor, text: string): Minor | null {
  const qty = parseQty(text);
  return qty === null ? null : mulMinor(denominationMinor, qty);
}
