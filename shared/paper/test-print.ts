import { paperColumns, type ThermalPrinter } from '../device-types';
import type { StoreSettings } from '../types';
import { PaperWriter, type PaperDoc } from './paper-doc';
import type { PaperTools } from './paper-tools';

/** Letters of the store's languages and the money signs a receipt needs: each must print as itself. */
export const TEST_CHARACTERS = 'ÄÖÜ äöü ß · ÁÉÍÓÚ Ñ ñ ¿¡ · € £';

/**
 * The test print: which printer this is, a ruler exactly as wide as the roll (a line that wraps or
 * falls short says the paper is set wrong), the letters the store prints, and a cut.
 */
export function testPrintDoc(store: Pick<StoreSettings, 'name'>, printer: ThermalPrinter, printerName: string, at: string, p: PaperTools): PaperDoc {
  const columns = paperColumns[printer.paper];
  const w = new PaperWriter();
  w.center(store.name, { bold: true, size: 2 });
  w.center(p.tr('print.test.title'), { bold: true });
  w.blank();
  w.text(p.tr('print.test.printer', { printer: printerName }));
  w.text(p.tr('print.test.paper', { paper: p.tr(`device.paper.${printer.paper}`), columns }));
  w.text('1234567890'.repeat(Math.ceil(columns / 10)).slice(0, columns));
  w.text(p.tr('print.test.characters', { sample: TEST_CHARACTERS }));
  w.text(p.tr(printer.drawer ? 'print.test.drawer' : 'print.test.noDrawer'));
  if (printer.autoReceipt) w.text(p.tr('print.test.autoReceipt'));
  w.text(p.tr('print.test.when', { when: p.when(at) }));
  w.blank().center(p.tr('print.test.ready'));
  return w.doc();
}
