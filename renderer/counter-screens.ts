import { lazyScreen, whenIdle } from './lazy-screen';

/**
 * The rest of the counter's path after the board: each its own chunk, out of the first bundle,
 * and fetched as soon as the board has drawn its tabs and the page is idle
 * (preloadCounterScreens), so a tap on a card still opens its tab at once.
 */
export const TabScreen = lazyScreen(() => import('./screens/tab/TabScreen'), 'TabScreen');
export const SettleScreen = lazyScreen(() => import('./screens/settle/SettleScreen'), 'SettleScreen');
export const ReceiptScreen = lazyScreen(() => import('./screens/receipt/ReceiptScreen'), 'ReceiptScreen');
export const SlipScreen = lazyScreen(() => import('./screens/slip/SlipScreen'), 'SlipScreen');
export const TokenScreen = lazyScreen(() => import('./screens/tokens/TokenScreen'), 'TokenScreen');

/** Fetches the counter screens' code once the page is idle; returns the cancel. */
export function preloadCounterScreens(): () => void {
  return whenIdle(() => {
    for (const screen of [TabScreen, SettleScreen, ReceiptScreen, SlipScreen, TokenScreen]) void screen.preload();
  });
}
