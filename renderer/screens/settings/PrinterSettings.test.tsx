// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceView } from '../../../shared/device-types';

const calls = vi.hoisted(() => ({ test: vi.fn() }));
vi.mock('../../api', () => ({ api: { 'print.test': calls.test }, onEvent: () => () => undefined }));

const { PrinterSettings } = await import('./PrinterSettings');

const view: DeviceView = { language: null, screenLanguage: 'en', storeLanguage: 'en', printer: { kind: 'escpos-network', paper: '80mm', host: '192.168.1.50', port: 9100, drawer: false, autoReceipt: false } };

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("This PC's receipt printer settings", () => {
  it('a test print that works after one that failed says so, with the old failure gone', async () => {
    const save = vi.fn().mockResolvedValue(null);
    calls.test.mockResolvedValueOnce({ ok: false, error: { code: 'printer_failed', message: 'x', key: 'errors.printer.refused', params: { host: '192.168.1.50', port: 9100 } } });
    calls.test.mockResolvedValueOnce({ ok: true, value: { target: { kind: 'network', host: '192.168.1.50', port: 9100 }, lines: 14 } });
    render(<PrinterSettings view={view} save={save} />);
    await userEvent.click(screen.getByRole('button', { name: 'Test print' }));
    expect((await screen.findByRole('alert')).textContent).toContain('192.168.1.50');
    // The printer is switched on; the same settings, tested again.
    await userEvent.click(screen.getByRole('button', { name: 'Test print' }));
    expect(await screen.findByText('Printed on the printer at 192.168.1.50, port 9100.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(save).not.toHaveBeenCalled();
  });
});
