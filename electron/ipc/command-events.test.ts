import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract, commandNames, type CommandName } from '../../shared/contract';
import type { AppEvent, TabSummary } from '../../shared/types';
import { summarySelect } from '../services/tab-read';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { OWNER_PIN, testCores, windowClient } from '../test-support/test-core';

let l: TestLedger | null = null;
afterEach(() => {
  vi.restoreAllMocks();
  l?.cleanup();
  l = null;
});

/** What a command declares it pushes: its kinds of change, and tabs.changed where it names tabs. */
function declared(name: CommandName): Set<string> {
  const events = (contract[name] as { events?: { changes: readonly string[]; tabs?: unknown } }).events;
  return new Set([...(events?.changes ?? []), ...(events?.tabs ? ['tabs.changed'] : [])]);
}

/** A ledger with a café's catalog and every event the dispatcher pushes, kept in order. */
function listening(): { l: TestLedger; events: AppEvent[]; latte: number } {
  const ledger = makeLedger();
  l = ledger;
  const latte = ledger.call('catalog.loadStarter', { kind: 'cafe' }).items.find((i) => i.name === 'Latte')!.id;
  const events: AppEvent[] = [];
  ledger.dispatcher.subscribe((event) => events.push(event));
  return { l: ledger, events, latte };
}

const listed = (ledger: TestLedger, tabId: number): TabSummary | undefined => ledger.call('tab.listOpen', {}).find((tab) => tab.id === tabId);

describe('every command declares its events in the contract', () => {
  it('each mutation names what it changes; no query does', () => {
    for (const name of commandNames) {
      const def = contract[name] as { mutates: boolean; host?: true; events?: { changes: readonly string[]; tabs?: unknown } };
      if (def.mutates) {
        expect(def.events, name).toBeDefined();
        expect(def.events!.changes.length > 0 || typeof def.events!.tabs === 'function', name).toBe(true);
      } else if (!def.host) {
        expect(def.events, name).toBeUndefined();
      }
    }
  });

  it('no area gets tabs.changed by its name: staff, catalog and drawer commands name no tab', () => {
    for (const name of commandNames.filter((n) => /^(staff|catalog|drawer)\./.test(n) && contract[n].mutates)) {
      expect(declared(name).has('tabs.changed'), name).toBe(false);
    }
    expect([...declared('staff.create')]).toEqual(['staff.changed']);
    expect([...declared('appointment.book')]).toEqual(['appointments.changed', 'drawer.changed', 'day.changed']);
  });
});

describe('a tab change carries the changed tabs’ cards, as tab.listOpen lists them', () => {
  it('a tab opened, a line added, a tab settled (taken off the board)', () => {
    const { l, events, latte } = listening();
    const tab = l.call('tab.open', { name: 'Ana' });
    expect(events.at(-1)).toEqual({ type: 'tabs.changed', tabIds: [tab.id], board: [{ tabId: tab.id, card: listed(l, tab.id) }] });

    l.call('tab.addLine', { tabId: tab.id, itemId: latte, qty: 2 });
    const card = listed(l, tab.id)!;
    expect(card.itemCount).toBe(2);
    expect(card.dueMinor).toBeGreaterThan(0);
    expect(events.at(-1)).toEqual({ type: 'tabs.changed', tabIds: [tab.id], board: [{ tabId: tab.id, card }] });

    l.call('settle.pay', { tabId: tab.id, method: 'card' });
    expect(listed(l, tab.id)).toBeUndefined();
    expect(events.at(-1)).toEqual({ type: 'tabs.changed', tabIds: [tab.id], board: [{ tabId: tab.id, card: null }] });
  });

  it('a merge names both tabs: the one merged away leaves, the other carries what it brought', () => {
    const { l, events, latte } = listening();
    const from = l.call('tab.open', {});
    const into = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: from.id, itemId: latte, qty: 1 });
    l.call('tab.merge', { fromTabId: from.id, intoTabId: into.id });
    const merged = listed(l, into.id)!;
    expect(merged.itemCount).toBe(1);
    expect(events.at(-1)).toEqual({
      type: 'tabs.changed',
      tabIds: [from.id, into.id],
      board: [
        { tabId: from.id, card: null },
        { tabId: into.id, card: merged },
      ],
    });
  });

  it('a change every card may show names no tab and carries no cards: the board asks for the list', () => {
    const { l, events } = listening();
    const customer = l.call('customer.create', { name: 'Dana' });
    expect(events.splice(0)).toEqual([{ type: 'customers.changed' }]);
    l.call('customer.update', { customerId: customer.id, name: 'Dana R' });
    expect(events.splice(0)).toEqual([{ type: 'customers.changed' }, { type: 'tabs.changed', tabIds: [] }]);
    l.call('catalog.createCategory', { name: 'Cakes' });
    l.call('drawer.move', { kind: 'paid_in', amountMinor: 500, reason: 'change' });
    expect(events.splice(0)).toEqual([{ type: 'catalog.changed' }, { type: 'drawer.changed' }, { type: 'day.changed' }]);
  });

  it('takes a card from the answer of a command that answers with one, reads the others in one statement after the commit, and none while nobody listens', () => {
    const ledger = makeLedger();
    l = ledger;
    const latte = ledger.call('catalog.loadStarter', { kind: 'cafe' }).items[0]!.id;
    const statementProto = Object.getPrototypeOf(ledger.db.prepare('SELECT 1')) as { all: (...args: unknown[]) => unknown[] };
    const all = vi.spyOn(statementProto, 'all');
    const summaryReads = () => all.mock.contexts.filter((statement) => (statement as { source: string }).source.includes('json_each')).length;
    const tab = ledger.call('tab.open', {});
    ledger.call('tab.addLine', { tabId: tab.id, itemId: latte, qty: 1 });
    expect(summaryReads()).toBe(0);

    const seen: AppEvent[] = [];
    ledger.dispatcher.subscribe((event) => {
      // Pushed after the commit: the transaction is over by the time anyone hears of it.
      expect(ledger.db.inTransaction).toBe(false);
      seen.push(event);
    });
    ledger.call('tab.addLine', { tabId: tab.id, itemId: latte, qty: 1 });
    ledger.call('tab.update', { tabId: tab.id, name: 'Window' });
    // Both answer with the tab's card, built from what they wrote: nothing is read for the push.
    expect(summaryReads()).toBe(0);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toEqual({ type: 'tabs.changed', tabIds: [tab.id], board: [{ tabId: tab.id, card: ledger.call('tab.listOpen', {})[0] }] });
    // A command answering with the whole tab has its card read, once.
    ledger.call('tab.changeToken', { tabId: tab.id, token: 7 });
    expect(summaryReads()).toBe(1);
    expect(seen).toHaveLength(3);
  });

  it('finds the tabs by their key, not by walking every tab', () => {
    l = makeLedger();
    const plan = l.db
      .prepare<[string], { detail: string }>(`EXPLAIN QUERY PLAN ${summarySelect} WHERE t.id IN (SELECT value FROM json_each(?)) AND t.status = 'open'`)
      .all('[1,2]');
    const onTabs = plan.map((row) => row.detail).filter((detail) => / t\b/.test(detail) && !/ r\b| l\b| p\b| m\b| d\b/.test(detail));
    // By the key alone, or by (status, key) on the status index: either way one row per id.
    expect(onTabs.join(' | ')).toMatch(/SEARCH t USING (INTEGER PRIMARY KEY|INDEX \w+ \(.*rowid=\?\))/);
    expect(onTabs.join(' | ')).not.toMatch(/SCAN t\b/);
  });
});

describe('host commands push what they declare', () => {
  const start = testCores('aftertab-events-');

  it('backups, restores and sign-in: every event pushed is declared, and each pushes one', async () => {
    const core = start();
    const owner = windowClient(core, 1);
    await owner.setup();
    const events: AppEvent[] = [];
    core.commands.subscribe((event) => events.push(event));
    const pushedBy = async <T>(name: CommandName, run: () => Promise<T>): Promise<T> => {
      events.length = 0;
      const answer = await run();
      const types = events.map((event) => event.type);
      expect(types.length, name).toBeGreaterThan(0);
      for (const type of types) expect(declared(name), `${name} pushed ${type}`).toContain(type);
      return answer;
    };
    await pushedBy('backup.configure', () => owner.call('backup.configure', { keep: 5 }));
    const backup = await pushedBy('backup.now', () => owner.call('backup.now', {}));
    await pushedBy('backup.restore', () => owner.call('backup.restore', { name: backup.name }));
    // A restore ends every session: sign in again, once with a wrong PIN (which counts towards a lockout).
    const state = await owner.call('session.state', {});
    const me = state.staff.find((person) => person.role === 'owner')!;
    await pushedBy('session.signIn', () => owner.send('session.signIn', { staffId: me.id, pin: '0000' }));
    await pushedBy('session.signIn', () => owner.signIn(me.id, OWNER_PIN));
    expect([...declared('backup.restore')]).toContain('tabs.changed');
    expect([...declared('backup.now')]).toEqual(['backup.changed']);
  });
});
