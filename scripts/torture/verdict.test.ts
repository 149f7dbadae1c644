import { describe, expect, it } from 'vitest';
import { emptyTally, failures, formatTally, MUST_BE_ZERO, percentile, TALLY_KEYS } from './verdict';

describe('the torture tally', () => {
  it('prints one key=value line per key, in the order the issue lists them', () => {
    const tally = { ...emptyTally(), kills: 500, commands: 21_000, restart_p50_ms: 190, restart_p99_ms: 260 };
    const lines = formatTally(tally).trimEnd().split('\n');
    expect(lines).toHaveLength(15);
    expect(lines[0]).toBe('kills=500');
    expect(lines[1]).toBe('commands=21000');
    expect(lines.at(-2)).toBe('restart_p50_ms=190');
    expect(lines.at(-1)).toBe('restart_p99_ms=260');
    expect(lines.map((line) => line.split('=')[0])).toEqual(TALLY_KEYS);
  });

  it('passes only when every must-be-zero count is 0', () => {
    expect(failures({ ...emptyTally(), kills: 500, acknowledged: 20_000, damaged_cases: 9, tamper_cases: 12 })).toEqual([]);
    for (const key of MUST_BE_ZERO) {
      expect(failures({ ...emptyTally(), [key]: 1 })).toEqual([`${key} is 1, not 0`]);
    }
    expect(failures(emptyTally(), ['disk full: still refused after space was freed'])).toEqual(['disk full: still refused after space was freed']);
  });

  it('takes nearest-rank percentiles of the restart times', () => {
    expect(percentile([], 50)).toBe(0);
    expect(percentile([300, 100, 200], 50)).toBe(200);
    const times = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(times, 50)).toBe(50);
    expect(percentile(times, 99)).toBe(99);
    expect(percentile([120.4, 130.6], 99)).toBe(131);
  });
});
