import { boxOf, expectUncovered, sizeName, tablets, type Size } from './pages/layout';
import { SettingsPage } from './pages/settings-page';
import { CommandClient, openSettleScene } from './pages/tab-page';
import { expect, test } from './fixtures';

/** Nothing was taken: no payment, nothing paid, the tab still open, the books balanced. */
async function expectNothingTaken(api: CommandClient, tabId: number): Promise<void> {
  const tab = await api.tab(tabId);
  expect(tab).toMatchObject({ status: 'open', paidMinor: 0, payments: [] });
  expect(await api.call('ledger.check')).toMatchObject({ balanced: true, problems: [] });
}

test('a card tip of 1,000.00 on a 4.00 tab is asked about in words; Change it posts nothing; Yes settles', async ({ page, request, webHost, appUrl }) => {
  const { api, opened: tab, settle } = await openSettleScene(page, request, { ...webHost, appUrl }, ['Hot chocolate'], { openDrawer: false });
  await expect(settle.due).toHaveText('€4.00');
  await settle.method('Card');
  await settle.typeTip('1000');
  await settle.tipAmount.press('Enter');

  await expect(settle.questionWords).toHaveText('Tip €1,000.00 on a bill of €4.00? That is more than 30% of the bill.');
  // Right above the confirm button, which waits for the answer.
  const [asked, confirm] = [await boxOf(settle.question), await boxOf(settle.confirmButton())];
  expect(asked.y + asked.height).toBeLessThanOrEqual(confirm.y);
  await expect(settle.confirmButton()).toBeDisabled();
  await expect(settle.changeIt).toBeFocused();
  await expectNothingTaken(api, tab.id);

  // The Enter pressed twice by habit lands on Change it: back to the tip, nothing posted.
  await page.keyboard.press('Enter');
  await expect(settle.question).toHaveCount(0);
  await expect(settle.tipAmount).toBeFocused();
  await expect(settle.tipAmount).toHaveValue('1000');
  await expectNothingTaken(api, tab.id);

  // Asked again, answered with a deliberate tap.
  await settle.tipAmount.press('Enter');
  await expect(settle.questionWords).toContainText('Tip €1,000.00 on a bill of €4.00?');
  await settle.yesTakeIt.click();
  await expect(page.getByText(`Settled. Token ${tab.token} is free again.`)).toBeVisible();
  const paid = await api.tab(tab.id);
  expect(paid).toMatchObject({ status: 'settled', paidMinor: 400 });
  expect(paid.payments).toMatchObject([{ method: 'card', amountMinor: 400, tipMinor: 100_000 }]);
  expect(await api.call('ledger.check')).toMatchObject({ balanced: true, problems: [] });
});

test('1,000,000.00 cash on 7.60 is asked about; Esc goes back to the cash with nothing posted; a €20 note is taken unasked', async ({
  page,
  request,
  webHost,
  appUrl,
}) => {
  const { api, opened: tab, settle } = await openSettleScene(page, request, { ...webHost, appUrl }, ['Latte', 'Croissant']);
  await expect(settle.due).toHaveText('€7.60');
  await expect(settle.chosenMethod()).toHaveText('Cash');
  await settle.cashGiven.fill('1000000');
  await settle.cashGiven.press('Enter');
  await expect(settle.questionWords).toHaveText('Cash given €1,000,000.00 on €7.60? That is more than any one note over what is owed.');

  await page.keyboard.press('Escape');
  await expect(settle.question).toHaveCount(0);
  await expect(settle.cashGiven).toBeFocused();
  await expect(settle.due).toHaveText('€7.60');
  await expectNothingTaken(api, tab.id);

  await settle.cashGiven.fill('20');
  await settle.cashGiven.press('Enter');
  await expect(settle.outcome).toContainText('Change €12.40');
  expect((await api.tab(tab.id)).status).toBe('settled');
});

test('the share is a store setting: at 50 % a 1.80 tip on 4.00 is taken unasked, 2.40 is asked about', async ({ page, request, webHost, appUrl }) => {
  const api = new CommandClient(request, webHost);
  const settings = new SettingsPage(page);
  await settings.goto(appUrl);
  await expect(settings.tipConfirmPercent).toHaveValue('30');
  await settings.tipConfirmPercent.fill('0');
  await settings.save();
  await expect(page.getByRole('alert').filter({ hasText: 'Enter a whole number from 1 to 1000' })).toBeVisible();
  await settings.tipConfirmPercent.fill('50');
  await settings.save();
  await expect(settings.status).toHaveText('Saved');
  expect(await api.call('store.get')).toMatchObject({ tipConfirmPercent: 50 });

  const { opened: tab, settle } = await openSettleScene(page, request, { ...webHost, appUrl }, ['Hot chocolate'], { openDrawer: false });
  await settle.method('Card');
  await settle.typeTip('2.40');
  await settle.confirm();
  await expect(settle.questionWords).toHaveText('Tip €2.40 on a bill of €4.00? That is more than 50% of the bill.');
  await settle.changeIt.click();
  await settle.tipAmount.fill('1.80');
  await settle.confirm();
  await expect(page.getByText(`Settled. Token ${tab.token} is free again.`)).toBeVisible();
  expect((await api.tab(tab.id)).payments).toMatchObject([{ tipMinor: 180 }]);
});

const sizes: readonly Size[] = [...tablets, { width: 1280, height: 800 }, { width: 1920, height: 1080 }];

for (const size of sizes) {
  const at = sizeName(size);

  test(`the question at ${at}: both amounts in words, the answers and the confirm button in view and uncovered`, async ({ page, request, webHost, appUrl }) => {
    await page.setViewportSize(size);
    const { api, opened: tab, settle } = await openSettleScene(page, request, { ...webHost, appUrl }, ['Latte', 'Croissant']);
    await settle.typeTip('1000');
    await settle.cashGiven.fill('1000000');
    await settle.cashGiven.press('Enter');
    await expect(settle.questionWords).toHaveText(
      'Tip €1,000.00 on a bill of €7.60? That is more than 30% of the bill.Cash given €1,000,000.00 on €1,007.60? That is more than any one note over what is owed.',
    );
    for (const control of [settle.questionWords, settle.changeIt, settle.yesTakeIt, settle.confirmButton()]) await expectUncovered(control);
    await page.screenshot({ path: `test-results/screenshots/large-amounts-${at}.png` });
    await expectNothingTaken(api, tab.id);

    const settings = new SettingsPage(page);
    await settings.openFromNav();
    await settings.tipConfirmPercent.scrollIntoViewIfNeeded();
    await expectUncovered(settings.tipConfirmPercent);
    await page.screenshot({ path: `test-results/screenshots/settings-large-amounts-${at}.png`, fullPage: true });
  });
}
