import type { CommandInput } from '../../../shared/contract';
import { DEFAULT_PRINTER_PORT, thermalPapers, type DevicePrinter, type PrinterKind, type PrinterPaper } from '../../../shared/device-types';

/** The printer form as typed: every kind's fields kept, so switching back and forth loses nothing. */
export type PrinterDraft = {
  /** '' for no receipt printer. */
  kind: PrinterKind | '';
  paper: PrinterPaper;
  name: string;
  host: string;
  port: string;
  queue: string;
  drawer: boolean;
  autoReceipt: boolean;
};

export type PrinterInput = NonNullable<CommandInput<'device.update'>['printer']>;

export function printerDraft(printer: DevicePrinter | null): PrinterDraft {
  const draft: PrinterDraft = { kind: '', paper: '80mm', name: '', host: '', port: String(DEFAULT_PRINTER_PORT), queue: '', drawer: false, autoReceipt: false };
  if (!printer) return draft;
  if (printer.kind === 'system') return { ...draft, kind: 'system', paper: printer.paper, name: printer.name ?? '' };
  const thermal = { ...draft, kind: printer.kind, paper: printer.paper, drawer: printer.drawer, autoReceipt: printer.autoReceipt };
  return printer.kind === 'escpos-network' ? { ...thermal, host: printer.host, port: String(printer.port) } : { ...thermal, queue: printer.queue };
}

/** A thermal roll only: a receipt printer takes no A4 sheets. */
export function withKind(draft: PrinterDraft, kind: PrinterKind | ''): PrinterDraft {
  const paper = thermalKind(kind) && !(thermalPapers as readonly string[]).includes(draft.paper) ? '80mm' : draft.paper;
  return { ...draft, kind, paper };
}

/**
 * What device.update is sent, or a port that is not a whole number (said beside the field before
 * anything is sent). Whatever else is wrong the host says, beside the field it names.
 */
export function printerInput(draft: PrinterDraft): { ok: true; input: PrinterInput } | { ok: false; field: 'port' } {
  switch (draft.kind) {
    case '':
      return { ok: true, input: { kind: 'system', paper: 'none', name: '' } };
    case 'system':
      return { ok: true, input: { kind: 'system', paper: draft.paper, name: draft.name.trim() } };
    case 'escpos-network': {
      const port = draft.port.trim();
      if (!/^\d{1,5}$/.test(port)) return { ok: false, field: 'port' };
      return {
        ok: true,
        input: {
          kind: 'escpos-network',
          paper: thermalPaper(draft.paper),
          host: draft.host.trim(),
          port: Number(port),
          drawer: draft.drawer,
          autoReceipt: draft.autoReceipt,
        },
      };
    }
    case 'escpos-queue':
      return {
        ok: true,
        input: { kind: 'escpos-queue', paper: thermalPaper(draft.paper), queue: draft.queue.trim(), drawer: draft.drawer, autoReceipt: draft.autoReceipt },
      };
  }
}

function thermalPaper(paper: PrinterPaper): '58mm' | '80mm' {
  return paper === '58mm' ? '58mm' : '80mm';
}

/** Whether the form says something other than what this PC keeps. */
export function printerChanged(draft: PrinterDraft, saved: DevicePrinter | null): boolean {
  return JSON.stringify(printerInput(draft)) !== JSON.stringify(printerInput(printerDraft(saved)));
}

/** A receipt printer this PC sends ESC/POS to itself (it has a preview, a test print and a drawer). */
export function thermalKind(kind: PrinterDraft['kind']): kind is 'escpos-network' | 'escpos-queue' {
  return kind === 'escpos-network' || kind === 'escpos-queue';
}
