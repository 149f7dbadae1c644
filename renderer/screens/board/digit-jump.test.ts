import { describe, expect, it } from 'vitest';
import { pushDigit, resolveJump } from './digit-jump';

describe('the digit buffer', () => {
  it('accumulates digits and ignores anything else', () => {
    expect(pushDigit(pushDigit('', '1'), '2')).toBe('12');
    expect(pushDigit('12', 'x')).toBe('12');
  });
  it('drops leading zeros and starts over after four digits', () => {
    expect(pushDigit('0', '7')).toBe('7');
    expect(pushDigit('1234', '5')).toBe('5');
  });
});

describe('where digits lead', () => {
  const tabs = [{ id: 40, token: 3 }];
  const pool = { tokenFirst: 1, tokenLast: 40 };
  it('finds the open tab that holds the token', () => {
    expect(resolveJump('3', tabs, pool)).toEqual({ kind: 'tab', token: 3, tabId: 40 });
  });
  it('says a token is free, or outside the pool', () => {
    expect(resolveJump('4', tabs, pool)).toEqual({ kind: 'free', token: 4 });
    expect(resolveJump('41', tabs, pool)).toEqual({ kind: 'outside', token: 41 });
    expect(resolveJump('0', tabs, pool)).toEqual({ kind: 'outside', token: 0 });
  });
  it('does nothing for an empty buffer', () => {
    expect(resolveJump('', tabs, pool)).toBeNull();
  });
});
