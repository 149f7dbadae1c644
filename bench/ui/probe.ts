/** A moment on the page's clocks: performance.now() for spans inside the page, Date.now() to meet the bench's own clock. */
export type Stamp = { perf: number; wall: number };

/** What the page answers for one timed action: when it began, and the first DOM change after which it was done. */
export type Span = { start: Stamp; end: Stamp };

/** The same span for a change another client sent from the page, with the card's text then and the command's answer. */
export type PushSpan = Span & { text: string; answer: { ok: boolean; value?: { dueMinor?: number }; error?: { message: string } } };

/** The probe as the page holds it; element arguments are Playwright handles, unwrapped in the page. */
export type Probe = {
  insertedAt(element: unknown): Stamp | null;
  signature(element: unknown): string;
  tap(button: unknown, line: unknown): Promise<Span>;
  clickUntilCount(element: unknown, selector: string, count: number): Promise<Span>;
  push(card: unknown, request: { url: string; headers: Record<string, string>; body: string }): Promise<PushSpan>;
};

/**
 * The page's global scope as the bench's page functions see it (the bench is type-checked without
 * the DOM's types). Each page function casts globalThis itself: a function sent to the page
 * carries its own text only, not the bench's helpers around it.
 */
export type ProbeScope = { __uiBench: Probe };

/**
 * Installed in the page before its own scripts. One MutationObserver sees every change to the
 * document; each timed action stamps its start in the page, acts in the page (a click, a fetch),
 * and ends at the first batch of DOM changes after which its condition holds, so no round trip
 * to the bench lands inside a figure. Every node added is stamped too, so "when did this element
 * appear" can be asked after the bench's own locators have found it.
 *
 * Written as its source: the bench is type-checked without the DOM's types, and a function
 * passed over would carry the bundler's helpers the page does not have.
 */
export const PROBE_SOURCE = `(() => {
  if (window.__uiBench) return;
  const TIMEOUT_MS = 15000;
  const stamp = () => ({ perf: performance.now(), wall: Date.now() });
  const inserted = new WeakMap();
  const waiters = new Set();
  const settle = (at) => {
    for (const waiter of [...waiters]) {
      if (!waiter.check()) continue;
      waiters.delete(waiter);
      clearTimeout(waiter.timer);
      waiter.resolve(at);
    }
  };
  const observer = new MutationObserver((records) => {
    const at = stamp();
    for (const record of records) for (const node of record.addedNodes) inserted.set(node, at);
    settle(at);
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  // Resolves with the stamp of the first DOM change after which check() holds.
  const until = (what, check) => {
    if (check()) return Promise.reject(new Error(what + ': already so before the action'));
    return new Promise((resolve, reject) => {
      const waiter = { check, resolve, timer: 0 };
      waiter.timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(what + ': not so within ' + TIMEOUT_MS + ' ms'));
      }, TIMEOUT_MS);
      waiters.add(waiter);
    });
  };
  // The element itself, or the one now carrying its label if the page has replaced it.
  const current = (element) => {
    if (element.isConnected) return element;
    const label = element.getAttribute('aria-label');
    return label ? document.querySelector('[aria-label="' + CSS.escape(label) + '"]') : null;
  };
  const simple = (element) => element.tagName.toLowerCase() + (element.classList[0] ? '.' + CSS.escape(element.classList[0]) : '');
  window.__uiBench = {
    insertedAt(element) {
      for (let node = element; node; node = node.parentNode) if (inserted.has(node)) return inserted.get(node);
      return null;
    },
    // A selector for the element's kind (its tag and first class, under its parent's): found once
    // by the page objects' own locators, then counted in the page while the time runs.
    signature(element) {
      return element.parentElement ? simple(element.parentElement) + ' > ' + simple(element) : simple(element);
    },
    // A tap on a catalog button until the tab's list of lines (where line sits) has one more.
    async tap(button, line) {
      const list = line.parentElement;
      const before = list.children.length;
      const done = until('a new line', () => list.isConnected && list.children.length > before);
      const start = stamp();
      button.click();
      return { start, end: await done };
    },
    async clickUntilCount(element, selector, count) {
      const done = until(count + ' of ' + selector, () => document.querySelectorAll(selector).length >= count);
      const start = stamp();
      element.click();
      return { start, end: await done };
    },
    // Another client's command, sent from here only so both ends are read on one clock.
    async push(card, request) {
      const before = card.textContent;
      let text = '';
      const done = until('the card changed', () => {
        const now = current(card);
        if (!now || now.textContent === before) return false;
        text = now.textContent;
        return true;
      });
      const start = stamp();
      const answer = fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, cache: 'no-store' }).then((response) => response.json());
      const end = await done;
      return { start, end, text, answer: await answer };
    },
  };
})();`;
