// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { csvBlob, downloadBlob } from './download';

describe('the CSV download', () => {
  it('is UTF-8 text/csv with one byte-order mark in front, so spreadsheets read € and accents', async () => {
    const blob = csvBlob('section,item\r\nsales,€\r\n');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe('section,item\r\nsales,€\r\n');
    const again = new Uint8Array(await csvBlob('\uFEFFa,b').arrayBuffer());
    expect([...again.slice(0, 6)]).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x2c, 0x62]);
  });

  it('clicks a temporary link with the file name, then lets it go', () => {
    const clicked: { href: string; download: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    downloadBlob(csvBlob('a'), 'aftertab-z0001-2026-09-14.csv');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('aftertab-z0001-2026-09-14.csv');
    expect(clicked[0]?.href).toMatch(/^blob:/);
    expect(document.querySelector('a[download]')).toBeNull();
    click.mockRestore();
  });
});
