import type { Locator, Page } from '@playwright/test';

/** Issuing a token: the pool grid, the optional details and the open actions. */
export class TokensPage {
  readonly heading: Locator;
  readonly nameField: Locator;
  readonly labelField: Locator;
  readonly noteField: Locator;
  readonly openButton: Locator;
  readonly openNextButton: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Choose a token' });
    this.nameField = page.getByLabel('Name (optional)');
    this.labelField = page.getByLabel('Seat, table or chair (optional)');
    this.noteField = page.getByLabel('Note (optional)');
    this.openButton = page.getByRole('button', { name: /^Open tab/ });
    this.openNextButton = page.getByRole('button', { name: 'Open on next free token' });
    this.error = page.getByRole('alert');
  }

  token(token: number): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^Token ${token}, (free|held)$`) });
  }
}
