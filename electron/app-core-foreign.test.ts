import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startAppCore, type AppCore } from './app-core';
import { createAppLog } from './app-log';
import { PEPPER_FILE } from './auth/pepper';
import { TEST_PIN_COST } from './auth/pin-hash';
import { tempDir } from './backup/test-ledger';
import { AFTERTAB_APPLICATION_ID, LATEST_VERSION, LedgerForeignError } from './ledger/migrate';
import { migrations } from './ledger/migrations';
import { ledgerPath } from './ledger/open';

const dirs: string[] = [];
const cores: AppCore[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) {
    await core.idle();
    core.close();
  }
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = tempDir('aftertab-foreign-');
  dirs.push(dir);
  return dir;
}

function fingerprint(file: string): { sha256: string; size: number; mtimeMs: number } {
  const stat = fs.statSync(file);
  return { sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex'), size: stat.size, mtimeMs: stat.mtimeMs };
}

/** Another program's database where the ledger goes. */
function strayDatabase(file: string): void {
  const other = new Database(file);
  other.exec("CREATE TABLE contacts (name TEXT, phone TEXT); CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('dentist on Friday')");
  other.close();
}

function start(dir: string, logger = createAppLog({ dataDir: dir })): AppCore {
  try {
    const core = startAppCore({ dataDir: dir, logger, schedule: false, timeZone: 'UTC', pinCost: TEST_PIN_COST });
    cores.push(core);
    return core;
  } finally {
    logger.close();
  }
}

describe('startAppCore with a file that is not an Aftertab ledger', () => {
  it('refuses to start, names the file and its tables, logs it, and writes nothing to it', () => {
    const dir = dataDir();
    const file = ledgerPath(dir);
    strayDatabase(file);
    const before = fingerprint(file);

    let refused: unknown = null;
    try {
      start(dir);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(LedgerForeignError);
    expect((refused as Error).message).toBe(`${file} is not an Aftertab ledger: it has tables contacts, notes`);
    expect(fingerprint(file)).toEqual(before);
    // Only the PIN key (read before the ledger, as ever) and the log are new: no backups
    // folder, no settings, nothing beside the file.
    expect(fs.readdirSync(dir).sort()).toEqual(['aftertab.sqlite', 'logs', PEPPER_FILE].sort());
    const log = fs.readFileSync(path.join(dir, 'logs', 'aftertab.log'), 'utf8');
    expect(log).toContain('the ledger could not be opened');
    expect(log).toContain('is not an Aftertab ledger: it has tables contacts, notes');
  });

  it("refuses another application's id the same way", () => {
    const dir = dataDir();
    const file = ledgerPath(dir);
    const other = new Database(file);
    other.pragma('application_id = 1'); // any id not Aftertab's, even on a file with no tables yet
    other.exec('CREATE TABLE t (x)');
    other.close();
    const before = fingerprint(file);
    expect(() => start(dir)).toThrow(`${file} is not an Aftertab ledger: it carries another application's id (application_id 0x00000001) and it has tables t`);
    expect(fingerprint(file)).toEqual(before);
  });

  it('takes a 0-byte file for damage: recovery mode, never a fresh ledger, and the file stays empty', () => {
    const dir = dataDir();
    const file = ledgerPath(dir);
    fs.writeFileSync(file, '');
    const core = start(dir);
    expect(core.ledger()).toBeNull();
    expect(core.host.problem()).toBe('the ledger file is empty (0 bytes)');
    expect(fs.statSync(file).size).toBe(0);
  });

  it('adopts a ledger an earlier Aftertab made and trades on it', () => {
    const dir = dataDir();
    const file = ledgerPath(dir);
    const earlier = new Database(file);
    earlier.transaction(() => {
      for (const migration of migrations.slice(0, 7)) migration.up(earlier);
      earlier.pragma('user_version = 7');
    })();
    earlier.prepare("INSERT INTO staff (id, name, role, created_at) VALUES (1, 'Mira', 'owner', '2026-01-05T09:00:00.000Z')").run();
    earlier.close();

    const core = start(dir);
    const db = core.ledger()?.db;
    expect(db?.pragma('application_id', { simple: true })).toBe(AFTERTAB_APPLICATION_ID);
    expect(db?.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db?.prepare('SELECT name FROM staff WHERE id = 1').get()).toEqual({ name: 'Mira' });
  });
});

describe('the web host CLI with a file that is not an Aftertab ledger', () => {
  it('says which file and what it is on stderr, exits 1 and leaves the file alone', async () => {
    const dir = dataDir();
    const file = ledgerPath(dir);
    strayDatabase(file);
    const before = fingerprint(file);
    const root = path.join(__dirname, '..');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'web-host-cli.ts'), `--data-dir=${dir}`, '--port=0'], {
      cwd: root,
      env: { ...process.env, AFTERTAB_DATA_DIR: '', AFTERTAB_PORT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain(`Aftertab could not open its ledger in ${dir}: ${file} is not an Aftertab ledger: it has tables contacts, notes`);
    expect(fingerprint(file)).toEqual(before);
  }, 30_000);
});
