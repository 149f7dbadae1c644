import { describe, expect, it } from 'vitest';
import type { ActivityRow } from '../../../shared/closing-types';
import { activityKinds } from '../../../shared/domain/activity';
import { moneyTools } from '../../hooks/use-money';
import { formatBusinessDate, whenTools } from '../../hooks/use-when';
import { testStore } from '../../test-support/store';
import { activityText, kindName, type ActivityFormat } from './activity-text';
import { mergeNewest } from './merge-newest';

const store = testStore({ timeZone: 'Europe/Berlin', locale: 'en-IE' });
const format: ActivityFormat = {
  money: moneyTools(store).format,
  when: whenTools(store).format,
  date: (d) => formatBusinessDate(d, store.locale),
  person: (id) => (id === 4 ? 'Tom' : null),
};

const row = (id: number, command: string, detail: unknown = {}): ActivityRow => ({
  id,
  at: '2026-09-15T08:05:00.000Z',
  staffId: 2,
  staffName: 'Bea',
  approverId: null,
  approverName: null,
  command,
  kind: 'tabs',
  tabId: null,
  token: null,
  amountMinor: null,
  detail: typeof detail === 'string' ? detail : JSON.stringify(detail),
});
const text = (command: string, detail: unknown = {}) => activityText(row(1, command, detail), format);

describe('what each action says', () => {
  it('words sign-ins, PINs, approvals and lockouts', () => {
    expect(text('session.signIn', { ok: true })).toBe('Signed in');
    expect(text('session.signIn', { ok: false, wrong: 3 })).toBe('Wrong PIN (3 in a row)');
    expect(text('session.signIn', { ok: false, refused: 'locked' })).toBe('Sign-in refused: locked out');
    expect(text('session.end', { reason: 'idle' })).toBe('Locked after being idle');
    expect(text('session.end', { reason: 'lock' })).toBe('Locked the screen');
    expect(text('session.end', { reason: 'signOut' })).toBe('Signed out');
    expect(text('session.setup', { ok: true })).toBe('Set the owner’s PIN');
    expect(text('approval.pin', { for: 2, command: 'tab.compLine', ok: true })).toBe('Manager PIN given for tab.compLine');
    expect(text('approval.pin', { for: 2, command: 'tab.writeOff', ok: false, wrong: 1 })).toBe('Wrong manager PIN for tab.writeOff (1 in a row)');
    expect(text('approval.grant', { command: 'drawer.move', permissions: ['drawer.payOut'] })).toBe('Approval asked for drawer.move');
    // 09:10 UTC is 11:10 in Berlin in September.
    expect(text('staff.lockout', { until: '2026-09-15T09:10:00.000Z', after: 'session.signIn' })).toBe(
      'Locked out after 5 wrong PINs, until 15 Sept 2026, 11:10',
    );
  });

  it('words the drawer, the day, the catalog, settings, staff and backups, in the store’s money', () => {
    expect(text('drawer.open', { floatMinor: 10_000 })).toBe('Opened the drawer with a float of €100.00');
    expect(text('drawer.paid_in', { amountMinor: 500, reason: 'change' })).toBe('Paid in €5.00 (change)');
    expect(text('drawer.recount', { countedMinor: 9950, expectedMinor: 10_000 })).toBe('Counted the drawer again: €99.50');
    expect(text('drawer.close', { expectedMinor: 10_000, countedMinor: 9950, varianceMinor: -50, reason: 'short' })).toBe(
      'Signed off the drawer: counted €99.50, expected €100.00, variance -€0.50 (short)',
    );
    expect(text('drawer.close', { expectedMinor: 100, countedMinor: 100, varianceMinor: 0, reason: '' })).toBe(
      'Signed off the drawer: counted €1.00, expected €1.00, variance €0.00',
    );
    expect(text('day.close', { zNumber: 7, businessDate: '2026-09-14', netSalesMinor: 1 })).toBe('Closed Mon 14 Sept 2026 (Z #7)');
    expect(text('catalog.createItem', { id: 3, name: 'Latte', priceMinor: 440 })).toBe('Added Latte at €4.40');
    expect(text('catalog.updateItem', { itemId: 3, priceMinor: 460, name: 'Latte' })).toBe('Changed an item: priceMinor, name');
    expect(text('catalog.archiveItem', { itemId: 3, archived: false })).toBe('Brought back an item');
    expect(text('store.update', { timeZone: 'Europe/Berlin', dayBoundaryMinutes: 300 })).toBe('Changed the settings: timeZone, dayBoundaryMinutes');
    expect(text('staff.create', { staffId: 4, name: 'Tom', role: 'manager' })).toBe('Added Tom as manager');
    expect(text('staff.update', { staffId: 4, name: 'Thomas', was: 'Tom' })).toBe('Renamed Tom to Thomas');
    expect(text('staff.update', { staffId: 4, role: 'staff', wasRole: 'manager' })).toBe('Made Tom staff');
    expect(text('staff.update', { staffId: 4, name: 'Thomas', was: 'Tom', role: 'owner', wasRole: 'manager' })).toBe(
      'Renamed Tom to Thomas and made them owner',
    );
    expect(text('staff.unlock', { staffId: 4, name: 'Tom' })).toBe('Lifted the lockout of Tom');
    expect(text('backup.restore', { restoredFrom: 'aftertab-2026-09-14.db' })).toBe('Restored the backup aftertab-2026-09-14.db');
    const seal = { cause: 'behind', problem: 'the ledger ends at entry 4,120 of 4,160, recorded 2026-09-15 14:02 UTC', sealedSeq: 4160, ledgerSeq: 4120 };
    expect(text('ledger.continue', { seal, reason: 'PC restored from an image', pinChecked: true })).toBe(
      'Continued knowingly with the ledger as it was, though the ledger ends at entry 4,120 of 4,160, recorded 2026-09-15 14:02 UTC (PC restored from an image)',
    );
    expect(text('ledger.continue', { restoredFrom: 'aftertab-20260915T090000000Z-z.sqlite', keptAside: 'x', seal, reason: 'the sealed copy is lost' })).toBe(
      'Continued knowingly from the backup aftertab-20260915T090000000Z-z.sqlite, though the ledger ends at entry 4,120 of 4,160, recorded 2026-09-15 14:02 UTC (the sealed copy is lost)',
    );
  });

  it('names customers by number, as the audit keeps them', () => {
    expect(text('customer.create', { customerId: 7, contactOk: true })).toBe('Added customer #7');
    expect(text('customer.update', { customerId: 7, phone: true, notes: true })).toBe('Changed customer #7: phone, notes');
    expect(text('customer.archive', { customerId: 7, archived: true })).toBe('Archived customer #7');
    expect(text('customer.archive', { customerId: 7, archived: false })).toBe('Brought back customer #7');
    expect(text('customer.erase', { customerId: 7, profiles: 1 })).toBe('Erased the personal details of customer #7');
    expect(text('customer.merge', { keepId: 3, mergeId: 7, openTabsMoved: 0 })).toBe('Merged customer #7 into customer #3');
  });

  it('words tab actions as the tab’s history does, and anything else by its command', () => {
    expect(text('tab.compLine', { item: 'Latte', kind: 'percent', value: 50, qty: 1, of: 1, reason: 'cold' })).toBe('Comped Latte by 50% (cold)');
    expect(text('settle.voidLastPayment', { method: 'card', amountMinor: 760, reason: 'wrong card' })).toBe('Payment of €7.60 by Card voided: wrong card');
    expect(text('mystery.thing', { a: 1 })).toBe('mystery.thing');
    expect(text('drawer.count', 'not json')).toBe('Counted the drawer: €0.00');
  });

  it('names every kind', () => {
    expect(activityKinds.map(kindName)).toEqual([
      'Sign-in',
      'Tabs',
      'Lines',
      'Comps',
      'Payments',
      'Drawer',
      'Closing the day',
      'Catalog',
      'Settings',
      'Staff and approvals',
      'Backups',
    ]);
  });
});

describe('new rows on top of the rows shown', () => {
  const ids = (rows: ActivityRow[]) => rows.map((r) => r.id);
  it('adds only the newer rows and keeps the older pages and where they end', () => {
    const shown = [row(5, 'a'), row(4, 'a'), row(3, 'a'), row(2, 'a')];
    const merged = mergeNewest(shown, 2, { rows: [row(7, 'a'), row(6, 'a'), row(5, 'a')], nextBeforeId: 5 });
    expect(ids(merged.rows)).toEqual([7, 6, 5, 4, 3, 2]);
    expect(merged.nextBeforeId).toBe(2);
  });

  it('takes a first page with nothing in common as the whole list', () => {
    const fresh = { rows: [row(9, 'a'), row(8, 'a')], nextBeforeId: 8 };
    expect(mergeNewest([row(3, 'a')], null, fresh)).toEqual(fresh);
    expect(mergeNewest([], null, fresh)).toEqual(fresh);
  });
});
