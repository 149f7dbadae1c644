import { describe, expect, it } from 'vitest';
import { profilePrinter } from '../profile-export';

describe("this PC's printer as a store profile's hints", () => {
  it('keeps the paper, and the system name or queue a second PC would pick; never a network address', () => {
    expect(profilePrinter(null)).toBeUndefined();
    expect(profilePrinter({ kind: 'system', paper: 'a4', name: null })).toEqual({ paper: 'a4' });
    expect(profilePrinter({ kind: 'system', paper: '80mm', name: 'TM-T20' })).toEqual({ paper: '80mm', name: 'TM-T20' });
    expect(profilePrinter({ kind: 'escpos-queue', paper: '58mm', queue: 'EPSON TM-T20II Receipt', drawer: true, autoReceipt: false })).toEqual({
      paper: '58mm',
      name: 'EPSON TM-T20II Receipt',
    });
    expect(profilePrinter({ kind: 'escpos-network', paper: '80mm', host: '192.168.1.50', port: 9100, drawer: true, autoReceipt: true })).toEqual({
      paper: '80mm',
    });
  });
});
