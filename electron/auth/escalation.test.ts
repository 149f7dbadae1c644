import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type CommandInput, type CommandName } from '../../shared/contract';
import type { Staff } from '../../shared/types';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { FRESH_LINE_MS, permissionsFor } from './escalation';

let l: TestLedger;
let owner: Staff;
let kim: Staff;
let tabId: number;
/** A 3.00 line and a 30.00 line, two of each, rung up by Kim at 09:00. */
let tea: number;
let massage: number;
const RUNG_AT = '2026-11-24T09:00:00.000Z';
const soon = new Date(Date.parse(RUNG_AT) + FRESH_LINE_MS).toISOString();
const later = new Date(Date.parse(RUNG_AT) + FRESH_LINE_MS + 1).toISOString();

beforeEach(() => {
  l = makeLedger(RUNG_AT);
  owner = { id: l.session.staffId, name: 'Owner', role: 'owner' };
  kim = {
    id: Number(l.db.prepare("INSERT INTO staff (name, role, created_at) VALUES ('Kim', 'staff', 'x')").run().lastInsertRowid),
    name: 'Kim',
    role: 'staff',
  };
  const item = (name: string, priceMinor: number) =>
    l.call('catalog.createItem', { categoryId: null, name, kind: 'product', priceMinor, rateMilli: 10_000, expectText: '' }).id;
  tabId = l.call('tab.open', {}).id;
  const lines = [item('Tea', 300), item('Massage', 3000)].map((itemId) => l.call('tab.addLine', { tabId, itemId, qty: 2, staffId: kim.id }).lineId);
  [tea, massage] = lines as [number, number];
});
afterEach(() => l.cleanup());

/** What `actor` needs for this input at `now`, the input parsed as the router would. */
function needs<N extends CommandName>(name: N, input: CommandInput<N>, actor: Staff = kim, now = soon): string[] {
  return permissionsFor(l.db, name, contract[name].input.parse(input), actor, now);
}

describe('the permissions a command needs with its input', () => {
  it('a comp: within the store’s threshold it is counter work, beyond its share or its amount it needs tabs.adjustLarge', () => {
    const comp = (lineId: number, kind: 'percent' | 'amount', value: number, qty?: number) =>
      needs('tab.compLine', { tabId, lineId, kind, value, qty, reason: 'cold' });
    expect(comp(tea, 'percent', 20)).toEqual(['tabs.adjust']);
    expect(comp(tea, 'percent', 21)).toEqual(['tabs.adjust', 'tabs.adjustLarge']);
    expect(comp(tea, 'percent', 50)).toEqual(['tabs.adjust', 'tabs.adjustLarge']);
    // 20 % of two massages is 12.00: within the share, beyond the 5.00.
    expect(comp(massage, 'percent', 20)).toEqual(['tabs.adjust', 'tabs.adjustLarge']);
    // 10 % of one massage is 3.00.
    expect(comp(massage, 'percent', 10, 1)).toEqual(['tabs.adjust']);
    expect(comp(massage, 'amount', 500)).toEqual(['tabs.adjust']);
    expect(comp(massage, 'amount', 501)).toEqual(['tabs.adjust', 'tabs.adjustLarge']);
    // 1.20 of one tea is 40 % of what the comped unit costs.
    expect(comp(tea, 'amount', 120, 1)).toEqual(['tabs.adjust', 'tabs.adjustLarge']);
    expect(comp(tea, 'amount', 120)).toEqual(['tabs.adjust']);
    // The store's own thresholds count.
    l.call('store.update', { approvalCompPercent: 50, approvalCompMinor: 2000 });
    expect(comp(tea, 'percent', 50)).toEqual(['tabs.adjust']);
    // 40 % of two massages is 24.00, beyond the 20.00.
    expect(comp(massage, 'percent', 40)).toEqual(['tabs.adjust', 'tabs.adjustLarge']);
    expect(comp(massage, 'percent', 30)).toEqual(['tabs.adjust']);
    // An unknown line adds nothing here; the service refuses it.
    expect(comp(9999, 'percent', 100)).toEqual(['tabs.adjust']);
  });

  it('comps add up on a tab: small ones that together pass the amount need tabs.adjustLarge', () => {
    const comp = (lineId: number, value: number, qty?: number) => needs('tab.compLine', { tabId, lineId, kind: 'amount', value, qty, reason: 'slow' });
    // 4.00 off the massages is within both limits on its own...
    expect(comp(massage, 400)).toEqual(['tabs.adjust']);
    l.call('tab.compLine', { tabId, lineId: massage, kind: 'amount', value: 400, reason: 'slow' });
    // ...and a further 1.20 off the teas (20 % of them) takes the tab's comps to 5.20, beyond 5.00.
    expect(comp(tea, 120)).toEqual(['tabs.adjust', 'tabs.adjustLarge']);
    expect(comp(tea, 100)).toEqual(['tabs.adjust']);
    // A new comp on the same line replaces its old one rather than adding to it.
    expect(comp(massage, 500)).toEqual(['tabs.adjust']);
  });

  it('any tip on a bill of nothing needs payments.largeTip', () => {
    const free = l.call('catalog.createItem', { categoryId: null, name: 'Tap water', kind: 'product', priceMinor: 0, rateMilli: 0, expectText: '' }).id;
    const water = l.call('tab.open', {}).id;
    l.call('tab.addLine', { tabId: water, itemId: free, staffId: kim.id });
    expect(needs('settle.pay', { tabId: water, method: 'card', tipMinor: 100_000 })).toEqual(['tabs.write', 'payments.largeTip']);
    expect(needs('settle.pay', { tabId: water, method: 'card' })).toEqual(['tabs.write']);
  });

  it('a removed line: the one who rang it up, straight after, fixes a mistyped tap; anyone else, or later, needs tabs.adjustLarge', () => {
    const remove = (actor: Staff, now: string) => needs('tab.removeLine', { tabId, lineId: tea, reason: 'wrong' }, actor, now);
    expect(remove(kim, RUNG_AT)).toEqual(['tabs.adjust']);
    expect(remove(kim, soon)).toEqual(['tabs.adjust']);
    expect(remove(kim, later)).toEqual(['tabs.adjust', 'tabs.adjustLarge']);
    expect(remove(owner, RUNG_AT)).toEqual(['tabs.adjust', 'tabs.adjustLarge']);
  });

  it('a quantity: raising it is tabs.write; lowering it is an adjustment, a large one once the line was served', () => {
    const setQty = (qty: number, actor: Staff, now: string) => needs('tab.setQty', { tabId, lineId: tea, qty }, actor, now);
    expect(setQty(5, kim, later)).toEqual(['tabs.write']);
    expect(setQty(2, owner, later)).toEqual(['tabs.write']);
    expect(setQty(1, kim, soon)).toEqual(['tabs.write', 'tabs.adjust']);
    expect(setQty(1, kim, later)).toEqual(['tabs.write', 'tabs.adjust', 'tabs.adjustLarge']);
    expect(setQty(1, owner, soon)).toEqual(['tabs.write', 'tabs.adjust', 'tabs.adjustLarge']);
  });

  it('a paid out needs drawer.payOut; a paid in does not', () => {
    expect(needs('drawer.move', { kind: 'paid_in', amountMinor: 1000, reason: 'change' })).toEqual(['drawer.operate']);
    expect(needs('drawer.move', { kind: 'paid_out', amountMinor: 100, reason: 'milk' })).toEqual(['drawer.operate', 'drawer.payOut']);
  });

  it('a tip above the store’s share of the bill needs payments.largeTip', () => {
    // The tab owes 66.00.
    const pay = (input: Omit<CommandInput<'settle.pay'>, 'tabId' | 'method'>) => needs('settle.pay', { tabId, method: 'card', ...input });
    expect(pay({})).toEqual(['tabs.write']);
    expect(pay({ tipMinor: 6600 })).toEqual(['tabs.write']);
    expect(pay({ tipMinor: 6601 })).toEqual(['tabs.write', 'payments.largeTip']);
    expect(pay({ tipPercent: 100 })).toEqual(['tabs.write']);
    // Measured against this payment when it is a part of the bill.
    expect(pay({ amountMinor: 1000, tipMinor: 1001 })).toEqual(['tabs.write', 'payments.largeTip']);
    expect(pay({ amountMinor: 1000, tipMinor: 1000 })).toEqual(['tabs.write']);
    l.call('store.update', { tipApprovalPercent: 30 });
    expect(pay({ amountMinor: 1000, tipMinor: 301 })).toEqual(['tabs.write', 'payments.largeTip']);
    expect(pay({ amountMinor: 1000, tipPercent: 30 })).toEqual(['tabs.write']);
    expect(pay({ amountMinor: 1000, tipPercent: 31 })).toEqual(['tabs.write', 'payments.largeTip']);
    // A split part is its own bill.
    l.call('settle.split', { tabId, mode: 'amounts', amountsMinor: [1000, 5600] });
    expect(pay({ partNo: 1, tipMinor: 301 })).toEqual(['tabs.write', 'payments.largeTip']);
    expect(pay({ partNo: 2, tipMinor: 1500 })).toEqual(['tabs.write']);
  });

  it('a change of currency needs store.currency; the same currency or none does not', () => {
    expect(needs('store.update', { name: 'Corner' }, owner)).toEqual(['store.manage']);
    expect(needs('store.update', { currency: 'EUR' }, owner)).toEqual(['store.manage']);
    expect(needs('store.update', { currency: 'GBP' }, owner)).toEqual(['store.manage', 'store.currency']);
  });

  it('after the first Z, a time zone or day boundary other than the one the next day will use needs store.businessDay', () => {
    const day = (input: CommandInput<'store.update'>) => needs('store.update', input, owner);
    // Before the first Z the store is still being set up.
    expect(day({ timeZone: 'Pacific/Kiritimati', dayBoundaryMinutes: 300 })).toEqual(['store.manage']);
    l.call('drawer.count', { count: { kind: 'total', totalMinor: 0 } });
    l.call('drawer.close', {});
    l.call('day.close', { businessDate: '2026-11-24' });
    expect(day({ name: 'Corner', timeZone: 'UTC', dayBoundaryMinutes: 240 })).toEqual(['store.manage']);
    expect(day({ timeZone: 'Pacific/Kiritimati' })).toEqual(['store.manage', 'store.businessDay']);
    expect(day({ dayBoundaryMinutes: 300 })).toEqual(['store.manage', 'store.businessDay']);
    // Once a change waits for the Z, asking for it again changes nothing; going back does.
    l.call('store.update', { timeZone: 'Pacific/Kiritimati' });
    expect(day({ timeZone: 'Pacific/Kiritimati', dayBoundaryMinutes: 240 })).toEqual(['store.manage']);
    expect(day({ timeZone: 'UTC' })).toEqual(['store.manage', 'store.businessDay']);
  });

  it('a staff command touching an owner, or making one, needs staff.owners', () => {
    expect(needs('staff.create', { name: 'Ana', role: 'manager', pin: '5555' }, owner)).toEqual(['staff.manage']);
    expect(needs('staff.create', { name: 'Ana', role: 'owner', pin: '5555' }, owner)).toEqual(['staff.manage', 'staff.owners']);
    expect(needs('staff.update', { staffId: kim.id, name: 'Kimberly' }, owner)).toEqual(['staff.manage']);
    expect(needs('staff.update', { staffId: kim.id, role: 'owner' }, owner)).toEqual(['staff.manage', 'staff.owners']);
    expect(needs('staff.update', { staffId: owner.id, name: 'Boss' }, owner)).toEqual(['staff.manage', 'staff.owners']);
    expect(needs('staff.resetPin', { staffId: owner.id, pin: '5555' }, owner)).toEqual(['staff.manage', 'staff.owners']);
    expect(needs('staff.resetPin', { staffId: kim.id, pin: '5555' }, owner)).toEqual(['staff.manage']);
    expect(needs('staff.archive', { staffId: owner.id }, owner)).toEqual(['staff.manage', 'staff.owners']);
    expect(needs('staff.archive', { staffId: kim.id }, owner)).toEqual(['staff.manage']);
  });

  it('every other command needs only what the contract names', () => {
    expect(needs('tab.writeOff', { tabId, reason: 'walked out' })).toEqual(['tabs.writeOff']);
    expect(needs('drawer.close', {})).toEqual(['drawer.signOff']);
    expect(needs('tab.addLine', { tabId, itemId: 1 })).toEqual(['tabs.write']);
    expect(needs('report.x', {})).toEqual(['ledger.read']);
  });
});
