import { afterEach, describe, expect, it } from 'vitest';
import type { ThermalPrinter } from '../../shared/device-types';
import type { AppEvent } from '../../shared/types';
import { memoryDevicePreferences } from '../device-preferences';
import { cuts, decodeEscPos, printedText, pulses } from '../test-support/escpos-decoder';
import { closedPort, startFakePrinter, type FakePrinter } from '../test-support/fake-printer';
import { addPerson, OWNER_PIN, testCores, windowClient, type Client, type TestCore } from '../test-support/test-core';

const startCore = testCores('aftertab-printing-');
const printers: FakePrinter[] = [];
afterEach(async () => {
  for (const printer of printers.splice(0)) await printer.close();
});

type Setup = { core: TestCore; owner: Client; printer: FakePrinter; events: AppEvent[]; itemId: number };

async function setup(options: Partial<ThermalPrinter> & { port?: number } = {}): Promise<Setup> {
  const printer = await startFakePrinter();
  printers.push(printer);
  const device = memoryDevicePreferences({
    printer: {
      kind: 'escpos-network',
      paper: '58mm',
      host: printer.host,
      port: options.port ?? printer.port,
      drawer: true,
      autoReceipt: false,
      ...options,
    } as ThermalPrinter,
  });
  const core = startCore({ device });
  const events: AppEvent[] = [];
  core.commands.subscribe((event) => events.push(event));
  const owner = windowClient(core, 1);
  await owner.setup();
  await owner.call('store.update', {
    name: 'Café Müller',
    language: 'de',
    locale: 'de-DE',
    legalName: 'Müller & Söhne GmbH',
    address: ['Hauptstraße 1'],
    taxNumber: 'DE 123',
  });
  const itemId = (
    await owner.call('catalog.createItem', {
      categoryId: null,
      name: 'Großer Milchkaffee mit Hafermilch',
      kind: 'product',
      priceMinor: 440,
      rateMilli: 10_000,
      expectText: '',
    })
  ).id;
  await owner.call('drawer.open', { float: { kind: 'total', totalMinor: 10_000 } });
  return { core, owner, printer, events, itemId };
}

async function tabWith(s: Setup, qty = 2): Promise<number> {
  const tab = await s.owner.call('tab.open', { name: 'Zoë' });
  await s.owner.call('tab.addLine', { tabId: tab.id, itemId: s.itemId, qty });
  return tab.id;
}

describe('papers on the receipt printer', () => {
  it('prints a receipt that decodes to exactly the preview’s lines, in German with €, then cuts', async () => {
    const s = await setup();
    const tabId = await tabWith(s);
    await s.owner.call('settle.pay', { tabId, method: 'card' });
    const preview = await s.owner.call('print.preview', { document: 'receipt', tabId });
    expect(preview).toMatchObject({ paper: '58mm', columns: 32 });
    expect(preview.lines.map((l) => l.text)).toEqual(expect.arrayContaining(['Marke 1', 'Zoë']));
    expect(preview.lines.some((l) => l.text.includes('8,80\u00a0€'))).toBe(true);

    const outcome = await s.owner.call('print.document', { document: 'receipt', tabId });
    expect(outcome).toEqual({ target: { kind: 'network', host: '127.0.0.1', port: s.printer.port }, lines: preview.lines.length });
    const decoded = decodeEscPos((await s.printer.job(0)).bytes);
    expect(printedText(decoded)).toEqual(preview.lines.map((l) => l.text));
    expect(decoded.lines[0]).toMatchObject({ text: preview.lines[0]!.text, bold: true, size: 2 });
    expect([cuts(decoded), pulses(decoded)]).toEqual([1, 0]);
    expect(decoded.unknown).toEqual([]);
  });

  it('prints the token slip and a test page, each as its preview', async () => {
    const s = await setup({ paper: '80mm' });
    const tabId = await tabWith(s, 1);
    const slip = await s.owner.call('print.preview', { document: 'slip', tabId });
    await s.owner.call('print.document', { document: 'slip', tabId });
    expect(printedText(decodeEscPos((await s.printer.job(0)).bytes))).toEqual(slip.lines.map((l) => l.text));

    const test = await s.owner.call('print.test', {});
    expect(test.target).toEqual({ kind: 'network', host: '127.0.0.1', port: s.printer.port });
    const page = printedText(decodeEscPos((await s.printer.job(1)).bytes));
    expect(page).toContain('123456789012345678901234567890123456789012345678');
    expect(page).toContain(`Drucker: 127.0.0.1, Port ${s.printer.port}`);
    expect(page.join(' ')).toContain('ÄÖÜ äöü ß');
  });

  it('prints the X and the Z from the ledger, and only for those who may read them', async () => {
    const s = await setup({ paper: '80mm' });
    const tabId = await tabWith(s, 1);
    await s.owner.call('settle.pay', { tabId, method: 'card' });
    const x = await s.owner.call('print.preview', { document: 'x' });
    expect(x.lines.some((l) => l.text.trim().startsWith('X-Bericht'))).toBe(true);
    await s.owner.call('print.document', { document: 'x' });
    expect(printedText(decodeEscPos((await s.printer.job(0)).bytes))).toEqual(x.lines.map((l) => l.text));

    await s.owner.call('drawer.count', { count: { kind: 'total', totalMinor: 10_000 } });
    await s.owner.call('drawer.close', {});
    s.core.advance(24 * 60 * 60_000);
    await s.owner.signIn(1, OWNER_PIN);
    const day = await s.owner.call('day.status', {});
    const closed = await s.owner.call('day.close', { businessDate: day.nextToClose });
    const z = await s.owner.call('print.preview', { document: 'z', zNumber: closed.zNumber! });
    expect(z.lines.some((l) => l.text.trim().startsWith(`Z-Bericht #${closed.zNumber!}`))).toBe(true);
    await s.owner.call('print.document', { document: 'z', zNumber: closed.zNumber! });
    expect(printedText(decodeEscPos((await s.printer.job(1)).bytes))).toEqual(z.lines.map((l) => l.text));

    await addPerson(s.owner, 'Sam', 'staff', '1111');
    const staff = windowClient(s.core, 2);
    const sam = (await s.owner.call('staff.list', {})).find((p) => p.name === 'Sam')!;
    await staff.signIn(sam.id, '1111');
    expect((await staff.refuse('print.document', { document: 'z', zNumber: closed.zNumber! })).code).toBe('forbidden');
    expect((await staff.refuse('print.preview', { document: 'x' })).code).toBe('forbidden');
    // A receipt is staff's to print.
    expect((await staff.call('print.preview', { document: 'receipt', tabId })).lines.length).toBeGreaterThan(10);
    expect(s.printer.jobs).toHaveLength(2);
  });
});

describe('the cash drawer', () => {
  it('is kicked after a cash payment commits, and not after a card one', async () => {
    const s = await setup();
    await s.owner.call('settle.pay', { tabId: await tabWith(s), method: 'card' });
    const cash = await s.owner.call('settle.pay', { tabId: await tabWith(s), method: 'cash', tenderedMinor: 1000 });
    expect(cash.settled).toBe(true);
    const kick = decodeEscPos((await s.printer.job(0)).bytes);
    expect([pulses(kick), cuts(kick)]).toEqual([1, 0]);
    expect(printedText(kick)).toEqual([]);
    await s.core.idle();
    expect(s.printer.jobs).toHaveLength(1);
  });

  it('is not kicked again when the same payment is sent again (a replay)', async () => {
    const s = await setup();
    const tabId = await tabWith(s);
    const id = 'c0ffee00-0000-4000-8000-00000000d0a1';
    await s.owner.call('settle.pay', { tabId, method: 'cash', tenderedMinor: 1000 }, id);
    await s.owner.call('settle.pay', { tabId, method: 'cash', tenderedMinor: 1000 }, id);
    await s.core.idle();
    expect(s.printer.jobs).toHaveLength(1);
  });

  it('stays shut when this PC says the printer does not drive it', async () => {
    const s = await setup({ drawer: false });
    await s.owner.call('settle.pay', { tabId: await tabWith(s), method: 'cash', tenderedMinor: 1000 });
    await s.core.idle();
    expect(s.printer.jobs).toHaveLength(0);
  });

  it('opens and the receipt prints in one job when this PC prints receipts on settlement', async () => {
    const s = await setup({ autoReceipt: true });
    const tabId = await tabWith(s);
    await s.owner.call('settle.pay', { tabId, method: 'cash', tenderedMinor: 2000 });
    const decoded = decodeEscPos((await s.printer.job(0)).bytes);
    const preview = await s.owner.call('print.preview', { document: 'receipt', tabId });
    expect(printedText(decoded)).toEqual(preview.lines.map((l) => l.text));
    expect(printedText(decoded)).toContain('  Rückgeld               11,20\u00a0€');
    expect([pulses(decoded), cuts(decoded)]).toEqual([1, 1]);
  });

  it('never fails or rolls back the payment when the printer is off: the screens get a warning', async () => {
    const s = await setup({ port: await closedPort(), autoReceipt: true });
    const tabId = await tabWith(s);
    const paid = await s.owner.call('settle.pay', { tabId, method: 'cash', tenderedMinor: 1000 });
    expect(paid.settled).toBe(true);
    await s.core.idle();
    const problems = s.events.filter((e) => e.type === 'printer.problem');
    expect(problems.map((e) => e.type === 'printer.problem' && [e.job, e.error.code, e.error.key])).toEqual([
      ['drawer', 'printer_failed', 'errors.printer.refused'],
      ['receipt', 'printer_failed', 'errors.printer.refused'],
    ]);
    const tab = await s.owner.call('tab.get', { tabId });
    expect([tab.status, tab.paidMinor, tab.payments.map((p) => p.method)]).toEqual(['settled', 880, ['cash']]);
  });
});

describe('a refund', () => {
  it('gives cash back with the drawer open, and its receipt prints as its preview', async () => {
    const s = await setup();
    const tabId = await tabWith(s);
    await s.owner.call('settle.pay', { tabId, method: 'cash', tenderedMinor: 1000 });
    const refund = await s.owner.call('tab.refund', { tabId, mode: 'whole', reason: 'zu kalt' });
    // The payment's kick, then the refund's: cash goes back out of the drawer.
    const kick = decodeEscPos((await s.printer.job(1)).bytes);
    expect([pulses(kick), cuts(kick)]).toEqual([1, 0]);
    const preview = await s.owner.call('print.preview', { document: 'refund', refundId: refund.refundId });
    const lines = preview.lines.map((l) => l.text);
    expect(lines).toEqual(expect.arrayContaining(['        Erstattungsbeleg', 'Grund: zu kalt']));
    expect(lines.some((line) => line.startsWith('Bar zurückgegeben') && line.endsWith('8,80\u00a0€'))).toBe(true);
    await s.owner.call('print.document', { document: 'refund', refundId: refund.refundId });
    expect(printedText(decodeEscPos((await s.printer.job(2)).bytes))).toEqual(preview.lines.map((l) => l.text));
  });
});

describe('without a receipt printer', () => {
  it('refuses to preview or print in words, and a cash payment prints nothing', async () => {
    const core = startCore();
    const owner = windowClient(core, 1);
    await owner.setup();
    const tab = await owner.call('tab.open', {});
    for (const command of ['print.preview', 'print.document'] as const) {
      expect(await owner.refuse(command, { document: 'slip', tabId: tab.id })).toMatchObject({ code: 'printer_none', key: 'errors.printer.none' });
    }
    expect(await owner.refuse('print.test', {})).toMatchObject({ code: 'printer_none' });
  });
});
