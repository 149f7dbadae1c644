// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceView } from '../../../shared/device-types';
import { screenLanguage, setScreenLanguage } from '../../i18n/t';

const calls = vi.hoisted(() => ({ get: vi.fn(), update: vi.fn() }));
vi.mock('../../api', () => ({ api: { 'device.get': calls.get, 'device.update': calls.update }, onEvent: () => () => undefined }));

const { DeviceSection } = await import('./DeviceSection');

const view = (patch: Partial<DeviceView> = {}): DeviceView => ({ language: null, screenLanguage: 'en', storeLanguage: 'en', printer: null, ...patch });

beforeEach(() => {
  calls.get.mockResolvedValue({ ok: true, value: view() });
});
afterEach(() => {
  cleanup();
  setScreenLanguage('en');
  vi.clearAllMocks();
});

describe("This PC's settings", () => {
  it('switch the screens to German at once, and say the paper keeps the store language', async () => {
    calls.update.mockResolvedValue({ ok: true, value: view({ language: 'de', screenLanguage: 'de' }) });
    render(<DeviceSection />);
    expect(await screen.findByText("Receipts, token slips and the Z stay in the store's language (English).")).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Screen language'), 'de');
    await waitFor(() => expect(calls.update).toHaveBeenCalledWith({ language: 'de' }));
    expect(screenLanguage()).toBe('de');
  });

  it("follow the store's language again when that is chosen", async () => {
    calls.get.mockResolvedValue({ ok: true, value: view({ language: 'es', screenLanguage: 'es' }) });
    calls.update.mockResolvedValue({ ok: true, value: view() });
    render(<DeviceSection />);
    await userEvent.selectOptions(await screen.findByLabelText('Screen language'), '');
    await waitFor(() => expect(calls.update).toHaveBeenCalledWith({ language: 'store' }));
  });

  it('save a receipt printer by paper and name, and show a refusal beside it', async () => {
    calls.update.mockResolvedValueOnce({ ok: true, value: view({ printer: { paper: '80mm', name: 'TM-T20' } }) });
    render(<DeviceSection />);
    await userEvent.selectOptions(await screen.findByLabelText('Paper'), '80mm');
    await userEvent.type(screen.getByLabelText('Printer name (or part of it)'), 'TM-T20');
    await userEvent.click(screen.getByRole('button', { name: 'Save printer' }));
    await waitFor(() => expect(calls.update).toHaveBeenCalledWith({ printer: { paper: '80mm', name: 'TM-T20' } }));
    expect(await screen.findByText('Saved for this PC')).toBeTruthy();
    // The receipt is then sized as the roll it prints on (receipt.css).
    expect(document.documentElement.dataset.paper).toBe('80mm');

    calls.update.mockResolvedValueOnce({ ok: false, error: { code: 'invalid_input', message: 'the printer name has characters that cannot be read' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save printer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The printer name has characters that cannot be read');
  });
});
