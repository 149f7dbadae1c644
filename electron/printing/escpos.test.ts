import { describe, expect, it } from 'vitest';
import { previewPaper } from '../../shared/paper/layout';
import { PaperWriter, type PaperLine } from '../../shared/paper/paper-doc';
import { cuts, decodeEscPos, printedText, pulses } from '../test-support/escpos-decoder';
import { encodeEscPos, printableLines } from './escpos';

const line = (text: string, bold = false, size: 1 | 2 = 1): PaperLine => ({ text, bold, size });

describe('ESC/POS by the encoder library', () => {
  it('prints each laid-out line as it is, then feeds and cuts, with no drawer pulse unless asked', () => {
    const lines = [line('Corner Café', true, 2), line(''), line('2 × Latte                 €8.80'), line('Total                     €8.80', true)];
    const decoded = decodeEscPos(encodeEscPos({ columns: 32, lines, kick: false, cut: true }));
    expect(printedText(decoded)).toEqual(lines.map((l) => l.text));
    expect(decoded.lines[0]).toMatchObject({ bold: true, size: 2 });
    expect(decoded.lines[2]).toMatchObject({ bold: false, size: 1 });
    expect(decoded.lines[3]).toMatchObject({ bold: true, size: 1 });
    expect(cuts(decoded)).toBe(1);
    expect(decoded.commands.find((c) => c.kind === 'cut')).toEqual({ kind: 'cut', partial: true });
    expect(pulses(decoded)).toBe(0);
    expect(decoded.commands[0]).toEqual({ kind: 'init' });
    expect(decoded.unknown).toEqual([]);
  });

  it('kicks the drawer with ESC p on pin 2 when asked, alone or with a receipt', () => {
    const kick = decodeEscPos(encodeEscPos({ columns: 48, lines: [], kick: true, cut: false }));
    expect(kick.commands.filter((c) => c.kind === 'pulse')).toEqual([{ kind: 'pulse', pin: 2, onMs: 100, offMs: 500 }]);
    expect(cuts(kick)).toBe(0);
    expect(printedText(kick)).toEqual([]);
    const both = decodeEscPos(encodeEscPos({ columns: 48, lines: [line('Thank you!')], kick: true, cut: true }));
    expect([pulses(both), cuts(both)]).toEqual([1, 1]);
    expect(printedText(both)).toEqual(['Thank you!']);
  });

  it('switches code pages for German, Spanish, Polish and Russian letters and the euro sign', () => {
    const lines = [line('Müller · Straße · 8,80 €'), line('Peluquería Núñez ¿¡'), line('Łukasz Wiśniewski'), line('Ирина')];
    const decoded = decodeEscPos(encodeEscPos({ columns: 32, lines, kick: false, cut: true }));
    expect(printedText(decoded)).toEqual(lines.map((l) => l.text));
    const tables = decoded.commands.flatMap((c) => (c.kind === 'codepage' ? [c.table] : []));
    // cp858 (19) for Western Europe and €, cp852 (18) for Polish, cp866 (17) for Cyrillic.
    expect(tables).toEqual(expect.arrayContaining([19, 18, 17]));
    expect(decoded.unknown).toEqual([]);
  });

  it('makes a letter no code page has a "?" before it is laid out anywhere, so the preview shows what prints', () => {
    const lines = printableLines([line('Zoë 王 Ωmega'), line('plain')]);
    expect(lines.map((l) => l.text)).toEqual(['Zoë ? Ωmega', 'plain']);
    const decoded = decodeEscPos(encodeEscPos({ columns: 32, lines, kick: false, cut: true }));
    expect(printedText(decoded)).toEqual(['Zoë ? Ωmega', 'plain']);
  });

  it('never wraps a laid-out line of the full width, on 58 or 80 mm', () => {
    for (const paper of ['58mm', '80mm'] as const) {
      const preview = previewPaper(new PaperWriter().rule().row('Gesamt', '1.234,56 €').text('x'.repeat(100)).doc(), paper);
      const decoded = decodeEscPos(encodeEscPos({ columns: preview.columns, lines: preview.lines, kick: false, cut: true }));
      expect(printedText(decoded)).toEqual(preview.lines.map((l) => l.text));
    }
  });
});
