import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { DrawerState } from '../../shared/closing-types';
import { must, type Host } from './commands';

/**
 * The back door for specs that take cash but are not about the drawer: cash is refused while
 * no drawer is open, so such a spec opens one with an empty float first.
 */
export function openDrawerByBackDoor(request: APIRequestContext, host: Host, floatMinor = 0): Promise<DrawerState> {
  return must<DrawerState>(request, host, 'drawer.open', { float: { kind: 'total', totalMinor: floatMinor } });
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The amount next to a label in a named list of figures (a <dl> of label and amount pairs). */
export function figureIn(page: Page, list: string, label: string): Locator {
  return page
    .locator(`dl[aria-label="${list}"] .figures__row`)
    .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
    .getByRole('definition');
}

/** The cash drawer screen, by roles and visible words. */
export class DrawerPage {
  readonly openForm: Locator;
  readonly blindForm: Locator;
  readonly movePanel: Locator;
  readonly movements: Locator;
  readonly variance: Locator;
  readonly signOffForm: Locator;
  readonly recountForm: Locator;
  /** After a recount: "Counted twice: first count €…". */
  readonly firstCount: Locator;

  constructor(readonly page: Page) {
    this.openForm = page.getByRole('form', { name: 'Open the drawer' });
    this.blindForm = page.getByRole('form', { name: 'Count the drawer' });
    this.movePanel = page.getByRole('form', { name: 'Pay in or pay out' });
    this.movements = page.getByRole('list', { name: 'Paid in and out' }).getByRole('listitem');
    this.variance = page.locator('.drawer__variance');
    this.signOffForm = page.getByRole('form', { name: 'Sign off the drawer' });
    this.recountForm = page.getByRole('form', { name: 'Count again' });
    this.firstCount = page.getByText(/^Counted twice: first count /);
  }

  async openFromNav(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Drawer', exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Cash drawer' }).waitFor();
  }

  /** Types how many of each note or coin, e.g. { '€20.00': 2 }, into a count form. */
  async countNotes(form: Locator, counts: Record<string, number>): Promise<void> {
    for (const [note, qty] of Object.entries(counts)) await form.getByRole('textbox', { name: `How many ${note}`, exact: true }).fill(String(qty));
  }

  running(form: Locator): Locator {
    return form.getByRole('status');
  }

  async payOut(amount: string, reason: string): Promise<void> {
    await this.movePanel.getByRole('group', { name: 'Which way' }).getByRole('button', { name: 'Paid out', exact: true }).click();
    await this.movePanel.getByRole('textbox', { name: 'Amount' }).fill(amount);
    await this.movePanel.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await this.movePanel.getByRole('button', { name: 'Record paid out' }).click();
  }

  async startClosing(): Promise<void> {
    await this.page.getByRole('button', { name: 'Close the drawer', exact: true }).click();
    await this.blindForm.waitFor();
  }

  /** One figure of a list of figures (float, expected, counted…), by its label. */
  figure(list: string, label: string): Locator {
    return figureIn(this.page, list, label);
  }

  /** Starts counting again before the sign-off; the recount form replaces the figures. */
  async startRecount(): Promise<void> {
    await this.signOffForm.getByRole('button', { name: 'Count again' }).click();
    await this.recountForm.waitFor();
  }

  /** Counts the drawer again, as a total, before the sign-off. */
  async recount(total: string): Promise<void> {
    await this.startRecount();
    await this.recountForm.getByRole('button', { name: 'As a total' }).click();
    await this.recountForm.getByRole('textbox', { name: 'Total in the drawer' }).fill(total);
    await this.recountForm.getByRole('button', { name: /^Enter the count: / }).click();
    await this.recountForm.waitFor({ state: 'detached' });
  }

  async signOff(reason: string): Promise<void> {
    await this.signOffForm.getByRole('textbox', { name: 'Why is it over or short?' }).fill(reason);
    await this.signOffForm.getByRole('button', { name: 'Sign off the drawer' }).click();
  }
}
