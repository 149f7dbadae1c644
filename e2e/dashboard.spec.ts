import fs from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { DayStatus } from '../shared/closing-types';
import { formatMoney } from '../shared/money';
import type { Catalog, SignInResult, StoreSettings, TabSummary } from '../shared/types';
import { startAppCore } from '../electron/app-core';
import { TEST_PIN_COST } from '../electron/auth/pin-hash';
import { OWNER_PIN } from './pages/commands';
import { DashboardPage } from './pages/dashboard-page';
import { expectNavFits, sizeName, tablets } from './pages/layout';
import { openApp } from './pages/sign-in-page';
import { CommandClient } from './pages/tab-page';
import { expect, test, type SeedDataDir } from './fixtures';

const MINUTE = 60_000;

/**
 * A café whose first tab was opened 45 minutes ago: the ledger is made before the web host starts,
 * on a clock 45 minutes behind, so the tab is old enough for the 30–60 minute band without the
 * host's clock being touched. The business day ends twelve hours from now (UTC), so the tab and
 * everything the test does fall on the same business day whenever it runs.
 */
const earlyTab: SeedDataDir = {
  prepare: async (dataDir) => {
    const core = startAppCore({ dataDir, schedule: false, pinCost: TEST_PIN_COST, clock: () => new Date(Date.now() - 45 * MINUTE) });
    let token: string | null = null;
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const result = await core.commands.dispatch(name, { input, commandId: randomUUID() }, { kind: 'web', token });
      if (!result.ok) throw new Error(`${name} was refused: ${result.error.message}`);
      return result.value as T;
    };
    token = (await call<SignInResult>('session.setup', { pin: OWNER_PIN, pinAgain: OWNER_PIN })).token ?? null;
    const now = new Date();
    await call('store.update', { timeZone: 'UTC', dayBoundaryMinutes: (now.getUTCHours() * 60 + now.getUTCMinutes() + 720) % 1440 });
    const catalog = await call<Catalog>('catalog.loadStarter', { kind: 'cafe' });
    const latte = catalog.items.find((item) => item.name === 'Latte');
    const tab = await call<TabSummary>('tab.open', { name: 'Early' });
    await call('tab.addLine', { tabId: tab.id, itemId: latte?.id });
    await core.idle();
    core.close();
  },
};

test.use({ seedDataDir: earlyTab });

test('the owner sees the money out on open tabs and the month’s walkout rate on one screen, and downloads the numbers', async ({
  page,
  request,
  webHost,
  appUrl,
}) => {
  const api = new CommandClient(request, webHost);
  const store = await api.call<StoreSettings>('store.get');
  const money = (minor: number) => formatMoney(minor, store.currency, store.locale);
  const catalog = await api.call<Catalog>('catalog.list');
  const items = new Map(catalog.items.map((item) => [item.name, item.id]));
  const early = (await api.call<TabSummary[]>('tab.listOpen')).find((tab) => tab.name === 'Early');
  if (!early) throw new Error('the seeded tab is not open');

  // One tab walks out, one is paid, one is left open: one walkout of two closed tabs.
  const walker = await api.openTabWith(items, ['Latte', 'Croissant']);
  await api.call('tab.writeOff', { tabId: walker.id, reason: 'walked out' });
  const paid = await api.openTabWith(items, ['Espresso']);
  await api.call('settle.pay', { tabId: paid.id, method: 'card' });
  const later = await api.openTabWith(items, ['Cappuccino']);
  const closed = (await api.call<DayStatus>('day.status')).currentBusinessDate;
  await api.call('day.close', { businessDate: closed });
  const owed = early.dueMinor + later.dueMinor;
  expect(owed).toBeGreaterThan(0);

  await page.setViewportSize(tablets[0]!);
  await openApp(page, appUrl);
  const dashboard = new DashboardPage(page);
  await dashboard.openFromNav();
  // The month holding today; should the close have ended the month, the month before holds the day closed.
  const today = (await api.call<DayStatus>('day.status')).currentBusinessDate;
  if (today.slice(0, 7) !== closed.slice(0, 7)) await dashboard.pickPeriod('Previous');

  // Now: what the two open tabs owe, the early one in the 30–60 minute band and the oldest.
  await expect(dashboard.value(dashboard.owed)).toHaveText(money(owed));
  await expect(dashboard.value(dashboard.openTabs)).toHaveText('2');
  await expect(dashboard.oldest.getByRole('link', { name: `Open the oldest tab, token ${early.token}` })).toBeVisible();
  expect(await dashboard.rows('Owed by age')).toEqual([
    ['Open for', 'Tabs', 'Owed'],
    ['Under 30 min', '1', money(later.dueMinor)],
    ['30–60 min', '1', money(early.dueMinor)],
    ['1–2 h', '0', money(0)],
    ['Over 2 h', '0', money(0)],
    ['Total', '2', money(owed)],
  ]);
  // The month: one walkout of two closed tabs, and what walked out.
  await expect(dashboard.value(dashboard.walkouts)).toHaveText('50%');
  await expect(dashboard.walkouts).toContainText(`1 of 2 tabs; ${money(walker.dueMinor)} walked out`);
  // Both on the one screen, at once.
  await expect(dashboard.owed).toBeInViewport();
  await expect(dashboard.walkouts).toBeVisible();
  const dayRow = (await dashboard.rows('Every day')).find((row) => row[5] === '50%');
  expect(dayRow?.slice(1, 5)).toEqual([expect.any(String), '1', '1', money(walker.dueMinor)]);

  // The CSVs carry the same numbers, from the ledger.
  const days = await dashboard.download('Every day');
  expect(days.suggestedFilename()).toMatch(/^aftertab-dashboard-days-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/);
  const dayRows = parse(await fs.readFile(await days.path(), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  expect(dayRows.find((r) => r.business_date === closed)).toMatchObject({
    source: 'z',
    z_number: '1',
    settled: '1',
    walkouts: '1',
    walkout_minor: String(walker.dueMinor),
    walkout_tabs_percent: '50.00',
    owed_at_close_minor: String(owed),
    open_at_close: '2',
  });
  const owedCsv = await dashboard.download('Owed by age');
  const owedRows = parse(await fs.readFile(await owedCsv.path(), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  expect(owedRows.map((r) => [r.band, r.tabs, r.owed_minor])).toEqual([
    ['under30', '1', String(later.dueMinor)],
    ['from30to60', '1', String(early.dueMinor)],
    ['from60to120', '0', '0'],
    ['over120', '0', '0'],
    ['total', '2', String(owed)],
  ]);

  // The oldest tab is one tap away.
  await dashboard.oldest.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/tab/${early.id}$`));
});

for (const size of [...tablets, { width: 1280, height: 800 }]) {
  test(`the dashboard at ${sizeName(size)}: the nav fits, nothing runs off the side, and the period is picked by keyboard`, async ({
    page,
    request,
    webHost,
    appUrl,
  }) => {
    const api = new CommandClient(request, webHost);
    const items = new Map((await api.call<Catalog>('catalog.list')).items.map((item) => [item.name, item.id]));
    await api.openTabWith(items, ['Latte']);
    await page.setViewportSize(size);
    await openApp(page, appUrl);
    const dashboard = new DashboardPage(page);
    await dashboard.openFromNav();
    // An owner's eleven links, their name and Lock: one row on a tablet on its side and a laptop, two held upright.
    await expectNavFits(page, { rows: size.width < size.height ? 2 : 1 });
    await page.screenshot({ path: `test-results/screenshots/dashboard-${sizeName(size)}.png`, fullPage: true });
    // W picks the week, then the same buttons by Tab and Enter: each period shows its own days.
    await page.keyboard.press('w');
    await expect(dashboard.period.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'true');
    await dashboard.period.getByRole('button', { name: 'Day', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(dashboard.period.getByRole('button', { name: 'Day', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('table', { name: 'Every day' }).locator('tbody tr')).toHaveCount(1);
    await expect(dashboard.value(dashboard.openTabs)).toHaveText('2');
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
  });
}
