import type { Locator, Page } from '@playwright/test';

/** Voiding a tab's last payment, from its receipt or its screen: the action, then its panel. */
export class VoidPaymentPanel {
  readonly action: Locator;
  readonly panel: Locator;
  readonly reason: Locator;
  readonly confirmButton: Locator;

  constructor(readonly page: Page) {
    this.action = page.getByRole('button', { name: 'Void last payment' });
    this.panel = page.getByRole('form', { name: /^Void the payment of / });
    this.reason = this.panel.getByRole('textbox', { name: 'Why is it voided?' });
    this.confirmButton = this.panel.getByRole('button', { name: /^Void / });
  }

  /** Opens the panel and voids with the reason typed (Enter confirms, as in every panel). */
  async voidWith(reason: string): Promise<void> {
    await this.action.click();
    await this.reason.fill(reason);
    await this.reason.press('Enter');
  }

  /** The error note right under the reason field. */
  reasonError(): Locator {
    return this.reason.locator('xpath=ancestor::label[1]/following-sibling::*[1][@role="alert"]');
  }

  /** A refusal about anything else, shown just above the confirm button. */
  otherError(): Locator {
    return this.panel.locator('.tab-detail__form-actions').locator('xpath=preceding-sibling::*[1][@role="alert"]');
  }
}
