import { describe, expect, it } from 'vitest';
import { figureLines, parseHostLink, showsAmount } from './report';

describe('figureLines', () => {
  it('prints p50, p95, the target, the p95 over the target and the sample count', () => {
    const samples = Array.from({ length: 40 }, (_, i) => i + 1);
    expect(Object.fromEntries(figureLines('tap_to_line', samples, 25))).toEqual({
      tap_to_line_p50_ms: 20,
      tap_to_line_p95_ms: 38,
      tap_to_line_target_ms: 25,
      tap_to_line_ratio: 1.52,
      tap_to_line_samples: 40,
    });
  });

  it('refuses to print a figure with no samples', () => {
    expect(() => figureLines('board_200', [], 50)).toThrow('board_200: no samples');
  });
});

describe('parseHostLink', () => {
  it('finds the url and the secret in what the host printed', () => {
    const printed = 'Aftertab is running at http://127.0.0.1:41234/#secret=abc_DEF-123\nData folder: /tmp/x\n';
    expect(parseHostLink(printed)).toEqual({ url: 'http://127.0.0.1:41234/', secret: 'abc_DEF-123' });
  });

  it('is null until the link line has been printed', () => {
    expect(parseHostLink('Aftertab is running at http://127.0.0.1:41234/')).toBeNull();
  });
});

describe('showsAmount', () => {
  it('matches an amount whatever space the two formatters put beside the sign', () => {
    expect(showsAmount('12 Due 14,50\u00a0€ 4 items', '14,50\u202f€')).toBe(true);
  });

  it('does not match another amount or an empty one', () => {
    expect(showsAmount('Due €14.50', '€4.50 ')).toBe(false);
    expect(showsAmount('Due €14.50', ' ')).toBe(false);
  });
});
