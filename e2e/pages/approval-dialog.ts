import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The dialog that asks for a manager's or owner's PIN when a command needs one: who approves,
 * their PIN, Approve or Cancel. It covers exactly the one command that asked.
 */
export class ApprovalDialog {
  readonly dialog: Locator;
  readonly pin: Locator;
  readonly approveButton: Locator;
  readonly cancelButton: Locator;
  /** A refusal (a wrong PIN, a lockout) shown inside the dialog. */
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Manager approval' });
    this.pin = this.dialog.getByLabel('Manager PIN', { exact: true });
    this.approveButton = this.dialog.getByRole('button', { name: 'Approve', exact: true });
    this.cancelButton = this.dialog.getByRole('button', { name: 'Cancel', exact: true });
    this.error = this.dialog.getByRole('alert');
  }

  /** The tile of a manager or owner who may approve; its accessible name is their name. */
  approver(name: string): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }

  /** Chooses who approves, types their PIN and presses Approve. */
  async approveAs(name: string, pin: string): Promise<void> {
    await this.approver(name).click();
    await expect(this.approver(name)).toHaveAttribute('aria-pressed', 'true');
    await this.pin.fill(pin);
    await this.approveButton.click();
  }
}
