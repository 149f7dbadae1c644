import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error';
import { setScreenLanguage } from './t';

describe('refusals from the main process', () => {
  it('are worded from the catalogue by key and params, not from the English text sent along', () => {
    expect(describeError({ message: 'sent along', key: 'errors.cashShort', params: { amount: '€1.00' } })).toBe(
      'the cash handed over is less than the €1.00 owed',
    );
  });

  it('fall back to the text sent along when there is no key', () => {
    expect(describeError({ message: 'the ledger said no' })).toBe('the ledger said no');
  });

  it("are worded in the screen's language when it is not English", () => {
    setScreenLanguage('pseudo');
    try {
      expect(describeError({ message: 'sent along', key: 'errors.cashShort', params: { amount: '€1.00' } })).toMatch(/^⟦.*€1\.00.*⟧$/);
    } finally {
      setScreenLanguage('en');
    }
  });
});
