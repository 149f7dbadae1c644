import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { must, type Host } from './commands';

/** The board as a person sees it: by roles and visible words, not by CSS classes. */
export class BoardPage {
  readonly openTabButton: Locator;
  readonly chooseTokenButton: Locator;
  readonly emptyState: Locator;
  readonly tabList: Locator;
  readonly tabCards: Locator;
  readonly error: Locator;
  readonly filter: Locator;
  readonly jumpOverlay: Locator;

  constructor(readonly page: Page) {
    this.openTabButton = page.getByRole('button', { name: 'New tab' });
    this.chooseTokenButton = page.getByRole('link', { name: 'Choose token' });
    this.emptyState = page.getByText('No open tabs. Press "New tab"');
    this.tabList = page.getByRole('list', { name: /open tabs?$/ });
    this.tabCards = this.tabList.getByRole('listitem');
    this.error = page.getByRole('alert');
    this.filter = page.getByRole('searchbox', { name: 'Find a tab' });
    this.jumpOverlay = page.getByRole('status').filter({ hasText: 'Enter to go now' });
  }

  /** Loads a link as is, signing nobody in: for the screens shown before the PIN pad (no link, a stale one). */
  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  tabCard(token: number): Locator {
    return this.page.getByRole('listitem', { name: `Token ${token}`, exact: true });
  }

  /** The tokens of the cards in the order the board shows them. */
  async tokenOrder(): Promise<number[]> {
    const labels = await this.tabCards.evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
    return labels.map((label) => Number(label.replace(/\D+/g, '')));
  }

  sortButton(name: 'Token' | 'Longest open' | 'Amount due'): Locator {
    return this.page.getByRole('group', { name: 'Sort by' }).getByRole('button', { name, exact: true });
  }

  /** Types digits on the page itself (not in a field), as staff do to jump to a token. */
  async typeToken(token: number): Promise<void> {
    // A string, because e2e/ compiles without the DOM types: nothing focused means not in a field.
    await this.page.evaluate('document.activeElement && document.activeElement.blur()');
    await this.page.keyboard.type(String(token));
  }

  linkRequiredScreen(): Locator {
    return this.page.getByRole('heading', { name: 'Open Aftertab from its link' });
  }
}

export async function starterItems(request: APIRequestContext, host: Host): Promise<[number, number]> {
  const catalog = await must<{ items: { id: number }[] }>(request, host, 'catalog.loadStarter', { kind: 'cafe' });
  const [first, second] = catalog.items;
  if (!first || !second) throw new Error('the starter catalog has fewer than two items');
  return [first.id, second.id];
}
