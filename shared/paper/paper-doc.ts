import type { ThermalPaper } from '../device-types';

/**
 * A paper document as a thermal printer prints it, before it is laid out to a roll's width: the
 * same document becomes the preview on screen and the ESC/POS bytes, so both show the same lines.
 */
export type PaperAlign = 'left' | 'center' | 'right';

export type PaperBlock =
  /** Words that wrap at spaces; size 2 is double width and height (half as many characters across). */
  | { kind: 'text'; text: string; align: PaperAlign; bold: boolean; size: 1 | 2; indent: number }
  /** A label on the left (wrapping) and a value flush right on its first line: an item and its price. */
  | { kind: 'row'; left: string; right: string; bold: boolean; indent: number }
  | { kind: 'rule' }
  | { kind: 'blank' };

export type PaperDoc = { blocks: PaperBlock[] };

/** One printed line, exactly as long as it prints (no trailing spaces). */
export type PaperLine = { text: string; bold: boolean; size: 1 | 2 };

/** What the screen previews and the printer gets: the document laid out on this PC's roll. */
export type PaperPreview = { paper: ThermalPaper; columns: number; lines: PaperLine[] };

/** Where a print went (the screen words it): a network printer's address, or a print queue. */
export type PrintTarget = { kind: 'network'; host: string; port: number } | { kind: 'queue'; queue: string };
export type PrintOutcome = { target: PrintTarget; lines: number };

type TextOptions = { align?: PaperAlign; bold?: boolean; size?: 1 | 2; indent?: number };

/** Builds a document block by block; every builder of a paper speaks through one of these. */
export class PaperWriter {
  private readonly blocks: PaperBlock[] = [];

  text(text: string, options: TextOptions = {}): this {
    if (text === '') return this;
    this.blocks.push({ kind: 'text', text, align: options.align ?? 'left', bold: options.bold ?? false, size: options.size ?? 1, indent: options.indent ?? 0 });
    return this;
  }

  center(text: string, options: Omit<TextOptions, 'align'> = {}): this {
    return this.text(text, { ...options, align: 'center' });
  }

  row(left: string, right: string, options: { bold?: boolean; indent?: number } = {}): this {
    this.blocks.push({ kind: 'row', left, right, bold: options.bold ?? false, indent: options.indent ?? 0 });
    return this;
  }

  rule(): this {
    this.blocks.push({ kind: 'rule' });
    return this;
  }

  blank(): this {
    this.blocks.push({ kind: 'blank' });
    return this;
  }

  /** A heading between sections: a blank line, then the words in bold. */
  heading(text: string): this {
    return this.blank().text(text, { bold: true });
  }

  doc(): PaperDoc {
    return { blocks: [...this.blocks] };
  }
}
