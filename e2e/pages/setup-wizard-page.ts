import { expect, type Locator, type Page } from '@playwright/test';

/** The first-run setup wizard of a fresh store with no profile: its steps, fields and buttons, by their words. */
export class SetupWizardPage {
  readonly main: Locator;
  readonly progress: Locator;
  readonly next: Locator;
  readonly back: Locator;
  readonly finish: Locator;
  readonly importFile: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main', { name: 'Set up your store', exact: true });
    this.progress = this.main.getByTestId('wizard-progress');
    this.next = this.main.getByRole('button', { name: 'Next', exact: true });
    this.back = this.main.getByRole('button', { name: 'Back', exact: true });
    this.finish = this.main.getByRole('button', { name: 'Set up the store', exact: true });
    this.importFile = this.main.getByTestId('wizard-import-file');
  }

  field(label: string): Locator {
    return this.main.getByLabel(label, { exact: true });
  }

  async atStep(n: number): Promise<void> {
    await expect(this.progress).toHaveText(`Step ${n} of 6`);
  }

  /** The one problem shown under a field, as the owner reads it. */
  problemAt(label: string): Locator {
    return this.main.locator('.wizard__field', { has: this.page.getByLabel(label, { exact: true }) }).getByRole('alert');
  }
}
