import { describe, expect, it } from 'vitest';
import { moneyTools } from '../../hooks/use-money';
import { previewTender } from './tender-preview';

const eur = moneyTools({ currency: 'EUR', locale: 'en-IE', exponent: 2 });
const base = { amountMinor: 590, cash: true, cashGiven: '', cashRoundingMinor: 1, parse: eur.parse };

describe('previewTender', () => {
  it('adds a percentage tip rounded half up', () => {
    const p = previewTender({ ...base, cash: false, tip: { kind: 'percent', percent: 15 } });
    expect(p).toEqual({ tipMinor: 89, owedMinor: 679, changeMinor: null });
  });

  it('works out change from the cash given', () => {
    expect(previewTender({ ...base, tip: { kind: 'none' }, cashGiven: '10' }).changeMinor).toBe(410);
    expect(previewTender({ ...base, tip: { kind: 'amount', text: '0.10' }, cashGiven: '5' }).changeMinor).toBe(-100);
  });

  it('rounds what is owed in cash to the store increment', () => {
    const p = previewTender({ ...base, amountMinor: 593, cashRoundingMinor: 5, tip: { kind: 'none' }, cashGiven: '10.00' });
    expect(p.owedMinor).toBe(595);
    expect(p.changeMinor).toBe(405);
  });

  it('leaves the tip unknown while the typed tip is not an amount', () => {
    expect(previewTender({ ...base, tip: { kind: 'amount', text: '-1' } }).tipMinor).toBeNull();
    expect(previewTender({ ...base, tip: { kind: 'amount', text: 'abc' } }).tipMinor).toBeNull();
    expect(previewTender({ ...base, tip: { kind: 'amount', text: '' } }).tipMinor).toBe(0);
  });

  it('ignores cash given that is not an amount', () => {
    expect(previewTender({ ...base, tip: { kind: 'none' }, cashGiven: 'ten' }).changeMinor).toBeNull();
  });
});
