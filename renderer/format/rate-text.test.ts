import { describe, expect, it } from 'vitest';
import { rateLabel } from '../../shared/domain/tax';
import { parseRate } from './rate-text';

describe('parseRate', () => {
  it.each([
    ['10', 10_000],
    ['8.875', 8875],
    ['7,5', 7500],
    ['0', 0],
    ['0.001', 1],
    ['100', 100_000],
    [' 20 % ', 20_000],
    ['13.', 13_000],
    ['007.7', 7700],
  ])('reads %j as %i thousandths of a percent', (text, rateMilli) => {
    expect(parseRate(text)).toEqual({ ok: true, rateMilli });
  });

  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['abc', 'notNumber'],
    ['-5', 'notNumber'],
    ['1e3', 'notNumber'],
    ['.5', 'notNumber'],
    ['8.8755', 'tooPrecise'],
    ['100.001', 'tooLarge'],
    ['250', 'tooLarge'],
    ['99999999999999999999', 'tooLarge'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(parseRate(text)).toEqual({ ok: false, reason });
  });

  it('round-trips every rate through rateLabel, the text a person would type', () => {
    for (const rate of [0, 1, 10, 100, 875, 5500, 8875, 10_000, 21_000, 100_000]) {
      expect(parseRate(rateLabel(rate))).toEqual({ ok: true, rateMilli: rate });
    }
  });
});
