// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testStore } from '../test-support/store';
import { paperLanguage, setPaperLanguage, tPaper } from '../i18n/t';
import { useStore } from './use-live-data';

const calls = vi.hoisted(() => ({ get: vi.fn(), listeners: [] as ((e: { type: string }) => void)[] }));
vi.mock('../api', () => ({
  api: { 'store.get': calls.get },
  onEvent: (listener: (e: { type: string }) => void) => {
    calls.listeners.push(listener);
    return () => undefined;
  },
}));

afterEach(() => {
  cleanup();
  setPaperLanguage('en');
});

/** A screen that prints: it reads the store and words its paper with tPaper. */
function Paper() {
  const store = useStore();
  return <p>{store.data ? tPaper('receipt.title') : '…'}</p>;
}

describe('useStore', () => {
  it('sets the paper’s language from the store as the settings load, and again when they change', async () => {
    calls.get.mockResolvedValue({ ok: true, value: testStore({ language: 'de' }) });
    render(<Paper />);
    expect(await screen.findByText('Beleg')).toBeTruthy();
    expect(paperLanguage()).toBe('de');

    calls.get.mockResolvedValue({ ok: true, value: testStore({ language: 'es' }) });
    for (const listener of calls.listeners) listener({ type: 'store.changed' });
    expect(await screen.findByText('Tique')).toBeTruthy();
    expect(paperLanguage()).toBe('es');
  });

  it('leaves the paper’s language alone when the settings cannot be read', async () => {
    setPaperLanguage('es');
    calls.get.mockResolvedValue({ ok: false, error: { code: 'internal', key: 'errors.internal', params: {}, message: 'no' } });
    render(<Paper />);
    await vi.waitFor(() => expect(calls.get).toHaveBeenCalled());
    expect(paperLanguage()).toBe('es');
  });
});
