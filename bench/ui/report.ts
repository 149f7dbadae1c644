import { percentile, round } from '../stats';

/** One figure's printed lines: p50 and p95 of its samples, the target its p95 is held to, and their ratio. */
export function figureLines(name: string, samples: readonly number[], targetMs: number): [string, number][] {
  if (samples.length === 0) throw new Error(`${name}: no samples`);
  const p95 = percentile(samples, 95);
  return [
    [`${name}_p50_ms`, round(percentile(samples, 50), 1)],
    [`${name}_p95_ms`, round(p95, 1)],
    [`${name}_target_ms`, targetMs],
    // Above 1 the p95 misses the target.
    [`${name}_ratio`, round(p95 / targetMs, 2)],
    [`${name}_samples`, samples.length],
  ];
}

/** The link the web host prints on start (`Aftertab is running at <url>#secret=<secret>`), or null until it has. */
export function parseHostLink(stdout: string): { url: string; secret: string } | null {
  const match = /running at (\S+?)#secret=(\S+)/.exec(stdout);
  return match ? { url: match[1] as string, secret: match[2] as string } : null;
}

/**
 * Whether a card's text shows an amount, compared without any spacing: the page and Node format
 * money with their own copies of ICU, which may differ in the kind of space around a currency sign.
 */
export function showsAmount(text: string, amount: string): boolean {
  const bare = (value: string) => value.replace(/[\s\u00a0\u202f]/g, '');
  return bare(amount) !== '' && bare(text).includes(bare(amount));
}
