import { ADDRESS_LINE_MAX, ADDRESS_LINES_MAX, checkLogoDataUrl, LOGO_MAX_BYTES, logoKindOf } from '../../../shared/receipt-header';
import type { FieldProblem } from './settings-form';

/** The address as the form holds it: one printed line per line of the text box. */
export function addressText(lines: readonly string[]): string {
  return lines.join('\n');
}

/** The address lines to send (blank ones left out), or what to fix: too many lines, or a line too long. */
export function parseAddress(text: string): string[] | FieldProblem {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length > ADDRESS_LINES_MAX) return { key: 'errors.field.addressLines' };
  if (lines.some((line) => line.length > ADDRESS_LINE_MAX)) return { key: 'errors.field.addressLineLength' };
  return lines;
}

export type LogoRead = { ok: true; dataUrl: string } | { ok: false; problem: FieldProblem };

/** Base64 of bytes, in slices (String.fromCharCode takes only so many arguments at once). */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/**
 * A picture the owner picked, as the data URL store.update takes: a PNG or JPEG by its first
 * bytes (not by its name), of at most LOGO_MAX_BYTES; else the words beside the field. The ledger
 * checks it again.
 */
export async function readLogoFile(file: Blob): Promise<LogoRead> {
  if (file.size > LOGO_MAX_BYTES) return { ok: false, problem: { key: 'errors.field.logoTooLarge' } };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mime = logoKindOf(bytes);
  if (!mime) return { ok: false, problem: { key: 'errors.field.logoFormat' } };
  const dataUrl = `data:${mime};base64,${base64(bytes)}`;
  const checked = checkLogoDataUrl(dataUrl);
  return checked.ok ? { ok: true, dataUrl } : { ok: false, problem: { key: checked.key } };
}
