import type { BridgeApi, PrintToPdfResult } from '../../../shared/api-types';
import type { Result } from '../../../shared/errors';

type PrintBridge = Pick<BridgeApi, 'printToPdf'> | undefined;

export type PdfOutcome =
  { kind: 'saved'; path: string } | { kind: 'cancelled' } | { kind: 'printed' } | { kind: 'failed'; result: Extract<Result<PrintToPdfResult>, { ok: false }> };

/**
 * Saves the screen as a PDF: in Electron through the main process's printToPDF and a save
 * dialog; in the web host through the browser's print dialog, which offers "Save as PDF".
 */
export async function savePdf(filename: string, bridge: PrintBridge, print: () => void): Promise<PdfOutcome> {
  if (!bridge?.printToPdf) {
    print();
    return { kind: 'printed' };
  }
  const result = await bridge.printToPdf({ filename });
  if (!result.ok) return { kind: 'failed', result };
  return result.value.saved ? { kind: 'saved', path: result.value.path } : { kind: 'cancelled' };
}

/** The preload's bridge when running inside Electron, else undefined. */
export function electronBridge(): PrintBridge {
  return (window as Window & { aftertab?: BridgeApi }).aftertab;
}

/** The PDF's suggested name, like the CSV's: "aftertab-z0001-2026-09-14.pdf", "aftertab-x-2026-09-14.pdf". */
export function reportPdfName(report: { kind: 'x' | 'z'; zNumber: number | null; businessDate: string }): string {
  return report.kind === 'z' && report.zNumber !== null
    ? `aftertab-z${String(report.zNumber).padStart(4, '0')}-${report.businessDate}.pdf`
    : `aftertab-x-${report.businessDate}.pdf`;
}
