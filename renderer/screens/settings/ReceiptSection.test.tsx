// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreSettings } from '../../../shared/types';
import { fake } from '../../test-support/fake-api';
import { testStore } from '../../test-support/store';
import { ReceiptSection } from './ReceiptSection';
import { useSettingsDraft } from './use-settings-draft';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
const PNG_URL = `data:image/png;base64,${btoa(String.fromCharCode(...PNG))}`;

/** The section inside the one settings draft, with the form's Save, as the settings screen has it. */
function Form({ store }: { store: StoreSettings }) {
  const form = useSettingsDraft(store);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void form.save();
      }}
    >
      <ReceiptSection form={form} />
      <button type="submit">Save</button>
      <p role="status">{form.status === 'saved' ? 'Saved' : form.changed.join(',')}</p>
    </form>
  );
}

function show(store = testStore()) {
  render(<Form store={store} />);
  return screen.getByRole('region', { name: 'Receipt' });
}

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

describe('the receipt settings', () => {
  beforeEach(() => fake.handle('store.update', (input) => ({ ok: true, value: { ...testStore(), ...input } })));
  afterEach(cleanup);

  it('shows the header as the store holds it, and the paper language with its names and what it decides', () => {
    const section = show(
      testStore({ legalName: 'Harbour Bean Coffee Ltd', address: ['3 Quay Street', 'Galway'], taxNumber: 'IE 3456789KH', language: 'de', logo: PNG_URL }),
    );
    expect((within(section).getByLabelText('Legal name') as HTMLInputElement).value).toBe('Harbour Bean Coffee Ltd');
    expect((within(section).getByLabelText('Address') as HTMLTextAreaElement).value).toBe('3 Quay Street\nGalway');
    expect((within(section).getByLabelText('Tax number') as HTMLInputElement).value).toBe('IE 3456789KH');
    expect(within(section).getByRole('img', { name: 'The logo as it is printed' }).getAttribute('src')).toBe(PNG_URL);
    const language = within(section).getByLabelText('Language of receipts') as HTMLSelectElement;
    expect(language.value).toBe('de');
    expect([...language.options].map((o) => o.textContent)).toEqual(['English', 'Deutsch', 'Español']);
    expect(section.textContent).toContain('Receipts, token slips and the Z are printed in this language');
  });

  it('sends the header and the language as changed, the address one line per line', async () => {
    const section = show();
    expect(within(section).getByText('No logo yet.')).toBeTruthy();
    fireEvent.change(within(section).getByLabelText('Legal name'), { target: { value: ' Studio Nord GmbH ' } });
    fireEvent.change(within(section).getByLabelText('Address'), { target: { value: 'Lindenstraße 4\n\n20095 Hamburg\n' } });
    fireEvent.change(within(section).getByLabelText('Tax number'), { target: { value: 'DE 123456789' } });
    fireEvent.change(within(section).getByLabelText('Language of receipts'), { target: { value: 'es' } });
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(fake.calls('store.update')).toHaveLength(1);
    expect(fake.inputs('store.update')[0]).toEqual({
      legalName: 'Studio Nord GmbH',
      address: ['Lindenstraße 4', '20095 Hamburg'],
      taxNumber: 'DE 123456789',
      language: 'es',
    });
  });

  it('takes a PNG picked from a file with a preview, sends it as a data URL, and removes it', async () => {
    const section = show();
    fireEvent.change(within(section).getByLabelText('Choose a logo…'), { target: { files: [new File([PNG], 'logo.png', { type: 'image/png' })] } });
    const preview = await within(section).findByRole('img', { name: 'The logo as it is printed' });
    expect(preview.getAttribute('src')).toBe(PNG_URL);
    save();
    await waitFor(() => expect(fake.calls('store.update')).toHaveLength(1));
    expect(fake.inputs('store.update')[0]).toEqual({ logo: PNG_URL });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));

    fireEvent.click(within(section).getByRole('button', { name: 'Remove logo' }));
    expect(within(section).queryByRole('img')).toBeNull();
    save();
    await waitFor(() => expect(fake.calls('store.update')).toHaveLength(2));
    expect(fake.inputs('store.update')[1]).toEqual({ logo: null });
  });

  it('says beside the logo why a file is not taken, and keeps the draft as it was', async () => {
    const section = show();
    fireEvent.change(within(section).getByLabelText('Choose a logo…'), { target: { files: [new File(['GIF89a'], 'logo.gif', { type: 'image/gif' })] } });
    expect((await within(section).findByRole('alert')).textContent).toBe('The logo must be a PNG or JPEG picture');
    expect(within(section).queryByRole('img')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('puts a fifth address line, and a refusal from the ledger, beside the field; nothing is sent for the first', async () => {
    const section = show();
    fireEvent.change(within(section).getByLabelText('Address'), { target: { value: '1\n2\n3\n4\n5' } });
    save();
    expect((await within(section).findByRole('alert')).textContent).toBe('An address is at most 4 lines');
    expect(fake.calls('store.update')).toHaveLength(0);

    fake.fail('store.update', {
      code: 'invalid_input',
      key: 'errors.field.taxNumberLength',
      params: {},
      message: 'the tax number is at most 40 characters',
      field: 'taxNumber',
    });
    fireEvent.change(within(section).getByLabelText('Address'), { target: { value: '1 Quay Street' } });
    fireEvent.change(within(section).getByLabelText('Tax number'), { target: { value: 'IE 1' } });
    save();
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toBe('The tax number is at most 40 characters');
    expect(alert.id).toBe('settings-tax-number-error');
  });
});
