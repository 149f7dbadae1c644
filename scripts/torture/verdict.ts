/**
 * The torture run's tally and how it is printed: the key=value lines CI and a person read,
 * and which of them must be 0 for the run to pass.
 */
export type Tally = {
  kills: number;
  commands: number;
  acknowledged: number;
  lost_acknowledged: number;
  double_posted: number;
  integrity_failures: number;
  fuzz_payloads: number;
  fuzz_crashes: number;
  fuzz_writes: number;
  damaged_cases: number;
  damaged_silent: number;
  tamper_cases: number;
  tamper_undetected: number;
  restart_p50_ms: number;
  restart_p99_ms: number;
};

/** The printed keys, in the order they are printed. */
export const TALLY_KEYS: readonly (keyof Tally)[] = [
  'kills',
  'commands',
  'acknowledged',
  'lost_acknowledged',
  'double_posted',
  'integrity_failures',
  'fuzz_payloads',
  'fuzz_crashes',
  'fuzz_writes',
  'damaged_cases',
  'damaged_silent',
  'tamper_cases',
  'tamper_undetected',
  'restart_p50_ms',
  'restart_p99_ms',
];

/** Any of these above 0 fails the run: each is something lost, doubled, damaged or let through. */
export const MUST_BE_ZERO: readonly (keyof Tally)[] = [
  'lost_acknowledged',
  'double_posted',
  'integrity_failures',
  'fuzz_crashes',
  'fuzz_writes',
  'damaged_silent',
  'tamper_undetected',
];

export function emptyTally(): Tally {
  return Object.fromEntries(TALLY_KEYS.map((key) => [key, 0])) as Tally;
}

/** The nearest-rank percentile of `values` (0 when there are none), rounded to a whole millisecond. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return Math.round(sorted[rank - 1] as number);
}

/** One `key=value` line per key, in TALLY_KEYS order, ending in a newline. */
export function formatTally(tally: Tally): string {
  return TALLY_KEYS.map((key) => `${key}=${tally[key]}`).join('\n') + '\n';
}

/**
 * Why the run fails, in words (empty: it passes). `extra` carries failures that have no key of
 * their own, such as a disk-full run that lost or refused something it should not have.
 */
export function failures(tally: Tally, extra: readonly string[] = []): string[] {
  const found = MUST_BE_ZERO.filter((key) => tally[key] !== 0).map((key) => `${key} is ${tally[key]}, not 0`);
  return [...found, ...extra];
}
