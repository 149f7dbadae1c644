import { describe, expect, it } from 'vitest';
import type { TabLine } from '../../../shared/types';
import { testLine } from '../../test-support/tab';
import { addPayer, countFor, firstUnassigned, startPlan, step, syncPlan, toGroups, unitRows, unitsLeft } from './split-lines';

const lattes = (qty: number, comp: TabLine['comp'] = null): TabLine => testLine({ id: 1, qty, listMinor: 440 * qty, comp });
const croissant = testLine({ id: 2, name: 'Croissant', unitMinor: 320, listMinor: 320, chargedMinor: 320 });
const halfOff = { kind: 'percent' as const, value: 50, qty: 1, reason: 'cold', amountMinor: 220 };

describe('rows of units to split', () => {
  it('a line with one comped unit of two is two rows, the comped one first; removed lines are left out', () => {
    const rows = unitRows([lattes(2, halfOff), croissant, testLine({ id: 3, state: 'removed' })]);
    expect(rows.map((r) => [r.key, r.qty, r.chargedMinor])).toEqual([
      ['1:comped', 1, 220],
      ['1:full', 1, 440],
      ['2:full', 1, 320],
    ]);
    expect(rows[0]?.comp).toEqual(halfOff);
    expect(rows[1]?.comp).toBeNull();
  });
});

describe('giving units to payers', () => {
  const rows = unitRows([lattes(2), croissant]);
  const [latteRow, croissantRow] = rows as [(typeof rows)[0], (typeof rows)[0]];

  it('starts with every unit on payer 1', () => {
    expect(toGroups(startPlan(rows), rows)).toEqual([
      [
        { lineId: 1, qty: 2, comped: false },
        { lineId: 2, qty: 1, comped: false },
      ],
    ]);
  });

  it('gives one latte to each payer: one fewer for payer 1, one more for payer 2', () => {
    let plan = step(startPlan(rows), latteRow, 1, -1);
    expect(unitsLeft(plan, latteRow)).toBe(1);
    plan = step(plan, latteRow, 2, 1);
    expect(toGroups(plan, rows)).toEqual([
      [
        { lineId: 1, qty: 1, comped: false },
        { lineId: 2, qty: 1, comped: false },
      ],
      [{ lineId: 1, qty: 1, comped: false }],
    ]);
  });

  it('never gives more units than the line has, nor takes a payer below none', () => {
    const plan = startPlan(rows);
    expect(step(plan, latteRow, 2, 1)).toBe(plan);
    expect(step(plan, croissantRow, 2, -1)).toBe(plan);
    expect(step(plan, latteRow, 3, 1)).toBe(plan);
    const emptied = step(step(plan, latteRow, 1, -1), latteRow, 1, -1);
    expect(countFor(emptied, latteRow, 1)).toBe(0);
    expect(step(emptied, latteRow, 1, -1)).toBe(emptied);
    expect(firstUnassigned(emptied, rows)).toBe(latteRow);
    expect(firstUnassigned(plan, rows)).toBeUndefined();
  });

  it('adds payers and leaves out those with nothing', () => {
    let plan = addPayer(startPlan(rows));
    plan = step(step(plan, croissantRow, 1, -1), croissantRow, 3, 1);
    expect(toGroups(plan, rows)).toEqual([[{ lineId: 1, qty: 2, comped: false }], [{ lineId: 2, qty: 1, comped: false }]]);
  });

  it('keeps counts across a refresh while they fit, and starts a changed or new row over with payer 1', () => {
    const plan = step(step(startPlan(rows), latteRow, 1, -1), latteRow, 2, 1);
    const grown = unitRows([lattes(3), croissant]);
    expect(countFor(syncPlan(plan, grown), grown[0]!, 2)).toBe(1);
    expect(unitsLeft(syncPlan(plan, grown), grown[0]!)).toBe(1);
    const comped = unitRows([lattes(2, halfOff), croissant]);
    const synced = syncPlan(plan, comped);
    expect(toGroups(synced, comped)).toEqual([
      [
        { lineId: 1, qty: 1, comped: true },
        { lineId: 1, qty: 1, comped: false },
        { lineId: 2, qty: 1, comped: false },
      ],
    ]);
  });
});
