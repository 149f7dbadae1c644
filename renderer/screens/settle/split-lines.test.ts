import { describe, expect, it } from 'vitest';
import { addPayer, moveToNextPayer, startGroups, syncGroups, toGroups } from './split-lines';

describe('split by lines', () => {
  it('starts with every line on payer 1', () => {
    expect(toGroups(startGroups([1, 2, 3]))).toEqual([[1, 2, 3]]);
  });

  it('moves a tapped line to the next payer and wraps around', () => {
    let g = startGroups([1, 2, 3]);
    g = moveToNextPayer(g, 2);
    expect(toGroups(g)).toEqual([[1, 3], [2]]);
    g = moveToNextPayer(g, 2);
    expect(toGroups(g)).toEqual([[1, 2, 3]]);
  });

  it('adds payers and drops empty ones from the plan', () => {
    let g = addPayer(startGroups([1, 2]));
    g = moveToNextPayer(moveToNextPayer(g, 2), 2);
    expect(toGroups(g)).toEqual([[1], [2]]);
    expect(g.byLine.get(2)).toBe(3);
  });

  it('ignores unknown lines and keeps picks across a refresh', () => {
    const g = moveToNextPayer(startGroups([1, 2]), 2);
    expect(moveToNextPayer(g, 99)).toBe(g);
    expect(toGroups(syncGroups(g, [2, 4]))).toEqual([[4], [2]]);
  });
});
