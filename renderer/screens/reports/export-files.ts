import type { BridgeApi, PrintToPdfResult } from '../../../shared/api-types';
import type { Result } from '../../../shared/errors';

/**
 * A byte-order mark in front of the CSV: spreadsheet programs on Windows (Excel) read a CSV
 * without one in the system's legacy code page, which garbles "€", "£" and accented names.
 * Readers that know UTF-8 skip it. Added here, once, so the text from the ledger stays plain.
 */
const BOM = '\uFEFF';

/** The CSV as a downloadable blob: UTF-8 with a byte-order mark (see BOM). */
export function csvBlob(text: string): Blob {
  return new Blob([text.startsWith(BOM) ? text : BOM + text], { type: 'text/csv;charset=utf-8' });
}

/** Hands a file to the browser's (or Electron's) download, under the given name. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy by the time the click returns; a tick later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

type PrintBridge = Pick<BridgeApi, 'printToPdf'> | undefined;

export type PdfOutcome = { kind: 'saved'; path: string } | { kind: 'cancelled' } | { kind: 'printed' } | { kind: 'failed'; result: Extract<Result<PrintToPdfResult>, { ok: false }> };

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
