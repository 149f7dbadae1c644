// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testStore } from '../test-support/store';
import { paperLanguage, setPaperLanguage, tPaper } from '../i18n/t';
import { useStore, useTab } from './use-live-data';

const calls = vi.hoisted(() => ({ get: vi.fn(), tab: vi.fn(), listeners: [] as ((e: { type: string }) => void)[] }));
vi.mock('../api', () => ({
  api: { 'store.get': calls.get, 'tab.get': calls.tab },
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

describe('useTab', () => {
  function Tab() {
    const tab = useTab(7);
    return <p>{tab.data ? `due ${tab.data.dueMinor}` : '…'}</p>;
  }
  const send = (event: { type: string; tabIds?: number[] }) => {
    for (const listener of calls.listeners) listener(event);
  };

  it('asks again only for a change that names its tab (or no tab), a token change, or a resync', async () => {
    calls.listeners = [];
    calls.tab.mockResolvedValue({ ok: true, value: { id: 7, dueMinor: 100 } });
    render(<Tab />);
    expect(await screen.findByText('due 100')).toBeTruthy();
    expect(calls.tab).toHaveBeenCalledTimes(1);
    send({ type: 'tabs.changed', tabIds: [8] });
    send({ type: 'catalog.changed' });
    expect(calls.tab).toHaveBeenCalledTimes(1);
    calls.tab.mockResolvedValue({ ok: true, value: { id: 7, dueMinor: 250 } });
    send({ type: 'tabs.changed', tabIds: [8, 7] });
    expect(await screen.findByText('due 250')).toBeTruthy();
    send({ type: 'tabs.changed', tabIds: [] });
    send({ type: 'tokens.changed' });
    send({ type: 'resync' });
    await vi.waitFor(() => expect(calls.tab).toHaveBeenCalledTimes(5));
  });
});
