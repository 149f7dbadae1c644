import { expect, type Locator, type Page } from '@playwright/test';
import { OWNER_NAME, OWNER_PIN } from './commands';

/**
 * The PIN pad that stands in front of the whole app until someone signs in, and again after a
 * lock: by its landmark, its buttons and its labels, as a person at the counter sees it.
 */
export class SignInPage {
  readonly pad: Locator;
  readonly heading: Locator;
  readonly pin: Locator;
  readonly signInButton: Locator;
  readonly deleteButton: Locator;
  /** A refusal (wrong PIN, locked out) shown next to the field. */
  readonly error: Locator;
  /** First run: the owner sets a PIN before anything else, on a screen of its own. */
  readonly setup: Locator;
  readonly setupHeading: Locator;
  readonly newPin: Locator;
  readonly pinAgain: Locator;
  readonly setupButton: Locator;

  constructor(readonly page: Page) {
    this.pad = page.getByRole('main', { name: 'Sign in', exact: true });
    this.heading = this.pad.getByRole('heading', { name: 'Who is working?' });
    this.pin = this.pad.getByLabel('PIN', { exact: true });
    this.signInButton = this.pad.getByRole('button', { name: 'Sign in', exact: true });
    this.deleteButton = this.pad.getByRole('button', { name: 'Delete', exact: true });
    this.error = this.pad.getByRole('alert');
    this.setup = page.getByRole('main', { name: "Set the owner's PIN", exact: true });
    this.setupHeading = this.setup.getByRole('heading', { name: "Set the owner's PIN" });
    this.newPin = this.setup.getByLabel('New PIN', { exact: true });
    this.pinAgain = this.setup.getByLabel('PIN again', { exact: true });
    this.setupButton = this.setup.getByRole('button', { name: 'Set PIN and sign in', exact: true });
  }

  /** The tile of one person; its accessible name is exactly their name. */
  person(name: string): Locator {
    return this.pad.getByRole('button', { name, exact: true });
  }

  digit(digit: string): Locator {
    return this.pad.getByRole('button', { name: digit, exact: true });
  }

  /** Taps the PIN on the pad's own digit buttons, as a finger on a tablet would. */
  async tapPin(pin: string): Promise<void> {
    for (const digit of pin) await this.digit(digit).click();
  }

  /** Chooses a person and enters their PIN, by the pad's buttons (default) or the keyboard's digits and Enter. */
  async enter(name: string, pin: string, { by = 'pad' }: { by?: 'pad' | 'keyboard' } = {}): Promise<void> {
    await this.person(name).click();
    await expect(this.person(name)).toHaveAttribute('aria-pressed', 'true');
    if (by === 'keyboard') {
      await this.page.keyboard.type(pin);
      await this.page.keyboard.press('Enter');
      return;
    }
    await this.tapPin(pin);
    await this.signInButton.click();
  }

  /** A fresh store with no profile opens on the setup wizard: skipped, the store keeps its defaults and the owner's PIN comes next. */
  async skipWizard(): Promise<void> {
    const wizard = this.page.getByRole('main', { name: 'Set up your store', exact: true });
    await wizard.getByRole('button', { name: 'Skip: set up later in Settings', exact: true }).click();
    await expect(wizard).toBeHidden();
  }

  /** First run: sets the owner's PIN on the setup screen (past the wizard, skipped), which signs the owner in. */
  async setUpOwner(pin: string = OWNER_PIN): Promise<void> {
    const wizard = this.page.getByRole('main', { name: 'Set up your store', exact: true });
    await expect(wizard.or(this.setupHeading)).toBeVisible();
    if (await wizard.isVisible()) await this.skipWizard();
    await expect(this.setupHeading).toBeVisible();
    await this.newPin.fill(pin);
    await this.pinAgain.fill(pin);
    await this.setupButton.click();
  }
}

export function currentPerson(page: Page): Locator {
  return page.getByTestId('current-person');
}

/** Signed in as `name`: the pad is gone and the nav bar names them. */
export async function expectSignedInAs(page: Page, name: string): Promise<void> {
  await expect(new SignInPage(page).pad).toBeHidden();
  await expect(currentPerson(page)).toContainText(name);
}

/** Signs `name` in on the PIN pad showing now (first sign-in, after a lock, or to switch person). */
export async function signIn(page: Page, name: string, pin: string, options: { by?: 'pad' | 'keyboard' } = {}): Promise<void> {
  const pad = new SignInPage(page);
  await expect(pad.heading).toBeVisible();
  await pad.enter(name, pin, options);
  await expectSignedInAs(page, name);
}

/** Locks the screen with the nav bar's Lock button: the PIN pad comes over the current screen. */
export async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(new SignInPage(page).heading).toBeVisible();
}

/**
 * Opens the app from its link and signs in on the PIN pad (the owner unless told otherwise), so
 * a spec starts where a person at the counter would after sign-in. A page already signed in
 * keeps its session (the tab remembers it): as that person it carries on, as another it locks
 * and signs the right one in.
 */
export async function openApp(page: Page, appUrl: string, { name = OWNER_NAME, pin = OWNER_PIN }: { name?: string; pin?: string } = {}): Promise<void> {
  await page.goto(appUrl);
  const pad = new SignInPage(page);
  const person = currentPerson(page);
  await expect(pad.heading.or(person)).toBeVisible();
  if (await person.isVisible()) {
    if ((await person.textContent())?.trim() === name) return;
    await lock(page);
  }
  await signIn(page, name, pin);
}
