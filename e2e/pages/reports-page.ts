import type { Download, Locator, Page } from '@playwright/test';
import { figureIn } from './drawer-page';

/** The reports screen (day status, X, closing the day, the Zs) and a report as shown. */
export class ReportsPage {
  readonly report: Locator;
  readonly closeButton: Locator;
  readonly confirmClose: Locator;
  readonly zList: Locator;
  readonly chartBars: Locator;
  readonly chartTicks: Locator;
  /** The shading recharts draws behind the bar under the pointer. */
  readonly chartCursor: Locator;
  /** Why Close (Z) is disabled, beside it. */
  readonly closeBlocked: Locator;
  /** Said instead of a Close button when the day to close next has not begun. */
  readonly notBegun: Locator;

  constructor(readonly page: Page) {
    this.report = page.getByRole('article');
    this.closeButton = page.getByRole('button', { name: /^Close .+ \(Z\)$/ });
    this.confirmClose = page.getByRole('button', { name: 'Close the day', exact: true });
    this.zList = page.getByRole('table', { name: 'Closed days' });
    this.chartBars = page.getByRole('region', { name: 'Net sales by hour' }).locator('svg .recharts-bar-rectangle');
    this.chartTicks = page.getByRole('region', { name: 'Net sales by hour' }).locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
    this.chartCursor = page.getByRole('region', { name: 'Net sales by hour' }).locator('.recharts-tooltip-cursor');
    this.closeBlocked = page.locator('#close-day-blocked');
    this.notBegun = page.getByText(/ has not begun yet; it can be closed from /);
  }

  async openFromNav(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** The amount next to a label in one of the report's lists (Sales, Cash drawer, Tabs receivable…). */
  figure(list: string, label: string): Locator {
    return figureIn(this.page, list, label);
  }

  /** The rows of a table in the report, each as its cells' text. */
  async rows(table: string): Promise<string[][]> {
    return this.page
      .getByRole('table', { name: table, exact: true })
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim())));
  }

  /**
   * Closes the day and waits for its Z on screen. The Z's screen loads on demand, and until it has,
   * the reports screen stays in view showing the new day (all zeros): reading figures before the
   * Z's heading is there would read that day's.
   */
  async closeDay(): Promise<void> {
    await this.closeButton.click();
    await this.confirmClose.click();
    await this.page.getByRole('heading', { level: 1, name: /^Z #\d+$/ }).waitFor();
  }

  /** Clicks a download button and hands back the file the browser received. */
  async download(name: 'Download CSV' | 'Download the journal (CSV)'): Promise<Download> {
    const waiting = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name, exact: true }).click();
    return waiting;
  }
}
