import { describe, expect, it } from 'vitest';
import { paperDocument, printerUpdate } from './printer-schemas';

const key = (value: unknown): string | undefined => printerUpdate.safeParse(value).error?.issues[0]?.message;

describe("device.update's printer", () => {
  it('still takes the system printing as before, with or without its kind', () => {
    expect(printerUpdate.parse({ paper: '80mm', name: 'TM-T20' })).toEqual({ paper: '80mm', name: 'TM-T20' });
    expect(printerUpdate.parse({ kind: 'system', paper: 'none', name: '' })).toEqual({ kind: 'system', paper: 'none', name: '' });
  });

  it('takes a network printer by address, port 9100 unless given, the drawer and receipt choices off unless given', () => {
    expect(printerUpdate.parse({ kind: 'escpos-network', paper: '58mm', host: ' 192.168.1.50 ' })).toEqual({
      kind: 'escpos-network',
      paper: '58mm',
      host: '192.168.1.50',
      port: 9100,
      drawer: false,
      autoReceipt: false,
    });
    for (const host of ['printer.local', 'tm-t20', '10.0.0.7', '::1', 'fe80::1'])
      expect(printerUpdate.safeParse({ kind: 'escpos-network', paper: '80mm', host }).success, host).toBe(true);
  });

  it('refuses a network printer’s address or port that cannot be one, by the field’s own words', () => {
    for (const host of ['', 'two words', 'http://printer', 'a;b', '-printer', 'x'.repeat(300)])
      expect(key({ kind: 'escpos-network', paper: '80mm', host }), host).toBe('errors.field.printerHost');
    for (const port of [0, 65_536, 91.5])
      expect(key({ kind: 'escpos-network', paper: '80mm', host: '10.0.0.7', port }), String(port)).toBe('errors.field.printerPort');
    // A thermal roll only: A4 is the system's printing.
    expect(printerUpdate.safeParse({ kind: 'escpos-network', paper: 'a4', host: '10.0.0.7' }).success).toBe(false);
  });

  it("takes a queue by the system's name for it, spaces included, but not one lp would read as an option", () => {
    expect(printerUpdate.parse({ kind: 'escpos-queue', paper: '80mm', queue: 'EPSON TM-T20II Receipt', drawer: true })).toMatchObject({
      queue: 'EPSON TM-T20II Receipt',
      drawer: true,
    });
    for (const queue of ['', '   ', '-oraw', 'two\nlines'])
      expect(key({ kind: 'escpos-queue', paper: '80mm', queue }), JSON.stringify(queue)).toBe('errors.field.printerQueue');
    expect(key({ kind: 'escpos-queue', paper: '80mm', queue: 'Receipt\u202e' })).toBe('errors.field.hiddenCharacters');
  });
});

describe('a paper to print', () => {
  it('is named by what it is about, never by its text', () => {
    expect(paperDocument.parse({ document: 'x' })).toEqual({ document: 'x' });
    expect(paperDocument.safeParse({ document: 'receipt', tabId: 3, text: 'free beer' }).success).toBe(false);
    expect(paperDocument.safeParse({ document: 'bytes', data: [27, 64] }).success).toBe(false);
  });
});
