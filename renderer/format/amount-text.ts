import { decimalMark, minorToDecimalString, type Minor } from '../../shared/money';

/**
 * Turns what a person typed into the plain "1234.50" form parseMinor reads, whatever the
 * locale's decimal mark. Both marks present: the last one is the decimal mark. Only the other
 * locale's mark: it groups thousands when every group after it has exactly three digits
 * ("1.234" in de-DE is 1234), otherwise it is a decimal mark ("4.40" in de-DE is 4,40 €), since
 * people type a dot for cents whatever the keyboard says. Anything else is left for the parser
 * to refuse.
 */
export function normalizeAmountText(text: string, localeMark: string): string {
  const compact = text.replace(/[\s\u00a0\u202f']/g, '');
  const mark = localeMark === ',' ? ',' : '.';
  const other = mark === ',' ? '.' : ',';
  const lastMark = compact.lastIndexOf(mark);
  const lastOther = compact.lastIndexOf(other);
  if (lastMark >= 0 && lastOther >= 0) {
    const decimal = lastMark > lastOther ? mark : other;
    const group = decimal === mark ? other : mark;
    return compact.split(group).join('').replace(decimal, '.');
  }
  if (lastOther >= 0) {
    const parts = compact.split(other);
    if (parts.slice(1).every((part) => /^\d{3}$/.test(part))) return parts.join('');
    return parts.length === 2 ? parts.join('.') : compact;
  }
  return mark === ',' ? compact.replace(',', '.') : compact;
}

/**
 * An amount as a person would type it in this locale ("4.40", "4,40"), for a field that starts
 * filled (a price being edited, a quick tender, a loyalty figure): saved untouched, it parses
 * back to the same amount. Like normalizeAmountText, only a comma stands for another decimal
 * mark (an Arabic "٫" does not, so those locales type a point).
 */
export function amountInputText(minor: Minor, exponent: number, locale: string): string {
  const text = minorToDecimalString(minor, exponent);
  return decimalMark(locale) === ',' ? text.replace('.', ',') : text;
}
