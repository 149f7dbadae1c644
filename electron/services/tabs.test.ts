import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { detailAfter } from '../test-support/tab-detail';
import { repostTotals } from './repost';
import { tabStateSql } from './tab-read';
import type { LineAdded, TabSummary } from '../../shared/types';
import type { CatalogItem } from '../../shared/types';

let l: TestLedger;
let items: Record<string, CatalogItem>;
beforeEach(() => {
  l = makeLedger();
  items = Object.fromEntries(l.call('catalog.loadStarter', { kind: 'cafe' }).items.map((i) => [i.name, i]));
});
afterEach(() => l.cleanup());

const latte = () => items['Latte']!;
const croissant = () => items['Croissant']!;
/** The whole tab after a command (whose answer is its card). */
const after = (answer: TabSummary | LineAdded) => detailAfter(l, answer);

function postingsOf(entryKind: string) {
  return l.db
    .prepare('SELECT p.account, p.amount_minor FROM postings p JOIN journal_entries e ON e.id = p.entry_id WHERE e.kind = ? ORDER BY p.account')
    .all(entryKind);
}

describe('opening tabs and tokens', () => {
  it('opens on the next free token, skipping held ones, and frees tokens when a tab closes', () => {
    const a = l.call('tab.open', { name: 'Ana' });
    const b = l.call('tab.open', { label: 'Table 4' });
    expect([a.token, b.token]).toEqual([1, 2]);
    expect(l.call('token.next', {})).toBe(3);
    l.call('tab.void', { tabId: a.id });
    expect(l.call('token.next', {})).toBe(1);
    expect(l.call('token.pool', {}).filter((t) => t.tabId !== null)).toEqual([{ token: 2, tabId: b.id, state: 'held' }]);
  });

  it('opens on a chosen token and refuses one that is held or outside the pool', () => {
    const t = l.call('tab.open', { token: 17, name: 'Sam', note: 'oat milk' });
    expect(t).toMatchObject({ token: 17, name: 'Sam', note: 'oat milk', status: 'open', dueMinor: 0 });
    expect(l.fail('tab.open', { token: 17 }).code).toBe('token_held');
    expect(l.fail('tab.open', { token: 41 }).code).toBe('token_out_of_range');
  });

  it('says so when every token is out', () => {
    l.call('store.update', { tokenFirst: 1, tokenLast: 2 });
    l.call('tab.open', {});
    l.call('tab.open', {});
    expect(l.fail('tab.open', {}).code).toBe('no_free_token');
  });
});

describe('lines', () => {
  it('posts a line as the domain example: Dr receivable 440, Cr sales:10 400, Cr tax 40', () => {
    const tab = l.call('tab.open', {});
    const d = after(l.call('tab.addLine', { tabId: tab.id, itemId: latte().id }));
    expect(postingsOf('line.add')).toEqual([
      { account: 'sales:10', amount_minor: -400 },
      { account: 'tabs_receivable', amount_minor: 440 },
      { account: 'tax_payable:10', amount_minor: -40 },
    ]);
    expect(d).toMatchObject({ totalMinor: 440, dueMinor: 440, netMinor: 400, taxMinor: 40, itemCount: 1 });
    expect(d.lines[0]).toMatchObject({ name: 'Latte', unitMinor: 440, qty: 1, staffName: 'Owner', state: 'active' });
  });

  it('keeps the price a line was added at when the catalog price changes later', () => {
    const tab = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: tab.id, itemId: latte().id });
    l.call('catalog.updateItem', { itemId: latte().id, priceMinor: 480 });
    const d = after(l.call('tab.addLine', { tabId: tab.id, itemId: latte().id }));
    expect(d.lines.map((x) => x.unitMinor)).toEqual([440, 480]);
    expect(d.totalMinor).toBe(920);
  });

  it('changes quantity, removes with a reason and comps by percent or amount', () => {
    const tab = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: tab.id, itemId: latte().id });
    let d = after(l.call('tab.addLine', { tabId: tab.id, itemId: croissant().id, qty: 2 }));
    const [latteLine, croissantLine] = d.lines;
    d = after(l.call('tab.setQty', { tabId: tab.id, lineId: latteLine!.id, qty: 3 }));
    expect(d.totalMinor).toBe(3 * 440 + 2 * 320);
    d = after(l.call('tab.compLine', { tabId: tab.id, lineId: latteLine!.id, kind: 'percent', value: 50, reason: 'not satisfied' }));
    expect(d.lines[0]!.comp).toEqual({ kind: 'percent', value: 50, qty: 3, reason: 'not satisfied', amountMinor: 660 });
    expect(d.compMinor).toBe(660);
    d = after(l.call('tab.compLine', { tabId: tab.id, lineId: croissantLine!.id, kind: 'amount', value: 100, reason: 'waited too long' }));
    expect(d.totalMinor).toBe(1320 - 660 + 640 - 100);
    d = after(l.call('tab.removeLine', { tabId: tab.id, lineId: croissantLine!.id, reason: 'ordered by mistake' }));
    expect(d.totalMinor).toBe(660);
    expect(d.itemCount).toBe(3);
    expect(d.lines[1]).toMatchObject({ state: 'removed', removeReason: 'ordered by mistake', chargedMinor: 0 });
    expect(d.history.map((h) => h.action)).toEqual(['tab.open', 'tab.addLine', 'tab.addLine', 'tab.setQty', 'tab.compLine', 'tab.compLine', 'tab.removeLine']);
    expect(l.fail('tab.removeLine', { tabId: tab.id, lineId: croissantLine!.id, reason: 'again' }).code).toBe('line_not_active');
    expect(l.fail('tab.compLine', { tabId: tab.id, lineId: latteLine!.id, kind: 'amount', value: 5000, reason: 'x' }).code).toBe('invalid_input');
  });

  it('comps one unit of two: the tab, the journal and the comps by reason all take off that unit alone', () => {
    const tab = l.call('tab.open', {});
    const lineId = l.call('tab.addLine', { tabId: tab.id, itemId: latte().id, qty: 2 }).lineId;
    const d = after(l.call('tab.compLine', { tabId: tab.id, lineId, kind: 'percent', value: 50, qty: 1, reason: 'cold' }));
    expect(d.lines[0]).toMatchObject({
      qty: 2,
      listMinor: 880,
      chargedMinor: 660,
      comp: { kind: 'percent', value: 50, qty: 1, reason: 'cold', amountMinor: 220 },
    });
    expect(d).toMatchObject({ totalMinor: 660, compMinor: 220, dueMinor: 660 });
    // 880 list: sales 800; 660 charged holds 60 tax, so comps are 800 - 600 = 200 net.
    expect(postingsOf('line.comp')).toEqual([
      { account: 'comps', amount_minor: 200 },
      { account: 'tabs_receivable', amount_minor: -220 },
      { account: 'tax_payable:10', amount_minor: 20 },
    ]);
    const report = l.call('report.x', {});
    expect(report.comps).toEqual([expect.objectContaining({ reason: 'cold', amountMinor: 200 })]);
    expect(report.sales.compsMinor).toBe(200);
    expect(d.history.at(-1)).toMatchObject({ action: 'tab.compLine', detail: { item: 'Latte', qty: 1, of: 2, kind: 'percent', value: 50, reason: 'cold' } });
    // An amount comp on one unit may take off up to that unit's 4.40; the second unit comps the rest.
    expect(l.call('tab.compLine', { tabId: tab.id, lineId, kind: 'amount', value: 440, qty: 1, reason: 'spilt' }).totalMinor).toBe(440);
    expect(l.call('tab.compLine', { tabId: tab.id, lineId, kind: 'amount', value: 880, qty: 2, reason: 'spilt' }).totalMinor).toBe(0);
  });

  it('a comp stays on its units when the quantity grows, and shrinks with it when it falls below them', () => {
    const tab = l.call('tab.open', {});
    const lineId = l.call('tab.addLine', { tabId: tab.id, itemId: latte().id, qty: 3 }).lineId;
    l.call('tab.compLine', { tabId: tab.id, lineId, kind: 'percent', value: 100, qty: 2, reason: 'spilt' });
    let d = after(l.call('tab.setQty', { tabId: tab.id, lineId, qty: 4 }));
    expect(d.lines[0]!.comp).toMatchObject({ qty: 2, amountMinor: 880 });
    expect(d.totalMinor).toBe(880);
    d = after(l.call('tab.setQty', { tabId: tab.id, lineId, qty: 1 }));
    expect(d.lines[0]!.comp).toMatchObject({ qty: 1, amountMinor: 440 });
    expect(d.totalMinor).toBe(0);
    // Another latte is a line of its own: it never joins a comped one.
    const added = l.call('tab.addLine', { tabId: tab.id, itemId: latte().id });
    d = after(added);
    expect(added.lineId).toBe(d.lines[1]!.id);
    expect(d.lines.map((x) => [x.qty, x.comp?.qty ?? null])).toEqual([
      [1, 1],
      [1, null],
    ]);
  });

  it('refuses a comp on more units than the line has, or worth more than those units, posting nothing', () => {
    const tab = l.call('tab.open', {});
    const lineId = l.call('tab.addLine', { tabId: tab.id, itemId: latte().id, qty: 2 }).lineId;
    const over = l.fail('tab.compLine', { tabId: tab.id, lineId, kind: 'percent', value: 50, qty: 3, reason: 'cold' });
    expect([over.code, over.field, over.message]).toEqual(['invalid_input', 'qty', 'this line has 2; a comp covers from 1 to 2 of them']);
    const big = l.fail('tab.compLine', { tabId: tab.id, lineId, kind: 'amount', value: 441, qty: 1, reason: 'cold' });
    expect([big.code, big.field, big.message]).toEqual(['invalid_input', 'value', 'a comp cannot be more than the €4.40 of the units it covers']);
    for (const qty of [0, -1, 1.5, 1000]) {
      expect(l.fail('tab.compLine', { tabId: tab.id, lineId, kind: 'percent', value: 50, qty, reason: 'cold' }).key).toBe('errors.field.qty');
    }
    expect(l.call('tab.get', { tabId: tab.id })).toMatchObject({ totalMinor: 880, compMinor: 0 });
  });

  it('refuses a change that would leave less owing than was already paid', () => {
    const tab = l.call('tab.open', {});
    const d = l.call('tab.addLine', { tabId: tab.id, itemId: latte().id, qty: 2 });
    l.call('settle.pay', { tabId: tab.id, method: 'card', amountMinor: 600 });
    expect(l.fail('tab.removeLine', { tabId: tab.id, lineId: d.lineId, reason: 'x' }).code).toBe('conflict');
    expect(l.fail('tab.setQty', { tabId: tab.id, lineId: d.lineId, qty: 1 }).code).toBe('conflict');
  });

  it('refuses an archived item and a tab that is no longer open', () => {
    const tab = l.call('tab.open', {});
    l.call('catalog.archiveItem', { itemId: croissant().id });
    expect(l.fail('tab.addLine', { tabId: tab.id, itemId: croissant().id }).code).toBe('conflict');
    l.call('tab.void', { tabId: tab.id });
    expect(l.fail('tab.addLine', { tabId: tab.id, itemId: latte().id }).code).toBe('tab_not_open');
    expect(l.fail('tab.addLine', { tabId: 999, itemId: latte().id }).code).toBe('not_found');
  });
});

describe('closing without payment', () => {
  it('voids only an empty tab', () => {
    const tab = l.call('tab.open', {});
    const d = l.call('tab.addLine', { tabId: tab.id, itemId: latte().id });
    expect(l.fail('tab.void', { tabId: tab.id }).code).toBe('tab_not_empty');
    l.call('tab.removeLine', { tabId: tab.id, lineId: d.lineId, reason: 'wrong tab' });
    expect(l.call('tab.void', { tabId: tab.id }).status).toBe('voided');
  });

  it('writes a walkout off to the walkouts account and frees the token', () => {
    const tab = l.call('tab.open', { token: 5 });
    l.call('tab.addLine', { tabId: tab.id, itemId: latte().id });
    l.call('settle.pay', { tabId: tab.id, method: 'cash', amountMinor: 100 });
    const d = after(l.call('tab.writeOff', { tabId: tab.id, reason: 'left without paying' }));
    expect(d).toMatchObject({ status: 'written_off', dueMinor: 0, writeOffReason: 'left without paying' });
    expect(postingsOf('tab.writeOff')).toEqual([
      { account: 'tabs_receivable', amount_minor: -340 },
      { account: 'walkouts', amount_minor: 340 },
    ]);
    expect(l.call('tab.listOpen', {})).toEqual([]);
    expect(l.call('tab.open', { token: 5 }).token).toBe(5);
  });
});

describe('the open tab list', () => {
  it('lists open tabs by token with items, total, paid and due', () => {
    l.advance(60_000);
    const a = l.call('tab.open', { token: 3, name: 'Ana' });
    const b = l.call('tab.open', { token: 1, label: 'Chair 2' });
    l.call('tab.addLine', { tabId: a.id, itemId: latte().id, qty: 2 });
    l.call('settle.pay', { tabId: a.id, method: 'card', amountMinor: 300 });
    const list = l.call('tab.listOpen', {});
    expect(list.map((t) => [t.token, t.itemCount, t.totalMinor, t.paidMinor, t.dueMinor])).toEqual([
      [1, 0, 0, 0, 0],
      [3, 2, 880, 300, 580],
    ]);
    expect(list[0]).toMatchObject({ id: b.id, label: 'Chair 2', openedAt: '2026-11-24T09:01:00.000Z' });
  });
});

describe('at the counter', () => {
  it('a second tap on the same item grows its line; a comped or repriced line is left alone', () => {
    const tab = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: tab.id, itemId: latte().id });
    const grown = l.call('tab.addLine', { tabId: tab.id, itemId: latte().id });
    let d = after(grown);
    expect(d.lines.map((x) => [x.id, x.name, x.qty])).toEqual([[grown.lineId, 'Latte', 2]]);
    l.call('tab.compLine', { tabId: tab.id, lineId: d.lines[0]!.id, kind: 'percent', value: 10, reason: 'goodwill' });
    d = after(l.call('tab.addLine', { tabId: tab.id, itemId: latte().id }));
    expect(d.lines.map((x) => [x.name, x.qty, x.comp?.value ?? null])).toEqual([
      ['Latte', 2, 10],
      ['Latte', 1, null],
    ]);
    expect(d.totalMinor).toBe(880 - 88 + 440);
  });

  it('a line command reposts from the lines it read with the tab and what it wrote: nothing is left for a fresh read to post', () => {
    l.call('store.update', {
      taxRates: [
        { rateMilli: 10_000, label: 'Standard' },
        { rateMilli: 20_000, label: 'High' },
      ],
    });
    const tea = l.call('catalog.createItem', { categoryId: null, name: 'Tea', kind: 'product', priceMinor: 333, rateMilli: 20_000, expectText: '' });
    const ada = Number(l.db.prepare("INSERT INTO staff (name, role, created_at) VALUES ('Ada', 'staff', 'x')").run().lastInsertRowid);
    const tab = l.call('tab.open', {});
    const owner = { id: l.session.staffId!, name: 'Owner', role: 'owner' as const };
    // A repost that reads the tab's lines and totals afresh (no state handed to it), rolled back:
    // what it would post and which comp reasons it would move, which must be nothing.
    const leftToPost = () => {
      const count = () => l.db.prepare<[], { n: number }>('SELECT (SELECT count(*) FROM journal_entries) + (SELECT count(*) FROM comp_postings) AS n').get()!.n;
      const before = count();
      let posted = -1;
      const undo = new Error('undo');
      try {
        l.db.transaction(() => {
          const ctx = { db: l.db, now: '2026-11-24T09:30:00.000Z', actor: owner, commandId: null, approverId: null, prepared: {} };
          repostTotals(ctx, tab.id, { kind: 'line.add', memo: 'check', lineId: null });
          posted = count() - before;
          throw undo;
        })();
      } catch (error) {
        if (error !== undo) throw error;
      }
      return posted;
    };
    const first = l.call('tab.addLine', { tabId: tab.id, itemId: latte().id });
    l.call('tab.addLine', { tabId: tab.id, itemId: tea.id, qty: 2 });
    l.call('tab.compLine', { tabId: tab.id, lineId: first.lineId, kind: 'percent', value: 33, reason: 'cold' });
    expect(leftToPost()).toBe(0);
    // The same tea again grows its line: the repost sees 3 teas, not the 2 read with the tab.
    const grown = l.call('tab.addLine', { tabId: tab.id, itemId: tea.id });
    let d = after(grown);
    expect(d.lines.map((x) => [x.name, x.qty])).toEqual([
      ['Latte', 1],
      ['Tea', 3],
    ]);
    expect(grown).toMatchObject({ itemCount: 4, totalMinor: 440 - 145 + 999, dueMinor: 440 - 145 + 999 });
    expect(
      l.db
        .prepare(
          `SELECT p.account, p.amount_minor FROM postings p WHERE p.entry_id = (SELECT max(e.id) FROM journal_entries e JOIN entry_lines x ON x.entry_id = e.id WHERE x.line_id = ?)
             ORDER BY p.account`,
        )
        .all(grown.lineId),
    ).toEqual([
      // 9.99 at 20 % holds 1.665 of tax, rounded half up to 1.67; 6.66 held 1.11: the difference is posted.
      { account: 'sales:20', amount_minor: -277 },
      { account: 'tabs_receivable', amount_minor: 333 },
      { account: 'tax_payable:20', amount_minor: -56 },
    ]);
    expect(leftToPost()).toBe(0);
    // A new line served by someone else, a quantity lowered below a comp, a comp, a removal: each the same.
    const adas = l.dispatcher.dispatch(
      'tab.addLine',
      { input: { tabId: tab.id, itemId: croissant().id, qty: 2, staffId: ada }, commandId: 'ada-croissant' },
      l.session,
    );
    expect(adas.ok).toBe(true);
    expect(leftToPost()).toBe(0);
    const croissantLine = after(l.call('tab.setQty', { tabId: tab.id, lineId: first.lineId, qty: 3 })).lines.find((x) => x.name === 'Croissant')!;
    expect(croissantLine.staffName).toBe('Ada');
    l.call('tab.compLine', { tabId: tab.id, lineId: croissantLine.id, kind: 'amount', value: 100, qty: 2, reason: 'burnt' });
    expect(leftToPost()).toBe(0);
    l.call('tab.setQty', { tabId: tab.id, lineId: croissantLine.id, qty: 1 });
    expect(leftToPost()).toBe(0);
    d = after(l.call('tab.removeLine', { tabId: tab.id, lineId: first.lineId, reason: 'never made' }));
    expect(leftToPost()).toBe(0);
    expect(d.lines.map((x) => [x.name, x.qty, x.state, x.comp?.qty ?? null])).toEqual([
      ['Latte', 3, 'removed', 1],
      ['Tea', 3, 'active', null],
      ['Croissant', 1, 'active', 1],
    ]);
  });

  it('reads a tab’s state, its lines included, by the tab’s id through indexes, never scanning a table', () => {
    const plan = (l.db.prepare(`EXPLAIN QUERY PLAN ${tabStateSql()}`).all(1) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/SEARCH l USING INDEX tab_lines_tab \(tab_id=\?\)/);
    expect(plan).toMatch(/SEARCH r USING INDEX \S+ \(tab_id=\?\)/);
    expect(plan).not.toMatch(/\bSCAN\b/);
  });

  it('history records only what an edit changed', () => {
    const tab = l.call('tab.open', { name: 'Alice', label: 'Table 4' });
    const d = after(l.call('tab.update', { tabId: tab.id, name: 'Alice', note: 'oat milk' }));
    expect(d.history.at(-1)).toMatchObject({ action: 'tab.update', detail: { note: 'oat milk' } });
    expect(Object.keys(d.history.at(-1)!.detail)).toEqual(['note']);
    expect(after(l.call('tab.update', { tabId: tab.id, note: 'oat milk' })).history).toHaveLength(d.history.length);
  });

  it('tells the screens when the currency is locked', () => {
    expect(l.call('store.get', {}).currencyLocked).toBe(false);
    const tab = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: tab.id, itemId: latte().id });
    expect(l.call('store.get', {}).currencyLocked).toBe(true);
  });
});
