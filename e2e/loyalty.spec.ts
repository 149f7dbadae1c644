import type { Page } from '@playwright/test';
import type { DayReport } from '../shared/closing-types';
import type { Customer } from '../shared/customer-types';
import type { StoreSettings } from '../shared/types';
import { ReportsPage } from './pages/reports-page';
import { SettingsPage } from './pages/settings-page';
import { SettlePage } from './pages/settle-page';
import { openTabScreen } from './pages/tab-page';
import { expect, test } from './fixtures';

const sizes = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
] as const;

async function shoot(page: Page, name: string): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/loyalty-${name}-${size.width}x${size.height}.png`, fullPage: true });
  }
  await page.setViewportSize(sizes[1]);
}

test("a café regular's tenth coffee is free on the stamp card, on the receipt and on the Z", async ({ page, request, webHost, appUrl }) => {
  // The café starter brings its stamp card (Coffee, every 10th free), switched off.
  const { api, items } = await openTabScreen(page, request, { ...webHost, appUrl });
  await page.goto(`${webHost.url}#/settings`);
  const section = page.getByRole('region', { name: 'Loyalty' });
  await expect(section.getByRole('radio', { name: 'Off' })).toBeChecked();
  await section.getByRole('radio', { name: 'Stamp card' }).check();
  await expect(section.getByLabel('Category the card collects')).toHaveValue(
    String((await api.call<{ categories: { id: number; name: string }[] }>('catalog.list')).categories.find((c) => c.name === 'Coffee')?.id),
  );
  await expect(
    section.getByText(
      'Every 10th item from Coffee is free: a customer collects a stamp for each one they pay for, and after 9 stamps the next one is on the house.',
    ),
  ).toBeVisible();
  // The scheme is one more change of the settings draft, saved by the one Save with the rest.
  const settings = new SettingsPage(page);
  await expect(settings.status).toHaveText('1 change not saved yet');
  await expect(section.getByRole('button')).toHaveCount(0);
  await settings.save();
  await expect(settings.status).toHaveText('Saved');
  expect((await api.call<StoreSettings>('store.get')).loyalty).toMatchObject({ scheme: 'stamps', stampsEvery: 10 });
  await shoot(page, 'settings');

  // A regular with a profile: nine coffees over nine settled tabs.
  const sam = await api.call<Customer>('customer.create', { name: 'Sam Regular' });
  for (let visit = 0; visit < 9; visit += 1) {
    const tab = await api.openTabWith(items, ['Latte']);
    await api.call('tab.setCustomer', { tabId: tab.id, customerId: sam.id });
    await api.call('settle.pay', { tabId: tab.id, method: 'card' });
  }

  // The tenth: a latte and a croissant, settled at the counter.
  const tenth = await api.openTabWith(items, ['Latte', 'Croissant']);
  await api.call('tab.setCustomer', { tabId: tenth.id, customerId: sam.id });
  await page.goto(`${webHost.url}#/tab/${tenth.id}/settle`);
  const settle = new SettlePage(page);
  const reward = page.getByRole('region', { name: 'Loyalty' });
  await expect(reward).toContainText('Stamps: 9 of 9, the next Coffee is free');
  await expect(settle.due).toContainText('€7.60');
  await shoot(page, 'settle-due');
  await reward.getByRole('button', { name: 'Use reward (−€4.40)' }).click();
  await expect(reward.getByRole('status')).toHaveText('Loyalty: Latte free (stamp card) · Loyalty reward taken off: €4.40');
  await expect(settle.due).toContainText('€3.20');
  await expect(reward.getByRole('button', { name: /Use reward/ })).toHaveCount(0);
  await shoot(page, 'settle-used');
  await settle.method('Card');
  await settle.tipPayNone();
  await settle.confirm();
  await expect(page.getByText(`Settled. Token ${tenth.token} is free again.`)).toBeVisible();

  // The receipt: the free latte as a loyalty line, and the card starting again.
  await page.goto(`${webHost.url}#/tab/${tenth.id}/receipt`);
  const receipt = page.getByRole('article');
  await expect(receipt.locator('.receipt__loyalty')).toHaveText('Loyalty: Latte free (stamp card)−€4.40');
  await expect(receipt).toContainText('Stamp card: 0 of 9');
  await shoot(page, 'receipt');
  const settled = await api.tab(tenth.id);
  expect(settled.totalMinor).toBe(320);
  expect((await api.tab(tenth.id)).loyalty?.reward).toEqual({ scheme: 'stamps', units: 9, discountMinor: 440, itemName: 'Latte' });

  // Her page lists what she earned and spent.
  await page.goto(`${webHost.url}#/customers/${sam.id}`);
  const history = page.getByRole('region', { name: 'Loyalty' });
  await expect(history.getByText('Stamps: 0 of 9')).toBeVisible();
  await expect(history.locator('tbody tr')).toHaveCount(10);
  await expect(history.locator('tbody tr').first()).toContainText('Spent (−€4.40)');
  await shoot(page, 'customer');

  // The Z shows the reward on its own line, apart from comps.
  const x = await api.call<DayReport>('report.x', {});
  expect(x.loyalty?.rewards).toBe(1);
  expect(x.sales.compsMinor).toBe(0);
  const reports = new ReportsPage(page);
  await page.goto(`${webHost.url}#/`);
  await reports.openFromNav();
  await reports.closeDay();
  await expect(page).toHaveURL(/#\/reports\/z\/1$/);
  const loyaltyGiven = `−€${Math.trunc((x.loyalty?.amountMinor ?? 0) / 100)}.${String((x.loyalty?.amountMinor ?? 0) % 100).padStart(2, '0')}`;
  await expect(reports.figure('Sales', 'Loyalty rewards (1 rewards)')).toHaveText(loyaltyGiven);
  await expect(reports.figure('Sales', 'Comps')).toHaveText('€0.00');
  await shoot(page, 'z');
});
