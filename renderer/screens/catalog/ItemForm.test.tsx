// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CatalogItem } from '../../../shared/types';
import { fake } from '../../test-support/fake-api';
import { ItemForm } from './ItemForm';
import { testStore } from '../../test-support/store';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const store = testStore();
const categories = [{ id: 7, name: 'Coffee', position: 0, archived: false }];
const saved: CatalogItem = {
  id: 1,
  categoryId: 7,
  name: 'Latte',
  kind: 'product',
  priceMinor: 440,
  rateMilli: 10_000,
  expectText: '',
  durationMinutes: null,
  archived: false,
};
const cut: CatalogItem = { ...saved, id: 2, name: 'Cut', kind: 'service', priceMinor: 3200, expectText: 'Washed, cut and styled.', durationMinutes: 30 };

function type(label: RegExp | string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('ItemForm', () => {
  beforeEach(() => {
    fake.reply('catalog.createItem', saved);
    fake.reply('catalog.updateItem', saved);
  });
  afterEach(cleanup);

  it('sends the price as integer minor units of the store currency', async () => {
    const onClose = vi.fn();
    render(<ItemForm store={store} categories={categories} item={null} onClose={onClose} />);
    type('Name', ' Latte ');
    type('Category', '7');
    type('Price (EUR)', '4.40');
    // A product takes no time and promises nothing beyond itself: neither field is offered.
    expect(screen.queryByLabelText('Duration (minutes)')).toBeNull();
    expect(screen.queryByLabelText('What to expect')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save item' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fake.calls('catalog.createItem')).toHaveLength(1);
    expect(fake.inputs('catalog.createItem')[0]).toEqual({
      name: 'Latte',
      categoryId: 7,
      kind: 'product',
      priceMinor: 440,
      rateMilli: 10_000,
      expectText: '',
      durationMinutes: null,
    });
    expect(fake.calls('catalog.createItem')[0]?.options).toEqual({ commandId: 'command-1' });
  });

  it('asks a service for its minutes and words, showing a wrong duration beside its field', async () => {
    const onClose = vi.fn();
    render(<ItemForm store={store} categories={categories} item={null} onClose={onClose} />);
    type('Name', 'Cut');
    type('Price (EUR)', '32');
    fireEvent.click(screen.getByLabelText('Service'));
    fireEvent.submit(screen.getByRole('dialog'));
    let alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('A service needs its duration in minutes');
    expect(alert.id).toBe('item-minutes-error');
    expect(screen.getByLabelText('Duration (minutes)').getAttribute('aria-invalid')).toBe('true');

    type('Duration (minutes)', '32');
    fireEvent.submit(screen.getByRole('dialog'));
    alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('A service takes 5 to 600 minutes, in steps of 5');
    expect(fake.calls('catalog.createItem')).toHaveLength(0);

    type('Duration (minutes)', '45');
    type('What to expect', ' Washed, cut and styled. ');
    fireEvent.submit(screen.getByRole('dialog'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fake.inputs('catalog.createItem')[0]).toMatchObject({
      kind: 'service',
      priceMinor: 3200,
      durationMinutes: 45,
      expectText: 'Washed, cut and styled.',
    });
  });

  it('edits a service with its minutes shown, puts the ledger’s refusal beside the duration, and sends neither once it is a product', async () => {
    fake.answer(
      'catalog.updateItem',
      {
        ok: false,
        error: {
          code: 'invalid_input',
          key: 'errors.field.serviceMinutes',
          message: 'a service takes 5 to 600 minutes, in steps of 5',
          field: 'durationMinutes',
        },
      },
      { ok: true, value: saved },
    );
    const onClose = vi.fn();
    render(<ItemForm store={store} categories={categories} item={cut} onClose={onClose} />);
    expect((screen.getByLabelText('Duration (minutes)') as HTMLInputElement).value).toBe('30');
    expect((screen.getByLabelText('What to expect') as HTMLTextAreaElement).value).toBe('Washed, cut and styled.');
    fireEvent.submit(screen.getByRole('dialog'));
    expect((await screen.findByRole('alert')).id).toBe('item-minutes-error');

    fireEvent.click(screen.getByLabelText('Product'));
    expect(screen.queryByLabelText('Duration (minutes)')).toBeNull();
    fireEvent.submit(screen.getByRole('dialog'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fake.inputs('catalog.updateItem')[1]).toMatchObject({ itemId: 2, kind: 'product', durationMinutes: null, expectText: '' });
  });

  it('shows a price with too many decimals next to the field and sends nothing', async () => {
    const onClose = vi.fn();
    render(<ItemForm store={store} categories={categories} item={null} onClose={onClose} />);
    type('Name', 'Latte');
    type('Price (EUR)', '4.404');
    fireEvent.submit(screen.getByRole('dialog'));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('"4.404" has more than 2 decimals');
    expect(alert.id).toBe('item-price-error');
    expect(screen.getByLabelText('Price (EUR)').getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls('catalog.createItem')).toHaveLength(0);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('asks for a name before sending', async () => {
    render(<ItemForm store={store} categories={categories} item={null} onClose={vi.fn()} />);
    type('Price (EUR)', '3');
    fireEvent.submit(screen.getByRole('dialog'));
    expect((await screen.findByRole('alert')).textContent).toBe('A name is required');
    expect(fake.calls('catalog.createItem')).toHaveLength(0);
  });

  it('edits an item, keeping its price text in the store format, and shows a refusal by its field', async () => {
    fake.fail('catalog.updateItem', { code: 'invalid_input', message: 'that tax rate is not one of the store’s rates', field: 'rateMilli' });
    const onClose = vi.fn();
    render(<ItemForm store={store} categories={categories} item={saved} onClose={onClose} />);
    expect((screen.getByLabelText('Price (EUR)') as HTMLInputElement).value).toBe('4.40');
    type('Price (EUR)', '4.60');
    fireEvent.submit(screen.getByRole('dialog'));

    const alert = await screen.findByRole('alert');
    expect(alert.id).toBe('item-rate-error');
    expect(fake.inputs('catalog.updateItem')[0]).toMatchObject({ itemId: 1, priceMinor: 460 });
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes on Escape', () => {
    const onClose = vi.fn();
    render(<ItemForm store={store} categories={categories} item={null} onClose={onClose} />);
    fireEvent.keyDown(screen.getByLabelText('Name'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });

  it('reads a yen price without decimals', async () => {
    render(<ItemForm store={{ ...store, currency: 'JPY', exponent: 0, locale: 'ja-JP' }} categories={categories} item={null} onClose={vi.fn()} />);
    type('Name', 'Matcha');
    type('Price (JPY)', '450');
    fireEvent.submit(screen.getByRole('dialog'));
    await waitFor(() => expect(fake.calls('catalog.createItem').length).toBeGreaterThan(0));
    expect(fake.inputs('catalog.createItem')[0]).toMatchObject({ priceMinor: 450 });
  });
});
