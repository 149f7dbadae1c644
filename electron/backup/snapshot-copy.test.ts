import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyLedger } from './snapshot-copy';
import { verifyLedgerCopy } from './verify';
import { openDatabase } from '../ledger/sqlite-driver';
import { balances, openTestLedger, sell, tempDir } from './test-ledger';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = tempDir('aftertab-snapshot-copy-');
  dirs.push(dir);
  const app = openTestLedger(dir);
  return { app, target: path.join(dir, 'copy.sqlite') };
}

/** What a copy holds, read as a backup is read: after it passed the backup check. */
function copied(file: string): Record<string, number> {
  const verdict = verifyLedgerCopy(file);
  expect(verdict).toMatchObject({ ok: true });
  const db = openDatabase(file, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(
      db
        .prepare<[], { account: string; total: number }>('SELECT account, sum(amount_minor) AS total FROM postings GROUP BY account ORDER BY account')
        .all()
        .map((r) => [r.account, r.total]),
    );
  } finally {
    db.close();
  }
}

const checkpoint = (app: ReturnType<typeof setup>['app']) => {
  const [state] = app.db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  return state?.busy === 0 && state.log === state.checkpointed;
};

describe('copying the ledger for a backup', () => {
  it('copies the file’s own bytes, and sales made and checkpointed while it copies stay out of the copy', async () => {
    const { app, target } = setup();
    sell(app.db, app.session.staffId, 450);
    const before = balances(app.db);
    const real = fs.promises.copyFile.bind(fs.promises);
    // Trading goes on while the system copies: a sale, and a checkpoint that would write it into the file.
    vi.spyOn(fs.promises, 'copyFile').mockImplementationOnce(async (from, to) => {
      sell(app.db, app.session.staffId, 300);
      checkpoint(app);
      return real(from, to);
    });
    expect(await copyLedger(app.db, app.file, checkpoint(app), target)).toBe('file');
    expect(copied(target)).toEqual(before);
    // The sale is in the ledger, and the file takes it in at the next checkpoint once the copy is done.
    expect(balances(app.db)).toEqual({ cash_drawer: 750, 'sales:0': -750 });
    expect(checkpoint(app)).toBe(true);
    app.close();
  });

  it('uses SQLite’s online backup when the WAL is not all in the file, or the file copy fails', async () => {
    const { app, target } = setup();
    sell(app.db, app.session.staffId, 450);
    const online = vi.spyOn(app.db, 'backup');
    expect(await copyLedger(app.db, app.file, false, target)).toBe('online-backup');
    expect(copied(target)).toEqual(balances(app.db));
    fs.rmSync(target);

    // A lock on part of the file (as Windows may hold one) fails the file copy: the online backup copies it.
    vi.spyOn(fs.promises, 'copyFile').mockRejectedValueOnce(Object.assign(new Error('EBUSY: resource busy or locked, copyfile'), { code: 'EBUSY' }));
    expect(await copyLedger(app.db, app.file, checkpoint(app), target)).toBe('online-backup');
    expect(copied(target)).toEqual(balances(app.db));
    expect(online).toHaveBeenCalledTimes(2);
    app.close();
  });

  it('gives up on a full backup disk at once, leaving no partial file', async () => {
    const { app, target } = setup();
    const online = vi.spyOn(app.db, 'backup');
    vi.spyOn(fs.promises, 'copyFile').mockImplementationOnce(async (_from, to) => {
      fs.writeFileSync(String(to), 'part');
      throw Object.assign(new Error('ENOSPC: no space left on device, copyfile'), { code: 'ENOSPC' });
    });
    await expect(copyLedger(app.db, app.file, checkpoint(app), target)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(fs.existsSync(target)).toBe(false);
    expect(online).not.toHaveBeenCalled();
    app.close();
  });
});
