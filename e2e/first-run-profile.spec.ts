import { BoardPage } from './pages/board-page';
import { CatalogPage } from './pages/catalog-page';
import { sendCommand, sessionState, type Host } from './pages/commands';
import { expectSignedInAs, SignInPage } from './pages/sign-in-page';
import { expect, test } from './fixtures';

const OWNER = 'Priya';
const PIN = '5827';

test.describe('a first run with a store profile', () => {
  test.use({ ownerPinSet: false, profileFile: 'stores/salon-example/profile.json' });

  test('shows what the profile sets up, applies it, asks the owner for a PIN, and opens as that salon', async ({ page, request, webHost, appUrl }) => {
    const nobody: Host = { ...webHost, token: null };
    // Nothing is applied by starting: the ledger is still the bootstrap store until someone says so.
    expect(await sessionState(request, nobody)).toMatchObject({ storeName: 'My café', needsSetup: true });

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(appUrl);
    const summary = page.getByRole('main', { name: 'Set up this store' });
    await expect(summary).toBeVisible();
    await expect(summary).toContainText('Fern & Fringe');
    await expect(summary).toContainText('GBP, written as £1,234.50 (en-GB), time zone Europe/London');
    await expect(summary).toContainText('Prices include tax: Standard 20 %, Zero 0 %');
    // The salon opens Tuesday to Saturday, late on Thursdays.
    await expect(summary.getByRole('listitem').filter({ hasText: 'Monday' })).toHaveText('Monday closed');
    await expect(summary.getByRole('listitem').filter({ hasText: 'Tuesday' })).toHaveText('Tuesday 09:30–18:00');
    await expect(summary.getByRole('listitem').filter({ hasText: 'Thursday' })).toHaveText('Thursday 09:30–20:30');
    await expect(summary.getByRole('listitem').filter({ hasText: 'Sunday' })).toHaveText('Sunday closed');
    await expect(summary).toContainText(
      '20 % of the booked services when booking; free to cancel up to 24 hours before, after that 100 % of the deposit is kept.',
    );
    await expect(summary).toContainText('No loyalty scheme.');
    await expect(summary.getByTestId('first-run-catalog')).toHaveText('3 categories, 7 services and 2 products');
    for (const person of ['Priya owner', 'Tom manager', 'Aisling staff']) await expect(summary.getByRole('listitem').filter({ hasText: person })).toBeVisible();
    // The PIN pad is not there yet: the profile comes first.
    await expect(new SignInPage(page).setupHeading).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screenshots/first-run-profile-1280x800.png', fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: 'test-results/screenshots/first-run-profile-1024x768.png', fullPage: true });

    await summary.getByRole('button', { name: 'Set up this store' }).click();
    const pad = new SignInPage(page);
    await expect(pad.setupHeading).toBeVisible();
    await expect(pad.setup).toContainText('Fern & Fringe');
    await expect(pad.setup).toContainText(`for the owner, ${OWNER}.`);
    await pad.setUpOwner(PIN);
    await expectSignedInAs(page, OWNER);
    await expect(new BoardPage(page).emptyState).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).locator('.nav__store')).toHaveText('Fern & Fringe');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
    const catalog = new CatalogPage(page);
    await expect(catalog.group('Cuts')).toBeVisible();
    await expect(catalog.group('Colour')).toBeVisible();
    await expect(catalog.item('Men’s cut')).toContainText('£32.00');
    await expect(catalog.item('Full head highlights')).toBeVisible();

    // Applied once: the host offers it no more.
    expect(await sessionState(request, nobody)).toMatchObject({ storeName: 'Fern & Fringe', needsSetup: false });
    expect(await sendCommand(request, nobody, 'firstRun.profile')).toEqual({ ok: true, value: null });
  });
});
