import { describe, expect, it } from 'vitest';
import type { Payment } from '../../../shared/types';
import { voidablePayment } from './voidable-payment';

function payment(id: number, createdAt: string): Payment {
  return {
    id,
    method: 'card',
    amountMinor: 1240,
    tipMinor: 0,
    tenderedMinor: null,
    changeMinor: 0,
    roundingMinor: 0,
    reference: '',
    partNo: null,
    staffId: 1,
    createdAt,
  };
}

const at = (hhmm: string) => Date.parse(`2026-11-24T${hhmm}:00.000Z`);

describe('which payment the tab offers to void', () => {
  const payments = [payment(1, '2026-11-24T09:00:00.000Z'), payment(2, '2026-11-24T09:05:00.000Z')];

  it('the last one, for ten minutes after it was taken', () => {
    expect(voidablePayment({ status: 'settled', payments }, at('09:06'))?.id).toBe(2);
    expect(voidablePayment({ status: 'open', payments }, at('09:15'))?.id).toBe(2);
    expect(voidablePayment({ status: 'settled', payments }, at('09:16'))).toBeNull();
  });

  it('none on a tab without payments, written off or voided', () => {
    expect(voidablePayment({ status: 'open', payments: [] }, at('09:06'))).toBeNull();
    expect(voidablePayment({ status: 'written_off', payments }, at('09:06'))).toBeNull();
    expect(voidablePayment({ status: 'voided', payments }, at('09:06'))).toBeNull();
  });
});
