// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceView } from '../../../shared/device-types';
import { screenLanguage, setScreenLanguage } from '../../i18n/t';
import { fake } from '../../test-support/fake-api';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const { DeviceSection } = await import('./DeviceSection');

const view = (patch: Partial<DeviceView> = {}): DeviceView => ({ language: null, screenLanguage: 'en', storeLanguage: 'en', printer: null, ...patch });

beforeEach(() => {
  fake.reply('device.get', view());
});
afterEach(() => {
  cleanup();
  setScreenLanguage('en');
  vi.clearAllMocks();
});

describe("This PC's settings", () => {
  it('switch the screens to German at once, and say the paper keeps the store language', async () => {
    fake.reply('device.update', view({ language: 'de', screenLanguage: 'de' }));
    render(<DeviceSection />);
    expect(await screen.findByText("Receipts, token slips and the Z stay in the store's language (English).")).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Screen language'), 'de');
    await waitFor(() => expect(fake.inputs('device.update')).toContainEqual({ language: 'de' }));
    // Once the German catalogue is fetched.
    await waitFor(() => expect(screenLanguage()).toBe('de'));
  });

  it("follow the store's language again when that is chosen", async () => {
    fake.reply('device.get', view({ language: 'es', screenLanguage: 'es' }));
    fake.reply('device.update', view());
    render(<DeviceSection />);
    await userEvent.selectOptions(await screen.findByLabelText('Screen language'), '');
    await waitFor(() => expect(fake.inputs('device.update')).toContainEqual({ language: 'store' }));
  });

  it("save the system's printing by paper and name, and show a refusal beside it", async () => {
    fake.reply('device.update', view({ printer: { kind: 'system', paper: '80mm', name: 'TM-T20' } }));
    render(<DeviceSection />);
    await userEvent.selectOptions(await screen.findByLabelText('How this PC prints'), 'system');
    await userEvent.selectOptions(screen.getByLabelText('Paper'), '80mm');
    await userEvent.type(screen.getByLabelText('Printer name (or part of it)'), 'TM-T20');
    await userEvent.click(screen.getByRole('button', { name: 'Save printer' }));
    await waitFor(() => expect(fake.inputs('device.update')).toContainEqual({ printer: { kind: 'system', paper: '80mm', name: 'TM-T20' } }));
    expect(await screen.findByText('Saved for this PC')).toBeTruthy();
    // The receipt is then sized as the roll it prints on (receipt.css).
    expect(document.documentElement.dataset.paper).toBe('80mm');
    // The system's printing has no test page of its own: the print dialog is its test.
    expect(screen.queryByRole('button', { name: 'Test print' })).toBeNull();

    fake.fail('device.update', { code: 'invalid_input', message: 'the printer name has characters that cannot be read' });
    await userEvent.click(screen.getByRole('button', { name: 'Save printer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The printer name has characters that cannot be read');
  });

  it('set up a network receipt printer, save it before its test print, and say where the test went', async () => {
    const saved = { kind: 'escpos-network', paper: '58mm', host: '192.168.1.50', port: 9100, drawer: true, autoReceipt: false } as const;
    fake.reply('device.update', view({ printer: saved }));
    fake.reply('print.test', { target: { kind: 'network', host: '192.168.1.50', port: 9100 }, lines: 14 });
    render(<DeviceSection />);
    await userEvent.selectOptions(await screen.findByLabelText('How this PC prints'), 'escpos-network');
    // A receipt printer takes rolls only.
    expect(Array.from((screen.getByLabelText('Paper') as HTMLSelectElement).options).map((o) => o.value)).toEqual(['58mm', '80mm']);
    await userEvent.selectOptions(screen.getByLabelText('Paper'), '58mm');
    await userEvent.type(screen.getByLabelText("Printer's address (IP or host name)"), '192.168.1.50');
    expect((screen.getByLabelText('Port') as HTMLInputElement).value).toBe('9100');
    await userEvent.click(screen.getByLabelText('The printer drives the cash drawer: open it on a cash payment'));
    await userEvent.click(screen.getByRole('button', { name: 'Test print' }));
    await waitFor(() => expect(fake.inputs('print.test')).toContainEqual({}));
    expect(fake.inputs('device.update')).toContainEqual({ printer: saved });
    expect(fake.names().indexOf('device.update')).toBeLessThan(fake.names().indexOf('print.test'));
    expect(await screen.findByText('Printed on the printer at 192.168.1.50, port 9100.')).toBeTruthy();
  });

  it('show a refused address beside its field, a port that is no number before sending, and a failed test print in words', async () => {
    fake.reply('device.get', view({ printer: { kind: 'escpos-queue', paper: '80mm', queue: 'TM-T20', drawer: false, autoReceipt: false } }));
    render(<DeviceSection />);
    expect(((await screen.findByLabelText('Print queue')) as HTMLInputElement).value).toBe('TM-T20');
    fake.fail('print.test', { code: 'printer_failed', message: 'x', key: 'errors.printer.queueFailed', params: { queue: 'TM-T20', problem: 'no such queue' } });
    await userEvent.click(screen.getByRole('button', { name: 'Test print' }));
    // Nothing changed on the form: nothing is saved first.
    expect(fake.calls('device.update')).toHaveLength(0);
    expect((await screen.findByRole('alert')).textContent).toBe('The print queue TM-T20 did not take the job: no such queue');

    await userEvent.selectOptions(screen.getByLabelText('How this PC prints'), 'escpos-network');
    await userEvent.clear(screen.getByLabelText('Port'));
    await userEvent.type(screen.getByLabelText('Port'), 'ninety');
    await userEvent.click(screen.getByRole('button', { name: 'Save printer' }));
    expect(await screen.findByText('The port is a whole number from 1 to 65535 (usually 9100).')).toBeTruthy();
    expect(fake.calls('device.update')).toHaveLength(0);

    await userEvent.clear(screen.getByLabelText('Port'));
    await userEvent.type(screen.getByLabelText('Port'), '9100');
    fake.fail('device.update', { code: 'invalid_input', message: 'x', key: 'errors.field.printerHost', field: 'printer.host' });
    await userEvent.click(screen.getByRole('button', { name: 'Save printer' }));
    const host = screen.getByLabelText("Printer's address (IP or host name)");
    await waitFor(() => expect(host.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(host.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      "Enter the printer's IP address or host name, e.g. 192.168.1.50.",
    );
  });
});
