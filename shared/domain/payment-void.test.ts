import { describe, expect, it } from 'vitest';
import { minutesSince, VOID_WINDOW_MINUTES, voidDeadline, withinVoidWindow } from './payment-void';

const taken = '2026-11-24T09:00:00.000Z';

describe('the window for voiding a payment', () => {
  it('is ten minutes, the tenth included', () => {
    expect(VOID_WINDOW_MINUTES).toBe(10);
    expect(voidDeadline(taken)).toBe(Date.parse('2026-11-24T09:10:00.000Z'));
    expect(withinVoidWindow(taken, taken)).toBe(true);
    expect(withinVoidWindow(taken, '2026-11-24T09:10:00.000Z')).toBe(true);
    expect(withinVoidWindow(taken, '2026-11-24T09:10:00.001Z')).toBe(false);
    expect(withinVoidWindow(taken, '2026-11-24T09:11:00.000Z')).toBe(false);
  });

  it('counts whole minutes since the payment, never below zero', () => {
    expect(minutesSince(taken, '2026-11-24T09:11:59.000Z')).toBe(11);
    expect(minutesSince(taken, '2026-11-24T08:59:00.000Z')).toBe(0);
  });
});
