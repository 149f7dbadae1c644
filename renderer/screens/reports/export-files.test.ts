// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { reportPdfName, savePdf } from './export-files';

describe('Save as PDF', () => {
  it('uses the browser’s print dialog in the web host', async () => {
    const print = vi.fn();
    expect(await savePdf('x.pdf', undefined, print)).toEqual({ kind: 'printed' });
    expect(await savePdf('x.pdf', {}, print)).toEqual({ kind: 'printed' });
    expect(print).toHaveBeenCalledTimes(2);
  });

  it('asks Electron for the PDF, and tells saved, cancelled and failed apart', async () => {
    const print = vi.fn();
    const saved = vi.fn(async () => ({ ok: true as const, value: { saved: true as const, path: '/home/till/z.pdf' } }));
    expect(await savePdf('aftertab-z0001-2026-09-14.pdf', { printToPdf: saved }, print)).toEqual({ kind: 'saved', path: '/home/till/z.pdf' });
    expect(saved).toHaveBeenCalledWith({ filename: 'aftertab-z0001-2026-09-14.pdf' });
    expect(await savePdf('x.pdf', { printToPdf: async () => ({ ok: true, value: { saved: false } }) }, print)).toEqual({ kind: 'cancelled' });
    const failed = { ok: false as const, error: { code: 'internal' as const, message: 'The PDF could not be saved: disk full' } };
    expect(await savePdf('x.pdf', { printToPdf: async () => failed }, print)).toEqual({ kind: 'failed', result: failed });
    expect(print).not.toHaveBeenCalled();
  });

  it('names the PDF like the CSV', () => {
    expect(reportPdfName({ kind: 'z', zNumber: 12, businessDate: '2026-09-14' })).toBe('aftertab-z0012-2026-09-14.pdf');
    expect(reportPdfName({ kind: 'x', zNumber: null, businessDate: '2026-09-15' })).toBe('aftertab-x-2026-09-15.pdf');
  });
});
