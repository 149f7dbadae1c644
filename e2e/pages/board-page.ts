import type { Locator, Page } from '@playwright/test';

/** The board as a person sees it: by roles and visible words, not by CSS classes. */
export class BoardPage {
  readonly openTabButton: Locator;
  readonly emptyState: Locator;
  readonly tabCards: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.openTabButton = page.getByRole('button', { name: 'Open a tab' });
    this.emptyState = page.getByText('No open tabs. Press "Open a tab" to hand out the next token.');
    this.tabCards = page.getByRole('listitem');
    this.error = page.getByRole('alert');
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  tabCard(token: number): Locator {
    return this.page.getByRole('listitem', { name: `Token ${token}` });
  }

  linkRequiredScreen(): Locator {
    return this.page.getByRole('heading', { name: 'Open Aftertab from its link' });
  }
}
