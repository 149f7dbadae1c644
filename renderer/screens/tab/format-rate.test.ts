import { describe, expect, it } from 'vitest';
import { formatRate } from './format-rate';

describe('formatRate', () => {
  it('shows whole rates without decimals', () => {
    expect(formatRate(10_000)).toBe('10%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(100_000)).toBe('100%');
  });

  it('keeps only the decimals a rate has', () => {
    expect(formatRate(8875)).toBe('8.875%');
    expect(formatRate(5500)).toBe('5.5%');
    expect(formatRate(7)).toBe('0.007%');
  });

  it('uses the locale decimal separator', () => {
    expect(formatRate(5500, 'de-DE')).toBe('5,5%');
  });
});
