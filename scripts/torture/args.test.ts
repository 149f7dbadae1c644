import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, parseArgs, SHORT_OPTIONS } from './args';

describe('torture flags', () => {
  it('defaults to 500 kills and 1,000 payloads per command; --short to the CI run', () => {
    expect(parseArgs([])).toEqual(DEFAULT_OPTIONS);
    expect(DEFAULT_OPTIONS.kills).toBeGreaterThanOrEqual(500);
    expect(DEFAULT_OPTIONS.payloads).toBeGreaterThanOrEqual(1000);
    expect(parseArgs(['--short'])).toEqual(SHORT_OPTIONS);
  });

  it('takes --kills, --payloads and --seed in either spelling, over --short', () => {
    expect(parseArgs(['--short', '--kills', '3', '--payloads=7', '--seed', '42'])).toEqual({ kills: 3, payloads: 7, seed: 42, short: true });
    expect(parseArgs(['--kills=0'])).toMatchObject({ kills: 0 });
  });

  it('refuses what it does not know, with the usage', () => {
    expect(() => parseArgs(['--kill', '3'])).toThrow(/unknown argument "--kill"; usage/);
    expect(() => parseArgs(['--kills'])).toThrow(/--kills needs a whole number/);
    expect(() => parseArgs(['--payloads', '-1'])).toThrow(/--payloads needs a whole number/);
    expect(() => parseArgs(['--seed', '1.5'])).toThrow(/--seed needs a whole number/);
  });
});
