import { describe, expect, it } from 'vitest';
import { confirmationDoc } from './confirmation';
import { dayReportDoc } from './day-report';
import { length, previewPaper } from './layout';
import type { PaperPreview } from './paper-doc';
import { paperTools } from './paper-tools';
import { receiptDoc } from './receipt';
import { refundDoc } from './refund';
import { slipDoc } from './slip';
import { TEST_CHARACTERS, testPrintDoc } from './test-print';
import { paperAppointment, paperLine, paperReport, paperStore, paperTab } from './test-fixtures';

const texts = (preview: PaperPreview): string[] => preview.lines.map((line) => line.text);
const fits = (preview: PaperPreview): void => {
  for (const line of preview.lines) expect(length(line.text) * line.size, line.text).toBeLessThanOrEqual(preview.columns);
};

/** A row as the roll prints it: the label, then the value flush right. */
const row = (left: string, right: string, columns: number): string => left + ' '.repeat(columns - length(left) - length(right)) + right;

const longName = 'Großer Milchkaffee mit Hafermilch und Zimt';
const tab = paperTab({
  lines: [
    paperLine(),
    paperLine({ id: 2, name: longName, qty: 1, listMinor: 520, comp: { kind: 'percent', value: 50, qty: 1, reason: 'zu kalt', amountMinor: 260 } }),
    paperLine({ id: 3, name: 'Removed scone', state: 'removed', removeReason: 'mistyped' }),
  ],
});

describe('the receipt on paper', () => {
  it('speaks the store’s language with its money in German, within 32 columns on 58 mm', () => {
    const store = paperStore({ language: 'de', locale: 'de-DE', name: 'Café Müller' });
    const preview = previewPaper(receiptDoc(tab, store, paperTools(store, 'de')), '58mm');
    fits(preview);
    const lines = texts(preview);
    expect(preview.lines[0]).toEqual({ text: '  Café Müller', bold: true, size: 2 });
    expect(lines).toContain('          Beleg-Nr. 41');
    expect(lines).toContain('Marke 12');
    expect(lines).toContain('Geöffnet 14.09.2026, 09:00');
    expect(lines).toContain('2 × Latte                 8,80\u00a0€');
    // A long name wraps under itself; its price stays on its first line.
    expect(lines).toContain('1 × Großer Milchkaffee    5,20\u00a0€');
    expect(lines).toContain('mit Hafermilch und Zimt');
    expect(lines).toContain('  Nachlass 50%: zu kalt  -2,60\u00a0€');
    expect(lines).toContain('  Rückgeld                1,20\u00a0€');
    expect(lines).toContain('Ihre Bewertung: Zufrieden');
    expect(lines.join('\n')).not.toContain('Removed scone');
  });

  it('lays the same receipt out on 48 columns for 80 mm, in Spanish', () => {
    const store = paperStore({ language: 'es', locale: 'es-ES', name: 'Peluquería Núñez' });
    const preview = previewPaper(receiptDoc(tab, store, paperTools(store, 'es')), '80mm');
    fits(preview);
    expect(preview.columns).toBe(48);
    const lines = texts(preview);
    expect(lines).toContain(row('2 × Latte', '8,80\u00a0€', 48));
    expect(lines).toContain('1 × Großer Milchkaffee mit Hafermilch und 5,20\u00a0€');
    expect(lines).toContain('Efectivo                                  8,80\u00a0€');
    expect(lines).toContain('                   ¡Gracias!');
    expect(lines).toContain('Tique n.º 41'.padStart(30));
  });

  it('says an open tab is no receipt yet and what is still due', () => {
    const store = paperStore();
    const open = paperTab({ status: 'open', receiptNumber: null, closedAt: null, payments: [], paidMinor: 0, dueMinor: 880, rating: null });
    const lines = texts(previewPaper(receiptDoc(open, store, paperTools(store, 'en')), '80mm'));
    expect(lines).toContain('      Not paid yet: this is not a receipt');
    expect(lines).toContain('Still open: €8.80 due');
    expect(lines).toContain(row('Due', '€8.80', 48));
    expect(lines).toContain('No payments.');
    expect(lines).not.toContain('                   Thank you!');
  });
});

describe('the token slip on paper', () => {
  it('prints the token large, what to expect of each service, and the terms', () => {
    const store = paperStore();
    const slip = paperTab({
      status: 'open',
      receiptNumber: null,
      lines: [paperLine({ name: 'Head massage', expectText: 'A calm hour; the scalp may tingle after.' })],
    });
    const preview = previewPaper(slipDoc(slip, store, paperTools(store, 'en')), '58mm');
    fits(preview);
    expect(preview.lines).toContainEqual({ text: '       12', bold: true, size: 2 });
    expect(texts(preview)).toEqual(
      expect.arrayContaining([
        '           Your token',
        'Head massage',
        '  A calm hour; the scalp may',
        '  tingle after.',
        'Pay at the counter when you are',
        'done.',
      ]),
    );
  });
});

describe('the booking confirmation on paper', () => {
  it('says who, when, with whom, what to expect, the deposit and the policy, in Spanish', () => {
    const store = paperStore({ language: 'es', locale: 'es-ES', name: 'Peluquería Núñez', payAfterTerms: '' });
    const preview = previewPaper(confirmationDoc(paperAppointment(), store, paperTools(store, 'es')), '58mm');
    fits(preview);
    const lines = texts(preview);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Para Lucía Fernández',
        'vie, 18 sept 2026, de 10:00 a',
        '11:00',
        'Con Jürgen',
        'Corte y peinado           60 min',
        '  Lavado, corte y secado.',
        'Señal pagada: 10,00\u00a0€ (Tarjeta)',
      ]),
    );
    expect(lines.join(' ')).toContain('se retiene el 50 % de');
  });
});

describe('the X and Z on paper', () => {
  it('prints the Z’s figures as the ledger gave them, and the chain head in full', () => {
    const store = paperStore();
    const preview = previewPaper(dayReportDoc(paperReport(), store.taxRates, paperTools(store, 'en')), '80mm');
    fits(preview);
    const lines = texts(preview);
    expect(lines).toContain('         Z report #7 · Mon 14 Sept 2026');
    expect(lines).toContain(row('Net sales', '€26.09', 48));
    expect(lines).toContain('Standard 10%');
    expect(lines).toContain(row('Card: 1 voided', '-€3.00', 48));
    expect(lines).toContain(row('Variance', '-€0.20', 48));
    expect(lines).toContain(row('Token 4 · Sam · 3 h 30 min', '€3.40', 48));
    expect(lines.join('')).toContain('3f2a'.repeat(16));
    expect(lines.join(' ')).toContain('entry 4,160');
  });

  it('prints an X in German, with its money in the report’s own currency (not the store’s later one)', () => {
    const store = paperStore({ language: 'de', currency: 'GBP', locale: 'en-GB' });
    const report = paperReport({ kind: 'x', zNumber: null, chain: undefined });
    const p = paperTools({ currency: report.currency, locale: 'de-DE', timeZone: store.timeZone }, store.language);
    const lines = texts(previewPaper(dayReportDoc(report, store.taxRates, p), '58mm'));
    expect(lines[1]).toBe('X-Bericht · Mo., 14. Sept. 2026');
    expect(lines).toContain(row('Nettoumsatz', '26,09\u00a0€', 32));
    expect(lines).toContain(row('Entfernte Positionen (1)', '-2,91\u00a0€', 32));
  });
});

describe('the test print', () => {
  it('names the printer, rules exactly one line across, and shows the letters the store prints', () => {
    const store = paperStore({ language: 'es', locale: 'es-ES' });
    const printer = { kind: 'escpos-network', paper: '58mm', host: '127.0.0.1', port: 9100, drawer: true, autoReceipt: false } as const;
    const p = paperTools(store, 'es');
    const preview = previewPaper(testPrintDoc(store, printer, '127.0.0.1, puerto 9100', '2026-09-14T10:00:00.000Z', p), '58mm');
    fits(preview);
    const lines = texts(preview);
    expect(lines).toContain('12345678901234567890123456789012');
    expect(lines).toContain('Impresora: 127.0.0.1, puerto');
    expect(lines.join(' ')).toContain(TEST_CHARACTERS.split(' ')[0]);
    expect(lines).toContain('Esta impresora abre el cajón al');
  });
});

describe('the refund receipt on paper', () => {
  it('names the receipt it refunds, what went back, the tax in it, how, why and by whom, in Spanish', () => {
    const store = paperStore({ language: 'es', locale: 'es-ES' });
    const receipt = {
      refundId: 3,
      tabId: 7,
      token: 12,
      tabName: 'Ana',
      mode: 'lines' as const,
      amountMinor: 440,
      taxMinor: 40,
      netMinor: 400,
      tipMinor: 0,
      tips: [],
      rates: [{ rateMilli: 10_000, amountMinor: 440, taxMinor: 40, netMinor: 400 }],
      lines: [{ lineId: 1, name: 'Latte', comped: false, qty: 1, amountMinor: 440 }],
      tenders: [{ method: 'cash' as const, amountMinor: 440, tipMinor: 0, givenMinor: 440, roundingMinor: 0 }],
      givenMinor: 440,
      originalReceiptNumber: 41,
      originalClosedAt: '2026-09-14T08:40:00.000Z',
      at: '2026-09-14T09:10:00.000Z',
      businessDate: '2026-09-14',
      reason: 'demasiado frío',
      staffName: 'Jürgen',
      approverName: 'Lucía',
    };
    const preview = previewPaper(refundDoc(receipt, store, paperTools(store, 'es')), '58mm');
    fits(preview);
    const lines = texts(preview);
    const es = (key: string): string => paperTools(store, 'es').tr(key as never);
    expect(lines).toContain(es('refundReceipt.title').padStart(Math.floor((32 + es('refundReceipt.title').length) / 2)));
    expect(lines).toContain(row('1 × Latte', '4,40\u00a0€', 32));
    expect(lines.some((line) => line.endsWith('0,40\u00a0€') && line.startsWith('  '))).toBe(true);
    expect(lines.join(' ')).toContain('demasiado frío');
    expect(lines.join(' ')).toContain('Jürgen');
    expect(lines.join(' ')).toContain('Lucía');
    expect(lines.join(' ')).toContain('41');
  });
});
