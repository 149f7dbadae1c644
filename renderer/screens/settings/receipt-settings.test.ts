import { describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES } from '../../../shared/receipt-header';
import { addressText, parseAddress, readLogoFile } from './receipt-settings';

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

describe('the address as typed', () => {
  it('is one printed line per line; blank lines and spaces at the ends are left out', () => {
    expect(parseAddress(' 3 Quay Street \r\n\nGalway H91 X2K7\n  \nIreland')).toEqual(['3 Quay Street', 'Galway H91 X2K7', 'Ireland']);
    expect(parseAddress('')).toEqual([]);
    expect(addressText(['3 Quay Street', 'Galway'])).toBe('3 Quay Street\nGalway');
    expect(parseAddress(addressText(['3 Quay Street', 'Galway']))).toEqual(['3 Quay Street', 'Galway']);
  });

  it('is refused beyond 4 lines or with a line beyond 80 characters', () => {
    expect(parseAddress('1\n2\n3\n4\n5')).toEqual({ key: 'errors.field.addressLines' });
    expect(parseAddress(`Quay Street\n${'x'.repeat(81)}`)).toEqual({ key: 'errors.field.addressLineLength' });
  });
});

describe('a logo picked from a file', () => {
  it('becomes a data URL of the type its bytes say, whatever its name', async () => {
    expect(await readLogoFile(new Blob([PNG]))).toEqual({ ok: true, dataUrl: `data:image/png;base64,${btoa(String.fromCharCode(...PNG))}` });
    expect(await readLogoFile(new Blob([JPEG], { type: 'image/png' }))).toEqual({
      ok: true,
      dataUrl: `data:image/jpeg;base64,${btoa(String.fromCharCode(...JPEG))}`,
    });
  });

  it('is refused when it is not a PNG or JPEG, or larger than the limit', async () => {
    expect(await readLogoFile(new Blob(['GIF89a…'], { type: 'image/png' }))).toEqual({ ok: false, problem: { key: 'errors.field.logoFormat' } });
    expect(await readLogoFile(new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>']))).toEqual({ ok: false, problem: { key: 'errors.field.logoFormat' } });
    expect(await readLogoFile(new Blob([PNG, new Uint8Array(LOGO_MAX_BYTES)]))).toEqual({ ok: false, problem: { key: 'errors.field.logoTooLarge' } });
    // Exactly the limit is taken, and a large one is encoded whole.
    const atLimit = new Uint8Array(LOGO_MAX_BYTES);
    atLimit.set(PNG);
    const read = await readLogoFile(new Blob([atLimit]));
    expect(read.ok && read.dataUrl.length).toBe('data:image/png;base64,'.length + Math.ceil(LOGO_MAX_BYTES / 3) * 4);
  });
});
