import type { Page } from '@playwright/test';
import type { Customer } from '../shared/customer-types';
import type { TabSummary } from '../shared/types';
import { BoardPage } from './pages/board-page';
import { CustomersPage, TabCustomerControl } from './pages/customers-page';
import { SettlePage } from './pages/settle-page';
import { openTabScreen } from './pages/tab-page';
import { expect, test } from './fixtures';

const sizes = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 768, height: 1024 },
  { width: 1920, height: 1080 },
] as const;

async function shoot(page: Page, name: string): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/customers-${name}-${size.width}x${size.height}.png`, fullPage: true });
  }
}

test('a regular: created, attached to a tab, settled, merged with a duplicate, then erased with every total kept', async ({
  page,
  request,
  webHost,
  appUrl,
}) => {
  const { api, items, opened, tab } = await openTabScreen(page, request, { ...webHost, appUrl }, ['Latte', 'Croissant']);
  const customers = new CustomersPage(page);

  // A new customer, with an error beside the field first.
  await customers.open();
  await customers.create({ name: 'Maya Lind', phone: '12', email: 'maya@example.com', notes: 'Oat milk, no nuts', contactOk: true });
  await expect(customers.form('New customer').getByRole('alert')).toHaveText('A phone number has at least 5 digits and only digits, spaces and + - ( ) .');
  await customers.form('New customer').getByLabel('Phone').fill('087 555 0101');
  await customers.form('New customer').getByRole('button', { name: 'Add customer' }).click();
  await expect(customers.heading()).toHaveText('Maya Lind');
  await expect(page.getByText('Oat milk, no nuts')).toBeVisible();

  // Attached on the tab screen, shown there and on the board's card.
  await tab.goto(webHost.url, opened.id);
  await new TabCustomerControl(page).attach('0555', 'Maya Lind');
  await shoot(page, 'tab');
  const board = new BoardPage(page);
  await tab.toBoard();
  await expect(board.tabCard(opened.token)).toContainText('Maya Lind');
  await tab.openFromBoard(opened.token);

  // Settled by card: the visit shows on her page with its total.
  await tab.settleButton.click();
  const settle = new SettlePage(page);
  await settle.method('Card');
  await settle.tipPayNone();
  await settle.confirm();
  await expect(page.getByText(`Settled. Token ${opened.token} is free again.`)).toBeVisible();
  await customers.open();
  await shoot(page, 'search');
  await customers.openProfile('maya', 'Maya Lind');
  await expect(customers.visits).toHaveCount(1);
  await expect(customers.visits.first()).toContainText('Latte × 1, Croissant × 1');
  expect(await customers.visitTotals()).toEqual(['€7.60']);

  // A duplicate made by mistake, with a visit of its own, merged into her.
  const duplicate = await api.call<Customer>('customer.create', { name: 'Maya L' });
  const second = await api.call<TabSummary>('tab.open', {});
  await api.call('tab.setCustomer', { tabId: second.id, customerId: duplicate.id });
  await api.call('tab.addLine', { tabId: second.id, itemId: items.get('Latte'), qty: 2 });
  await api.call('settle.pay', { tabId: second.id, method: 'card' });
  await page.goto(`${webHost.url}#/customers/${duplicate.id}`);
  await expect(customers.heading()).toHaveText('Maya L');
  await page.getByRole('button', { name: 'Merge into…' }).click();
  const merge = customers.form('Merge into another customer');
  await merge.getByLabel('Find the profile to keep').fill('lind');
  await merge.getByRole('button', { name: 'Merge into Maya Lind' }).click();
  await expect(merge).toContainText('Merge Maya L into Maya Lind?');
  await merge.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(customers.heading()).toHaveText('Maya Lind');
  await expect(customers.visits).toHaveCount(2);
  const totals = await customers.visitTotals();
  expect([...totals].sort()).toEqual(['€7.60', '€8.80'].sort());
  await shoot(page, 'profile');

  // Erased on request: the confirm says what stays; the name goes, the visits and totals stay.
  await page.getByRole('button', { name: 'Erase personal details' }).click();
  const erase = customers.form('Erase personal details?');
  await expect(erase).toContainText('What stays: every visit, with its date, items, staff and amounts, and the books.');
  await erase.getByRole('button', { name: 'Erase', exact: true }).click();
  await expect(customers.heading()).toHaveText('Erased customer');
  await expect(page.getByText('Oat milk, no nuts')).toHaveCount(0);
  await expect(customers.visits).toHaveCount(2);
  expect(await customers.visitTotals()).toEqual(totals);
  await shoot(page, 'erased');
});
