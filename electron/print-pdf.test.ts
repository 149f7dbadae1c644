import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { InvokeEvent, IpcMainLike } from './ipc/electron-binding';

const fake = vi.hoisted(() => {
  const parent = { id: 'main-window' };
  return {
    parent,
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '/home/till/Documents/z.pdf' })),
    fromWebContents: vi.fn((_sender: unknown) => parent as unknown),
    getPath: vi.fn((_name: string) => '/home/till/Documents'),
  };
});

vi.mock('electron', () => ({
  app: { getPath: fake.getPath },
  BrowserWindow: { fromWebContents: fake.fromWebContents },
  dialog: { showSaveDialog: fake.showSaveDialog },
}));

const { bindPrintToPdf, safePdfName } = await import('./print-pdf');

type Listener = (event: InvokeEvent, request: unknown) => unknown;

function setup(options: { trusted?: boolean; writeFile?: (file: string, data: Uint8Array) => Promise<void> } = {}) {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => handlers.set(channel, listener), removeHandler: (channel) => handlers.delete(channel) };
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
  const sender = { id: 1, printToPDF: vi.fn(async () => pdf) };
  const writeFile = vi.fn(options.writeFile ?? (async () => {}));
  const dispose = bindPrintToPdf({ ipcMain, isTrustedSender: () => options.trusted ?? true, deps: { writeFile } });
  const event: InvokeEvent = { sender, senderFrame: { url: 'file:///app/index.html', parent: null } };
  const call = (request: unknown) => handlers.get('aftertab:print-pdf')?.(event, request) as Promise<unknown>;
  return { handlers, sender, writeFile, dispose, call, pdf };
}

beforeEach(() => {
  fake.showSaveDialog.mockClear();
  fake.fromWebContents.mockClear();
});

describe('printToPdf in the main process', () => {
  it('asks where to save, with the window as parent, then writes the page as a PDF there', async () => {
    const { call, sender, writeFile, pdf } = setup();
    expect(await call({ filename: 'aftertab-z0001-2026-09-14.pdf' })).toEqual({ ok: true, value: { saved: true, path: '/home/till/Documents/z.pdf' } });
    expect(fake.fromWebContents).toHaveBeenCalledWith(sender);
    expect(fake.showSaveDialog).toHaveBeenCalledWith(
      fake.parent,
      expect.objectContaining({ defaultPath: '/home/till/Documents/aftertab-z0001-2026-09-14.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] }),
    );
    expect(sender.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: false });
    expect(writeFile).toHaveBeenCalledWith('/home/till/Documents/z.pdf', pdf);
  });

  it('prints nothing and writes nothing when the dialog is cancelled', async () => {
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    const { call, sender, writeFile } = setup();
    expect(await call({ filename: 'x.pdf' })).toEqual({ ok: true, value: { saved: false } });
    expect(sender.printToPDF).not.toHaveBeenCalled();
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('refuses a sender that is not our window, before any dialog', async () => {
    const { call, sender } = setup({ trusted: false });
    expect(await call({ filename: 'x.pdf' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fake.showSaveDialog).not.toHaveBeenCalled();
    expect(sender.printToPDF).not.toHaveBeenCalled();
  });

  it('says why in plain words when the file cannot be written', async () => {
    const { call } = setup({
      writeFile: async () => {
        throw new Error('EROFS: read-only file system');
      },
    });
    expect(await call({ filename: 'x.pdf' })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The PDF could not be saved: EROFS: read-only file system' },
    });
  });

  it('removes its handler when disposed', () => {
    const { handlers, dispose } = setup();
    expect([...handlers.keys()]).toEqual(['aftertab:print-pdf']);
    dispose();
    expect(handlers.size).toBe(0);
  });
});

describe('safePdfName', () => {
  it('keeps a plain .pdf name and falls back for anything else', () => {
    expect(safePdfName('aftertab-x-2026-09-14.pdf')).toBe('aftertab-x-2026-09-14.pdf');
    expect(safePdfName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(safePdfName('C:\\Windows\\evil.pdf')).toBe('evil.pdf');
    expect(safePdfName('report.exe')).toBe('aftertab-report.pdf');
    expect(safePdfName('.hidden.pdf')).toBe('aftertab-report.pdf');
    expect(safePdfName(42)).toBe('aftertab-report.pdf');
  });
});
