import type { Locator, Page } from '@playwright/test';

/** The Backups screen by its labels and visible words. */
export class BackupPage {
  readonly heading: Locator;
  readonly backUpNowButton: Locator;
  readonly folder: Locator;
  readonly keep: Locator;
  readonly every: Locator;
  readonly table: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Backups' });
    this.backUpNowButton = page.getByRole('button', { name: 'Back up now' });
    this.folder = page.getByLabel('Backup folder');
    this.keep = page.getByLabel('Backups to keep');
    this.every = page.getByLabel('Every (minutes)');
    this.table = page.getByRole('table');
    this.rows = this.table.getByRole('row').filter({ has: page.getByRole('cell') });
  }

  async openFromNav(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backups' }).click();
    await this.heading.waitFor();
  }

  async backUpNow(): Promise<void> {
    await this.backUpNowButton.click();
    await this.page
      .getByRole('status')
      .filter({ hasText: /^Backed up at .* and checked\.$/ })
      .waitFor();
  }

  /** A row of the list by what it says, e.g. its reason ("made by hand"). */
  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }
}

/** The screen shown instead of the app when the ledger failed its start-up check. */
export class RecoveryPage {
  readonly heading: Locator;
  readonly restoreNewestButton: Locator;
  readonly pickAnotherButton: Locator;
  /** After a restore: what was restored and what it means, before the board. */
  readonly doneHeading: Locator;
  readonly continueButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'The ledger failed its check' });
    this.restoreNewestButton = page.getByRole('button', { name: 'Restore this backup', exact: true });
    this.pickAnotherButton = page.getByRole('button', { name: 'Pick another backup' });
    this.doneHeading = page.getByRole('heading', { level: 1, name: 'The backup is restored' });
    this.continueButton = page.getByRole('button', { name: 'Continue to the board' });
  }

  newest(): Locator {
    return this.page.getByRole('region', { name: 'Newest good backup' });
  }

  done(): Locator {
    return this.page.getByRole('region', { name: 'The backup is restored' });
  }
}
