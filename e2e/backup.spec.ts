import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { BackupStatus } from '../shared/closing-types';
import type { SignInResult, TabSummary } from '../shared/types';
import { startAppCore } from '../electron/app-core';
import { TEST_PIN_COST } from '../electron/auth/pin-hash';
import { scribble } from '../electron/backup/test-ledger';
import { ledgerPath } from '../electron/ledger/open';
import { hostAs, must, OWNER_NAME, OWNER_PIN, sendCommand } from './pages/commands';
import { BackupPage, RecoveryPage } from './pages/backup-page';
import { BoardPage } from './pages/board-page';
import { openApp, signIn } from './pages/sign-in-page';
import { expect, test, type SeedDataDir } from './fixtures';

test('backs up now from the Backups screen and lists the copy as checked', async ({ page, request, webHost, appUrl }) => {
  await must(request, webHost, 'tab.open', { name: 'Ana' });
  const backups = new BackupPage(page);
  await openApp(page, appUrl);
  await backups.openFromNav();
  await expect(page.getByText('No backup has been made yet.')).toBeVisible();
  await expect(backups.folder).toHaveValue(`${webHost.dataDir}/backups`);

  await backups.backUpNow();

  const row = backups.row('made by hand');
  await expect(row).toHaveCount(1);
  // Checked, and under it how far the copy reaches in the ledger's hash chain.
  await expect(row.getByRole('cell', { name: /^Checked entry [\d,]+ · [0-9a-f]{4}…[0-9a-f]{4}$/ })).toBeVisible();
  await expect(page.getByText(/, made by hand, checked$/)).toBeVisible();
  await backups
    .row('made by hand')
    .getByRole('button', { name: /^Restore the backup from/ })
    .click();
  await expect(page.getByRole('button', { name: 'Restore this backup' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/backups.png', fullPage: true });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Restore this backup' })).toHaveCount(0);
  const status = await must<BackupStatus>(request, webHost, 'backup.status');
  expect(status.backups).toHaveLength(1);
  expect(status.backups[0]).toMatchObject({ reason: 'manual', verified: true });
  expect(fs.existsSync(`${webHost.dataDir}/backups/${status.backups[0]?.name ?? ''}`)).toBe(true);
});

test('lists dates on one line at 1280 px', async ({ page, request, webHost, appUrl }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await must(request, webHost, 'tab.open', { name: 'Ana' });
  await must(request, webHost, 'backup.now');
  const backups = new BackupPage(page);
  await openApp(page, appUrl);
  await backups.openFromNav();
  const cell = backups.row('made by hand').getByRole('cell').first();
  await expect(cell).toContainText('2');
  // The line boxes of the date's text: one, not "Nov 24, / 2026, / 9:30 PM".
  const lines = await cell.evaluate((td) => {
    const range = td.ownerDocument.createRange();
    range.selectNodeContents(td);
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
  });
  expect(lines).toBe(1);
});

test('a restore from the Backups screen is backed up at once, and recovery later offers that copy, not the one before the restore', async ({
  page,
  request,
  webHost,
  appUrl,
}) => {
  await must(request, webHost, 'tab.open', { name: 'Ana' });
  await must(request, webHost, 'backup.now');
  await must(request, webHost, 'tab.open', { name: 'Undone by the restore' });
  const backups = new BackupPage(page);
  await openApp(page, appUrl);
  await backups.openFromNav();
  await backups
    .row('made by hand')
    .getByRole('button', { name: /^Restore the backup from/ })
    .click();
  await page.getByRole('button', { name: 'Restore this backup' }).click();
  // The restored ledger has its own staff table: every session ends and the owner signs in again.
  await signIn(page, OWNER_NAME, OWNER_PIN);
  await expect(backups.heading).toBeVisible();
  await expect(backups.row('after a restore')).toHaveCount(1);
  await expect(backups.row('before a restore')).toHaveCount(1);
  expect((await sendCommand(request, webHost, 'backup.status')).ok, 'the session from before the restore').toBe(false);
  const owner = await hostAs(request, webHost, OWNER_NAME, OWNER_PIN);
  const status = await must<BackupStatus>(request, owner, 'backup.status');
  expect(status.lastBackup?.reason).toBe('after-restore');

  // Later the file is damaged: recovery must offer the restored ledger, not undo the restore.
  webHost.core.host.closeLedger();
  scribble(ledgerPath(webHost.dataDir), 0, 100);
  expect(webHost.core.host.openLedger()).toBeNull();
  const recovery = new RecoveryPage(page);
  await page.reload();
  await expect(recovery.heading).toBeVisible();
  await expect(recovery.newest()).toContainText('(after a restore)');
  await recovery.restoreNewestButton.click();
  await recovery.continueButton.click();
  await signIn(page, OWNER_NAME, OWNER_PIN);
  const board = new BoardPage(page);
  await expect(board.tabCards).toHaveCount(1);
  await expect(board.tabList).toContainText('Ana');
  await expect(board.tabList).not.toContainText('Undone by the restore');
});

/**
 * A ledger with two open tabs is backed up, a third tab is opened after the backup, and then
 * the ledger's header is overwritten: what a failing disk or a half-copied file leaves behind.
 */
const damagedAfterBackup: SeedDataDir = {
  prepare: async (dataDir) => {
    const core = startAppCore({ dataDir, schedule: false, pinCost: TEST_PIN_COST });
    let token: string | null = null;
    const call = async (name: string, input: unknown): Promise<unknown> => {
      const result = await core.commands.dispatch(name, { input, commandId: randomUUID() }, { kind: 'web', token });
      if (!result.ok) throw new Error(`${name} was refused: ${result.error.message}`);
      return result.value;
    };
    // The owner sets a PIN as on any first run, so the restored ledger has one to sign in with.
    token = ((await call('session.setup', { pin: OWNER_PIN, pinAgain: OWNER_PIN })) as SignInResult).token ?? null;
    await call('tab.open', { name: 'Ana' });
    await call('tab.open', { name: 'Ben' });
    await call('backup.now', {});
    await call('tab.open', { name: 'After the backup' });
    await core.idle();
    core.close();
    const fd = fs.openSync(ledgerPath(dataDir), 'r+');
    fs.writeSync(fd, Buffer.alloc(100, 0xa5), 0, 100, 0);
    fs.closeSync(fd);
  },
};

test.describe('a damaged ledger at start', () => {
  test.use({ seedDataDir: damagedAfterBackup });

  test('offers the newest good backup, restores it, and the board shows the restored tabs', async ({ page, request, webHost, appUrl }) => {
    const damagedBytes = fs.readFileSync(ledgerPath(webHost.dataDir));
    expect(webHost.core.ledger()).toBeNull();

    const recovery = new RecoveryPage(page);
    // Recovery comes before any sign-in: the damaged ledger's staff cannot be read.
    await page.goto(appUrl);
    await expect(recovery.heading).toBeVisible();
    await expect(page.getByText(/^What the check found: .+/)).toBeVisible();
    await expect(page.getByText(`The damaged file: ${ledgerPath(webHost.dataDir)}`)).toBeVisible();
    await expect(recovery.newest()).toContainText(/made by hand/);
    await expect(recovery.restoreNewestButton).toBeFocused();
    await page.screenshot({ path: 'test-results/screenshots/recovery.png', fullPage: true });

    await recovery.restoreNewestButton.click();

    // First what the restore means, in the words the owner needs; the board only after that.
    // The damaged file is moved aside by the restore, so look for it once the restore has answered.
    await expect(recovery.doneHeading).toBeVisible();
    const aside = fs.readdirSync(webHost.dataDir).filter((name) => /^aftertab\.sqlite\.damaged-[0-9TZ]+$/.test(name));
    expect(aside).toHaveLength(1);
    await expect(recovery.done()).toContainText(`The damaged file was kept in the data folder as ${aside[0] ?? ''}`);
    await expect(recovery.done()).toContainText('is not in this ledger');
    await expect(recovery.done()).toContainText('Count the cash in the drawer now and compare it with the Drawer screen');
    await expect(recovery.continueButton).toBeFocused();
    await page.screenshot({ path: 'test-results/screenshots/recovery-restored.png', fullPage: true });
    await recovery.continueButton.click();

    // Nobody could sign in to the damaged ledger; the restored one asks for the owner's PIN.
    await signIn(page, OWNER_NAME, OWNER_PIN);
    const board = new BoardPage(page);
    await expect(board.tabCards).toHaveCount(2);
    await expect(board.tabList).toContainText('Ana');
    await expect(board.tabList).toContainText('Ben');
    await expect(board.tabList).not.toContainText('After the backup');
    expect(webHost.token).toBeNull();
    const owner = await hostAs(request, webHost, OWNER_NAME, OWNER_PIN);
    const open = await must<TabSummary[]>(request, owner, 'tab.listOpen');
    expect(open.map((tab) => tab.name).sort()).toEqual(['Ana', 'Ben']);
    // The damaged file was kept aside under a name that says so, byte for byte, never deleted.
    expect(fs.readFileSync(`${webHost.dataDir}/${aside[0] ?? ''}`).equals(damagedBytes)).toBe(true);
    expect(fs.readdirSync(webHost.dataDir).filter((name) => name.includes('before-restore'))).toEqual([]);
    const status = await must<BackupStatus>(request, owner, 'backup.status');
    expect(status.lastBackup?.reason).toBe('after-restore');
  });
});
