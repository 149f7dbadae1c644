import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../shared/types';
import { backupName } from '../../shared/schemas';
import { AFTERTAB_APPLICATION_ID } from '../ledger/migrate';
import { readIndex } from './backup-index';
import { createBackupService, type BackupServiceOptions } from './backup-service';
import { SETTINGS_FILE } from './backup-settings';
import { createLedgerHost, type LedgerHost } from '../ledger-host/ledger-host';
import { balances, closeDay, openTestLedger, refusal, scribble, sell, tempDir } from './test-ledger';
import { verifyLedgerCopy } from './verify';
import { highestReceipt, nextReceiptNumber, raiseReceiptFloor } from '../ledger/receipt-numbers';
import { highestRefund, nextRefundNumber, raiseRefundFloor } from '../ledger/refund-numbers';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function setup(options: Partial<BackupServiceOptions> & { keep?: number } = {}) {
  const dataDir = tempDir();
  dirs.push(dataDir);
  let now = Date.parse('2026-11-24T12:00:00.000Z');
  const clock = () => new Date(now);
  const host: LedgerHost = createLedgerHost({ dataDir, open: () => openTestLedger(dataDir), log: () => undefined });
  host.openLedger();
  const events: AppEvent[] = [];
  host.subscribe((event) => events.push(event));
  const backups = createBackupService({ host, clock, log: () => undefined, ...options });
  if (options.keep) backups.configure({ keep: options.keep });
  const ledger = () => {
    const app = host.current();
    if (!app) throw new Error('no ledger open');
    return app;
  };
  return {
    dataDir,
    host,
    backups,
    events,
    ledger,
    folder: path.join(dataDir, 'backups'),
    advance: (ms: number) => (now += ms),
    sell: (amount: number) => sell(ledger().db, ledger().session.staffId, amount),
  };
}

function files(folder: string): string[] {
  return fs.readdirSync(folder).sort();
}

describe('backupNow', () => {
  it('copies the ledger into the folder under a contract-valid name, verified, and says so', async () => {
    const t = setup();
    t.sell(450);
    const info = await t.backups.backupNow('manual');

    expect(backupName.safeParse(info.name).success).toBe(true);
    expect(info.name).toBe('aftertab-20261124T120000000Z-manual.sqlite');
    expect(info).toMatchObject({ at: '2026-11-24T12:00:00.000Z', reason: 'manual', verified: true });
    expect(files(t.folder)).toEqual([info.name, 'backups.json']);
    const copy = new Database(path.join(t.folder, info.name), { readonly: true });
    expect(balances(copy)).toEqual({ cash_drawer: 450, 'sales:0': -450 });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    // A backup is a copy, so it carries Aftertab's mark too and is told from a stray file the same way.
    expect(copy.pragma('application_id', { simple: true })).toBe(AFTERTAB_APPLICATION_ID);
    copy.close();
    const status = t.backups.status();
    expect(status.lastBackup?.name).toBe(info.name);
    expect(status.backups).toEqual([{ ...info, sizeBytes: fs.statSync(path.join(t.folder, info.name)).size }]);
    expect(status.lastError).toBeNull();
    expect(t.events).toContainEqual({ type: 'backup.changed' });
  });

  it('keeps the newest K verified backups and removes older ones only after the new one verified', async () => {
    const seen: string[][] = [];
    const t = setup({
      keep: 2,
      verify: (file) => {
        seen.push(files(path.dirname(file)).filter((name) => name.endsWith('.sqlite')));
        return verifyLedgerCopy(file);
      },
    });
    const made: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      t.sell(100 + i);
      t.advance(60_000);
      made.push((await t.backups.backupNow('scheduled')).name);
    }
    expect(files(t.folder)).toEqual([...made.slice(2), 'backups.json'].sort());
    // While the 4th copy was being checked, the two it would replace were still there.
    expect(seen[3]).toEqual(made.slice(1, 3));
    expect(t.backups.status().backups.map((b) => b.name)).toEqual([made[3], made[2]]);
    expect(readIndex(t.folder).entries.map((e) => e.name)).toEqual(made.slice(2));
  });

  it('deletes a copy that fails verification, keeps every older one, and records lastError', async () => {
    let failNext = false;
    const t = setup({ keep: 2, verify: (file) => (failNext ? { ok: false, problem: 'integrity_check: page 3 is never used' } : verifyLedgerCopy(file)) });
    t.sell(100);
    const first = await t.backups.backupNow('manual');
    t.advance(60_000);
    t.sell(200);
    const second = await t.backups.backupNow('manual');
    t.advance(60_000);
    t.sell(300);
    failNext = true;

    const error = await refusal(t.backups.backupNow('manual'));
    expect(error.key).toBe('errors.backup.verifyFailed');
    expect(files(t.folder)).toEqual([first.name, second.name, 'backups.json'].sort());
    const status = t.backups.status();
    expect(status.lastError).toContain('page 3 is never used');
    expect(status.lastBackup?.name).toBe(second.name);
    expect(t.backups.changedSinceLastBackup()).toBe(true);

    failNext = false;
    t.advance(60_000);
    await t.backups.backupNow('manual');
    expect(t.backups.status().lastError).toBeNull();
  });

  it('records an unusable folder as lastError', async () => {
    const t = setup();
    const blocker = path.join(t.dataDir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    t.backups.configure({ keep: 3 });
    fs.writeFileSync(path.join(t.dataDir, SETTINGS_FILE), JSON.stringify({ folder: path.join(blocker, 'inside') }));
    const reloaded = createBackupService({ host: t.host, log: () => undefined });
    const error = await refusal(reloaded.backupNow('manual'));
    expect(error.key).toBe('errors.backup.folderUnusable');
    expect(reloaded.status().lastError).toMatch(/cannot write to/);
  });

  it('serialises concurrent backups and names two in one millisecond apart', async () => {
    const t = setup();
    t.sell(100);
    const [a, b] = await Promise.all([t.backups.backupNow('manual'), t.backups.backupNow('manual')]);
    expect(a.name).not.toBe(b.name);
    expect(b.name).toMatch(/-manual-2\.sqlite$/);
  });
});

describe('changedSinceLastBackup', () => {
  it('is true for an unbacked ledger, false right after a backup, true again after a sale', async () => {
    const t = setup();
    expect(t.backups.changedSinceLastBackup()).toBe(true);
    await t.backups.backupNow('manual');
    expect(t.backups.changedSinceLastBackup()).toBe(false);
    t.sell(120);
    expect(t.backups.changedSinceLastBackup()).toBe(true);
  });
});

describe('backupIfChanged', () => {
  it('backs up only a ledger that changed since the last backup, after what is already running', async () => {
    const t = setup();
    t.sell(120);
    const [manual, shutdown] = await Promise.all([t.backups.backupNow('manual'), t.backups.backupIfChanged('scheduled')]);
    expect(manual.reason).toBe('manual');
    // Its turn came after the manual copy, which already held everything.
    expect(shutdown).toBeNull();
    t.sell(5);
    t.advance(60_000);
    expect(await t.backups.backupIfChanged('scheduled')).toMatchObject({ reason: 'scheduled', verified: true });
    expect(await t.backups.backupIfChanged('scheduled')).toBeNull();
  });

  it('does nothing in recovery mode', async () => {
    const t = setup();
    t.host.closeLedger();
    expect(await t.backups.backupIfChanged('scheduled')).toBeNull();
  });
});

describe('configure', () => {
  it('saves the settings beside the ledger and a new service reads them back', () => {
    const t = setup();
    const usb = path.join(t.dataDir, 'usb stick', 'aftertab');
    const status = t.backups.configure({ folder: usb, keep: 5, everyMinutes: 15 });
    expect(status).toMatchObject({ folder: usb, keep: 5, everyMinutes: 15 });
    expect(fs.existsSync(usb)).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(t.dataDir, SETTINGS_FILE), 'utf8'))).toEqual({ folder: usb, keep: 5, everyMinutes: 15 });
    expect(createBackupService({ host: t.host }).settings()).toEqual({ folder: usb, keep: 5, everyMinutes: 15 });
  });

  it('refuses a relative folder next to the field and changes nothing', () => {
    const t = setup();
    const before = t.backups.settings();
    expect(() => t.backups.configure({ folder: 'backups' })).toThrow(expect.objectContaining({ key: 'errors.backup.folderRelative', field: 'folder' }));
    expect(t.backups.settings()).toEqual(before);
    expect(fs.existsSync(path.join(t.dataDir, SETTINGS_FILE))).toBe(false);
  });
});

describe('restore', () => {
  it('brings back exactly the earlier data, keeps the current file aside and backs it up first', async () => {
    const t = setup();
    t.sell(450);
    t.sell(320);
    const earlier = balances(t.ledger().db);
    const entriesEarlier = t.ledger().db.prepare('SELECT * FROM journal_entries ORDER BY id').all();
    const backup = await t.backups.backupNow('manual');
    t.advance(60_000);
    t.sell(999);
    t.sell(1);
    const later = balances(t.ledger().db);
    t.events.length = 0;

    t.advance(60_000);
    const result = await t.backups.restore(backup.name);

    const db = t.ledger().db;
    expect(balances(db)).toEqual(earlier);
    expect(db.prepare('SELECT * FROM journal_entries ORDER BY id').all()).toEqual(entriesEarlier);
    expect(result.restoredFrom).toBe(backup.name);
    expect(result.keptAside).toBe('aftertab.sqlite.before-restore-20261124T120200000Z');
    const aside = new Database(path.join(t.dataDir, result.keptAside), { readonly: true });
    expect(balances(aside)).toEqual(later);
    aside.close();
    const beforeRestore = t.backups.status().backups.find((b) => b.reason === 'before-restore');
    expect(beforeRestore?.verified).toBe(true);
    // The restored ledger is backed up at once: the newest copy is the owner's choice.
    const afterRestore = t.backups.status().backups.filter((b) => b.reason === 'after-restore');
    expect(afterRestore).toHaveLength(1);
    expect(afterRestore[0]?.verified).toBe(true);
    const copy = new Database(path.join(t.folder, afterRestore[0]?.name ?? ''), { readonly: true });
    expect(balances(copy)).toEqual(earlier);
    copy.close();
    expect(t.backups.changedSinceLastBackup()).toBe(false);
    expect(db.prepare("SELECT command FROM audit WHERE command = 'backup.restore'").all()).toHaveLength(1);
    expect(t.events.map((e) => e.type)).toEqual(expect.arrayContaining(['store.changed', 'tabs.changed', 'day.changed', 'backup.changed', 'catalog.changed']));
  });

  it('from recovery keeps the damaged file as aftertab.sqlite.damaged-<stamp>, then backs up the restored ledger', async () => {
    const t = setup();
    t.sell(450);
    const backup = await t.backups.backupNow('manual');
    const good = balances(t.ledger().db);
    t.sell(1);
    t.host.closeLedger();
    scribble(path.join(t.dataDir, 'aftertab.sqlite'), 0, 100);
    const damagedBytes = fs.readFileSync(path.join(t.dataDir, 'aftertab.sqlite'));
    expect(t.host.openLedger()).toBeNull();
    t.advance(60_000);

    const result = await t.backups.restore(backup.name, { onlyInRecovery: true });
    expect(result.keptAside).toBe('aftertab.sqlite.damaged-20261124T120100000Z');
    expect(fs.readFileSync(path.join(t.dataDir, result.keptAside)).equals(damagedBytes)).toBe(true);
    expect(fs.readdirSync(t.dataDir).filter((name) => name.includes('before-restore'))).toEqual([]);
    expect(balances(t.ledger().db)).toEqual(good);
    // No before-restore copy of a ledger that could not be opened; one copy of the restored one.
    expect(t.backups.status().backups.map((b) => [b.reason, b.verified])).toEqual([
      ['after-restore', true],
      ['manual', true],
    ]);
  });

  it('still restores when the backup of the restored ledger fails, and says so in lastError', async () => {
    const t = setup({
      verify: (file) => (path.basename(file).includes('after-restore') ? { ok: false, problem: 'the stick was pulled' } : verifyLedgerCopy(file)),
    });
    t.sell(300);
    const backup = await t.backups.backupNow('manual');
    const earlier = balances(t.ledger().db);
    t.sell(5);
    t.advance(60_000);
    const result = await t.backups.restore(backup.name);
    expect(result.restoredFrom).toBe(backup.name);
    expect(balances(t.ledger().db)).toEqual(earlier);
    expect(t.backups.status().lastError).toContain('the stick was pulled');
    expect(t.backups.status().backups.map((b) => b.reason)).not.toContain('after-restore');
  });

  it('raises z_number_floor to the highest Z the replaced file had', async () => {
    const t = setup();
    const staff = t.ledger().session.staffId;
    t.sell(100);
    closeDay(t.ledger().db, staff, 1, '2026-11-24');
    const backup = await t.backups.backupNow('z');
    t.sell(200);
    closeDay(t.ledger().db, staff, 2, '2026-11-25');
    t.sell(300);
    closeDay(t.ledger().db, staff, 3, '2026-11-26');

    await t.backups.restore(backup.name);
    const db = t.ledger().db;
    expect(db.prepare('SELECT max(z_number) AS z FROM z_reports').get()).toEqual({ z: 1 });
    expect(db.prepare('SELECT z_number_floor AS f FROM store_settings').get()).toEqual({ f: 3 });
  });

  it('raises receipt_number_floor to the highest receipt number the replaced ledger had issued', async () => {
    const t = setup();
    t.sell(100);
    const backup = await t.backups.backupNow('manual');
    // The ledger traded on after the backup and numbered receipts up to 7 (its floor stands for them here).
    t.ledger().db.transaction(() => raiseReceiptFloor(t.ledger().db, 7))();
    expect(highestReceipt(t.ledger().db)).toBe(7);

    await t.backups.restore(backup.name);
    const db = t.ledger().db;
    expect(db.prepare('SELECT receipt_number_floor AS f FROM store_settings').get()).toEqual({ f: 7 });
    expect(nextReceiptNumber(db)).toBe(8);
    const detail = db.prepare<[], { detail: string }>("SELECT detail FROM audit WHERE command = 'backup.restore'").get()?.detail ?? '{}';
    expect(JSON.parse(detail)).toMatchObject({ receiptNumberFloor: 7 });
  });

  it('raises refund_number_floor to the highest refund number the replaced ledger had issued', async () => {
    const t = setup();
    t.sell(100);
    const backup = await t.backups.backupNow('manual');
    // The ledger traded on after the backup and numbered refunds up to 5 (its floor stands for them here).
    t.ledger().db.transaction(() => raiseRefundFloor(t.ledger().db, 5))();
    expect(highestRefund(t.ledger().db)).toBe(5);

    await t.backups.restore(backup.name);
    const db = t.ledger().db;
    expect(db.prepare('SELECT refund_number_floor AS f FROM store_settings').get()).toEqual({ f: 5 });
    expect(nextRefundNumber(db)).toBe(6);
    const detail = db.prepare<[], { detail: string }>("SELECT detail FROM audit WHERE command = 'backup.restore'").get()?.detail ?? '{}';
    expect(JSON.parse(detail)).toMatchObject({ refundNumberFloor: 5 });
  });

  it('refuses a corrupted backup, changes nothing and marks it as not verified', async () => {
    const t = setup();
    for (let i = 0; i < 200; i += 1) t.sell(100 + i);
    const backup = await t.backups.backupNow('manual');
    const file = path.join(t.folder, backup.name);
    scribble(file, 4096, fs.statSync(file).size - 8192);
    t.sell(5);
    const current = balances(t.ledger().db);

    const error = await refusal(t.backups.restore(backup.name));
    expect(error.key).toBe('errors.backup.restoreRefused');
    expect(error.code).toBe('conflict');
    expect(balances(t.ledger().db)).toEqual(current);
    expect(fs.readdirSync(t.dataDir).filter((name) => name.includes('before-restore') || name.endsWith('.restoring'))).toEqual([]);
    expect(t.backups.status().backups.find((b) => b.name === backup.name)?.verified).toBe(false);
  });

  it('refuses a file that is not an Aftertab ledger in the words the start uses, and changes nothing', async () => {
    const t = setup();
    t.sell(300);
    const backup = await t.backups.backupNow('manual');
    const file = path.join(t.folder, backup.name);
    fs.rmSync(file);
    const other = new Database(file);
    other.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('not a till')");
    other.close();
    const bytes = fs.readFileSync(file);
    const current = balances(t.ledger().db);

    const error = await refusal(t.backups.restore(backup.name));
    expect(error.key).toBe('errors.backup.restoreRefused');
    expect(error.params).toEqual({ name: backup.name, problem: 'it is not an Aftertab ledger: it has tables notes' });
    expect(balances(t.ledger().db)).toEqual(current);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a name that is not in the folder', async () => {
    const t = setup();
    const error = await refusal(t.backups.restore('aftertab-20200101T000000000Z-manual.sqlite'));
    expect(error.key).toBe('errors.backup.missing');
  });

  it('puts the current ledger back when the restored copy cannot be opened', async () => {
    const t = setup();
    t.sell(100);
    const backup = await t.backups.backupNow('manual');
    t.sell(50);
    const current = balances(t.ledger().db);
    let opens = 0;
    const failingHost = createLedgerHost({
      dataDir: t.dataDir,
      open: () => {
        opens += 1;
        if (opens === 2) throw new Error('disk full while migrating');
        return openTestLedger(t.dataDir);
      },
      log: () => undefined,
    });
    t.host.close();
    failingHost.openLedger();
    const service = createBackupService({ host: failingHost, log: () => undefined });
    const error = await refusal(service.restore(backup.name));
    expect(error.key).toBe('errors.backup.restoreFailed');
    expect(balances(failingHost.current()!.db)).toEqual(current);
    expect(fs.readdirSync(t.dataDir).filter((name) => name.includes('before-restore'))).toEqual([]);
    failingHost.close();
  });
});

describe('durability', () => {
  it('flushes the copy to the disk before it is named a backup, and then the folder holding the new name', async () => {
    const t = setup();
    t.sell(500);
    const open = vi.spyOn(fs.promises, 'open');
    try {
      const info = await t.backups.backupNow('manual');
      const flushed = open.mock.calls.map(([file, flags]) => [path.basename(String(file)), flags]);
      expect(flushed).toEqual([
        [`.${info.name}.partial`, 'r+'],
        ['backups', 'r'],
      ]);
    } finally {
      open.mockRestore();
    }
  });
});
