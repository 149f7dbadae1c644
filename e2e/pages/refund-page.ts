import type { Locator, Page } from '@playwright/test';
import { figureIn } from './drawer-page';

/** The refund of a settled tab: what goes back, by which tender, the tips, the reason, and the ledger's figures. */
export class RefundPage {
  readonly form: Locator;
  readonly amount: Locator;
  readonly reason: Locator;
  readonly preview: Locator;
  readonly confirmButton: Locator;
  readonly tips: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: /^Refund token \d+$/ });
    this.amount = this.form.getByRole('textbox', { name: 'Amount to give back' });
    this.reason = this.form.getByRole('textbox', { name: 'Why is it refunded?' });
    this.preview = this.form.getByRole('region', { name: 'What goes back, and how' });
    this.confirmButton = this.form.getByRole('button', { name: /^Give back / });
    this.tips = this.form.getByRole('checkbox', { name: /^Also give back the tips/ });
  }

  async mode(name: 'Everything' | 'Some items' | 'An amount'): Promise<void> {
    await this.form.getByRole('group', { name: 'What goes back' }).getByRole('button', { name, exact: true }).click();
  }

  /** One more unit of a line to give back (its comped units are "Latte (with a comp)"). */
  async more(item: string): Promise<void> {
    await this.form.getByRole('button', { name: `One more ${item}`, exact: true }).click();
  }

  units(item: string): Locator {
    return this.form.getByRole('status', { name: `Units of ${item} to give back`, exact: true });
  }

  /** Chooses the tender everything goes back by: "As it was paid", or "Card (up to €6.00)". */
  async tender(name: string | RegExp): Promise<void> {
    await this.form.getByRole('group', { name: 'Give it back by' }).getByRole('button', { name }).click();
  }

  /** A line of the ledger's quote: "Cash out of the drawer", "Refund on the card terminal", "Tax in it"… */
  figure(label: string): Locator {
    return figureIn(this.page, 'What goes back, and how', label);
  }
}

/** The refund's receipt as printed. */
export class RefundReceiptPage {
  readonly paper: Locator;
  readonly number: Locator;
  readonly of: Locator;

  constructor(readonly page: Page) {
    this.paper = page.getByRole('article', { name: 'Refund receipt' });
    this.number = page.getByTestId('refund-number');
    this.of = page.getByTestId('refund-of');
  }

  async backToTab(): Promise<void> {
    await this.page.getByRole('link', { name: 'Back to the tab' }).click();
  }
}
