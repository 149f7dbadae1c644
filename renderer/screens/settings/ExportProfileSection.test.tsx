// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/permissions';
import type { ProfileExport } from '../../../shared/profile-export-types';
import { parseStoreProfile, type StoreProfile } from '../../../shared/store-profile';
import { CurrentStaffContext } from '../../hooks/current-staff';
import { fake } from '../../test-support/fake-api';
import { ExportProfileSection } from './ExportProfileSection';

const calls = vi.hoisted(() => ({ download: vi.fn() }));

vi.mock('../../api', () => import('../../test-support/fake-api'));
vi.mock('../../download', () => ({ downloadBlob: calls.download }));

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const profile = {
  format: 'aftertab.store-profile',
  version: 1,
  name: 'Harbour Bean',
  legalName: 'Harbour Bean Coffee Ltd',
  address: ['3 Quay Street', 'Galway'],
  taxNumber: 'IE 3456789KH',
  logo: 'logo.png',
  currency: 'EUR',
  locale: 'en-IE',
  language: 'en',
  timeZone: 'Europe/Dublin',
  dayBoundaryMinutes: 240,
  taxMode: 'inclusive',
  taxRates: [{ rateMilli: 13_500, label: 'Food & drink' }],
  tokenFirst: 1,
  tokenLast: 40,
  payAfterTerms: 'Pay at the counter.',
  amberMinutes: 45,
  redMinutes: 90,
  cashRoundingMinor: 5,
  catalog: { categories: ['Coffee'], items: [{ name: 'Latte', category: 'Coffee', kind: 'product', priceMinor: 440, rateMilli: 13_500 }] },
  staff: [{ name: 'Maeve', role: 'owner' }],
} as StoreProfile;

function renderAs(role: Role): void {
  render(
    <CurrentStaffContext.Provider value={{ id: 1, name: 'Someone', role }}>
      <ExportProfileSection />
    </CurrentStaffContext.Provider>,
  );
}

async function blobText(blob: Blob): Promise<string> {
  return new TextDecoder().decode(await blob.arrayBuffer());
}

describe('ExportProfileSection', () => {
  beforeEach(() => {
    calls.download.mockReset();
  });
  afterEach(cleanup);

  it('is not there for a manager or a staff member', () => {
    renderAs('manager');
    expect(screen.queryByRole('button', { name: 'Export store profile…' })).toBeNull();
    cleanup();
    renderAs('staff');
    expect(screen.queryByRole('heading', { name: 'Store profile' })).toBeNull();
  });

  it('downloads profile.json as indented JSON and the logo file beside it', async () => {
    const value: ProfileExport = { profile, logo: { fileName: 'logo.png', dataUrl: PNG } };
    fake.reply('store.exportProfile', value);
    renderAs('owner');
    expect(screen.getByText(/never PINs or sales/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export store profile…' }));

    await waitFor(() => expect(screen.getByText('Downloaded profile.json and logo.png: keep the two files in one folder.')).toBeTruthy());
    expect(fake.inputs('store.exportProfile')).toContainEqual({});
    expect(calls.download).toHaveBeenCalledTimes(2);
    const [json, jsonName] = calls.download.mock.calls[0] as [Blob, string];
    expect(jsonName).toBe('profile.json');
    expect(json.type).toBe('application/json');
    const text = await blobText(json);
    expect(text).toBe(`${JSON.stringify(profile, null, 2)}\n`);
    expect(parseStoreProfile(text).ok).toBe(true);

    const [logo, logoName] = calls.download.mock.calls[1] as [Blob, string];
    expect(logoName).toBe('logo.png');
    expect(logo.type).toBe('image/png');
    const bytes = new Uint8Array(await logo.arrayBuffer());
    // The PNG's own signature, decoded from the data URL.
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(bytes.length).toBe(70);
  });

  it('downloads only the profile when the store has no logo', async () => {
    fake.reply('store.exportProfile', { profile: { ...profile, logo: undefined }, logo: null });
    renderAs('owner');
    fireEvent.click(screen.getByRole('button', { name: 'Export store profile…' }));
    await waitFor(() => expect(screen.getByText('Downloaded profile.json.')).toBeTruthy());
    expect(calls.download).toHaveBeenCalledTimes(1);
  });

  it('shows a refusal in words beside the button and downloads nothing', async () => {
    fake.fail('store.exportProfile', { code: 'conflict', key: 'errors.profile.exportHeader', params: {}, message: 'a store profile needs the receipt header' });
    renderAs('owner');
    fireEvent.click(screen.getByRole('button', { name: 'Export store profile…' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'A store profile needs the receipt header: fill in the legal name, the address and the tax number in Settings, save, then export again',
    );
    expect(calls.download).not.toHaveBeenCalled();
    expect((screen.getByRole('button', { name: 'Export store profile…' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
