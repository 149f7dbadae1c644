// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PaperPreview } from '../../shared/paper/paper-doc';
import { fake } from '../test-support/fake-api';

vi.mock('../api', () => import('../test-support/fake-api'));

const { PrintAction } = await import('./PrintAction');
const { PrinterWarnings } = await import('./PrinterWarnings');
const { setDevicePrinter } = await import('./use-device-printer');

const network = { kind: 'escpos-network', paper: '58mm', host: '127.0.0.1', port: 9100, drawer: true, autoReceipt: false } as const;
const preview: PaperPreview = {
  paper: '58mm',
  columns: 32,
  lines: [
    { text: '  Café Müller', bold: true, size: 2 },
    { text: '2 × Latte                 8,80\u00a0€', bold: false, size: 1 },
  ],
};

afterEach(() => {
  cleanup();
  setDevicePrinter(null);
  vi.clearAllMocks();
  vi.unstubAllGlobals();
});

describe('Print on a screen', () => {
  it('with a receipt printer: shows the roll as the host laid it out, then prints that document and says where', async () => {
    setDevicePrinter(network);
    fake.reply('print.preview', preview);
    fake.reply('print.document', { target: { kind: 'network', host: '127.0.0.1', port: 9100 }, lines: 2 });
    render(<PrintAction document={{ document: 'receipt', tabId: 7 }} label="Print" />);
    await userEvent.click(screen.getByRole('button', { name: 'Print' }));
    const paper = await screen.findByTestId('paper-preview');
    expect(fake.inputs('print.preview')).toContainEqual({ document: 'receipt', tabId: 7 });
    expect(Array.from(paper.children, (line) => line.textContent)).toEqual(preview.lines.map((l) => l.text));
    expect(paper.children[0]!.className).toContain('paper-view__line--double');
    expect(screen.getByText('58 mm roll, 32 characters a line, as it prints')).toBeTruthy();
    // Enter prints: the panel's Print has the focus once the paper is there.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Print'));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(fake.inputs('print.document')).toContainEqual({ document: 'receipt', tabId: 7 }));
    expect(await screen.findByText('Printed on the printer at 127.0.0.1, port 9100.')).toBeTruthy();
    expect(screen.queryByTestId('paper-preview')).toBeNull();
  });

  it('keeps the preview open with the printer’s refusal beside its Print; Esc closes it', async () => {
    setDevicePrinter(network);
    fake.reply('print.preview', preview);
    fake.fail('print.document', { code: 'printer_failed', message: 'x', key: 'errors.printer.refused', params: { host: '127.0.0.1', port: 9100 } });
    render(<PrintAction document={{ document: 'slip', tabId: 3 }} label="Print" />);
    await userEvent.keyboard('{Control>}p{/Control}');
    await screen.findByTestId('paper-preview');
    await userEvent.click(within(screen.getByRole('dialog', { name: 'Print preview' })).getByRole('button', { name: 'Print' }));
    expect((await screen.findByRole('alert')).textContent).toContain('127.0.0.1, port 9100 refused the connection');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('paper-preview')).toBeNull();
  });

  it('without a receipt printer: the system’s print dialog, by the button and by Ctrl+P, as before', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    render(<PrintAction document={{ document: 'x' }} label="Print" />);
    await userEvent.click(screen.getByRole('button', { name: 'Print' }));
    await userEvent.keyboard('{Control>}p{/Control}');
    expect(print).toHaveBeenCalledTimes(2);
    expect(fake.calls('print.preview')).toHaveLength(0);
  });
});

describe('printer warnings', () => {
  it('say above any screen that the drawer did not open, in words, until dismissed', async () => {
    render(<PrinterWarnings />);
    act(() => {
      fake.emit({
        type: 'printer.problem',
        job: 'drawer',
        error: { code: 'printer_failed', message: 'x', key: 'errors.printer.timeout', params: { host: '10.0.0.9', port: 9100 } },
      });
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The payment is taken, but the cash drawer did not open.');
    expect(alert.textContent).toContain('The printer at 10.0.0.9, port 9100 did not answer in time');
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
