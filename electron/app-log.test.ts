import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppLog, LOG_FILE_NAME, type AppLog } from './app-log';
import { tempDir } from './backup/test-ledger';

const dirs: string[] = [];
const logs: AppLog[] = [];
afterEach(() => {
  for (const log of logs.splice(0)) log.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function open(options: { maxSizeBytes?: number } = {}): AppLog {
  const dataDir = tempDir('aftertab-log-');
  dirs.push(dataDir);
  const log = createAppLog({ dataDir, ...options });
  logs.push(log);
  return log;
}

const read = (log: AppLog): string => fs.readFileSync(log.file, 'utf8');

describe('createAppLog', () => {
  it('writes <dataDir>/logs/aftertab.log with a time, the level and the fields', () => {
    const log = open();
    expect(log.file).toBe(path.join(log.dir, LOG_FILE_NAME));
    expect(path.basename(log.dir)).toBe('logs');
    log.info('backup made', { name: 'aftertab-2026.sqlite', ms: 42 });
    log.warn('start-up check failed', { problem: 'quick_check: bad page' });
    const text = read(log);
    expect(text).toMatch(/^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\] \[info\] +backup made name=aftertab-2026\.sqlite ms=42$/m);
    expect(text).toMatch(/\[warn\] +start-up check failed problem="quick_check: bad page"$/m);
  });

  it('writes an error with its stack', () => {
    const log = open();
    function failingDeepInside(): never {
      throw new TypeError('The database connection is not open');
    }
    try {
      failingDeepInside();
    } catch (error) {
      log.error('internal error', error, { command: 'tab.open', code: 'internal' });
    }
    const text = read(log);
    expect(text).toContain('[error]');
    expect(text).toContain('internal error command=tab.open code=internal\nTypeError: The database connection is not open');
    expect(text).toMatch(/\n\s+at failingDeepInside \(.*app-log\.test\.ts:\d+:\d+\)/);
  });

  it('masks a registered secret, a #secret= link and PIN or token fields in every line', () => {
    const log = open();
    const secret = 'Qx3vL9-super-long-launch-secret';
    log.redact(secret);
    log.info(`serving http://127.0.0.1:5173/#secret=${secret}`);
    log.info('signed in', { staff: 'owner', pin: '4321', pinHash: 'scrypt$abc', token: 'session-token-77' });
    log.error('request failed', new Error(`bad header x-aftertab-secret: ${secret}; body {"pin":"9876"}`));
    const text = read(log);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('secret=');
    for (const value of ['4321', 'scrypt$abc', 'session-token-77', '9876']) expect(text).not.toContain(value);
    expect(text).toContain('signed in staff=owner pin=[redacted] pinHash=[redacted] token=[redacted]');
    expect(text).toContain('serving http://127.0.0.1:5173/#[redacted]');
    // Masked once: the header's value was a registered secret, and the pattern leaves it be.
    expect(text).toContain('bad header x-aftertab-secret: [redacted]; body {"pin":[redacted]}');
  });

  it('refuses to register a value so short it would mask ordinary numbers', () => {
    const log = open();
    expect(() => log.redact('1234')).toThrow(RangeError);
    log.info('total 1234');
    expect(read(log)).toContain('total 1234');
  });

  it('moves a full file to aftertab.old.log and starts again', () => {
    const log = open({ maxSizeBytes: 400 });
    for (let line = 1; line <= 12; line += 1) log.info(`line ${line}`, { padding: 'x'.repeat(40) });
    const old = path.join(log.dir, 'aftertab.old.log');
    expect(fs.existsSync(old)).toBe(true);
    expect(fs.statSync(log.file).size).toBeLessThanOrEqual(400 + 120);
    const current = read(log);
    const archived = fs.readFileSync(old, 'utf8');
    expect(current).toContain('line 12 ');
    expect(current).not.toContain('line 1 ');
    // Nothing lost at the seam: the newest lines before the switch are in the archive.
    const lineNumbers = (text: string) => [...text.matchAll(/line (\d+) /g)].map((match) => Number(match[1]));
    const seam = Math.min(...lineNumbers(current));
    expect(lineNumbers(archived)).toContain(seam - 1);
  });

  it('writes nothing once closed', () => {
    const log = open();
    log.info('before');
    log.close();
    log.info('after');
    log.error('after too', new Error('late'));
    const text = read(log);
    expect(text).toContain('before');
    expect(text).not.toContain('after');
  });
});
