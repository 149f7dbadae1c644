import type { Locator, Page } from '@playwright/test';
import { openDrawerByBackDoor } from './pages/drawer-page';
import { boxOf, coveredControls, expectFocusClearsBar, expectNavFits, expectUncovered, overlaps, sizeName, tablets, type Size } from './pages/layout';
import { SettingsPage } from './pages/settings-page';
import { SettlePage } from './pages/settle-page';
import { openApp } from './pages/sign-in-page';
import { CommandClient, TabPage } from './pages/tab-page';
import { expect, test } from './fixtures';

/** The tablets, then the sizes the density specs hold the layout to, so a fix for one never breaks the other. */
const settleSizes: readonly Size[] = [...tablets, { width: 1280, height: 800 }, { width: 1920, height: 1080 }];

/**
 * What a cashier needs to take cash, each wholly in the window and drawn on top: the quick tenders,
 * the cash field, what to take with the change, and the confirm button. The field and the tenders
 * lie clear of the footer that holds the change and the button.
 */
async function expectCashInReach(settle: SettlePage): Promise<void> {
  const footer = settle.payPanel.locator('.settle-pay__footer');
  const tenders = await settle.payPanel.getByRole('group', { name: 'Cash handed over' }).getByRole('button').all();
  expect(tenders.length).toBeGreaterThanOrEqual(3);
  for (const control of [...tenders, settle.cashGiven]) {
    await expectUncovered(control);
    expect(overlaps(await boxOf(control), await boxOf(footer))).toBe(false);
  }
  await expectUncovered(settle.preview);
  await expectUncovered(settle.confirmButton());
}

/**
 * An owner's nav (eight links, who is signed in, Lock) on one row on a tablet on its side and
 * wider, where height is short; held upright it is too narrow for one row and may take two.
 */
const navRows = (size: Size): number => (size.width < size.height ? 2 : 1);

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

for (const size of settleSizes) {
  const at = sizeName(size);

  test(`settle at ${at}: the cash field, quick tenders, change due and confirm are in view and uncovered, whole or split, with a typed tip`, async ({
    page,
    request,
    webHost,
    appUrl,
  }) => {
    const api = new CommandClient(request, webHost);
    const items = await api.seedCafe();
    await openDrawerByBackDoor(request, webHost);
    const opened = await api.openTabWith(items, ['Latte', 'Croissant', 'Cappuccino']);
    await page.setViewportSize(size);
    await openApp(page, appUrl);
    await page.goto(`${webHost.url}#/tab/${opened.id}/settle`);
    const settle = new SettlePage(page);
    await expect(settle.due).toHaveText('€11.80');
    await expect(settle.chosenMethod()).toHaveText('Cash');
    await expectNavFits(page, { rows: navRows(size) });

    // The whole tab: everything is there as the screen opens, and focusing the field needs no scroll.
    await expectCashInReach(settle);
    await settle.cashGiven.focus();
    expect(await page.evaluate('window.scrollY')).toBe(0);
    await settle.quickTender('€15.00');
    await expect(settle.preview).toContainText('Change €3.20');
    await expectCashInReach(settle);
    await shoot(page, `settle-${at}`);

    // The tallest form: a part of a split, a typed tip and the cash handed over.
    await settle.splitEvenly(2);
    await settle.typeTip('1');
    await settle.quickTender('€10.00');
    await expect(settle.preview).toContainText('To take: €6.90');
    await expect(settle.preview).toContainText('Change €3.10');
    await expectCashInReach(settle);
    await expectUncovered(settle.tipAmount);
    await shoot(page, `settle-split-${at}`);

    // Part 2 with the change for part 1 still shown, the amount paid so far beside the due.
    await settle.confirm();
    await expect(settle.outcome).toContainText('Change €3.10');
    await expect(settle.payPanel).toContainText('Part 2: take payment of €5.90');
    await settle.typeTip('1');
    await settle.quickTender('€10.00');
    await expect(settle.preview).toContainText('Change €3.10');
    await page.evaluate('window.scrollTo(0, 0)');
    await expectUncovered(settle.outcome);
    await expectCashInReach(settle);
    await shoot(page, `settle-part2-${at}`);
    await settle.confirm();
    await expect(page.getByText(`Settled. Token ${opened.token} is free again.`)).toBeVisible();
    expect(await api.call('ledger.check')).toMatchObject({ balanced: true, problems: [] });
  });
}

for (const size of tablets) {
  const at = sizeName(size);

  test(`every screen at ${at}: the nav fits without sideways scrolling, and no control in view is covered`, async ({ page, request, webHost, appUrl }) => {
    const api = new CommandClient(request, webHost);
    const items = await api.seedCafe();
    await openDrawerByBackDoor(request, webHost);
    const tab = await api.openTabWith(items, ['Latte', 'Croissant', 'Cappuccino', 'Espresso']);
    for (let i = 0; i < 5; i += 1) await api.openTabWith(items, ['Latte']);
    await page.setViewportSize(size);
    await openApp(page, appUrl);

    const screens: [string, string, Locator][] = [
      [
        'board',
        '/',
        page
          .getByRole('list', { name: /open tabs?$/ })
          .getByRole('listitem')
          .nth(5),
      ],
      ['tab', `/tab/${tab.id}`, new TabPage(page).line('Espresso')],
      ['drawer', '/drawer', page.getByRole('form', { name: 'Pay in or pay out' })],
      ['reports', '/reports', page.getByRole('heading', { name: /^X report/ })],
      ['settings', '/settings', new SettingsPage(page).name],
      ['catalog', '/catalog', page.getByText('Americano', { exact: true })],
      ['backups', '/backups', page.getByRole('button', { name: 'Back up now' })],
      ['tokens', '/tokens', page.getByRole('button', { name: /^Token 8, free$/ })],
      ['slip', `/slip/${tab.id}`, page.getByRole('article', { name: 'Token slip' })],
      ['staff', '/staff', page.getByRole('list', { name: 'Active staff' }).getByRole('listitem', { name: 'Owner', exact: true })],
      ['activity', '/activity', page.getByRole('table', { name: 'Who did what' })],
    ];
    for (const [name, route, ready] of screens) {
      await page.goto(`${webHost.url}#${route}`);
      await expect(ready).toBeVisible();
      await expectNavFits(page, { rows: navRows(size) });
      await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
      // The tab's totals and the settings' Save bar are pinned to the window's foot on purpose; the tests below check them.
      const pinned = name === 'tab' ? page.locator('.tab-totals') : name === 'settings' ? page.locator('.settings__bar') : undefined;
      expect(await coveredControls(page, pinned), `covered controls on ${name}`).toEqual([]);
      await shoot(page, `${name}-${at}`);
    }
  });

  test(`settings at ${at}: a field behind the pinned Save bar comes out above it when focused`, async ({ page, appUrl }) => {
    await page.setViewportSize(size);
    const settings = new SettingsPage(page);
    await settings.goto(appUrl);
    await expectFocusClearsBar(page, settings.red, page.locator('.settings__bar'));
    await expectUncovered(settings.saveButton);
    await shoot(page, `settings-focused-${at}`);
  });
}

test("tab at 1024x768: a line's quantity behind the pinned totals comes out above them when focused", async ({ page, request, webHost, appUrl }) => {
  const api = new CommandClient(request, webHost);
  const items = await api.seedCafe();
  const opened = await api.openTabWith(items, ['Latte', 'Croissant', 'Cappuccino', 'Espresso', 'Americano']);
  await page.setViewportSize({ width: 1024, height: 768 });
  await openApp(page, appUrl);
  const tab = new TabPage(page);
  await tab.goto(webHost.url, opened.id);
  await expect(tab.lines).toHaveCount(5);
  await expectUncovered(tab.total('Due'));
  await expectFocusClearsBar(page, tab.qtyField('Americano'), page.locator('.tab-totals'));
  await expectUncovered(tab.total('Due'));
  await shoot(page, 'tab-focused-1024x768');
});

test('tab at 768x1024: below the catalog, the totals close the list instead of sitting over its heading and lines', async ({
  page,
  request,
  webHost,
  appUrl,
}) => {
  const api = new CommandClient(request, webHost);
  const items = await api.seedCafe();
  const opened = await api.openTabWith(items, ['Latte', 'Croissant', 'Cappuccino', 'Espresso', 'Americano']);
  await page.setViewportSize({ width: 768, height: 1024 });
  await openApp(page, appUrl);
  const tab = new TabPage(page);
  await tab.goto(webHost.url, opened.id);
  await expect(tab.lines).toHaveCount(5);
  const heading = page.getByRole('heading', { name: 'On the tab' });
  const totals = page.locator('.tab-totals');
  // However far the page is scrolled, neither the heading nor a line is under the totals.
  const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
  for (let stop = 0; stop < height; stop += 250) {
    await page.evaluate(`window.scrollTo(0, ${stop})`);
    const bar = await boxOf(totals);
    for (const part of [heading, ...(await tab.lines.all())]) expect(overlaps(await boxOf(part), bar), `${part.toString()} at scrollY ${stop}`).toBe(false);
  }
  await tab.total('Due').scrollIntoViewIfNeeded();
  await expectUncovered(tab.total('Due'));
  await expectUncovered(page.getByRole('button', { name: 'Comp', exact: true }).last());
  await shoot(page, 'tab-end-768x1024');
});

test('settle at 1024x640 (1280×800 zoomed to 125%): the tallest form outgrows the window, and a focused cash field comes out above the pinned confirm', async ({
  page,
  request,
  webHost,
  appUrl,
}) => {
  const api = new CommandClient(request, webHost);
  const items = await api.seedCafe();
  await openDrawerByBackDoor(request, webHost);
  const opened = await api.openTabWith(items, ['Latte', 'Croissant', 'Cappuccino']);
  await page.setViewportSize({ width: 1024, height: 640 });
  await openApp(page, appUrl);
  await page.goto(`${webHost.url}#/tab/${opened.id}/settle`);
  const settle = new SettlePage(page);
  await settle.splitEvenly(2);
  await settle.typeTip('1');
  await settle.quickTender('€10.00');
  await expect(settle.preview).toContainText('Change €3.10');
  await page.evaluate('window.scrollTo(0, 0)');
  // Too tall for the window: what to take, the change and the button stay pinned at its foot.
  await expectUncovered(settle.preview);
  await expectUncovered(settle.confirmButton());
  await expectFocusClearsBar(page, settle.cashGiven, settle.payPanel.locator('.settle-pay__footer'));
  await shoot(page, 'settle-focused-1024x640');
});
