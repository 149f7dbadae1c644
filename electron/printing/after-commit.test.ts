import { describe, expect, it } from 'vitest';
import { drawerOpensFor, settledTabOf } from './after-commit';

describe('what opens the cash drawer', () => {
  it('a cash payment, a cash deposit, a paid in or out, and cash given back; nothing else', () => {
    expect(drawerOpensFor('settle.pay', { method: 'cash' }, { payment: { method: 'cash' } })).toBe(true);
    expect(drawerOpensFor('settle.pay', { method: 'card' }, { payment: { method: 'card' } })).toBe(false);
    expect(drawerOpensFor('appointment.book', { deposit: { method: 'cash' } }, {})).toBe(true);
    expect(drawerOpensFor('appointment.book', { deposit: null }, {})).toBe(false);
    expect(drawerOpensFor('appointment.takeDeposit', { method: 'cash' }, {})).toBe(true);
    expect(drawerOpensFor('appointment.takeDeposit', { method: 'other' }, {})).toBe(false);
    expect(drawerOpensFor('drawer.move', { kind: 'paid_out' }, {})).toBe(true);
    expect(drawerOpensFor('deposit.refund', {}, { method: 'cash', refundedMinor: 500 })).toBe(true);
    expect(drawerOpensFor('deposit.refund', {}, { method: 'card', refundedMinor: 500 })).toBe(false);
    expect(
      drawerOpensFor(
        'tab.refund',
        {},
        {
          receipt: {
            tenders: [
              { method: 'card', givenMinor: 300 },
              { method: 'cash', givenMinor: 200 },
            ],
          },
        },
      ),
    ).toBe(true);
    expect(drawerOpensFor('tab.refund', {}, { receipt: { tenders: [{ method: 'card', givenMinor: 300 }] } })).toBe(false);
    expect(drawerOpensFor('drawer.open', {}, {})).toBe(false);
    expect(drawerOpensFor('tab.addLine', {}, {})).toBe(false);
  });
});

describe('what prints a receipt by itself', () => {
  it('the payment or deposit that settles a tab', () => {
    expect(settledTabOf('settle.pay', { settled: true, tab: { id: 4 } })).toBe(4);
    expect(settledTabOf('settle.pay', { settled: false, tab: { id: 4 } })).toBeNull();
    expect(settledTabOf('deposit.apply', { id: 9, status: 'settled' })).toBe(9);
    expect(settledTabOf('deposit.apply', { id: 9, status: 'open' })).toBeNull();
    expect(settledTabOf('tab.writeOff', { id: 9, status: 'written_off' })).toBeNull();
  });
});
