import type { LineComp } from '../../shared/types';
import { t, tPaper } from '../i18n/t';

type Format = (minor: number) => string;

/** A comp as it was given: "50%" or a money amount. */
export function compValue(kind: string, value: number, format: Format): string {
  return kind === 'percent' ? `${value}%` : format(value);
}

/** The words for a comp on the tab: "Comp 50% · cold · −€4.40", or "1 of 2 comped 50% (cold) · −€2.20" when it covers fewer units than the line has. */
export function compBadge(comp: LineComp, lineQty: number, format: Format): string {
  const vars = { value: compValue(comp.kind, comp.value, format), reason: comp.reason, amount: format(comp.amountMinor), qty: comp.qty, of: lineQty };
  return comp.qty < lineQty ? t('tabDetail.compBadgeUnits', vars) : t('tabDetail.compBadge', vars);
}

/** The same on the receipt, where the amount stands in its own column, in the store's language. */
export function compReceiptText(comp: LineComp, lineQty: number, format: Format): string {
  const vars = { value: compValue(comp.kind, comp.value, format), reason: comp.reason, qty: comp.qty, of: lineQty };
  return comp.qty < lineQty ? tPaper('receipt.lineCompUnits', vars) : tPaper('receipt.lineComp', vars);
}
