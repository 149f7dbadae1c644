import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { BackupPage } from './pages/backup-page';
import { BoardPage } from './pages/board-page';
import { SettlePage } from './pages/settle-page';
import { openApp } from './pages/sign-in-page';
import { SlipPage } from './pages/slip-page';
import { CommandClient, TabPage } from './pages/tab-page';
import { TokensPage } from './pages/tokens-page';

const CUSTOMER = 'Ana Lindqvist';

test('the log file keeps start, the start-up check and a backup, and never the secret or a customer', async ({ page, request, webHost, appUrl }) => {
  const api = new CommandClient(request, webHost);
  await api.seedCafe();
  const board = new BoardPage(page);
  const tokens = new TokensPage(page);
  const slip = new SlipPage(page);
  const tab = new TabPage(page);
  const settle = new SettlePage(page);
  const backups = new BackupPage(page);

  // A named tab, two lines, paid by card: the customer's name travels in several commands.
  await openApp(page, appUrl);
  await board.chooseTokenButton.click();
  await tokens.nameField.fill(CUSTOMER);
  await tokens.openNextButton.click();
  await expect(slip.slip).toContainText(CUSTOMER);
  await slip.goToTab.click();
  await expect(tab.heading()).toHaveText('Token 1');
  for (const item of ['Latte', 'Croissant']) {
    await tab.addItem(item);
    await expect(tab.line(item)).toBeVisible();
  }
  await tab.settleButton.click();
  await settle.method('Card');
  await settle.confirm();
  await expect(page.getByText('Settled. Token 1 is free again.')).toBeVisible();

  await backups.openFromNav();
  await backups.backUpNow();

  // The fixture removes the data folder at teardown, so the file is read here.
  expect(webHost.log.file).toBe(path.join(webHost.dataDir, 'logs', 'aftertab.log'));
  const text = fs.readFileSync(webHost.log.file, 'utf8');
  expect(text).toMatch(new RegExp(`\\[info\\] +start dataDir=${webHost.dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
  expect(text).toMatch(/\[info\] +start-up check passed ledger=\S+aftertab\.sqlite existed=false/);
  expect(text).toMatch(/\[info\] +backup made name=aftertab-\S+\.sqlite reason=manual folder=\S+ bytes=\d+ ms=\d+/);
  expect(text).not.toContain(webHost.secret);
  expect(text).not.toContain('secret=');
  // Nor a session token: whoever reads the log must not be able to act as the owner.
  expect(webHost.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(text).not.toContain(webHost.token ?? '');
  expect(text).not.toContain(CUSTOMER);
  expect(text).not.toContain('Lindqvist');
});
