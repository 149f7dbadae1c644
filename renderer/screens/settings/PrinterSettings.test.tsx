// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceView } from '../../../shared/device-types';
import { fake } from '../../test-support/fake-api';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const { PrinterSettings } = await import('./PrinterSettings');

const view: DeviceView = {
  language: null,
  screenLanguage: 'en',
  storeLanguage: 'en',
  printer: { kind: 'escpos-network', paper: '80mm', host: '192.168.1.50', port: 9100, drawer: false, autoReceipt: false },
};

afterEach(cleanup);

describe("This PC's receipt printer settings", () => {
  it('a test print that works after one that failed says so, with the old failure gone', async () => {
    const save = vi.fn().mockResolvedValue(null);
    fake.answer(
      'print.test',
      { ok: false, error: { code: 'printer_failed', message: 'x', key: 'errors.printer.refused', params: { host: '192.168.1.50', port: 9100 } } },
      { ok: true, value: { target: { kind: 'network', host: '192.168.1.50', port: 9100 }, lines: 14 } },
    );
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
