import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';

/** A window size, and its name in screenshot files: 1024x768. */
export type Size = { width: number; height: number };
export const sizeName = (size: Size): string => `${size.width}x${size.height}`;

type Box = { x: number; y: number; width: number; height: number };

/** A counter tablet on its side and held upright. */
export const tablets: readonly Size[] = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
];

export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`no box for ${locator.toString()}`);
  return box;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Wholly inside the window and drawn on top: at its centre and at the middle of each edge (3px in,
 * clear of rounded corners) the topmost element is the control itself or part of it. A point
 * outside the window finds nothing, so a control past the fold fails too.
 */
export async function expectUncovered(locator: Locator): Promise<void> {
  const hidden = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const points: [string, number, number][] = [
      ['centre', r.left + r.width / 2, r.top + r.height / 2],
      ['top', r.left + r.width / 2, r.top + 3],
      ['bottom', r.left + r.width / 2, r.bottom - 3],
      ['left', r.left + 3, r.top + r.height / 2],
      ['right', r.right - 3, r.top + r.height / 2],
    ];
    return points.flatMap(([where, x, y]) => {
      const hit = el.ownerDocument.elementFromPoint(x, y);
      if (hit && el.contains(hit)) return [];
      return [`${where} (${Math.round(x)}, ${Math.round(y)}) shows ${hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : 'nothing: outside the window'}`];
    });
  });
  expect(hidden, `${locator.toString()} is covered or out of the window`).toEqual([]);
}

/**
 * Scrolls the page until `control` sits behind `bar` (pinned to the window's foot), focuses it as a
 * Tab key would, and expects the window to bring it out wholly above the bar.
 */
export async function expectFocusClearsBar(page: Page, control: Locator, bar: Locator): Promise<void> {
  const [before, pinned] = [await boxOf(control), await boxOf(bar)];
  await page.evaluate(`window.scrollBy(0, ${Math.round(before.y + before.height / 2 - (pinned.y + pinned.height / 2))})`);
  expect(overlaps(await boxOf(control), await boxOf(bar)), `${control.toString()} behind the bar before it is focused`).toBe(true);
  await control.focus();
  const [after, barAfter] = [await boxOf(control), await boxOf(bar)];
  expect(after.y + after.height).toBeLessThanOrEqual(barAfter.y);
  await expectUncovered(control);
}

/**
 * The nav inside the window: nothing runs past its edge or makes the page scroll sideways, every
 * link and the Lock button stay finger-sized targets (at least 44px each way), and the whole bar
 * takes at most `rows` rows. `links` is how many the signed-in role sees: an owner has all eleven
 * (board, drawer, diary, customers, dashboard, reports, catalog, staff, activity, backups, settings).
 */
export async function expectNavFits(page: Page, { links = 11, rows = 1 }: { links?: number; rows?: number } = {}): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const widths = await nav.evaluate((el) => {
    const root = el.ownerDocument.documentElement;
    return { nav: el.scrollWidth - el.clientWidth, page: root.scrollWidth - root.clientWidth };
  });
  expect(widths, 'overflow of the nav and of the page, in px').toEqual({ nav: 0, page: 0 });
  const view = page.viewportSize();
  if (!view) throw new Error('no viewport');
  const boxes = await Promise.all((await nav.getByRole('link').all()).map(boxOf));
  expect(boxes).toHaveLength(links);
  // The Lock button is a target like the links.
  boxes.push(await boxOf(nav.getByRole('button', { name: 'Lock', exact: true })));
  for (const box of boxes) {
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(view.width);
  }
  // Targets whose middles lie within 2px of each other share a row.
  const middles = boxes.map((box) => box.y + box.height / 2).sort((a, b) => a - b);
  const found = middles.filter((middle, i) => i === 0 || middle - (middles[i - 1] ?? middle) > 2).length;
  expect(found, `rows of the nav at ${view.width}x${view.height}: target middles at ${middles.join(', ')}`).toBeLessThanOrEqual(rows);
}

/**
 * Every control (button, link, field) that lies wholly inside the window, and inside whatever box
 * scrolls it, is drawn on top at its centre. Controls that overlap `pinned` (a bar pinned to the
 * window's foot on purpose) are left out; the specs check those bars on their own.
 */
export async function coveredControls(page: Page, pinned?: Locator): Promise<string[]> {
  const bar = pinned ? await pinned.boundingBox() : null;
  return page.locator('button, a[href], input:not([type="hidden"]), select, textarea').evaluateAll((controls, skip) => {
    const doc = controls[0]?.ownerDocument;
    const win = doc?.defaultView;
    if (!doc || !win) return [];
    const view = doc.documentElement;
    type Rect = { left: number; top: number; right: number; bottom: number };
    const inside = (r: Rect, frame: Rect): boolean => r.left >= frame.left && r.top >= frame.top && r.right <= frame.right && r.bottom <= frame.bottom;
    const underBar = (r: Rect): boolean =>
      skip !== null && r.left < skip.x + skip.width && skip.x < r.right && r.top < skip.y + skip.height && skip.y < r.bottom;
    return controls.flatMap((el) => {
      const r = el.getBoundingClientRect();
      // Not drawn at all (inside a closed menu, hidden) is not covered either.
      if (!el.checkVisibility({ visibilityProperty: true }) || r.width === 0 || r.height === 0) return [];
      if (!inside(r, { left: 0, top: 0, right: view.clientWidth, bottom: view.clientHeight })) return [];
      // Scrolled out of sight inside a box that scrolls on its own (the tab's catalog) is not covered.
      for (let up = el.parentElement; up; up = up.parentElement) {
        const style = win.getComputedStyle(up);
        if ((style.overflowX !== 'visible' || style.overflowY !== 'visible') && !inside(r, up.getBoundingClientRect())) return [];
      }
      if (underBar(r)) return [];
      const hit = doc.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (hit && el.contains(hit)) return [];
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
      return [`${el.tagName.toLowerCase()} "${name}" under ${hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : 'nothing'}`];
    });
  }, bar);
}
