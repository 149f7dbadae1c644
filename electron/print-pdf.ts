import { app, BrowserWindow, dialog, type SaveDialogOptions, type SaveDialogReturnValue } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PrintToPdfResult } from '../shared/api-types';
import type { Result } from '../shared/errors';
import { PRINT_PDF_CHANNEL } from '../shared/ipc-channels';
import type { InvokeEvent, IpcMainLike, TrustedSenderCheck } from './ipc/electron-binding';

/** The one thing asked of the sender: its page as a PDF, laid out by its print CSS. */
type PdfSource = { printToPDF(options: { pageSize: 'A4'; printBackground: boolean }): Promise<Uint8Array> };

export type PrintPdfDeps = {
  /** Asks where to save; the sender's window is the dialog's parent when there is one. */
  askWhere: (sender: unknown, options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
  writeFile: (file: string, data: Uint8Array) => Promise<void>;
  /** The folder the dialog starts in. */
  startFolder: () => string;
};

const electronDeps: PrintPdfDeps = {
  askWhere: (sender, options) => {
    const parent = BrowserWindow.fromWebContents(sender as Electron.WebContents);
    return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
  },
  writeFile: (file, data) => fs.writeFile(file, data),
  startFolder: () => app.getPath('documents'),
};

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This page is not an Aftertab window, so it may not save a PDF.' },
};

const FALLBACK_NAME = 'aftertab-report.pdf';

/** A plain file name ending in .pdf, whatever the page asked for: no folders, no odd characters. */
export function safePdfName(requested: unknown): string {
  if (typeof requested !== 'string') return FALLBACK_NAME;
  const base = path.basename(requested.replace(/\\/g, '/'));
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,115}\.pdf$/.test(base) ? base : FALLBACK_NAME;
}

function isPdfSource(value: unknown): value is PdfSource {
  return typeof value === 'object' && value !== null && typeof (value as Partial<PdfSource>).printToPDF === 'function';
}

/**
 * window.aftertab.printToPdf: the sender's page (its print layout: the report alone) printed to
 * a PDF and written where the person chooses. Only our own window may ask. Returns the disposer.
 */
export function bindPrintToPdf(options: { ipcMain: IpcMainLike; isTrustedSender: TrustedSenderCheck; deps?: Partial<PrintPdfDeps> }): () => void {
  const deps = { ...electronDeps, ...options.deps };
  options.ipcMain.handle(PRINT_PDF_CHANNEL, async (event: InvokeEvent, request: unknown): Promise<Result<PrintToPdfResult>> => {
    if (!options.isTrustedSender(event) || !isPdfSource(event.sender)) return FORBIDDEN;
    const filename = safePdfName((request as { filename?: unknown } | null)?.filename);
    try {
      const where = await deps.askWhere(event.sender, {
        title: 'Save the report as PDF',
        defaultPath: path.join(deps.startFolder(), filename),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (where.canceled || !where.filePath) return { ok: true, value: { saved: false } };
      const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: false });
      await deps.writeFile(where.filePath, pdf);
      return { ok: true, value: { saved: true, path: where.filePath } };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `The PDF could not be saved: ${reason}` } };
    }
  });
  return () => options.ipcMain.removeHandler(PRINT_PDF_CHANNEL);
}
