import type { Page } from '@playwright/test';
import type { Customer } from '../shared/customer-types';
import type { RefundResult } from '../shared/refund-types';
import de from '../shared/i18n/catalogues/de.json';
import es from '../shared/i18n/catalogues/es.json';
import { languageNames } from '../shared/i18n/languages';
import type { Catalog, StaffMember, StoreSettings } from '../shared/types';
import { openDrawerByBackDoor } from './pages/drawer-page';
import { CommandClient, openTabScreen } from './pages/tab-page';
import { expect, test } from './fixtures';

const DESKTOP = { width: 1280, height: 800 } as const;

/**
 * Words that are not the screen's own: names, codes and keys no language translates. Everything
 * else a screen shows in the pseudo-locale comes out accented, so plain ASCII letters left over
 * are words that bypassed the catalogue.
 */
const UNTRANSLATED_ON_PURPOSE = [
  'Aftertab',
  'PIN',
  'PINs',
  'CSV',
  'PDF',
  'SQLite',
  'ISO',
  'Esc',
  'Enter',
  'Ctrl',
  'Shift',
  'Tab',
  'Backspace',
  'Delete',
  'Home',
  'End',
  'mm',
  'A4',
];

type Scene = { routes: { name: string; path: string }[]; dataWords: string[] };

/** A day in a café with something on every screen: open and paid tabs, a customer, a drawer. */
async function setScene(page: Page, request: Parameters<typeof openTabScreen>[1], host: Parameters<typeof openTabScreen>[2]): Promise<Scene> {
  await openDrawerByBackDoor(request, host);
  const { api, items, opened } = await openTabScreen(page, request, host, ['Latte', 'Croissant']);
  const paid = await api.openTabWith(items, ['Espresso']);
  await api.call('settle.pay', { tabId: paid.id, method: 'card' });
  const refund = await api.call<RefundResult>('tab.refund', { tabId: paid.id, mode: 'amount', amountMinor: 100, reason: 'Sam Regular' });
  const customer = await api.call<Customer>('customer.create', { name: 'Sam Regular' });
  const catalog = await api.call<Catalog>('catalog.list');
  const store = await api.call<StoreSettings>('store.get');
  const staff = await api.call<StaffMember[]>('staff.list');
  const dataWords = [
    store.name,
    store.payAfterTerms,
    ...Object.values(languageNames),
    ...store.taxRates.map((rate) => rate.label),
    ...catalog.items.map((item) => item.name),
    ...catalog.categories.map((category) => category.name),
    ...staff.map((person) => person.name),
    customer.name,
    // The refunds account's code, shown beside its name in the report's accounts (one word, so the codes' pattern misses it).
    'refunds',
  ];
  return {
    dataWords,
    routes: [
      { name: 'board', path: '/' },
      { name: 'tab', path: `/tab/${opened.id}` },
      { name: 'settle', path: `/tab/${opened.id}/settle` },
      { name: 'receipt', path: `/tab/${paid.id}/receipt` },
      { name: 'refund', path: `/tab/${paid.id}/refund` },
      { name: 'refund-receipt', path: `/refund/${refund.refundId}` },
      { name: 'find-receipt', path: '/receipts' },
      { name: 'slip', path: `/slip/${opened.id}` },
      { name: 'tokens', path: '/tokens' },
      { name: 'drawer', path: '/drawer' },
      { name: 'catalog', path: '/catalog' },
      { name: 'settings', path: '/settings' },
      { name: 'backups', path: '/backups' },
      { name: 'reports', path: '/reports' },
      { name: 'staff', path: '/staff' },
      { name: 'customers', path: '/customers' },
      { name: 'customer', path: `/customers/${customer.id}` },
      { name: 'diary', path: '/appointments' },
      { name: 'activity', path: '/activity' },
      { name: 'dashboard', path: '/dashboard' },
    ],
  };
}

/**
 * Every visible text node and every accessible label or hint of the screen, as shown. Run in the
 * page (written as its source: the specs are type-checked without the DOM's types).
 */
const SCREEN_TEXTS = `(() => {
  const out = [];
  const visible = (element) => !!element && element.checkVisibility({ visibilityProperty: true });
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest('script, style, [hidden], [inert]')) continue;
    if (parent.tagName === 'OPTION' ? visible(parent.closest('select')) : visible(parent)) out.push(text);
  }
  for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (!visible(element) || element.closest('[hidden], [inert]')) continue;
    for (const attribute of ['aria-label', 'title', 'placeholder']) {
      const value = element.getAttribute(attribute)?.trim();
      if (value) out.push(value);
    }
  }
  return out;
})()`;

function screenTexts(page: Page): Promise<string[]> {
  return page.evaluate(SCREEN_TEXTS);
}

/** What is left of a text once names, codes, numbers and the pseudo-locale's accented words are taken out. */
function leftoverEnglish(text: string, dataWords: string[]): string | null {
  let rest = text;
  for (const word of [...dataWords].sort((a, b) => b.length - a.length)) if (word) rest = rest.split(word).join(' ');
  rest = rest
    // Intl's own words in the pseudo-locale's English: dates ("Sat 5 Dec 2026") and a locale's
    // name beside its code ("English (Ireland) · en-IE"); time zones are IANA's names.
    .replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/g, ' ')
    .replace(/\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec) \d{4}\b/g, ' ')
    .replace(/^.* · [a-z]{2}-[A-Z]{2}$/, ' ')
    .replace(/^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/.*$/, ' ')
    // Ledger account codes shown beside their names (tabs_receivable, sales:10).
    .replace(/\b[a-z]+(_[a-z]+)+(:\d+)?\b|\b[a-z]+:\d+\b/g, ' ')
    // Locales (en-IE), currency and ISO codes, file names, links.
    .replace(/\b[a-z]{2}-[A-Z]{2}\b/g, ' ')
    .replace(/\b[A-Z]{2,4}\b/g, ' ')
    .replace(/[\w.-]+\.(sqlite|json|csv|log|png|pdf)\b/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
  for (const word of UNTRANSLATED_ON_PURPOSE) rest = rest.replace(new RegExp(`\\b${word}\\b`, 'g'), ' ');
  return /[A-Za-z]{2,}/.test(rest) ? text : null;
}

async function visit(page: Page, url: string, path: string): Promise<void> {
  await page.goto(`${url}#${path}`);
  // Every screen has a heading once its data is in; "Loading…" gives way to it (the event stream
  // keeps the network busy, so the screen's own words are what is waited for).
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.getByText(/^⟦?(Loading|Ĺöáðíñĝ|Lädt|Cargando)/)).toHaveCount(0);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/language-${name}.png`, fullPage: true });
}

test('in the pseudo-locale every word on every screen comes from the catalogue, paper included', async ({ page, request, webHost, appUrl }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  const host = { ...webHost, appUrl };
  const scene = await setScene(page, request, host);
  await new CommandClient(request, webHost).call('device.update', { language: 'pseudo' });
  await page.reload();
  await expect(page.getByRole('navigation').getByText(/^⟦/).first()).toBeVisible();

  const leftovers: string[] = [];
  for (const route of scene.routes) {
    await visit(page, webHost.url, route.path);
    await shoot(page, `pseudo-${route.name}`);
    for (const text of await screenTexts(page)) {
      const left = leftoverEnglish(text, scene.dataWords);
      if (left) leftovers.push(`${route.name}: ${left}`);
    }
  }
  expect([...new Set(leftovers)]).toEqual([]);
});

/** Labels and buttons that do not fit show as clipped or push the page sideways: both are found here. */
const OVERFLOWING = `(() => {
  const out = [];
  if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push('the page is ' + document.documentElement.scrollWidth + 'px wide');
  for (const element of document.querySelectorAll('button, a, label, th, h1, h2, h3, legend, nav li, .chip, select')) {
    // Hidden, or there for screen readers only (a 1px clipped legend): nothing to fit.
    if (!element.checkVisibility() || element.closest('[hidden], [inert]') || element.clientWidth <= 1) continue;
    const style = getComputedStyle(element);
    const clips = style.overflowX === 'hidden' || style.textOverflow === 'ellipsis' || style.whiteSpace === 'nowrap';
    if (clips && element.scrollWidth > element.clientWidth + 1)
      out.push(element.tagName.toLowerCase() + ' "' + (element.textContent || '').trim().slice(0, 60) + '" needs ' + element.scrollWidth + 'px of ' + element.clientWidth + 'px');
  }
  return out;
})()`;

function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(OVERFLOWING);
}

test('the screens switch to German and to Spanish in Settings, and German labels fit at 1280×800', async ({ page, request, webHost, appUrl }) => {
  test.setTimeout(150_000);
  await page.setViewportSize(DESKTOP);
  const scene = await setScene(page, request, { ...webHost, appUrl });

  for (const route of scene.routes) {
    await visit(page, webHost.url, route.path);
    await shoot(page, `en-${route.name}`);
  }

  // German, chosen on this PC's own settings: every word re-renders at once.
  await visit(page, webHost.url, '/settings');
  await page.getByLabel('Screen language').selectOption('de');
  await expect(page.getByRole('heading', { name: de['settings.title'], level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: de['nav.settings'] })).toBeVisible();
  // The Z and receipts stay in the store's language, which is still English.
  await expect(page.getByText(de['device.languageHint'].replace('{language}', 'English'))).toBeVisible();

  const tooTight: string[] = [];
  for (const route of scene.routes) {
    await visit(page, webHost.url, route.path);
    await shoot(page, `de-${route.name}`);
    tooTight.push(...(await overflowing(page)).map((problem) => `${route.name}: ${problem}`));
  }
  expect(tooTight).toEqual([]);

  // A reload keeps this PC's choice: it lives in the PC's settings, not in the page.
  await page.reload();
  await expect(page.getByRole('navigation').getByRole('link', { name: de['nav.settings'] })).toBeVisible();

  await visit(page, webHost.url, '/settings');
  await page.getByLabel(de['device.language']).selectOption('es');
  await expect(page.getByRole('heading', { name: es['settings.title'], level: 1 })).toBeVisible();
  for (const route of scene.routes) {
    await visit(page, webHost.url, route.path);
    await shoot(page, `es-${route.name}`);
    expect(await overflowing(page), route.name).toEqual([]);
  }

  // Back to the store's language.
  await visit(page, webHost.url, '/settings');
  await page.getByLabel(es['device.language']).selectOption('');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
});
