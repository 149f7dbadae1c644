import { afterEach, describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES } from '../../shared/receipt-header';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';

/** store.update's receipt header and paper language (migration 016), each refused with its own key. */
let l: TestLedger;
afterEach(() => l.cleanup());

// A real 1×1 PNG, and the first bytes of a JPEG: the ledger reads what a picture is from them.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;

describe('the receipt header in store.update', () => {
  it('is empty and English until set; then store.get gives it back, the logo as the same data URL', () => {
    l = makeLedger();
    expect(l.call('store.get', {})).toMatchObject({ legalName: '', address: [], taxNumber: '', logo: null, language: 'en' });
    const png = dataUrl('image/png', PNG);
    const saved = l.call('store.update', {
      legalName: '  Harbour Bean Coffee Ltd ',
      address: ['3 Quay Street', 'Galway H91 X2K7', 'Ireland'],
      taxNumber: 'IE 3456789KH',
      logo: png,
      language: 'de',
    });
    expect(saved).toMatchObject({
      legalName: 'Harbour Bean Coffee Ltd',
      address: ['3 Quay Street', 'Galway H91 X2K7', 'Ireland'],
      taxNumber: 'IE 3456789KH',
      logo: png,
      language: 'de',
    });
    expect(l.call('store.get', {})).toEqual(saved);
    // The ledger keeps the picture's bytes, not the text.
    expect(l.db.prepare<[], { logo: Buffer }>('SELECT logo FROM store_settings').get()?.logo.equals(PNG)).toBe(true);

    const jpeg = dataUrl('image/jpeg', JPEG);
    expect(l.call('store.update', { logo: jpeg }).logo).toBe(jpeg);
    // Left out, a field stays as it was; null takes the logo off; an empty list no address.
    expect(l.call('store.update', { name: 'Harbour Bean' })).toMatchObject({ logo: jpeg, legalName: 'Harbour Bean Coffee Ltd', language: 'de' });
    expect(l.call('store.update', { logo: null, address: [], taxNumber: '' })).toMatchObject({ logo: null, address: [], taxNumber: '' });
  });

  it('audits which header fields changed and whether a logo was set, never their words or the picture', () => {
    l = makeLedger();
    l.call('store.update', {
      legalName: 'Ana Ruiz Hair',
      address: ['Calle Mayor 1'],
      taxNumber: 'ES12345678Z',
      logo: dataUrl('image/png', PNG),
      language: 'es',
    });
    const detail = l.db.prepare<[], { detail: string }>("SELECT detail FROM audit WHERE command = 'store.update' ORDER BY id DESC LIMIT 1").get()?.detail ?? '';
    expect(JSON.parse(detail)).toEqual({ receiptHeader: ['legalName', 'address', 'taxNumber'], logo: 'set', language: 'es' });
    expect(detail).not.toMatch(/Ana Ruiz|Calle Mayor|ES12345678Z|base64/);
    l.call('store.update', { logo: null });
    expect(
      JSON.parse(l.db.prepare<[], { detail: string }>("SELECT detail FROM audit WHERE command = 'store.update' ORDER BY id DESC LIMIT 1").get()?.detail ?? ''),
    ).toEqual({ logo: 'removed' });
  });

  it('refuses a logo that is not a PNG or JPEG, is labelled as the other, or is too large, by its field, changing nothing', () => {
    l = makeLedger();
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
    const tooLarge = Buffer.concat([PNG, Buffer.alloc(LOGO_MAX_BYTES)]);
    const cases: [unknown, string][] = [
      ['logo.png', 'errors.field.logoFormat'],
      [dataUrl('image/png', gif), 'errors.field.logoFormat'],
      [dataUrl('image/gif', gif), 'errors.field.logoFormat'],
      [dataUrl('image/svg+xml', Buffer.from('<svg/>')), 'errors.field.logoFormat'],
      [dataUrl('image/jpeg', PNG), 'errors.field.logoFormat'],
      [dataUrl('image/png', JPEG), 'errors.field.logoFormat'],
      ['data:image/png;base64,iVBORw0KGgo!!!', 'errors.field.logoFormat'],
      ['data:image/png;base64,', 'errors.field.logoFormat'],
      [42, 'errors.field.logoFormat'],
      [dataUrl('image/png', tooLarge), 'errors.field.logoTooLarge'],
      [`data:image/png;base64,${'A'.repeat(400_000)}`, 'errors.field.logoTooLarge'],
    ];
    for (const [logo, key] of cases) {
      expect(l.fail('store.update', { logo }), String(logo).slice(0, 40)).toMatchObject({ code: 'invalid_input', key, field: 'logo' });
    }
    // Exactly the limit is taken.
    const atLimit = Buffer.concat([PNG, Buffer.alloc(LOGO_MAX_BYTES - PNG.length)]);
    expect(l.call('store.update', { logo: dataUrl('image/png', atLimit) }).logo).toBe(dataUrl('image/png', atLimit));
  });

  it('refuses more than 4 address lines, an empty or long line, a long legal name or tax number, and a language it does not print, changing nothing', () => {
    l = makeLedger();
    l.call('store.update', { legalName: 'Studio Nord GmbH', address: ['Lindenstraße 4', '20095 Hamburg'], taxNumber: 'DE 123456789', language: 'de' });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ address: ['1', '2', '3', '4', '5'] }, 'errors.field.addressLines', 'address'],
      [{ address: ['Lindenstraße 4', '  '] }, 'errors.field.addressLine', 'address.1'],
      [{ address: ['x'.repeat(81)] }, 'errors.field.addressLineLength', 'address.0'],
      [{ address: 'Lindenstraße 4' }, 'errors.invalid', 'address'],
      [{ legalName: 'x'.repeat(121) }, 'errors.field.legalNameLength', 'legalName'],
      [{ legalName: 'Studio\u202eNord' }, 'errors.field.hiddenCharacters', 'legalName'],
      [{ taxNumber: 'x'.repeat(41) }, 'errors.field.taxNumberLength', 'taxNumber'],
      [{ language: 'fr' }, 'errors.field.language', 'language'],
      [{ language: null }, 'errors.field.language', 'language'],
    ];
    for (const [input, key, field] of cases) {
      expect(l.fail('store.update', input), JSON.stringify(input).slice(0, 60)).toMatchObject({ code: 'invalid_input', key, field });
    }
    // A refused update changes nothing, not even the fields sent with the bad one.
    expect(l.fail('store.update', { legalName: 'Other GmbH', language: 'fr' }).key).toBe('errors.field.language');
    expect(l.call('store.get', {})).toMatchObject({
      legalName: 'Studio Nord GmbH',
      address: ['Lindenstraße 4', '20095 Hamburg'],
      taxNumber: 'DE 123456789',
      language: 'de',
    });
  });
});
