import type { HistoryEntry } from '../../../shared/types';
import { compValue } from '../../format/comp-text';
import { methodName, ratingName } from '../../format/method-name';
import type { MessageKey } from '../../i18n/t';
import { t } from '../../i18n/t';

/** One message per audited command (a details edit is worded by updateText); an unknown action is shown by name. */
const keys: Record<string, MessageKey> = {
  'tab.open': 'tabDetail.history.tab.open',
  'tab.addLine': 'tabDetail.history.tab.addLine',
  'tab.setQty': 'tabDetail.history.tab.setQty',
  'tab.removeLine': 'tabDetail.history.tab.removeLine',
  'tab.compLine': 'tabDetail.history.tab.compLine',
  'tab.void': 'tabDetail.history.tab.void',
  'tab.writeOff': 'tabDetail.history.tab.writeOff',
  'settle.split': 'tabDetail.history.settle.split',
  'settle.clearSplit': 'tabDetail.history.settle.clearSplit',
  'settle.pay': 'tabDetail.history.settle.pay',
  'settle.rate': 'tabDetail.history.settle.rate',
  'settle.voidLastPayment': 'tabDetail.history.settle.voidLastPayment',
  'tab.refund': 'tabDetail.history.tab.refund',
};

const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value ?? 0));
const str = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

type DetailField = 'name' | 'label' | 'note';
const updateKeys: Record<DetailField, { changed: MessageKey; cleared: MessageKey }> = {
  name: { changed: 'tabDetail.history.update.name', cleared: 'tabDetail.history.update.nameCleared' },
  label: { changed: 'tabDetail.history.update.label', cleared: 'tabDetail.history.update.labelCleared' },
  note: { changed: 'tabDetail.history.update.note', cleared: 'tabDetail.history.update.noteCleared' },
};

/**
 * A details edit: the server records only the fields that changed, so each key present is worded
 * and nothing else is mentioned; an empty value means the field was cleared.
 */
function updateText(detail: HistoryEntry['detail']): string {
  const parts = (Object.keys(updateKeys) as DetailField[])
    .filter((field) => Object.hasOwn(detail, field))
    .map((field) => {
      const value = str(detail[field]).replace(/\s+/g, ' ').trim();
      return value ? t(updateKeys[field].changed, { value }) : t(updateKeys[field].cleared);
    });
  if (parts.length === 0) return t('tabDetail.history.tab.update');
  return parts.reduce((first, rest) => t('tabDetail.history.update.join', { first, rest }));
}

/** What moved, from the audit's [name, qty] pairs: "Latte × 2, Cake × 1" (or "nothing on it"). */
export function movedItemsText(items: unknown): string {
  let pairs: unknown;
  try {
    pairs = JSON.parse(str(items));
  } catch {
    pairs = [];
  }
  const words = (Array.isArray(pairs) ? pairs : [])
    .filter((p): p is [unknown, unknown] => Array.isArray(p) && p.length === 2)
    .map(([item, qty]) => t('tabDetail.history.moveItem', { item: str(item), qty: str(qty) }));
  if (words.length === 0) return t('tabDetail.history.noItems');
  return words.reduce((first, rest) => t('tabDetail.history.itemsJoin', { first, rest }));
}

/** Lines moved between tabs, a merge, a token changed, gone missing or found: each worded from its side. */
function moveText(entry: HistoryEntry, format: (minor: number) => string): string | null {
  const d = entry.detail;
  const out = d.direction === 'out';
  const vars = { token: str(d.token), items: movedItemsText(d.items) };
  switch (entry.action) {
    case 'tab.moveLines':
      return t(out ? 'tabDetail.history.tab.moveLinesOut' : 'tabDetail.history.tab.moveLinesIn', vars);
    case 'tab.merge': {
      const first = t(out ? 'tabDetail.history.tab.mergeOut' : 'tabDetail.history.tab.mergeIn', vars);
      if (num(d.paidMinor) <= 0) return first;
      return t('tabDetail.history.update.join', { first, rest: t('tabDetail.history.mergePaid', { amount: format(num(d.paidMinor)) }) });
    }
    case 'tab.changeToken':
      return t('tabDetail.history.tab.changeToken', { from: str(d.from), to: str(d.to) });
    case 'token.missing':
      return t('tabDetail.history.token.missing', { token: str(d.token) });
    case 'token.found':
      return t('tabDetail.history.token.found', { token: str(d.token) });
    default:
      return null;
  }
}

/** Words one history entry in the store's money; the server keeps only the action and its facts. */
export function historyText(entry: HistoryEntry, format: (minor: number) => string): string {
  const d = entry.detail;
  if (entry.action === 'tab.update') return updateText(d);
  const moved = moveText(entry, format);
  if (moved !== null) return moved.replace(/\s+/g, ' ').trim();
  // A customer is named by id: their name may since have been erased.
  if (entry.action === 'tab.setCustomer')
    return d.customerId === null || d.customerId === undefined ? t('customers.history.detached') : t('customers.history.attached', { id: str(d.customerId) });
  // A comp on fewer units than its line has says how many (older entries name neither).
  const someUnits = entry.action === 'tab.compLine' && d.qty !== undefined && d.of !== undefined && num(d.qty) < num(d.of);
  const key = someUnits ? 'tabDetail.history.tab.compLineUnits' : keys[entry.action];
  if (!key) return t('tabDetail.history.other', { action: entry.action });
  const vars: Record<string, string | number> = {
    token: str(d.token),
    name: str(d.name),
    label: str(d.label),
    item: str(d.item),
    qty: str(d.qty),
    of: str(d.of),
    from: str(d.from),
    to: str(d.to),
    reason: str(d.reason),
    parts: str(d.parts),
    value: d.value === undefined ? '' : compValue(str(d.kind), num(d.value), format),
    // A refund says what went back in all: the bill part and the tips it gave back.
    amount: format(entry.action === 'tab.refund' ? num(d.amountMinor) + num(d.tipMinor) : num(d.amountMinor ?? d.dueMinor)),
    tip: format(num(d.tipMinor)),
    change: format(num(d.changeMinor)),
    amounts: str(d.amounts)
      .split(' ')
      .filter(Boolean)
      .map((a) => format(Number(a)))
      .join(' + '),
    method: d.method === 'cash' || d.method === 'card' || d.method === 'other' ? methodName(d.method) : str(d.method),
    rating: d.rating === 'happy' || d.rating === 'okay' || d.rating === 'unhappy' ? ratingName(d.rating) : str(d.rating),
  };
  return t(key, vars).replace(/\s+/g, ' ').trim();
}
