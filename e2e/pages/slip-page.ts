import type { Locator, Page } from '@playwright/test';

/** The token slip shown after a tab opens. */
export class SlipPage {
  readonly slip: Locator;
  readonly token: Locator;
  readonly printButton: Locator;
  readonly goToTab: Locator;
  readonly backToBoard: Locator;

  constructor(readonly page: Page) {
    this.slip = page.getByRole('article', { name: 'Token slip' });
    this.token = page.getByTestId('slip-token');
    this.printButton = page.getByRole('button', { name: 'Print' });
    this.goToTab = page.getByRole('link', { name: 'Go to tab' });
    this.backToBoard = page.getByRole('link', { name: 'Back to board' });
  }
}
