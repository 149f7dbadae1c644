import type { APIRequestContext, Locator, Page } from '@playwright/test';

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

let sent = 0;

/**
 * Sends one command through the web host's HTTP API, as another window would; mutations get a
 * fresh command id. Fails the test when the ledger refuses, unless the refusal is expected.
 */
export async function sendCommand<T = unknown>(
  request: APIRequestContext,
  host: { url: string; secret: string },
  name: string,
  input: unknown = {},
): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> {
  sent += 1;
  const response = await request.post(`${host.url}api/command/${name}`, {
    headers: { 'X-Aftertab-Secret': host.secret, 'Content-Type': 'application/json' },
    data: { input, commandId: `e2e-board-${Date.now()}-${sent}` },
  });
  return (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
}

/** Like sendCommand, but the command must succeed; returns its value. */
export async function must<T = unknown>(request: APIRequestContext, host: { url: string; secret: string }, name: string, input: unknown = {}): Promise<T> {
  const result = await sendCommand<T>(request, host, name, input);
  if (!result.ok) throw new Error(`${name} was refused: ${result.error.message}`);
  return result.value;
}

/** Loads the café starter catalog and returns the ids of its first two items. */
export async function starterItems(request: APIRequestContext, host: { url: string; secret: string }): Promise<[number, number]> {
  const catalog = await must<{ items: { id: number }[] }>(request, host, 'catalog.loadStarter', { kind: 'cafe' });
  const [first, second] = catalog.items;
  if (!first || !second) throw new Error('the starter catalog has fewer than two items');
  return [first.id, second.id];
}
