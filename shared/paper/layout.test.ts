import { describe, expect, it } from 'vitest';
import { layoutPaper, length, previewPaper, wrap } from './layout';
import { PaperWriter } from './paper-doc';

describe('a paper laid out on a roll', () => {
  it('wraps words at spaces, and breaks a word longer than the line', () => {
    expect(wrap('Flat white with oat milk', 10)).toEqual(['Flat white', 'with oat', 'milk']);
    expect(wrap('Donaudampfschifffahrtsgesellschaft', 10)).toEqual(['Donaudampf', 'schifffahr', 'tsgesellsc', 'haft']);
    expect(wrap('', 10)).toEqual(['']);
    expect(wrap('two\nlines', 32)).toEqual(['two', 'lines']);
  });

  it('centres and right-aligns in spaces, never past the width, with no trailing spaces', () => {
    const lines = layoutPaper(new PaperWriter().center('Café').text('right', { align: 'right' }).doc(), 32);
    expect(lines.map((l) => l.text)).toEqual([`${' '.repeat(14)}Café`, `${' '.repeat(27)}right`]);
  });

  it('puts a row value flush right on the label’s first line, wrapping a long label under itself', () => {
    const doc = new PaperWriter().row('2 × Latte macchiato with extra foam and cinnamon', '€12.40').row('Tip', '€1.00', { indent: 2 }).doc();
    const lines = layoutPaper(doc, 32).map((l) => l.text);
    expect(lines).toEqual(['2 × Latte macchiato with  €12.40', 'extra foam and cinnamon', '  Tip                      €1.00']);
    for (const line of lines) expect(length(line)).toBeLessThanOrEqual(32);
  });

  it('takes half as many characters across for double-size text', () => {
    const lines = layoutPaper(new PaperWriter().center('Peluquería Núñez', { size: 2, bold: true }).doc(), 32);
    expect(lines).toEqual([{ text: 'Peluquería Núñez', bold: true, size: 2 }]);
    const long = layoutPaper(new PaperWriter().text('Friseursalon am Marktplatz', { size: 2 }).doc(), 32);
    expect(long.map((l) => l.text)).toEqual(['Friseursalon am', 'Marktplatz']);
  });

  it('keeps 58 mm to 32 characters and 80 mm to 48', () => {
    const doc = new PaperWriter().rule().row('Total', '€4.40').doc();
    expect(previewPaper(doc, '58mm')).toMatchObject({ paper: '58mm', columns: 32, lines: [{ text: '-'.repeat(32) }, { text: `Total${' '.repeat(22)}€4.40` }] });
    expect(previewPaper(doc, '80mm').lines[0]!.text).toBe('-'.repeat(48));
  });

  it('never lets a control character through to the printer, and writes typography the code pages have', () => {
    const lines = layoutPaper(new PaperWriter().text('Ana\u001b@\u0007 — “ok” −€1.00 😊 ok\u202f€').doc(), 48).map((l) => l.text);
    expect(lines).toEqual(['Ana @ - "ok" -€1.00 ok\u00a0€']);
    expect(lines.join('')).not.toMatch(/\p{Cc}/u);
  });

  it('counts characters, not UTF-16 units, and composes accents (NFC)', () => {
    expect(length('Zoe\u0308')).toBe(4);
    expect(layoutPaper(new PaperWriter().text('Zoe\u0308').doc(), 32)[0]!.text).toBe('Zoë');
  });
});
