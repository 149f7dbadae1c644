import { expect, type Browser } from '@playwright/test';
import { OWNER_NAME } from '../../e2e/pages/commands';
import { SignInPage } from '../../e2e/pages/sign-in-page';
import { spawnHost } from './host-process';
import { PROBE_SOURCE, type ProbeScope } from './probe';
import { OPEN_TABS } from './scene';

/** All in ms: the figure, then its parts (the host printing its link is inside toPad). */
export type ColdStart = { total: number; toLink: number; toPad: number; signInToBoard: number };

/**
 * One start from nothing: spawn the host on an existing ledger, open its link in a fresh browser
 * context (sessions live in the host's memory, so the owner signs in again, as after any
 * restart), and sign in on the PIN pad until the board shows every card. The figure is the
 * app's part only: spawn to the PIN pad in the DOM (the bench's clock, then the page's, both
 * read from the one system clock), plus the Sign in tap to the last card (the page's clock).
 * The bench choosing the person and tapping the digits in between is left out.
 */
export async function coldStart(browser: Browser, dataDir: string, pin: string, cards: string): Promise<ColdStart> {
  const context = await browser.newContext();
  await context.addInitScript({ content: PROBE_SOURCE });
  // The browser window is there before the host starts, as at a counter.
  const page = await context.newPage();
  const spawned = Date.now();
  const host = await spawnHost(dataDir);
  const linked = Date.now();
  try {
    await page.goto(host.link);
    const pad = new SignInPage(page);
    const person = pad.person(OWNER_NAME);
    await person.waitFor();
    const padAt = await person.evaluate((tile) => (globalThis as unknown as ProbeScope).__uiBench.insertedAt(tile));
    if (!padAt) throw new Error('cold start: the probe did not see the PIN pad arrive');
    await person.click();
    await expect(person).toHaveAttribute('aria-pressed', 'true');
    await pad.tapPin(pin);
    const signIn = await pad.signInButton.elementHandle();
    const span = await page.evaluate(([b, s, n]) => (globalThis as unknown as ProbeScope).__uiBench.clickUntilCount(b, s, n), [
      signIn,
      cards,
      OPEN_TABS,
    ] as const);
    await signIn.dispose();
    const toPad = padAt.wall - spawned;
    const signInToBoard = span.end.perf - span.start.perf;
    return { total: toPad + signInToBoard, toLink: linked - spawned, toPad, signInToBoard };
  } finally {
    await context.close();
    await host.stop();
  }
}
