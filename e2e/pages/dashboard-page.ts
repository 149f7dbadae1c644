import type { Download, Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';

/** The owner's dashboard, by its headings, tiles, tables and buttons. */
export class DashboardPage {
  readonly heading: Locator;
  readonly owed: Locator;
  readonly openTabs: Locator;
  readonly oldest: Locator;
  readonly walkouts: Locator;
  readonly period: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Dashboard' });
    this.owed = page.getByTestId('now-owed');
    this.openTabs = page.getByTestId('now-open');
    this.oldest = page.getByTestId('now-oldest');
    this.walkouts = page.getByTestId('period-walkouts');
    this.period = page.getByRole('region', { name: 'Period' });
  }

  async openFromNav(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard', exact: true }).click();
    await expect(this.heading).toBeVisible();
    await expect(this.owed).toBeVisible();
  }

  /** The figure of a tile, without its label. */
  value(tile: Locator): Locator {
    return tile.locator('.dashboard-tile__value');
  }

  /** The rows of one of the dashboard's tables, each as its cells' text (header and total rows included). */
  async rows(table: string): Promise<string[][]> {
    return this.page
      .getByRole('table', { name: table, exact: true })
      .locator('tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())));
  }

  async pickPeriod(name: 'Day' | 'Week' | 'Month' | 'Custom' | 'Previous' | 'Next'): Promise<void> {
    await this.period.getByRole('button', { name, exact: true }).click();
  }

  /** Clicks a table's CSV button and hands back the file the browser received. */
  async download(table: string): Promise<Download> {
    const waiting = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: `Download “${table}” as CSV`, exact: true }).click();
    return waiting;
  }
}
