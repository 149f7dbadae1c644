import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { PaperLine } from '../../shared/paper/paper-doc';

/**
 * The code pages the encoder may switch between, in order of preference: cp858 (Western Europe
 * with the euro sign: German, Spanish, French...), cp437 (the printer's default), cp852 (Central
 * Europe: ł, č, ő...) and cp866 (Cyrillic). Each has the same number in the Epson mapping the
 * library uses by default and in the cheap printers' (pos-5890, pos-8360), so one setting fits
 * nearly every ESC/POS printer. A character none of them has prints as "?", and the preview says so.
 */
export const CODEPAGES = ['cp858', 'cp437', 'cp852', 'cp866'] as const;

/** The ESC p pulse on the drawer's pin 2: 100 ms on, 500 ms off, as most drawers want. */
const PULSE = { device: 0, on: 100, off: 500 } as const;

export type EscPosJob = {
  columns: number;
  /** The laid-out lines to print (already made printable); none for a drawer kick alone. */
  lines: readonly PaperLine[];
  /** Kick the cash drawer (after the text, before the cut: the drawer opens as the receipt comes out). */
  kick: boolean;
  /** Feed past the cutter and cut (every paper; not a kick alone). */
  cut: boolean;
};

function encoder(columns: number): ReceiptPrinterEncoder {
  return new ReceiptPrinterEncoder({ columns, codepageCandidates: [...CODEPAGES], feedBeforeCut: 4 });
}

/**
 * The job as ESC/POS bytes, by the encoder library: initialize, the code page chosen per run of
 * text, bold and double size as the lines say, the drawer pulse, and a partial cut. Lines are
 * printed as they were laid out (left-aligned, centring already in their spaces), so the paper
 * wraps nowhere the preview did not.
 */
export function encodeEscPos(job: EscPosJob): Uint8Array {
  const e = encoder(job.columns).initialize().codepage('auto');
  let bold = false;
  let size: 1 | 2 = 1;
  for (const line of job.lines) {
    if (line.bold !== bold) e.bold((bold = line.bold));
    if (line.size !== size) e.size((size = line.size), size);
    if (line.text === '') e.newline();
    else e.line(line.text);
  }
  if (bold) e.bold(false);
  if (size !== 1) e.size(1, 1);
  // After the text: the library ends a pulse with a line feed, which here is part of the feed to the cutter.
  if (job.kick) e.pulse(PULSE.device, PULSE.on, PULSE.off);
  if (job.cut) e.cut('partial');
  return e.encode();
}

const printable = new Map<string, boolean>();

/** Whether the encoder can print this character in one of our code pages (else it prints "?"). */
function canPrint(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x20 && code < 0x7f) return true;
  let known = printable.get(char);
  if (known === undefined) {
    const bytes = encoder(32).codepage('auto').text(char).encode();
    // The character's own byte: the last before the line ending; "?" when no code page has it.
    const body = Array.from(bytes).filter((b) => b !== 0x0a && b !== 0x0d);
    known = body.length > 0 && body[body.length - 1] !== 0x3f;
    printable.set(char, known);
  }
  return known;
}

/**
 * The lines as the printer will really print them: a character no code page has becomes "?". The
 * preview shows these, so the screen never promises a letter the paper cannot have.
 */
export function printableLines(lines: readonly PaperLine[]): PaperLine[] {
  return lines.map((line) => ({ ...line, text: Array.from(line.text, (char) => (canPrint(char) ? char : '?')).join('') }));
}
