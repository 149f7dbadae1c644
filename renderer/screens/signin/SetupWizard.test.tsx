// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FirstRunPreview } from '../../../shared/first-run-types';
import { parseStoreProfile } from '../../../shared/store-profile';
import { fake } from '../../test-support/fake-api';
import { SetupWizard } from './SetupWizard';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const applied = { storeName: 'Corner Café', categories: 3, items: 2, services: 7, staff: 1 };

afterEach(cleanup);

const wizard = () => screen.getByRole('main', { name: 'Set up your store' });
const progress = () => screen.getByTestId('wizard-progress').textContent;
const type = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
/** Enter in a field: the step's form is submitted, which is Next. */
const enter = () => fireEvent.submit(wizard().querySelector('form')!);

function fillStore(): void {
  type('Store name', 'Corner Café');
  type('Legal name', 'Corner Café GmbH');
  type('Address', 'Hauptstraße 1\n10115 Berlin');
  type('Tax number', 'DE 123456789');
}

/** Through every step as a café owner in Berlin would, choosing the salon starter, to the last one. */
function walkToReview(): void {
  fillStore();
  enter();
  fireEvent.change(screen.getByLabelText('Country and format'), { target: { value: 'de-DE' } });
  enter();
  enter();
  type('Last token', '30');
  enter();
  fireEvent.click(screen.getByRole('radio', { name: /Salon starter/ }));
  enter();
  expect(progress()).toBe('Step 6 of 6');
}

function fillOwner(pin = '5827'): void {
  type('Your name (the owner)', 'Olga');
  type('New PIN', pin);
  type('PIN again', pin);
}

describe('SetupWizard', () => {
  it('shows each problem at its field and stays on the step until it is fixed', () => {
    render(<SetupWizard onLeave={vi.fn()} />);
    expect(progress()).toBe('Step 1 of 6');
    expect(screen.getByRole('heading', { level: 2, name: 'The store, as its receipts name it' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(progress()).toBe('Step 1 of 6');
    const name = screen.getByLabelText('Store name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toBe('A name is required');
    expect(screen.getByText('The tax number is printed on every receipt; it is required')).toBeTruthy();
    fillStore();
    expect(screen.getByLabelText('Store name').getAttribute('aria-invalid')).toBeNull();
    enter();
    expect(progress()).toBe('Step 2 of 6');
  });

  it('goes back with Esc and Back, keeping what was typed, and suggests money, tax and language from the locale', () => {
    render(<SetupWizard onLeave={vi.fn()} />);
    fillStore();
    enter();
    fireEvent.change(screen.getByLabelText('Country and format'), { target: { value: 'de-DE' } });
    expect(screen.getByTestId('wizard-money-sample').textContent).toMatch(/^Amounts look like this: 1\.234,50\s€$/);
    expect((screen.getByLabelText('Currency') as HTMLSelectElement).value).toBe('EUR');
    expect((screen.getByLabelText('Receipt language') as HTMLSelectElement).value).toBe('de');
    fireEvent.keyDown(screen.getByLabelText('Currency'), { key: 'Escape' });
    expect(progress()).toBe('Step 1 of 6');
    expect((screen.getByLabelText('Store name') as HTMLInputElement).value).toBe('Corner Café');
    enter();
    enter();
    expect(progress()).toBe('Step 3 of 6');
    expect((screen.getByLabelText('Rate 1 in %') as HTMLInputElement).value).toBe('19');
    expect((screen.getByLabelText('Name of rate 2') as HTMLInputElement).value).toBe('Ermäßigt');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(progress()).toBe('Step 2 of 6');
    expect((screen.getByLabelText('Country and format') as HTMLSelectElement).value).toBe('de-DE');
  });

  it('sends a store profile the host accepts, then the owner’s PIN', async () => {
    fake.reply('firstRun.applyWizard', applied);
    fake.reply('session.setup', { staff: { id: 1, name: 'Olga', role: 'owner' }, token: 't' });
    render(<SetupWizard onLeave={vi.fn()} />);
    walkToReview();
    expect(screen.getByTestId('wizard-review-store').textContent).toContain('Corner Café GmbH');
    expect(screen.getByTestId('wizard-review-catalog').textContent).toContain('3 categories, 7 services and 2 products');
    // The name is asked before anything is sent.
    enter();
    expect(fake.calls('firstRun.applyWizard')).toHaveLength(0);
    expect(screen.getByLabelText('Your name (the owner)').getAttribute('aria-invalid')).toBe('true');
    fillOwner();
    fireEvent.click(screen.getByRole('button', { name: 'Set up the store' }));
    await waitFor(() => expect(fake.inputs('session.setup')).toContainEqual({ pin: '5827', pinAgain: '5827' }));
    expect(fake.calls('firstRun.applyWizard')).toHaveLength(1);
    const { profile } = fake.inputs('firstRun.applyWizard')[0] as { profile: unknown };
    const parsed = parseStoreProfile(JSON.stringify(profile));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    expect(parsed.profile).toMatchObject({
      name: 'Corner Café',
      locale: 'de-DE',
      currency: 'EUR',
      language: 'de',
      tokenFirst: 1,
      tokenLast: 30,
      staff: [{ name: 'Olga', role: 'owner' }],
    });
    expect(parsed.profile.taxRates.map((rate) => rate.rateMilli)).toEqual([19_000, 7_000]);
    expect(parsed.profile.catalog.items.find((item) => item.name === 'Ansatzfarbe')).toMatchObject({ kind: 'service', durationMinutes: 90, rateMilli: 19_000 });
  });

  it('keeps the store set up when the PIN is refused, and asks for the PIN alone again', async () => {
    fake.reply('firstRun.applyWizard', applied);
    fake.answer(
      'session.setup',
      { ok: false, error: { code: 'conflict', key: 'errors.pin.taken', params: {}, message: 'that PIN is taken', field: 'pin' } },
      { ok: true, value: { staff: { id: 1, name: 'Olga', role: 'owner' } } },
    );
    render(<SetupWizard onLeave={vi.fn()} />);
    walkToReview();
    fillOwner();
    enter();
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Corner Café is set up\. Only the owner’s PIN is left/));
    expect(screen.getByLabelText('New PIN').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByLabelText('Your name (the owner)')).toBeNull();
    expect((screen.getByRole('button', { name: 'Back' }) as HTMLButtonElement).disabled).toBe(true);
    type('New PIN', '7391');
    type('PIN again', '7391');
    fireEvent.click(screen.getByRole('button', { name: 'Set PIN and sign in' }));
    await waitFor(() => expect(fake.inputs('session.setup').at(-1)).toEqual({ pin: '7391', pinAgain: '7391' }));
    expect(fake.calls('firstRun.applyWizard')).toHaveLength(1);
  });

  it('leaves for the PIN screen when skipped, or when another screen set the store up first', async () => {
    const leave = vi.fn();
    render(<SetupWizard onLeave={leave} />);
    fireEvent.click(screen.getByRole('button', { name: 'Skip: set up later in Settings' }));
    expect(leave).toHaveBeenCalledTimes(1);
    fake.fail('firstRun.applyWizard', { code: 'conflict', key: 'errors.profile.notFresh', params: {}, message: 'in use' });
    walkToReview();
    fillOwner();
    enter();
    await waitFor(() => expect(leave).toHaveBeenCalledTimes(2));
    expect(fake.calls('session.setup')).toHaveLength(0);
  });
});

describe('Import a store profile…', () => {
  const file = (text: string, name = 'profile.json') => new File([text], name, { type: 'application/json' });
  const choose = (chosen: File) => fireEvent.change(screen.getByTestId('wizard-import-file'), { target: { files: [chosen] } });
  const preview: FirstRunPreview = {
    name: 'Fern & Fringe',
    currency: 'GBP',
    locale: 'en-GB',
    timeZone: 'Europe/London',
    taxMode: 'inclusive',
    taxRates: [{ label: 'Standard', rateMilli: 20_000 }],
    openingHours: null,
    depositPolicy: null,
    loyalty: null,
    categories: 3,
    items: 2,
    services: 7,
    staff: [{ name: 'Priya', role: 'owner' }],
    logoLeftOut: 'logo.png',
  };

  it('lists every problem of a file that cannot be used, and refuses a file too large before sending it', async () => {
    fake.reply('firstRun.previewImport', {
      ok: false,
      problems: [
        { path: 'currency', message: 'currency: unknown ISO 4217 currency code' },
        { path: 'staff', message: 'staff: at least one owner' },
      ],
    });
    render(<SetupWizard onLeave={vi.fn()} />);
    choose(file('{"format": "aftertab.store-profile"}'));
    await waitFor(() => expect(fake.inputs('firstRun.previewImport')).toContainEqual({ text: '{"format": "aftertab.store-profile"}' }));
    const refused = await screen.findByText('profile.json cannot be used as a store profile, so nothing was set up. 2 problems:');
    expect(
      within(refused.parentElement!)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['currency: unknown ISO 4217 currency code', 'staff: at least one owner']);
    expect(progress()).toBe('Step 1 of 6');

    choose(file('x'.repeat(200_001), 'backup.sqlite'));
    expect(await screen.findByText('Backup.sqlite is 201 KB; a store profile file is at most 200 KB. Choose the profile.json itself.')).toBeTruthy();
    expect(fake.calls('firstRun.previewImport')).toHaveLength(1);
  });

  it('shows what a good file sets up, says its logo was left out, and goes back to the wizard or applies it', async () => {
    fake.reply('firstRun.previewImport', { ok: true, preview });
    fake.reply('firstRun.applyProfile', { storeName: 'Fern & Fringe', categories: 3, items: 2, services: 7, staff: 1 });
    const leave = vi.fn();
    render(<SetupWizard onLeave={leave} />);
    choose(file('{}'));
    const summary = await screen.findByRole('main', { name: 'Set up this store' });
    expect(summary.textContent).toContain('Fern & Fringe');
    expect(summary.textContent).toContain('The logo (logo.png) was not included; add it in Settings.');
    fireEvent.click(screen.getByRole('button', { name: 'Back to the setup' }));
    expect(progress()).toBe('Step 1 of 6');
    expect(fake.calls('firstRun.applyProfile')).toHaveLength(0);

    choose(file('{}'));
    fireEvent.click(await screen.findByRole('button', { name: 'Set up this store' }));
    await waitFor(() => expect(leave).toHaveBeenCalledTimes(1));
    expect(fake.inputs('firstRun.applyProfile')).toContainEqual({});
  });
});
