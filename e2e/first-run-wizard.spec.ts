import path from 'node:path';
import { BoardPage } from './pages/board-page';
import { CatalogPage } from './pages/catalog-page';
import { sendCommand, sessionState, type Host } from './pages/commands';
import { SetupWizardPage } from './pages/setup-wizard-page';
import { expectSignedInAs, SignInPage } from './pages/sign-in-page';
import { expect, test } from './fixtures';

const PIN = '5827';
const SHOTS = 'test-results/screenshots';
const salonFile = path.join(__dirname, '..', 'stores', 'salon-example', 'profile.json');

test.describe('a first run without a store profile', () => {
  test.use({ ownerPinSet: false });

  test('opens the setup wizard; a café owner goes through it, sets a PIN and lands on the board of their store', async ({ page, request, webHost, appUrl }) => {
    const nobody: Host = { ...webHost, token: null };
    expect(await sessionState(request, nobody)).toMatchObject({ storeName: 'My café', needsSetup: true, firstRun: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(appUrl);
    const wizard = new SetupWizardPage(page);
    await expect(wizard.main).toBeVisible();
    await wizard.atStep(1);
    // Nothing of the app shows behind it, not even the PIN screen.
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(new SignInPage(page).setupHeading).toHaveCount(0);

    // 1. The store: a step cannot be left with a field missing, and says which.
    await wizard.next.click();
    await wizard.atStep(1);
    await expect(wizard.problemAt('Legal name')).toHaveText('The legal name is printed on every receipt; it is required');
    await page.screenshot({ path: `${SHOTS}/wizard-1-store-problems.png` });
    await wizard.field('Store name').fill('Kiezkaffee');
    await wizard.field('Legal name').fill('Kiezkaffee GmbH');
    await wizard.field('Address').fill('Oranienstraße 12\n10999 Berlin');
    await wizard.field('Tax number').fill('DE 123456789');
    await expect(wizard.problemAt('Legal name')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/wizard-1-store.png` });
    await wizard.field('Tax number').press('Enter');

    // 2. Money and place: the format shows amounts as they will be written.
    await wizard.atStep(2);
    await wizard.field('Country and format').selectOption('de-DE');
    await expect(page.getByTestId('wizard-money-sample')).toHaveText('Amounts look like this: 1.234,50\u00a0€');
    await expect(wizard.field('Currency')).toHaveValue('EUR');
    await expect(wizard.field('Receipt language')).toHaveValue('de');
    // Receipts (and the screens of a PC that has not chosen its own language) in English.
    await wizard.field('Receipt language').selectOption('en');
    await wizard.field('Time zone').selectOption('Europe/Berlin');
    await page.screenshot({ path: `${SHOTS}/wizard-2-money.png` });
    // Esc goes back a step, keeping what was typed; Enter from a list goes on.
    await page.keyboard.press('Escape');
    await wizard.atStep(1);
    await expect(wizard.field('Store name')).toHaveValue('Kiezkaffee');
    await wizard.field('Store name').press('Enter');
    await wizard.atStep(2);
    await wizard.field('Time zone').press('Enter');

    // 3. Tax: the German rates are suggested, named in the receipts' language.
    await wizard.atStep(3);
    await expect(wizard.field('Rate 1 in %')).toHaveValue('19');
    await expect(wizard.field('Rate 2 in %')).toHaveValue('7');
    await expect(wizard.field('Name of rate 2')).toHaveValue('Reduced');
    await page.screenshot({ path: `${SHOTS}/wizard-3-tax.png` });
    await wizard.next.click();

    // 4. Tokens.
    await wizard.atStep(4);
    await wizard.field('Last token').fill('30');
    await expect(wizard.main).toContainText('30 tokens: 1 to 30');
    await page.screenshot({ path: `${SHOTS}/wizard-4-tokens.png` });
    await wizard.next.click();

    // 5. The café starter, priced as Berlin writes euros.
    await wizard.atStep(5);
    await expect(wizard.main.getByRole('radio', { name: /Café starter/ })).toBeChecked();
    const starter = page.getByTestId('wizard-starter');
    await expect(starter.getByRole('listitem').filter({ hasText: 'Latte' })).toContainText('4,40\u00a0€');
    await page.screenshot({ path: `${SHOTS}/wizard-5-catalog.png` });
    await wizard.main.getByRole('radio', { name: /Salon starter/ }).check();
    await expect(starter.getByRole('listitem').filter({ hasText: 'Root colour' })).toContainText('90 min');
    await page.screenshot({ path: `${SHOTS}/wizard-5-catalog-salon.png` });
    await wizard.main.getByRole('radio', { name: /Café starter/ }).check();
    await wizard.next.click();

    // 6. The check, the owner's name and PIN.
    await wizard.atStep(6);
    await expect(page.getByTestId('wizard-review-store')).toContainText('Kiezkaffee GmbH');
    await expect(page.getByTestId('wizard-review-tax')).toHaveText('Prices include tax: Standard 19 %, Reduced 7 %');
    await expect(page.getByTestId('wizard-review-catalog')).toContainText('3 categories, 0 services and 11 products');
    await wizard.field('Your name (the owner)').fill('Anna');
    await wizard.field('New PIN').fill(PIN);
    await wizard.field('PIN again').fill(PIN);
    await page.screenshot({ path: `${SHOTS}/wizard-6-review.png`, fullPage: true });
    // Nothing is written until the end.
    expect(await sessionState(request, nobody)).toMatchObject({ storeName: 'My café', firstRun: true });
    await wizard.finish.click();

    await expectSignedInAs(page, 'Anna');
    await expect(new BoardPage(page).emptyState).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).locator('.nav__store')).toHaveText('Kiezkaffee');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
    const catalog = new CatalogPage(page);
    await expect(catalog.group('Coffee')).toBeVisible();
    await expect(catalog.item('Latte')).toContainText('4,40\u00a0€');
    await expect(catalog.item('Toasted sandwich')).toBeVisible();

    expect(await sessionState(request, nobody)).toMatchObject({
      storeName: 'Kiezkaffee',
      locale: 'de-DE',
      timeZone: 'Europe/Berlin',
      needsSetup: false,
      firstRun: false,
    });
    expect(await sendCommand(request, nobody, 'firstRun.applyWizard', { profile: {} })).toMatchObject({ ok: false, error: { key: 'errors.profile.notFresh' } });
  });

  test('imports a store profile file: a bad one lists its problems, the salon example is shown, applied, and its owner signs in', async ({ page, appUrl }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(appUrl);
    const wizard = new SetupWizardPage(page);
    await expect(wizard.main).toBeVisible();

    await wizard.importFile.setInputFiles({
      name: 'profile.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ "format": "aftertab.store-profile", "version": 1, "currency": "POUNDS" }'),
    });
    const problems = wizard.main.locator('.wizard__problems');
    await expect(problems).toContainText('profile.json cannot be used as a store profile, so nothing was set up.');
    await expect(problems.getByRole('listitem').filter({ hasText: /^currency: / })).toBeVisible();
    await expect(problems.getByRole('listitem').filter({ hasText: /^name: is required/ })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/wizard-import-problems.png` });

    await wizard.importFile.setInputFiles(salonFile);
    const summary = page.getByRole('main', { name: 'Set up this store' });
    await expect(summary).toContainText('Fern & Fringe');
    await expect(summary.getByTestId('first-run-catalog')).toHaveText('3 categories, 7 services and 2 products');
    await page.screenshot({ path: `${SHOTS}/wizard-import-preview.png`, fullPage: true });
    await summary.getByRole('button', { name: 'Set up this store' }).click();

    const pad = new SignInPage(page);
    await expect(pad.setupHeading).toBeVisible();
    await expect(pad.setup).toContainText('Fern & Fringe');
    await pad.setUpOwner(PIN);
    await expectSignedInAs(page, 'Priya');
    await expect(page.getByRole('navigation', { name: 'Main' }).locator('.nav__store')).toHaveText('Fern & Fringe');
  });
});
