import { paperColumns, type ThermalPaper } from '../device-types';
import type { PaperAlign, PaperBlock, PaperDoc, PaperLine, PaperPreview } from './paper-doc';

/**
 * Lays a document out on a roll `columns` characters wide. Widths count characters (code points
 * after NFC), as the printer's fixed-width font does; a word longer than the line is broken.
 * Controls are replaced by spaces first, so no text from the ledger can reach the printer as a
 * command.
 */
export function layoutPaper(doc: PaperDoc, columns: number): PaperLine[] {
  const lines: PaperLine[] = [];
  for (const block of doc.blocks) lines.push(...layoutBlock(block, columns));
  return lines;
}

export function previewPaper(doc: PaperDoc, paper: ThermalPaper): PaperPreview {
  const columns = paperColumns[paper];
  return { paper, columns, lines: layoutPaper(doc, columns) };
}

function layoutBlock(block: PaperBlock, columns: number): PaperLine[] {
  switch (block.kind) {
    case 'blank':
      return [{ text: '', bold: false, size: 1 }];
    case 'rule':
      return [{ text: '-'.repeat(columns), bold: false, size: 1 }];
    case 'text': {
      const width = block.size === 2 ? Math.floor(columns / 2) : columns;
      const indent = Math.min(block.indent, Math.floor(width / 2));
      return wrap(block.text, width - indent).map((line) => ({ text: placed(line, width, block.align, indent), bold: block.bold, size: block.size }));
    }
    case 'row':
      return layoutRow(block, columns);
  }
}

function layoutRow(block: Extract<PaperBlock, { kind: 'row' }>, columns: number): PaperLine[] {
  const right = clean(block.right).trim();
  const rightWidth = length(right);
  const indent = Math.min(block.indent, Math.floor(columns / 2));
  const line = (text: string): PaperLine => ({ text: text.trimEnd(), bold: block.bold, size: 1 });
  // A value too wide to share a line with at least a few characters of its label goes under it.
  if (rightWidth > columns - indent - 5) {
    return [...wrap(block.left, columns - indent).map((text) => line(' '.repeat(indent) + text)), line(placed(right, columns, 'right', 0))];
  }
  const leftWidth = columns - indent - rightWidth - 1;
  const left = wrap(block.left, leftWidth);
  return left.map((text, index) => line(index === 0 ? `${' '.repeat(indent)}${pad(text, columns - indent - rightWidth)}${right}` : ' '.repeat(indent) + text));
}

/** Breaks text into lines at most `width` characters long: at spaces where it can, inside a word where it must. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of clean(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ').filter((w) => w !== '')) {
      let rest = word;
      while (length(rest) > width) {
        if (line !== '') {
          out.push(line);
          line = '';
        }
        const chars = Array.from(rest);
        out.push(chars.slice(0, width).join(''));
        rest = chars.slice(width).join('');
      }
      if (rest === '') continue;
      if (line === '') line = rest;
      else if (length(line) + 1 + length(rest) <= width) line = `${line} ${rest}`;
      else {
        out.push(line);
        line = rest;
      }
    }
    out.push(line);
  }
  // An empty text is one empty line; trailing empty paragraphs are not printed.
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * Typography a receipt printer's code pages lack, as the nearest characters they have: Intl's
 * minus sign and narrow spaces (money, dates), dashes and curly quotes. Emoji are left out.
 */
const plainer: Record<string, string> = {
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2026': '...',
  '\u2022': '·',
};

/**
 * NFC; controls but line breaks (tabs too) as spaces, since the printer reads control bytes as
 * commands; spaces that must not break as the one no-break space the code pages have.
 */
export function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/(?!\n)\p{Cc}|[\u2028\u2029]/gu, ' ')
    .replace(/[\u2007\u202f\u2009\u200a\u2002-\u2006\u205f\u3000]/g, '\u00a0')
    .replace(/[\u2010-\u2014\u2212\u2018\u2019\u201a\u201c-\u201e\u2022\u2026]/g, (c) => plainer[c] ?? c)
    .replace(/\p{Extended_Pictographic}\uFE0F?|[\uFE0E\uFE0F\u200d]/gu, '');
}

export function length(text: string): number {
  return Array.from(text).length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - length(text)));
}

function placed(text: string, width: number, align: PaperAlign, indent: number): string {
  const free = Math.max(0, width - indent - length(text));
  const before = align === 'center' ? Math.floor(free / 2) : align === 'right' ? free : 0;
  return `${' '.repeat(indent + before)}${text}`.trimEnd();
}

/** The preview as plain text lines, as a decoder reads the printed bytes back. */
export function paperText(lines: readonly PaperLine[]): string[] {
  return lines.map((line) => line.text);
}
