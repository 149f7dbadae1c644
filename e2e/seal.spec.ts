import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { BackupInfo, BackupStatus, DayReport } from '../shared/closing-types';
import type { SignInResult } from '../shared/types';
import { startAppCore } from '../electron/app-core';
import { TEST_PIN_COST } from '../electron/auth/pin-hash';
import { ledgerPath } from '../electron/ledger/open';
import { must, OWNER_NAME, OWNER_PIN } from './pages/commands';
import { BackupPage } from './pages/backup-page';
import { BoardPage } from './pages/board-page';
import { signIn } from './pages/sign-in-page';
import { expect, test, type SeedDataDir } from './fixtures';

/** The two screen sizes the counter runs at: a 10-inch tablet and a small laptop. */
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 768, height: 1024 },
  { width: 1920, height: 1080 },
] as const;

async function shoot(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/${name}-${size.width}.png`, fullPage: true });
  }
}

/**
 * A day of trading with two backups: one after Ana's tab, one after Ben's (the newest, which
 * reaches the seal: nothing is written after it). Aftertab stops, and the older copy is put back
 * in place of the ledger, as a restore by hand from the wrong file or a rolled-back disk would.
 */
const olderCopyPutBack: SeedDataDir = {
  prepare: async (dataDir) => {
    const core = startAppCore({ dataDir, schedule: false, pinCost: TEST_PIN_COST });
    let token: string | null = null;
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const result = await core.commands.dispatch(name, { input, commandId: randomUUID() }, { kind: 'web', token });
      if (!result.ok) throw new Error(`${name} was refused: ${result.error.message}`);
      return result.value as T;
    };
    token = (await call<SignInResult>('session.setup', { pin: OWNER_PIN, pinAgain: OWNER_PIN })).token ?? null;
    await call('tab.open', { name: 'Ana' });
    const older = await call<BackupInfo>('backup.now', {});
    await call('tab.open', { name: 'Ben' });
    await call('backup.now', {});
    const { folder } = await call<BackupStatus>('backup.status', {});
    await core.idle();
    core.close();
    const file = ledgerPath(dataDir);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    fs.copyFileSync(path.join(folder, older.name), file);
  },
};

test.describe('a ledger that does not reach its seal', () => {
  test.use({ seedDataDir: olderCopyPutBack });

  test('is not opened for trading; recovery says what is missing, offers the backup that reaches the seal, and restoring it brings the board back', async ({
    page,
    webHost,
    appUrl,
  }) => {
    expect(webHost.core.ledger()).toBeNull();
    expect(webHost.core.host.sealProblem()?.cause).toBe('behind');

    await page.setViewportSize(SIZES[0]);
    await page.goto(appUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'The ledger does not reach its seal' })).toBeVisible();
    await expect(page.getByText(/^The ledger ends at entry [\d,]+ of [\d,]+, recorded \d{2}:\d{2}\.$/)).toBeVisible();
    const newest = page.getByRole('region', { name: 'Newest backup that reaches the seal' });
    await expect(newest).toContainText('(made by hand)');
    await expect(newest).toContainText(/It holds every entry the seal knew of \(up to entry [\d,]+\)\./);
    const restore = newest.getByRole('button', { name: 'Restore this backup' });
    await expect(restore).toBeFocused();

    // The older copy is listed with how far it reaches, and only an owner continuing knowingly may put it back.
    await page.getByRole('button', { name: 'Pick another backup' }).click();
    const other = page.getByRole('listitem');
    await expect(other).toHaveCount(1);
    await expect(other).toContainText(/ends at entry [\d,]+/);
    await expect(other.getByRole('button', { name: /^Continue knowingly from the backup of/ })).toBeVisible();
    await expect(other.getByRole('button', { name: /^Restore the backup from/ })).toHaveCount(0);
    await shoot(page, 'seal-recovery');

    await restore.click();
    await expect(page.getByRole('heading', { level: 1, name: 'The backup is restored' })).toBeVisible();
    await page.getByRole('button', { name: 'Continue to the board' }).click();
    await signIn(page, OWNER_NAME, OWNER_PIN);
    const board = new BoardPage(page);
    await expect(board.tabCards).toHaveCount(2);
    await expect(board.tabList).toContainText('Ana');
    await expect(board.tabList).toContainText('Ben');
    expect(webHost.core.host.sealProblem()).toBeNull();
  });

  test('an owner continues knowingly with the ledger as it is, with a PIN and a reason, and the Activity screen shows it', async ({ page, appUrl }) => {
    await page.setViewportSize(SIZES[0]);
    await page.goto(appUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'The ledger does not reach its seal' })).toBeVisible();
    await page.getByRole('button', { name: 'Continue knowingly…' }).click();
    // The only owner is chosen already; the ledger as it is is the default choice.
    await expect(page.getByRole('button', { name: OWNER_NAME })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('radio', { name: /^the ledger as it is \(it ends at entry [\d,]+\)$/ })).toBeChecked();
    const pin = page.getByLabel('Owner’s PIN');
    const submit = page.getByRole('button', { name: 'Continue knowingly', exact: true });

    // A wrong PIN is refused beside the PIN field, and nothing opens.
    await pin.fill('9999');
    await page.getByLabel('Why you continue').fill('the till was put back from an old copy');
    await submit.click();
    await expect(page.locator('#knowingly-pin-error')).toHaveText('That is not the PIN of an owner of this ledger');
    await expect(pin).toHaveValue('');
    await shoot(page, 'seal-continue');

    // The keyboard does the rest: the PIN, then Enter.
    await pin.fill(OWNER_PIN);
    await pin.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Aftertab goes on with this ledger' })).toBeVisible();
    await expect(page.getByText('Your reason was recorded in the activity log.')).toBeVisible();
    await page.getByRole('button', { name: 'Continue to the board' }).click();
    await signIn(page, OWNER_NAME, OWNER_PIN);
    const board = new BoardPage(page);
    await expect(board.tabCards).toHaveCount(1);
    await expect(board.tabList).toContainText('Ana');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Continued knowingly with the ledger as it was' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('the ledger ends at entry');
    await expect(row).toContainText('(the till was put back from an old copy)');
    await expect(row).toContainText(OWNER_NAME);
  });
});

test('the Backups screen shows each copy’s chain head and checks the chain; a Z prints the head it closed on', async ({ page, request, webHost, appUrl }) => {
  await must(request, webHost, 'tab.open', { name: 'Ana' });
  await must(request, webHost, 'backup.now');
  const { businessDate } = await must<DayReport>(request, webHost, 'report.x', {});
  const z = await must<DayReport>(request, webHost, 'day.close', { businessDate });
  expect(z.chain?.seq).toBeGreaterThan(0);

  await page.setViewportSize(SIZES[0]);
  await page.goto(appUrl);
  await signIn(page, OWNER_NAME, OWNER_PIN);
  const backups = new BackupPage(page);
  await backups.openFromNav();
  await expect(backups.row('made by hand')).toContainText(/entry [\d,]+ · [0-9a-f]{4}…[0-9a-f]{4}/);

  const panel = page.getByRole('region', { name: 'Ledger check' });
  await panel.getByRole('button', { name: 'Check since the last Z' }).click();
  await expect(panel.getByRole('status')).toContainText(/^The chain holds from entry [\d,]+ to entry [\d,]+ \([\d,]+ rows? checked\); the journal balances\./);
  await panel.getByRole('button', { name: 'Check everything' }).click();
  await expect(panel.getByRole('status')).toContainText(
    /^The chain holds from the first entry to entry [\d,]+ \([\d,]+ rows checked\); the journal balances\./,
  );
  await shoot(page, 'ledger-check');

  await page.goto(`${appUrl.split('#')[0] ?? ''}#/reports/z/${z.zNumber ?? 0}`);
  const short = `${z.chain?.hash.slice(0, 4) ?? ''}…${z.chain?.hash.slice(-4) ?? ''}`;
  const line = page.getByText(/^Ledger chain at close: entry [\d,]+ · /);
  await expect(line).toHaveText(`Ledger chain at close: entry ${(z.chain?.seq ?? 0).toLocaleString('en-IE')} · ${short}`);
  await shoot(page, 'report-z-chain');
  await page.emulateMedia({ media: 'print' });
  await expect(line).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});
