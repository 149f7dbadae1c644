/** Each label and amount of a list of figures (components/Figures), as shown. */
export function figureRows(list: Element): [string, string][] {
  return [...list.querySelectorAll('.figures__row')].map((row) => [row.querySelector('dt')?.textContent ?? '', row.querySelector('dd')?.textContent ?? '']);
}
