import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { Host } from './commands';
import type { Catalog, LineAdded, TabDetail, TabSummary } from '../../shared/types';
import { must } from './commands';
import { openDrawerByBackDoor } from './drawer-page';
import { SettlePage } from './settle-page';
import { openApp } from './sign-in-page';

/**
 * Calls a command over the web host's HTTP transport, as the specs' back door for setup and
 * checks, as whoever the host's session token belongs to (the owner, from the fixture).
 */
export class CommandClient {
  constructor(
    private readonly request: APIRequestContext,
    private readonly host: Host,
  ) {}

  call<T>(name: string, input: object = {}): Promise<T> {
    return must<T>(this.request, this.host, name, input);
  }

  tab(tabId: number): Promise<TabDetail> {
    return this.call<TabDetail>('tab.get', { tabId });
  }

  /** Loads the café starter catalog and returns its items by name. */
  async seedCafe(): Promise<Map<string, number>> {
    const catalog = await this.call<Catalog>('catalog.loadStarter', { kind: 'cafe' });
    return new Map(catalog.items.map((item) => [item.name, item.id]));
  }

  /** Opens a tab on the next token with the named items on it, and reads it whole (its lines, history...). */
  async openTabWith(items: Map<string, number>, names: string[]): Promise<TabDetail> {
    const opened = await this.call<TabSummary>('tab.open', {});
    for (const name of names) await this.call<LineAdded>('tab.addLine', { tabId: opened.id, itemId: items.get(name) });
    return this.tab(opened.id);
  }
}

/** The tab detail screen, by roles and visible words. */
export class TabPage {
  readonly search: Locator;
  readonly lines: Locator;
  readonly settleButton: Locator;
  readonly walkoutButton: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Search the catalog' });
    this.lines = page.getByRole('region', { name: 'On the tab' }).getByRole('listitem');
    this.settleButton = page.getByRole('link', { name: 'Settle', exact: true });
    this.walkoutButton = page.getByRole('button', { name: 'Walkout', exact: true });
    this.history = page.getByRole('region', { name: 'History' });
  }

  /** Opens a tab from the board's own card link. */
  async openFromBoard(token: number): Promise<void> {
    await this.page
      .getByRole('listitem', { name: `Token ${token}`, exact: true })
      .getByRole('link')
      .click();
    await this.loaded();
  }

  /** Opens a tab's screen directly by its address (the secret is already in the session). */
  async goto(baseUrl: string, tabId: number): Promise<void> {
    await this.page.goto(`${baseUrl}#/tab/${tabId}`);
    await this.loaded();
  }

  /** "Loading the tab…" is a heading too; the screen (and its keyboard shortcuts) is there once it is gone. */
  private async loaded(): Promise<void> {
    await expect(this.heading()).toBeVisible();
    await expect(this.heading()).not.toHaveText(/^Loading/);
  }

  /** Goes back to the board through the navigation bar. */
  async toBoard(): Promise<void> {
    await this.boardLink().click();
  }

  /** The navigation bar's way back to the board. */
  boardLink(): Locator {
    return this.page.getByRole('navigation').getByRole('link', { name: 'Tabs' });
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** Taps a catalog item once and waits until its line shows the new quantity. */
  async addItem(name: string): Promise<void> {
    await this.itemButton(name).click();
  }

  /** A catalog item's button; its name reads "Add <item>, <price>". */
  itemButton(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^Add ${name}, `) });
  }

  line(name: string): Locator {
    return this.page.getByRole('region', { name: 'On the tab' }).getByRole('listitem', { name, exact: true });
  }

  qtyField(name: string): Locator {
    return this.line(name).getByRole('textbox', { name: `Quantity of ${name}` });
  }

  async typeQty(name: string, qty: string): Promise<void> {
    await this.qtyField(name).fill(qty);
    await this.qtyField(name).press('Enter');
  }

  /** Comps a line by a percentage; `units` sets how many of its units (all of them when left out). */
  async comp(name: string, percent: number, reason: 'Not satisfied' | 'Waited too long' | 'Goodwill', units?: number): Promise<void> {
    const line = this.line(name);
    await line.getByRole('button', { name: 'Comp', exact: true }).click();
    const form = line.getByRole('form', { name: `Comp ${name}` });
    await form.getByRole('textbox', { name: 'How many percent off' }).fill(String(percent));
    if (units !== undefined) await this.compUnits(form, name, units);
    await form.getByRole('radio', { name: reason }).check();
    await form.getByRole('button', { name: 'Comp the line' }).click();
  }

  /** Steps the comp's "n of qty" with its − and + until it reads `units`. */
  private async compUnits(form: Locator, name: string, units: number): Promise<void> {
    const count = form.getByRole('status', { name: `${name} to comp` });
    for (;;) {
      const text = (await count.textContent()) ?? '';
      const now = Number.parseInt(text, 10);
      if (now === units) return;
      await form.getByRole('button', { name: now > units ? `Comp one fewer ${name}` : `Comp one more ${name}` }).click();
      await expect(count).not.toHaveText(text);
    }
  }

  async remove(name: string, reason: string): Promise<void> {
    const line = this.line(name);
    await line.getByRole('button', { name: 'Remove', exact: true }).click();
    const form = line.getByRole('form', { name: `Remove ${name}` });
    await form.getByRole('textbox', { name: 'Why is it removed?' }).fill(reason);
    await form.getByRole('button', { name: 'Remove the line' }).click();
  }

  total(label: string): Locator {
    return this.page
      .locator('.tab-totals__row')
      .filter({ has: this.page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) })
      .getByRole('definition');
  }

  async writeOff(reason: string): Promise<void> {
    await this.walkoutButton.click();
    const panel = this.page.getByRole('form', { name: /as a walkout$/ });
    await panel.getByRole('textbox', { name: 'What happened?' }).fill(reason);
    await panel.getByRole('button', { name: /^Write off / }).click();
  }
}

/**
 * The usual scene: the café starter loaded, a tab opened on the next token with the named
 * items, and this page signed in as the owner and showing that tab.
 */
export async function openTabScreen(page: Page, request: APIRequestContext, host: Host & { appUrl: string }, itemNames: string[] = []) {
  const api = new CommandClient(request, host);
  const items = await api.seedCafe();
  const opened = await api.openTabWith(items, itemNames);
  const tab = new TabPage(page);
  await openApp(page, host.appUrl);
  await tab.goto(host.url, opened.id);
  return { api, items, opened, tab };
}

/**
 * The usual scene gone on to the settle screen through the tab's own Settle button. A drawer is
 * opened first unless `openDrawer` is false, because cash is refused while none is open.
 */
export async function openSettleScene(
  page: Page,
  request: APIRequestContext,
  host: Host & { appUrl: string },
  itemNames: string[],
  { openDrawer = true }: { openDrawer?: boolean } = {},
) {
  if (openDrawer) await openDrawerByBackDoor(request, host);
  const scene = await openTabScreen(page, request, host, itemNames);
  await scene.tab.settleButton.click();
  return { ...scene, settle: new SettlePage(page) };
}
