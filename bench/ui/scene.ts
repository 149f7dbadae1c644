import type { APIRequestContext } from '@playwright/test';
import { createStaff, hostAs, must, setUpOwnerOverHttp, type Host } from '../../e2e/pages/commands';
import type { Catalog, StoreSettings, TabSummary } from '../../shared/types';
import type { HostProcess } from './host-process';

export const OPEN_TABS = 200;
/** The second till's person: the one whose changes the board in the page sees arrive. */
const OTHER_NAME = 'Second till';
const OTHER_PIN = '5791';

export type SeededTab = { id: number; token: number };
export type Scene = {
  owner: Host;
  /** Another client at the counter: its own sign-in, its own session. */
  other: Host;
  tabs: SeededTab[];
  /** Starter items with plain names: the first three are on every tab, the rest are free to tap. */
  items: { id: number; name: string }[];
  store: StoreSettings;
};

/**
 * A café with 200 open tabs of three lines each, made over HTTP as any client would: the owner's
 * first PIN (session.setup), then that session's token on every command. The idle lock is set to
 * its longest so the screen does not lock between the bench's taps (a page-side click is no
 * pointer input); a token pool of 1000 leaves room for 200 tabs.
 */
export async function seedScene(api: APIRequestContext, host: HostProcess, ownerPin: string): Promise<Scene> {
  const anonymous: Host = { url: host.url, secret: host.secret, token: null };
  const owner: Host = { ...anonymous, token: await setUpOwnerOverHttp(api, anonymous, ownerPin) };
  await must(api, owner, 'store.update', { tokenLast: 1000, idleLockMinutes: 240 });
  const catalog = await must<Catalog>(api, owner, 'catalog.loadStarter', { kind: 'cafe' });
  // Names the page objects put into a pattern as they are.
  const items = catalog.items.filter((item) => /^[\p{L}\d ]+$/u.test(item.name)).map(({ id, name }) => ({ id, name }));
  if (items.length < 5) throw new Error(`the café starter has ${items.length} plainly named items; the bench needs 5`);
  const tabs: SeededTab[] = [];
  for (let i = 0; i < OPEN_TABS; i += 1) {
    const tab = await must<TabSummary>(api, owner, 'tab.open', {});
    for (const item of items.slice(0, 3)) await must(api, owner, 'tab.addLine', { tabId: tab.id, itemId: item.id });
    tabs.push({ id: tab.id, token: tab.token });
  }
  await createStaff(api, owner, OTHER_NAME, 'staff', OTHER_PIN);
  const other = await hostAs(api, owner, OTHER_NAME, OTHER_PIN);
  const store = await must<StoreSettings>(api, owner, 'store.get', {});
  return { owner, other, tabs, items, store };
}
