import type { Locator, Page } from '@playwright/test';

/** The settlement screen: split, pay each part, rate. */
export class SettlePage {
  readonly due: Locator;
  readonly outcome: Locator;
  readonly payPanel: Locator;
  readonly cashGiven: Locator;
  readonly tipAmount: Locator;
  /** "To take: €…" and, for cash handed over, "Change €…" or "€… short", above the confirm button. */
  readonly preview: Locator;
  /** The question before a large tip or a pile of cash is taken, its words and its two answers. */
  readonly question: Locator;
  readonly questionWords: Locator;
  readonly changeIt: Locator;
  readonly yesTakeIt: Locator;

  constructor(readonly page: Page) {
    this.due = page.locator('.settle__due-amount');
    this.outcome = page.getByRole('status').filter({ hasText: /^Paid / });
    this.payPanel = page.getByRole('form', { name: /take payment of/i });
    this.cashGiven = this.payPanel.getByRole('textbox', { name: 'Cash given' });
    this.tipAmount = this.payPanel.getByRole('textbox', { name: 'Tip amount' });
    this.preview = this.payPanel.locator('.settle__preview-box');
    this.question = this.payPanel.getByRole('group', { name: /\?/ });
    this.questionWords = this.question.getByRole('alert');
    this.changeIt = this.question.getByRole('button', { name: 'Change it' });
    this.yesTakeIt = this.question.getByRole('button', { name: 'Yes, take it' });
  }

  async splitEvenly(ways: number): Promise<void> {
    await this.page.getByRole('button', { name: 'Split evenly' }).click();
    for (let i = 2; i < ways; i += 1) await this.page.getByRole('button', { name: 'One more way' }).click();
    await this.page.getByRole('button', { name: 'Split', exact: true }).click();
    await this.part(1).waitFor();
  }

  /** A row of the split by lines: "1 × Latte", or "1 × Latte, comped 50%" for a line's comped units. */
  unitRow(row: string): Locator {
    return this.page.getByRole('listitem', { name: row, exact: true });
  }

  /** Moves one unit of a row from one payer to another with their − and +. */
  async giveUnit(row: string, item: string, from: number, to: number): Promise<void> {
    await this.unitRow(row)
      .getByRole('button', { name: `One fewer ${item} for payer ${from}` })
      .click();
    await this.unitRow(row)
      .getByRole('button', { name: `One more ${item} for payer ${to}` })
      .click();
  }

  part(n: number): Locator {
    return this.page.getByRole('listitem', { name: `Part ${n}`, exact: true });
  }

  async payPart(n: number): Promise<void> {
    await this.part(n).getByRole('button', { name: 'Pay this part' }).click();
  }

  async method(name: 'Cash' | 'Card' | 'Other'): Promise<void> {
    await this.payPanel.getByRole('group', { name: 'How they pay' }).getByRole('button', { name, exact: true }).click();
  }

  /** The method button that is chosen now. */
  chosenMethod(): Locator {
    return this.payPanel.getByRole('group', { name: 'How they pay' }).getByRole('button', { pressed: true });
  }

  async tipPreset(percent: 10 | 15 | 20): Promise<void> {
    await this.payPanel
      .getByRole('group', { name: 'Tip' })
      .getByRole('button', { name: `${percent}%`, exact: true })
      .click();
  }

  async tipPayNone(): Promise<void> {
    await this.payPanel.getByRole('group', { name: 'Tip' }).getByRole('button', { name: 'No tip' }).click();
  }

  async typeTip(text: string): Promise<void> {
    await this.payPanel.getByRole('group', { name: 'Tip' }).getByRole('button', { name: 'Tip amount' }).click();
    await this.tipAmount.fill(text);
  }

  async quickTender(label: string): Promise<void> {
    await this.payPanel.getByRole('group', { name: 'Cash handed over' }).getByRole('button', { name: label, exact: true }).click();
  }

  confirmButton(): Locator {
    return this.payPanel.getByRole('button', { name: /^(Take .* cash|Taken on the terminal: .*|Record .*)$/ });
  }

  async confirm(): Promise<void> {
    await this.confirmButton().click();
  }

  /** The error note right under a field: the next sibling of the field's label. */
  errorAfter(field: Locator): Locator {
    return field.locator('xpath=ancestor::label[1]/following-sibling::*[1][@role="alert"]');
  }

  async rate(label: 'Happy' | 'Okay' | 'Unhappy'): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`${label}$`) }).click();
  }

  async toReceipt(): Promise<void> {
    await this.page.getByRole('button', { name: 'Go to the receipt' }).click();
  }
}

/** The receipt as printed. */
export class ReceiptPage {
  readonly receipt: Locator;
  readonly payments: Locator;

  constructor(readonly page: Page) {
    this.receipt = page.getByRole('article', { name: 'Receipt' });
    this.payments = page.getByRole('region', { name: 'Payments' });
  }

  payment(method: 'Cash' | 'Card' | 'Other'): Locator {
    return this.payments.getByLabel(method, { exact: true });
  }

  async backToBoard(): Promise<void> {
    await this.page.getByRole('link', { name: 'Back to the board' }).click();
  }
}
