import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeLedger, snapshot, type TestLedger } from '../test-support/ledger-fixture';
import { contract } from '../../shared/contract';
import { createDispatcher, HandlerRegistry, type ChainSeen } from './dispatcher';
import { chainHead, EMPTY_HEAD } from '../ledger/chain';
import { handlers } from '../services';
import type { AppEvent } from '../../shared/types';

let l: TestLedger;
afterEach(() => l.cleanup());

describe('command ids (invariant 6)', () => {
  it('a repeat returns the first result and posts nothing', () => {
    l = makeLedger();
    const first = l.raw('tab.open', { name: 'Ana' }, 'cmd-open-0001');
    const before = snapshot(l);
    const again = l.raw('tab.open', { name: 'Ana' }, 'cmd-open-0001');
    expect(again).toEqual(first);
    expect(snapshot(l)).toEqual(before);
    expect(l.call('tab.listOpen', {})).toHaveLength(1);
  });

  it('the same id with a different payload is refused and writes nothing', () => {
    l = makeLedger();
    l.raw('tab.open', { name: 'Ana' }, 'cmd-open-0002');
    const before = snapshot(l);
    const clash = l.raw('tab.open', { name: 'Bob' }, 'cmd-open-0002');
    expect(clash).toEqual({ ok: false, error: expect.objectContaining({ code: 'command_id_reused' }) });
    const otherCommand = l.raw('tab.listOpen', {}, 'cmd-open-0002');
    expect(otherCommand.ok).toBe(true); // queries ignore command ids
    expect(snapshot(l)).toEqual(before);
  });

  it('a repeated settlement answers what it did the first time, though the tab it settled would now refuse it', () => {
    l = makeLedger();
    const latte = l.call('catalog.loadStarter', { kind: 'cafe' }).items[0]!.id;
    const tab = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: tab.id, itemId: latte });
    const first = l.raw('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 50 }, 'cmd-pay-0001');
    expect(first).toMatchObject({ ok: true, value: { settled: true } });
    const before = snapshot(l);
    const again = l.raw('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 50 }, 'cmd-pay-0001');
    expect(again).toEqual(first);
    expect(snapshot(l)).toEqual(before);
    // Run afresh, the same payment is refused: the tab is settled.
    expect(l.raw('settle.pay', { tabId: tab.id, method: 'card', tipMinor: 50 }, 'cmd-pay-0002')).toMatchObject({ ok: false, error: { code: 'tab_not_open' } });
  });

  it('an id used by another command is refused, whatever that command would make of the ledger now, and writes nothing', () => {
    l = makeLedger();
    l.raw('tab.open', { name: 'Ana' }, 'cmd-shared-001');
    const before = snapshot(l);
    expect(l.raw('tab.open', { name: 'Bob' }, 'cmd-shared-001')).toMatchObject({ ok: false, error: { code: 'command_id_reused' } });
    expect(l.raw('store.update', { name: 'Blau' }, 'cmd-shared-001')).toMatchObject({ ok: false, error: { code: 'command_id_reused' } });
    expect(snapshot(l)).toEqual(before);
  });

  it('a mutating command without an id is refused; a failed command can be retried with its id', () => {
    l = makeLedger();
    expect(l.raw('tab.open', {}, null)).toMatchObject({ ok: false, error: { code: 'command_id_required' } });
    expect(l.raw('tab.open', { token: 999 }, 'cmd-retry-001')).toMatchObject({ ok: false, error: { code: 'token_out_of_range' } });
    l.call('store.update', { tokenLast: 999 });
    expect(l.raw('tab.open', { token: 999 }, 'cmd-retry-001')).toMatchObject({ ok: true, value: { token: 999 } });
  });
});

describe('permissions', () => {
  it('refuses what the staff member’s role does not allow, asks for approval where a manager may give it, and allows the rest', () => {
    l = makeLedger();
    const staffId = Number(l.db.prepare("INSERT INTO staff (name, role, created_at) VALUES ('Kim', 'staff', 'x')").run().lastInsertRowid);
    const asKim = (name: string, input: unknown) =>
      l.dispatcher.dispatch(name, { input, commandId: `kim-${Math.random().toString(36).slice(2, 12)}` }, { staffId });
    expect(asKim('store.update', { name: 'Mine now' })).toMatchObject({ ok: false, error: { code: 'forbidden', params: { permission: 'store.manage' } } });
    expect(asKim('catalog.loadStarter', { kind: 'cafe' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const opened = asKim('tab.open', {}) as { ok: true; value: { id: number } };
    expect(opened).toMatchObject({ ok: true, value: { status: 'open' } });
    const item = l.call('catalog.createItem', { categoryId: null, name: 'Tea', kind: 'product', priceMinor: 300, rateMilli: 10_000, expectText: '' });
    const tabId = opened.value.id;
    const added = asKim('tab.addLine', { tabId, itemId: item.id, qty: 2 }) as { ok: true; value: { lineId: number } };
    const lineId = added.value.lineId;
    // A comp beyond the threshold lowers what the tab owes too far: a manager must approve it.
    expect(asKim('tab.compLine', { tabId, lineId, kind: 'percent', value: 100, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'approval_needed', params: { permission: 'tabs.adjustLarge' } },
    });
    expect(asKim('tab.setQty', { tabId, lineId, qty: 3 })).toMatchObject({ ok: true });
    // Kim's own line, just rung up: lowering it is fixing a mistyped tap.
    expect(asKim('tab.setQty', { tabId, lineId, qty: 2 })).toMatchObject({ ok: true });
    // Later it was served: taking it off needs a manager.
    l.advance(3 * 60_000);
    expect(asKim('tab.removeLine', { tabId, lineId, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'approval_needed' } });
    expect(asKim('tab.setQty', { tabId, lineId, qty: 1 })).toMatchObject({ ok: false, error: { code: 'approval_needed' } });
    expect(asKim('tab.writeOff', { tabId, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'approval_needed', params: { permission: 'tabs.writeOff' } },
    });
    expect(l.call('tab.get', { tabId }).lines).toMatchObject([{ qty: 2, state: 'active' }]);
    expect(l.dispatcher.dispatch('tab.listOpen', { input: {} }, { staffId: 4242 })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(l.dispatcher.dispatch('tab.listOpen', { input: {} }, null)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('answers host commands only through the router, never in-process', () => {
    l = makeLedger();
    expect(l.dispatcher.dispatch('backup.status', { input: {} }, l.session)).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(l.dispatcher.dispatch('session.current', { input: {} }, l.session)).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
  });
});

describe('the dispatcher', () => {
  it('refuses unknown commands and malformed envelopes', () => {
    l = makeLedger();
    expect(l.raw('tab.explode', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(l.raw('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(l.dispatcher.dispatch('tab.listOpen', { input: {}, extra: 1 }, l.session)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(l.dispatcher.dispatch('tab.open', { input: {}, commandId: 'short' }, l.session)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('rolls a failing handler back whole and reports a plain internal error', () => {
    l = makeLedger();
    const log = vi.fn();
    const broken = {
      ...handlers,
      'tab.open': (ctx: Parameters<(typeof handlers)['tab.open']>[0], input: Parameters<(typeof handlers)['tab.open']>[1]) => {
        handlers['tab.open'](ctx, input);
        throw new Error('disk on fire');
      },
    };
    const d = createDispatcher({ db: l.db, handlers: broken, log });
    const before = snapshot(l);
    expect(d.dispatch('tab.open', { input: {}, commandId: 'boom-00001' }, l.session)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Aftertab; nothing was saved.', key: 'errors.internal', params: {} },
    });
    expect(snapshot(l)).toEqual(before);
    expect(log).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ message: 'disk on fire' }), { command: 'tab.open', code: 'internal' });
  });

  it('pushes an event to every subscriber after a change, none after a query or a replay', () => {
    l = makeLedger();
    const events: AppEvent[] = [];
    const off = l.dispatcher.subscribe((e) => events.push(e));
    const opened = l.raw('tab.open', {}, 'evt-open-0001');
    l.raw('tab.open', {}, 'evt-open-0001');
    l.raw('tab.listOpen', {});
    l.call('catalog.createCategory', { name: 'Food' });
    off();
    l.call('tab.open', {});
    const tabId = (opened as { value: { id: number } }).value.id;
    expect(events).toEqual([
      { type: 'tabs.changed', tabIds: [tabId], board: [{ tabId, card: expect.objectContaining({ id: tabId, status: 'open' }) }] },
      { type: 'catalog.changed' },
    ]);
  });

  it('hands the chain watch the head each committed command appended last, and whether the sealed row stands; nothing for a query, a refusal or a replay', () => {
    l = makeLedger();
    const seen: ChainSeen[] = [];
    let sealedSeq = 0;
    const off = l.dispatcher.watchChain({ sealedSeq: () => sealedSeq, committed: (s) => seen.push(s) });
    l.raw('tab.open', {}, 'watch-open-0001');
    const first = chainHead(l.db);
    expect(seen).toEqual([{ head: first, atSeq: EMPTY_HEAD, sealedSeq: 0, appends: expect.any(Number) }]);
    sealedSeq = first.seq;
    l.raw('tab.open', {}, 'watch-open-0001');
    l.raw('tab.listOpen', {});
    expect(l.raw('tab.open', { token: 999 }, 'watch-open-0002').ok).toBe(false);
    expect(seen).toHaveLength(1);
    l.raw('tab.open', {}, 'watch-open-0003');
    expect(seen[1]).toEqual({ head: chainHead(l.db), atSeq: first, sealedSeq: first.seq, appends: expect.any(Number) });
    expect(seen[1]!.appends).toBeGreaterThan(seen[0]!.appends);
    // A sealed row that is gone (a rewritten ledger) is seen as gone.
    sealedSeq = 1_000_000;
    l.raw('tab.open', {}, 'watch-open-0004');
    expect(seen[2]).toMatchObject({ atSeq: null, sealedSeq: 1_000_000 });
    off();
    l.raw('tab.open', {}, 'watch-open-0005');
    expect(seen).toHaveLength(3);
  });

  it('a throwing subscriber does not undo a committed command', () => {
    l = makeLedger();
    l.dispatcher.subscribe(() => {
      throw new Error('window gone');
    });
    expect(l.raw('tab.open', {}).ok).toBe(true);
    expect(l.call('tab.listOpen', {})).toHaveLength(1);
  });
});

describe('the handler registry', () => {
  it('binds every ledger command of the contract exactly once (host commands run in the host)', () => {
    const ledgerCommands = Object.entries(contract)
      .filter(([, def]) => !('host' in def))
      .map(([name]) => name);
    expect(Object.keys(handlers).sort()).toEqual(ledgerCommands.sort());
    expect(ledgerCommands).toContain('day.close');
    expect(Object.keys(handlers)).not.toContain('backup.now');
    expect(() => new HandlerRegistry().register('tab.get', handlers['tab.get']).register('tab.get', handlers['tab.get'])).toThrow(/twice/);
    expect(() => new HandlerRegistry().complete()).toThrow(/without a handler/);
  });
});
