import { describe, expect, it } from 'vitest';
import { errorsEn } from '../../shared/i18n/errors-en';
import { describeError } from './describe-error';
import { hasMessage } from './t';

describe('refusals from the main process', () => {
  it('are worded from the language file by key and params, not from the English text sent along', () => {
    expect(describeError({ message: 'sent along', key: 'errors.cashShort', params: { amount: '€1.00' } })).toBe('the cash handed over is less than the €1.00 owed');
  });

  it('fall back to the text sent along when there is no key', () => {
    expect(describeError({ message: 'the ledger said no' })).toBe('the ledger said no');
  });

  it('every error key has a message in the English file', () => {
    for (const key of Object.keys(errorsEn)) expect(hasMessage(key), key).toBe(true);
  });
});
