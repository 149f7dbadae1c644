import type { Locator, Page } from '@playwright/test';

/** Moving lines, merging and changing the token on a tab's screen: the panels by their names and buttons. */
export class MovePanels {
  readonly move: Locator;
  readonly merge: Locator;
  readonly changeToken: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.move = page.getByRole('form', { name: /^Move lines from token \d+$/ });
    this.merge = page.getByRole('form', { name: /^Merge token \d+ into another tab$/ });
    this.changeToken = page.getByRole('form', { name: /^Change token \d+$/ });
    this.notice = page.locator('.tab-detail__notice');
  }

  /** Presses a key on the page itself, not in a field (digits name a token, letters open panels). */
  async press(key: string): Promise<void> {
    await this.page.evaluate('document.activeElement && document.activeElement.blur()');
    await this.page.keyboard.press(key);
  }

  /** Types a token's digits on the page itself. */
  async typeToken(token: number): Promise<void> {
    await this.page.evaluate('document.activeElement && document.activeElement.blur()');
    await this.page.keyboard.type(String(token));
  }

  /** Steps a line's count in the move panel with its + until `count` are picked. */
  async pick(item: string, count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) await this.move.getByRole('button', { name: `One more ${item}` }).click();
  }

  /** A tab to go to, by its big button in the panel (named by its token and who). */
  tabButton(panel: Locator, token: number): Locator {
    return panel.getByRole('button', { name: new RegExp(`^Token ${token}, `) });
  }
}
