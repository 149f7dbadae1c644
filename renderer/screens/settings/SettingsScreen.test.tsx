// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake } from '../../test-support/fake-api';
import { SettingsScreen } from './SettingsScreen';
import { testStore } from '../../test-support/store';

const store = testStore({ taxRates: [{ rateMilli: 10_000, label: 'Standard' }], payAfterTerms: 'Pay when done.' });

vi.mock('../../api', () => import('../../test-support/fake-api'));

function renderScreen(): void {
  render(
    <MemoryRouter>
      <SettingsScreen />
    </MemoryRouter>,
  );
}

describe('SettingsScreen', () => {
  beforeEach(() => {
    fake.reply('store.get', store);
    // This PC's section asks for its own settings.
    fake.reply('device.get', { language: null, screenLanguage: 'en', storeLanguage: 'en', printer: null });
    // The loyalty section lists the categories a stamp card may collect (an archived one is not offered).
    fake.reply('catalog.list', {
      categories: [
        { id: 3, name: 'Coffee', position: 0, archived: false },
        { id: 4, name: 'Old menu', position: 1, archived: true },
      ],
      items: [],
    });
  });
  afterEach(cleanup);

  it('sends only what changed, with the rate parsed to thousandths, then says Saved', async () => {
    fake.handle('store.update', (input) => ({ ok: true, value: { ...store, ...input } }));
    renderScreen();
    fireEvent.change(await screen.findByLabelText('Red after (minutes)'), { target: { value: '120' } });
    fireEvent.change(screen.getByLabelText('Rate 1 in %'), { target: { value: '8.875' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(fake.calls('store.update')).toHaveLength(1);
    expect(fake.inputs('store.update')[0]).toEqual({ redMinutes: 120, taxRates: [{ label: 'Standard', rateMilli: 8875 }] });
  });

  it('puts a refusal next to the field it names and keeps the typed value', async () => {
    fake.fail('store.update', { code: 'store_locked', message: 'settle or void the open tabs before changing how tax is priced', field: 'taxMode' });
    renderScreen();
    fireEvent.click(await screen.findByLabelText(/Tax is added on top/));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Settle or void the open tabs before changing how tax is priced');
    expect(alert.closest('fieldset')?.querySelector('legend')?.textContent).toBe('How prices include tax');
    expect((screen.getByLabelText(/Tax is added on top/) as HTMLInputElement).checked).toBe(true);
  });

  it('takes a change made elsewhere without overwriting what is being typed', async () => {
    renderScreen();
    const amber = await screen.findByLabelText('Amber after (minutes)');
    fireEvent.change(amber, { target: { value: '30' } });

    fake.reply('store.get', { ...store, name: 'Renamed elsewhere', amberMinutes: 50 });
    fake.emit({ type: 'store.changed' });

    await waitFor(() => expect((screen.getByLabelText('Store name') as HTMLInputElement).value).toBe('Renamed elsewhere'));
    expect((amber as HTMLInputElement).value).toBe('30');
  });

  it('refuses a malformed rate before sending anything', async () => {
    renderScreen();
    fireEvent.change(await screen.findByLabelText('Rate 1 in %'), { target: { value: '8.8755' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findAllByRole('alert')).map((a) => a.textContent)).toEqual([
      'A rate has at most three decimals',
      'Nothing was saved: fix the fields marked in red.',
    ]);
    expect(fake.calls('store.update')).toHaveLength(0);
  });

  it('saves the share of the bill above which a tip is confirmed, and refuses 0 % by its field without sending', async () => {
    fake.handle('store.update', (input) => ({ ok: true, value: { ...store, ...input } }));
    renderScreen();
    const share = (await screen.findByLabelText('Ask to confirm a tip above (% of the bill)')) as HTMLInputElement;
    expect(share.value).toBe('30');
    fireEvent.change(share, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual(['Enter a whole number from 1 to 1000', 'Nothing was saved: fix the fields marked in red.']);
    expect(share.getAttribute('aria-describedby')).toContain(alerts[0]?.id);
    expect(fake.calls('store.update')).toHaveLength(0);

    fireEvent.change(share, { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(fake.inputs('store.update')[0]).toEqual({ tipConfirmPercent: 25 });
  });

  it('saves the idle lock, the comp approval threshold as money and the tip cap, each with its help', async () => {
    fake.handle('store.update', (input) => ({ ok: true, value: { ...store, ...input } }));
    renderScreen();
    const idle = (await screen.findByLabelText('Lock the counter after (minutes idle)')) as HTMLInputElement;
    const percent = screen.getByLabelText('% of what the comped items cost') as HTMLInputElement;
    const amount = screen.getByLabelText('or this amount (EUR)') as HTMLInputElement;
    const cap = screen.getByLabelText("Tip cap: a manager's PIN above (% of the bill)") as HTMLInputElement;
    expect([idle.value, percent.value, amount.value, cap.value]).toEqual(['5', '20', '5.00', '100']);
    expect(document.getElementById(idle.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/PIN pad comes back/);
    expect(screen.getByRole('group', { name: "A comp needs a manager's PIN above" }).getAttribute('aria-describedby')).toBe('settings-comp-hint');

    fireEvent.change(idle, { target: { value: '10' } });
    fireEvent.change(percent, { target: { value: '25' } });
    fireEvent.change(amount, { target: { value: '7.50' } });
    fireEvent.change(cap, { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(fake.inputs('store.update')[0]).toEqual({ idleLockMinutes: 10, approvalCompPercent: 25, approvalCompMinor: 750, tipApprovalPercent: 150 });
  });

  it('refuses a comp amount that is not money in the store currency, beside that field, sending nothing', async () => {
    renderScreen();
    const amount = (await screen.findByLabelText('or this amount (EUR)')) as HTMLInputElement;
    fireEvent.change(amount, { target: { value: '5.005' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual(['"5.005" has more than 2 decimals', 'Nothing was saved: fix the fields marked in red.']);
    expect(alerts[0]?.id).toBe('settings-comp-amount-error');
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls('store.update')).toHaveLength(0);
  });

  it('keeps the currency editable with the general hint until money is on the books', async () => {
    renderScreen();
    const currency = (await screen.findByLabelText('Currency')) as HTMLSelectElement;
    expect(currency.disabled).toBe(false);
    expect(screen.getByText('The currency is fixed once the first sale is recorded.')).toBeTruthy();
    expect(screen.queryByText('The currency is fixed now that sales are recorded.')).toBeNull();
  });

  it('offers the cash rounding steps of the chosen currency coins, and moves a step the new currency lacks', async () => {
    fake.handle('store.update', (input) => ({ ok: true, value: { ...store, ...input } }));
    renderScreen();
    const rounding = (await screen.findByLabelText('Cash rounding')) as HTMLSelectElement;
    const choices = (): string[] => [...rounding.options].map((o) => o.textContent ?? '');
    expect(choices()).toEqual(['No rounding', 'Round cash to €0.05', 'Round cash to €0.10']);
    fireEvent.change(screen.getByLabelText('Currency'), { target: { value: 'JPY' } });
    expect(choices()).toEqual(['No rounding', 'Round cash to JP¥5', 'Round cash to JP¥10']);
    expect(rounding.value).toBe('1');
    // Switzerland has no coin under 5 centimes, so there is no "no rounding" to keep.
    fireEvent.change(screen.getByLabelText('Currency'), { target: { value: 'CHF' } });
    expect(choices()).toEqual(['Round cash to CHF\u00a00.05', 'Round cash to CHF\u00a00.10']);
    expect(rounding.value).toBe('5');
    fireEvent.change(rounding, { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(fake.inputs('store.update')[0]).toEqual({ currency: 'CHF', cashRoundingMinor: 10 });
  });

  it('disables the currency once sales are recorded and says why before any save', async () => {
    fake.reply('store.get', { ...store, currencyLocked: true });
    renderScreen();
    const currency = (await screen.findByLabelText('Currency')) as HTMLSelectElement;
    expect(currency.disabled).toBe(true);
    expect(currency.value).toBe('EUR');
    const hint = screen.getByText('The currency is fixed now that sales are recorded.');
    expect(currency.getAttribute('aria-describedby')?.split(' ')).toContain(hint.id);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fake.calls('store.update')).toHaveLength(0);
  });

  it('saves the day boundary typed as a time, and puts a refused time zone by its field', async () => {
    fake.reply('store.update', { ...store, dayBoundaryMinutes: 330 });
    renderScreen();
    const boundary = (await screen.findByLabelText('A business day ends at')) as HTMLInputElement;
    expect(boundary.value).toBe('04:00');
    expect(screen.getByText(/belong to the day before; from this time on they belong to the next business day/)).toBeTruthy();
    fireEvent.change(boundary, { target: { value: '05:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.calls('store.update')).toHaveLength(1));
    expect(fake.inputs('store.update')[0]).toEqual({ dayBoundaryMinutes: 330 });

    fake.fail('store.update', { code: 'invalid_input', key: 'errors.field.timeZone', message: 'that is not a time zone', field: 'timeZone' });
    const zone = screen.getByLabelText('Time zone') as HTMLSelectElement;
    const other = [...zone.options].map((o) => o.value).find((v) => v !== zone.value) ?? 'Europe/Dublin';
    fireEvent.change(zone, { target: { value: other } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('That is not a time zone this computer knows (use a name like Europe/Dublin)');
    expect(zone.getAttribute('aria-describedby')).toContain(alert.id);
  });

  it('keeps UTC and the saved zone in the time zone list after switching away and saving', async () => {
    fake.handle('store.update', (input) => ({ ok: true, value: { ...store, ...input } }));
    renderScreen();
    const zone = (await screen.findByLabelText('Time zone')) as HTMLSelectElement;
    const values = (): string[] => [...zone.options].map((o) => o.value);
    expect(zone.value).toBe('UTC');
    fireEvent.change(zone, { target: { value: 'Europe/Dublin' } });
    expect(zone.value).toBe('Europe/Dublin');
    expect(values()).toContain('UTC');
    expect(values().filter((v) => v === 'UTC')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(fake.inputs('store.update')[0]).toEqual({ timeZone: 'Europe/Dublin' });
    expect(values()).toContain('UTC');
    fireEvent.change(zone, { target: { value: 'UTC' } });
    expect(zone.value).toBe('UTC');
  });

  describe('loyalty, in the same draft as every other setting', () => {
    const loyaltyOf = (): HTMLElement => screen.getByRole('region', { name: 'Loyalty' });
    const status = (): string => screen.getByRole('status').textContent ?? '';

    it('counts a changed scheme as a change and sends it with the other fields in one store.update', async () => {
      fake.handle('store.update', (input) => ({ ok: true, value: { ...store, ...input } }));
      renderScreen();
      await screen.findByLabelText('Red after (minutes)');
      const loyalty = loyaltyOf();
      expect(within(loyalty).queryByRole('button')).toBeNull();
      expect(loyalty.textContent).toContain('No loyalty: customers collect nothing.');

      fireEvent.click(within(loyalty).getByRole('radio', { name: 'Stamp card' }));
      expect(status()).toBe('1 change not saved yet');
      const category = within(loyalty).getByLabelText('Category the card collects') as HTMLSelectElement;
      await waitFor(() => expect([...category.options].map((o) => o.textContent)).toEqual(['Choose a category', 'Coffee']));
      fireEvent.change(category, { target: { value: '3' } });
      fireEvent.change(within(loyalty).getByLabelText('Which one is free (every Nth)'), { target: { value: '8' } });
      expect(loyalty.textContent).toContain('Every 8th item from Coffee is free');
      // Still one change: the loyalty setting is one field of the draft, however many of its figures moved.
      expect(status()).toBe('1 change not saved yet');
      fireEvent.change(screen.getByLabelText('Red after (minutes)'), { target: { value: '120' } });
      expect(status()).toBe('2 changes not saved yet');

      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(status()).toBe('Saved'));
      expect(fake.calls('store.update')).toHaveLength(1);
      expect(fake.inputs('store.update')[0]).toEqual({
        redMinutes: 120,
        loyalty: { scheme: 'stamps', categoryId: 3, stampsEvery: 8, pointsSpendMinor: 100, pointValueMinor: 1, pointsMin: 100 },
      });
      expect((within(loyalty).getByRole('radio', { name: 'Stamp card' }) as HTMLInputElement).checked).toBe(true);
      expect(screen.queryByRole('button', { name: 'Undo changes' })).toBeNull();
    });

    it('puts the scheme and its figures back on Undo, and an Esc with them unsaved warns first', async () => {
      renderScreen();
      await screen.findByLabelText('Red after (minutes)');
      const loyalty = loyaltyOf();
      fireEvent.click(within(loyalty).getByRole('radio', { name: 'Points' }));
      fireEvent.change(within(loyalty).getByLabelText('Spend for one point (EUR)'), { target: { value: '2.00' } });
      expect(loyalty.textContent).toContain('A customer earns 1 point for every €2.00 paid');
      expect(status()).toBe('1 change not saved yet');

      fireEvent.keyDown(window, { key: 'Escape' });
      expect(screen.getByRole('alert').textContent).toBe('You have unsaved changes. Save them, or press Esc again to leave without saving.');

      fireEvent.click(screen.getByRole('button', { name: 'Undo changes' }));
      expect((within(loyalty).getByRole('radio', { name: 'Off' }) as HTMLInputElement).checked).toBe(true);
      expect(within(loyalty).queryByLabelText('Spend for one point (EUR)')).toBeNull();
      expect(loyalty.textContent).toContain('No loyalty: customers collect nothing.');
      expect(status()).toBe('');
      // Back on points, the figures are the store's again, not the ones typed before Undo.
      fireEvent.click(within(loyalty).getByRole('radio', { name: 'Points' }));
      expect((within(loyalty).getByLabelText('Spend for one point (EUR)') as HTMLInputElement).value).toBe('1.00');
      expect(fake.calls('store.update')).toHaveLength(0);
    });

    it('refuses a figure that does not read beside it, sending nothing', async () => {
      renderScreen();
      await screen.findByLabelText('Red after (minutes)');
      const loyalty = loyaltyOf();
      fireEvent.click(within(loyalty).getByRole('radio', { name: 'Points' }));
      const min = within(loyalty).getByLabelText('Points can be spent from') as HTMLInputElement;
      fireEvent.change(min, { target: { value: '0' } });
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
      const alerts = await screen.findAllByRole('alert');
      expect(alerts.map((a) => a.textContent)).toEqual([
        'Points can be spent from a whole number of 1 to 1,000,000',
        'Nothing was saved: fix the fields marked in red.',
      ]);
      expect(min.getAttribute('aria-describedby')).toBe(alerts[0]?.id);
      expect(fake.calls('store.update')).toHaveLength(0);
    });

    it("puts the ledger's refusal of the category beside the category, keeping what was chosen", async () => {
      fake.fail('store.update', {
        code: 'invalid_input',
        key: 'errors.loyalty.categoryArchived',
        message: 'that category is archived',
        field: 'loyalty.categoryId',
      });
      renderScreen();
      await screen.findByLabelText('Red after (minutes)');
      const loyalty = loyaltyOf();
      fireEvent.click(within(loyalty).getByRole('radio', { name: 'Stamp card' }));
      const category = within(loyalty).getByLabelText('Category the card collects') as HTMLSelectElement;
      await waitFor(() => expect(category.options).toHaveLength(2));
      fireEvent.change(category, { target: { value: '3' } });
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
      const alert = await within(loyalty).findByRole('alert');
      expect(category.getAttribute('aria-describedby')).toBe(alert.id);
      expect(alert.textContent).toBe('That category is archived; choose one still on sale');
      expect(category.value).toBe('3');
      expect(status()).toBe('1 change not saved yet');
    });
  });
});
