/**
 * Reads ESC/POS bytes back into what a printer would do with them: lines of text (decoded through
 * the code page in force) and the commands that matter to a shop (cut, drawer pulse, code page
 * switches). Written for the tests from the Epson command reference, independently of the
 * encoder library, so a test checks the library's bytes rather than repeating them.
 */

export type DecodedLine = { text: string; bold: boolean; size: number };
export type DecodedCommand =
  | { kind: 'init' }
  | { kind: 'cut'; partial: boolean }
  | { kind: 'pulse'; pin: number; onMs: number; offMs: number }
  | { kind: 'codepage'; table: number }
  | { kind: 'feed'; lines: number };
export type Decoded = {
  lines: DecodedLine[];
  commands: DecodedCommand[];
  /** Bytes the decoder did not know, as hex, so a test can insist there are none. */
  unknown: string[];
};

/** The upper halves (0x80-0xFF) of the code pages the app uses, by their Epson ESC t number. */
const tables: Record<number, string> = {
  // cp437
  0: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
  // cp866
  17: 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмноп░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀рстуфхцчшщъыьэюяЁёЄєЇїЎў°∙·√№¤■\u00a0',
  // cp852
  18: 'ÇüéâäůćçłëŐőîŹÄĆÉĹĺôöĽľŚśÖÜŤťŁ×čáíóúĄąŽžĘę¬źČş«»░▒▓│┤ÁÂĚŞ╣║╗╝Żż┐└┴┬├─┼Ăă╚╔╩╦╠═╬¤đĐĎËďŇÍÎě┘┌█▄ŢŮ▀ÓßÔŃńňŠšŔÚŕŰýÝţ´\u00ad˝˛ˇ˘§÷¸°¨˙űŘř■\u00a0',
  // cp858
  19: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0',
};

export function decodeEscPos(input: Uint8Array | Buffer): Decoded {
  const bytes = Uint8Array.from(input);
  const lines: DecodedLine[] = [];
  const commands: DecodedCommand[] = [];
  const unknown: string[] = [];
  let table = 0;
  let bold = false;
  let size = 1;
  let text = '';
  let lineBold: boolean | null = null;
  let lineSize = 1;
  const endLine = (): void => {
    lines.push({ text, bold: lineBold ?? bold, size: lineBold === null ? size : lineSize });
    text = '';
    lineBold = null;
  };
  const hex = (from: number, to: number): string => Buffer.from(bytes.subarray(from, to)).toString('hex');
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const next = bytes[i + 1];
    if (b === 0x0a) {
      endLine();
      i += 1;
    } else if (b === 0x0d) {
      i += 1;
    } else if (b === 0x1b && next === 0x40) {
      commands.push({ kind: 'init' });
      table = 0;
      bold = false;
      size = 1;
      i += 2;
    } else if (b === 0x1b && (next === 0x45 || next === 0x47)) {
      bold = (bytes[i + 2]! & 1) === 1;
      i += 3;
    } else if (b === 0x1b && (next === 0x4d || next === 0x61 || next === 0x2d || next === 0x34 || next === 0x21)) {
      // Font, alignment, underline, italic, print mode: they change no text.
      i += 3;
    } else if (b === 0x1b && next === 0x74) {
      table = bytes[i + 2]!;
      commands.push({ kind: 'codepage', table });
      i += 3;
    } else if (b === 0x1b && next === 0x70) {
      commands.push({ kind: 'pulse', pin: bytes[i + 2]! === 1 || bytes[i + 2]! === 0x31 ? 5 : 2, onMs: bytes[i + 3]! * 2, offMs: bytes[i + 4]! * 2 });
      i += 5;
    } else if (b === 0x1b && next === 0x64) {
      commands.push({ kind: 'feed', lines: bytes[i + 2]! });
      for (let n = 0; n < bytes[i + 2]!; n += 1) endLine();
      i += 3;
    } else if (b === 0x1d && next === 0x21) {
      const n = bytes[i + 2]!;
      size = Math.max((n >> 4) + 1, (n & 0x0f) + 1);
      i += 3;
    } else if (b === 0x1d && next === 0x56) {
      const m = bytes[i + 2]!;
      commands.push({ kind: 'cut', partial: m === 1 || m === 0x31 || m === 66 });
      // GS V 65/66 n: feed n dots, then cut; GS V 0/1/48/49: cut here.
      i += m === 65 || m === 66 ? 4 : 3;
    } else if (b === 0x1c && next === 0x2e) {
      // Kanji mode off.
      i += 2;
    } else if (b < 0x20 || b === 0x7f) {
      unknown.push(hex(i, i + 1));
      i += 1;
    } else {
      if (lineBold === null) {
        lineBold = bold;
        lineSize = size;
      }
      if (b < 0x80) text += String.fromCharCode(b);
      else {
        const page = tables[table];
        text += page ? page[b - 0x80]! : '\ufffd';
        if (!page) unknown.push(`table ${table}: ${hex(i, i + 1)}`);
      }
      i += 1;
    }
  }
  if (text !== '') endLine();
  return { lines, commands, unknown };
}

/** The printed text lines without the blank feed before the cut and after a pulse, as a preview's lines read. */
export function printedText(decoded: Decoded): string[] {
  const texts = decoded.lines.map((line) => line.text.replace(/\s+$/, ''));
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
  return texts;
}

export function cuts(decoded: Decoded): number {
  return decoded.commands.filter((c) => c.kind === 'cut').length;
}

export function pulses(decoded: Decoded): number {
  return decoded.commands.filter((c) => c.kind === 'pulse').length;
}
