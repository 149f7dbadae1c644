import { describe, expect, it } from 'vitest';
import type { CheckResult } from './checks';
import { exitCodeOf, formatCheck, formatReport, summaryOf } from './report';

const ok = (name: string, neededBy: CheckResult['neededBy'] = 'app'): CheckResult => ({ name, neededBy, status: 'ok', detail: 'fine', fix: 'never shown' });
const node: CheckResult = { name: 'Node', neededBy: 'app', status: 'ok', detail: '20.20.2 (needs >= 20.19)' };
const noBinary: CheckResult = { name: 'Electron binary', neededBy: 'desktop-app', status: 'fail', detail: 'not installed', fix: '`npx install-electron`' };
const noChromium: CheckResult = { name: 'Chromium for the tests', neededBy: 'tests', status: 'warn', detail: 'not found', fix: 'set CHROMIUM_PATH' };
const damaged: CheckResult = { name: 'Ledger', neededBy: 'app', status: 'fail', detail: 'damaged', fix: 'start Aftertab' };
const lowDisk: CheckResult = { name: 'Data folder', neededBy: 'app', status: 'warn', detail: '300 MB free', fix: 'free some space' };

describe('the doctor’s report', () => {
  it('writes one line per check, with the fix only when something is wrong', () => {
    expect(formatCheck(node)).toBe('✔ Node: 20.20.2 (needs >= 20.19)');
    expect(formatCheck(ok('Ledger'))).toBe('✔ Ledger: fine');
    expect(formatCheck(noBinary)).toBe('✖ Electron binary: not installed → fix: `npx install-electron`');
    expect(formatCheck(noChromium)).toBe('⚠ Chromium for the tests: not found → fix: set CHROMIUM_PATH');
  });

  it('exits non-zero only when something the app or the desktop app needs fails', () => {
    expect(exitCodeOf([node, ok('Ledger')])).toBe(0);
    expect(exitCodeOf([node, noChromium, lowDisk])).toBe(0);
    expect(exitCodeOf([node, { ...noChromium, status: 'fail' }])).toBe(0);
    expect(exitCodeOf([node, noBinary])).toBe(1);
    expect(exitCodeOf([node, damaged])).toBe(1);
  });

  it('ends with what still works', () => {
    expect(summaryOf([node, ok('Ledger')])).toBe('Everything Aftertab needs is in place.');
    expect(summaryOf([node, noChromium])).toBe('Aftertab can start here; the ⚠ lines above are worth a look.');
    expect(summaryOf([node, noBinary, noChromium])).toBe('The desktop app cannot start here; `npm run start:web` can.');
    expect(summaryOf([node, noBinary, damaged])).toBe('Aftertab cannot run as it should here until the ✖ lines above are fixed.');
  });

  it('prints the checks in order, a blank line, then the summary', () => {
    expect(formatReport([node, noBinary]).split('\n')).toEqual([
      '✔ Node: 20.20.2 (needs >= 20.19)',
      '✖ Electron binary: not installed → fix: `npx install-electron`',
      '',
      'The desktop app cannot start here; `npm run start:web` can.',
    ]);
  });
});
