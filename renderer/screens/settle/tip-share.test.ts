import { describe, expect, it } from 'vitest';
import type { StaffMember, TabLine } from '../../../shared/types';
import { previewShares, tipServersOf, tipShareInput, type TipServers } from './tip-share';

function line(id: number, staffId: number, staffName: string, chargedMinor: number, state: TabLine['state'] = 'active'): TabLine {
  return {
    id,
    itemId: 1,
    name: 'Flat white',
    unitMinor: chargedMinor,
    rateMilli: 10_000,
    qty: 1,
    staffId,
    staffName,
    state,
    removeReason: null,
    comp: null,
    listMinor: chargedMinor,
    chargedMinor,
    createdAt: 'x',
    expectText: '',
  };
}

function member(id: number, name: string): StaffMember {
  return { id, name, role: 'staff', active: true, hasPin: true, lockedUntil: null, createdAt: 'x' };
}

const lines = [line(1, 5, 'Ben', 150), line(2, 3, 'Ada', 300), line(3, 7, 'Cy', 990, 'removed')];

describe('the tip shares on the Settle screen', () => {
  it('takes the servers of the active lines, named as the staff list names them now', () => {
    expect(tipServersOf(lines, [member(3, 'Ada L.'), member(5, 'Ben')])).toEqual({
      lines: [
        { staffId: 5, chargedMinor: 150 },
        { staffId: 3, chargedMinor: 300 },
      ],
      people: [
        { staffId: 3, name: 'Ada L.', active: true },
        { staffId: 5, name: 'Ben', active: true },
      ],
    });
  });

  it('keeps someone archived since serving, by the name on their lines, but not as one to pick', () => {
    expect(tipServersOf(lines, [member(3, 'Ada')]).people).toEqual([
      { staffId: 3, name: 'Ada', active: true },
      { staffId: 5, name: 'Ben', active: false },
    ]);
    // Before the list arrives, the ledger is left to refuse anyone who cannot take a tip.
    expect(tipServersOf(lines, null).people.map((p) => p.active)).toEqual([true, true]);
  });

  it('sends the way chosen, and nothing until one person is picked', () => {
    expect(tipShareInput({ split: 'lines' })).toEqual({ tipSplit: 'lines' });
    expect(tipShareInput({ split: 'even' })).toEqual({ tipSplit: 'even' });
    expect(tipShareInput({ split: 'person', staffId: null })).toBeNull();
    expect(tipShareInput({ split: 'person', staffId: 5 })).toEqual({ tipSplit: 'person', tipStaffId: 5 });
  });

  it('previews the ledger’s own split, with names', () => {
    const servers: TipServers = tipServersOf(lines, null);
    expect(previewShares(100, { split: 'lines' }, servers)).toEqual([
      { staffId: 3, name: 'Ada', tipMinor: 67 },
      { staffId: 5, name: 'Ben', tipMinor: 33 },
    ]);
    expect(previewShares(101, { split: 'even' }, servers)?.map((s) => s.tipMinor)).toEqual([51, 50]);
    expect(previewShares(100, { split: 'person', staffId: 5 }, servers)).toEqual([{ staffId: 5, name: 'Ben', tipMinor: 100 }]);
    expect(previewShares(100, { split: 'person', staffId: null }, servers)).toBeNull();
    expect(previewShares(0, { split: 'lines' }, servers)).toBeNull();
    expect(previewShares(null, { split: 'lines' }, servers)).toBeNull();
  });
});
