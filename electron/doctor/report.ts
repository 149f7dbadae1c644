import type { CheckResult, CheckStatus } from './checks';

const MARKS: Record<CheckStatus, string> = { ok: '✔', warn: '⚠', fail: '✖' };

/** `✔ Node: 20.20.2 (needs >= 20.19)`, or `✖ Electron binary: not installed (…) → fix: …`. */
export function formatCheck(result: CheckResult): string {
  const fix = result.status !== 'ok' && result.fix ? ` → fix: ${result.fix}` : '';
  return `${MARKS[result.status]} ${result.name}: ${result.detail}${fix}`;
}

const failed = (results: readonly CheckResult[], neededBy: CheckResult['neededBy']): boolean =>
  results.some((result) => result.neededBy === neededBy && result.status === 'fail');

/** Non-zero when something the app or the desktop app needs fails; the tests' needs never count. */
export function exitCodeOf(results: readonly CheckResult[]): number {
  return failed(results, 'app') || failed(results, 'desktop-app') ? 1 : 0;
}

/**
 * One line on what works here. The web host needs everything the desktop app needs but
 * Electron and its driver, so when only those fail it still runs.
 */
export function summaryOf(results: readonly CheckResult[]): string {
  if (failed(results, 'app')) return 'Aftertab cannot run as it should here until the ✖ lines above are fixed.';
  if (failed(results, 'desktop-app')) return 'The desktop app cannot start here; `npm run start:web` can.';
  if (results.some((result) => result.status !== 'ok')) return 'Aftertab can start here; the ⚠ lines above are worth a look.';
  return 'Everything Aftertab needs is in place.';
}

export function formatReport(results: readonly CheckResult[]): string {
  return [...results.map(formatCheck), '', summaryOf(results)].join('\n');
}
