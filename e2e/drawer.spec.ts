import type { DrawerState } from '../shared/closing-types';
import { DrawerPage, openDrawerByBackDoor } from './pages/drawer-page';
import { openApp } from './pages/sign-in-page';
import { CommandClient } from './pages/tab-page';
import { expect, test } from './fixtures';

/** The sizes a counter screen runs at, from a small laptop and a portrait tablet to a full HD screen. */
const sizes = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

test('a recount is blind like the first count: expected and the first count appear only once it is entered', async ({ page, request, webHost, appUrl }) => {
  await openDrawerByBackDoor(request, webHost, 10_000);
  await new CommandClient(request, webHost).call('drawer.move', { kind: 'paid_in', amountMinor: 1234, reason: 'change from the bank' });
  const drawer = new DrawerPage(page);
  await openApp(page, appUrl);
  await drawer.openFromNav();
  await drawer.startClosing();
  await drawer.blindForm.getByRole('button', { name: 'As a total' }).click();
  await drawer.blindForm.getByRole('textbox', { name: 'Total in the drawer' }).fill('110');
  await drawer.blindForm.getByRole('button', { name: 'Enter the count: €110.00' }).click();
  const counted = 'Counted against expected';
  await expect(drawer.figure(counted, 'Expected')).toHaveText('€112.34');

  await drawer.startRecount();
  for (const hidden of ['Expected', 'Counted', 'Variance', 'Cash taken'])
    await expect(page.getByRole('term').filter({ hasText: new RegExp(`^${hidden}$`) })).toHaveCount(0);
  await expect(page.getByText(/€112\.34|€110\.00|short|Counted twice/)).toHaveCount(0);
  await expect(drawer.signOffForm).toHaveCount(0);
  await expect(drawer.figure('Cash drawer', 'Paid in')).toHaveText('€12.34');
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/drawer-recount-${size.width}x${size.height}.png`, fullPage: true });
  }

  await drawer.recountForm.getByRole('button', { name: 'As a total' }).click();
  await drawer.recountForm.getByRole('textbox', { name: 'Total in the drawer' }).fill('112.34');
  await drawer.recountForm.getByRole('button', { name: 'Enter the count: €112.34' }).click();
  await expect(drawer.recountForm).toHaveCount(0);
  await expect(drawer.figure(counted, 'Counted')).toHaveText('€112.34');
  await expect(drawer.figure(counted, 'Expected')).toHaveText('€112.34');
  await expect(drawer.variance).toHaveText('The drawer is exact.');
  await expect(drawer.firstCount).toHaveText('Counted twice: first count €110.00');
});

test('the float button names no amount it would refuse: a negative float is refused by its field and nothing opens', async ({
  page,
  request,
  webHost,
  appUrl,
}) => {
  const drawer = new DrawerPage(page);
  await openApp(page, appUrl);
  await drawer.openFromNav();
  await drawer.openForm.getByRole('button', { name: 'As a total' }).click();
  const total = drawer.openForm.getByRole('textbox', { name: 'Total in the drawer' });
  await total.fill('-100.00');
  await expect(drawer.openForm.getByRole('button', { name: 'Open the drawer', exact: true })).toBeVisible();
  await expect(drawer.openForm.getByRole('button', { name: /100/ })).toHaveCount(0);
  await drawer.openForm.getByRole('button', { name: 'Open the drawer', exact: true }).click();
  await expect(drawer.openForm.getByRole('alert')).toHaveText('A total in the drawer cannot be below zero');
  await expect(total).toHaveAttribute('aria-invalid', 'true');
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/drawer-open-negative-${size.width}x${size.height}.png`, fullPage: true });
  }
  expect((await new CommandClient(request, webHost).call<DrawerState>('drawer.get')).session).toBeNull();

  await total.fill('100');
  await drawer.openForm.getByRole('button', { name: 'Open the drawer with €100.00' }).click();
  await expect(drawer.figure('Cash drawer', 'Float')).toHaveText('€100.00');
});
