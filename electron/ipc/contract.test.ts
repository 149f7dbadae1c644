import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, commandNames, type CommandInput, type CommandName } from '../../shared/contract';
import { PROFILE_TEXT_MAX } from '../../shared/first-run-types';
import type { ErrorKey } from '../../shared/i18n/errors-en';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';

let l: TestLedger;
let samples: { [N in CommandName]: CommandInput<N> };

beforeAll(() => {
  l = makeLedger();
  const catalog = l.call('catalog.loadStarter', { kind: 'cafe' });
  const item = catalog.items[0]!;
  const tab = l.call('tab.open', {});
  const lineId = l.call('tab.addLine', { tabId: tab.id, itemId: item.id, qty: 2 }).lineId;
  const empty = l.call('tab.open', {});
  const categoryId = catalog.categories[0]!.id;
  const customer = l.call('customer.create', { name: 'Dana' });
  const duplicate = l.call('customer.create', { name: 'Dana R' });
  samples = {
    'store.get': {},
    // The logo is left out: null is one of its values (it takes the logo off), so the generic wrong-type checks below cannot hold for it; store-receipt.test.ts refuses each bad logo by its key.
    'store.update': {
      name: 'Corner Café',
      tokenLast: 60,
      taxRates: [{ rateMilli: 10_000, label: 'Standard' }],
      amberMinutes: 30,
      redMinutes: 60,
      tipConfirmPercent: 30,
      payAfterTerms: 'Pay when done.',
      legalName: 'Corner Café Ltd',
      address: ['1 Quay Street', 'Galway'],
      taxNumber: 'IE 1234567T',
      language: 'es',
    },
    'session.state': {},
    'session.signIn': { staffId: 1, pin: '2468' },
    'session.setup': { pin: '2468', pinAgain: '2468' },
    'session.end': { reason: 'lock' },
    'session.current': {},
    // The approved command's own input is checked when the grant parses it; here it is opaque.
    'approval.grant': { command: 'tab.compLine', commandId: 'c0ffee00-0000-4000-8000-000000000001', input: {}, approverId: 2, pin: '13579' },
    'staff.list': { includeArchived: true },
    'staff.create': { name: 'Kim', role: 'staff', pin: '1357' },
    'staff.update': { staffId: 1, name: 'Kim Lee', role: 'manager' },
    'staff.resetPin': { staffId: 1, pin: '86420' },
    'staff.archive': { staffId: 1, archived: true },
    'staff.unlock': { staffId: 1 },
    'catalog.list': { includeArchived: true },
    'catalog.createCategory': { name: 'Cakes' },
    'catalog.updateCategory': { categoryId, name: 'Hot drinks', position: 2 },
    'catalog.createItem': {
      categoryId,
      name: 'Scalp massage',
      kind: 'service',
      priceMinor: 1500,
      rateMilli: 10_000,
      expectText: 'Ten calm minutes.',
      durationMinutes: 15,
    },
    'catalog.updateItem': { itemId: item.id, priceMinor: 300, name: 'Espresso doppio', expectText: 'Two shots.' },
    'catalog.archiveItem': { itemId: item.id, archived: true },
    'catalog.loadStarter': { kind: 'salon' },
    'token.pool': {},
    'token.next': {},
    'token.markMissing': { tabId: tab.id },
    'token.markFound': { token: 3 },
    'tab.moveLines': { fromTabId: tab.id, toTabId: empty.id, lines: [{ lineId, qty: 1 }] },
    'tab.merge': { fromTabId: empty.id, intoTabId: tab.id },
    'tab.changeToken': { tabId: tab.id, token: 9 },
    'settle.claim': { tabId: tab.id },
    'settle.release': { tabId: tab.id },
    'tab.open': { token: 12, name: 'Ana', label: 'Table 2', note: 'no sugar' },
    'tab.update': { tabId: tab.id, name: 'Ben', label: 'Chair 3', note: 'allergic to nuts' },
    'tab.addLine': { tabId: tab.id, itemId: item.id, qty: 1, staffId: 1 },
    'tab.setQty': { tabId: tab.id, lineId, qty: 3 },
    'tab.removeLine': { tabId: tab.id, lineId, reason: 'wrong order' },
    'tab.compLine': { tabId: tab.id, lineId, kind: 'percent', value: 50, qty: 1, reason: 'not satisfied' },
    'tab.void': { tabId: empty.id, reason: 'opened by mistake' },
    'tab.writeOff': { tabId: tab.id, reason: 'walked out' },
    'tab.listOpen': {},
    'tab.get': { tabId: tab.id },
    'tab.setCustomer': { tabId: tab.id, customerId: customer.id },
    'customer.search': { query: 'dana' },
    'customer.get': { customerId: customer.id },
    'customer.create': { name: 'Dana Ruiz', phone: '+353 (0)87 123 4567', email: 'dana@example.com', notes: 'oat milk', contactOk: true },
    'customer.update': {
      customerId: customer.id,
      name: 'Dana Ruiz',
      phone: '087 123.4567',
      email: 'dana@example.ie',
      notes: 'allergic to nuts',
      contactOk: false,
    },
    'customer.archive': { customerId: customer.id, archived: true },
    'customer.erase': { customerId: customer.id },
    'customer.merge': { keepId: customer.id, mergeId: duplicate.id },
    'appointment.day': { date: '2026-11-24' },
    'appointment.week': { staffId: 1, from: '2026-11-23' },
    'appointment.upcoming': { minutes: 90 },
    'appointment.get': { appointmentId: 1 },
    'appointment.forCustomer': { customerId: customer.id },
    'appointment.book': {
      customerId: customer.id,
      staffId: 1,
      date: '2026-11-25',
      startMinute: 600,
      itemIds: [2, 3],
      note: 'fringe only',
      deposit: { method: 'card', reference: 'slip 12' },
    },
    'appointment.update': { appointmentId: 1, staffId: 1, date: '2026-11-26', startMinute: 660, itemIds: [2], note: 'moved by phone' },
    'appointment.takeDeposit': { appointmentId: 1, method: 'other', reference: 'voucher 7' },
    'appointment.cancel': { appointmentId: 1, refundAnyway: 'a family emergency', expectInTime: false },
    'appointment.noShow': { appointmentId: 1, refundAnyway: 'the bus broke down' },
    'appointment.checkIn': { appointmentId: 1, token: 14 },
    'deposit.apply': { tabId: tab.id, depositId: 1, excess: 'keep' },
    'deposit.refund': { depositId: 1, reason: 'moved abroad' },
    'loyalty.redeem': { tabId: tab.id },
    'loyalty.forCustomer': { customerId: customer.id },
    'settle.split': { tabId: tab.id, mode: 'amounts', amountsMinor: [100, 200] },
    'settle.clearSplit': { tabId: tab.id },
    'settle.pay': {
      tabId: tab.id,
      method: 'cash',
      amountMinor: 100,
      tipPercent: 10,
      tenderedMinor: 200,
      reference: 'r',
      confirmed: { tipMinor: 10, tenderedMinor: 200 },
    },
    'settle.rate': { tabId: tab.id, rating: 'happy' },
    'settle.voidLastPayment': { tabId: tab.id, paymentId: 1, reason: 'wrong card' },
    'tab.refundable': { tabId: tab.id },
    'tab.refundQuote': { tabId: tab.id, mode: 'amount', amountMinor: 100, includeTips: true, tenders: [{ method: 'card', amountMinor: 100 }] },
    'tab.refund': {
      tabId: tab.id,
      mode: 'lines',
      lines: [{ lineId, qty: 1, comped: false }],
      includeTips: false,
      tenders: [{ method: 'cash', amountMinor: 440 }],
      reason: 'cold coffee',
      expectGivenMinor: 440,
    },
    'refund.receipt': { refundId: 1 },
    'receipt.find': { receiptNumber: 12 },
    'ledger.check': {},
    'drawer.get': {},
    'drawer.open': { float: { kind: 'denominations', counts: [{ denominationMinor: 1000, qty: 2 }] } },
    'drawer.move': { kind: 'paid_out', amountMinor: 500, reason: 'milk' },
    'drawer.count': { count: { kind: 'total', totalMinor: 2500 } },
    'drawer.close': { varianceReason: 'miscounted change' },
    'day.status': {},
    'day.close': { businessDate: '2026-11-24' },
    'report.x': { businessDate: '2026-11-24' },
    'report.z': { zNumber: 1 },
    'report.zList': { limit: 10 },
    'report.csv': { what: 'journal', businessDate: '2026-11-24' },
    'report.staff': { businessDate: '2026-11-24' },
    'report.dashboard': { from: '2026-11-01', to: '2026-11-30' },
    'report.dashboardCsv': { from: '2026-11-01', to: '2026-11-30', table: 'items' },
    'audit.list': { businessDate: '2026-11-24', staffId: 1, kind: 'comps', limit: 50, beforeId: 10 },
    'audit.csv': { businessDate: '2026-11-24', staffId: 1, kind: 'payments' },
    'backup.status': {},
    'backup.configure': { folder: '/media/usb/aftertab', keep: 7, everyMinutes: 30 },
    'backup.now': {},
    'backup.restore': { name: 'aftertab-20261124T090000Z-manual.sqlite' },
    'recovery.status': {},
    'recovery.restore': { name: 'aftertab-20261124T090000Z-manual.sqlite' },
    'recovery.continue': { staffId: 1, pin: '1234', reason: 'the seal file was lost' },
    'firstRun.profile': {},
    'firstRun.applyProfile': {},
    'firstRun.previewImport': { text: '{"format": "aftertab.store-profile", "version": 1}' },
    // The profile is read by the host as a file is (firstRun.applyWizard's own tests); here it is opaque.
    'firstRun.applyWizard': { profile: {} },
    'device.get': {},
    'device.update': { language: 'es', printer: { paper: '58mm', name: 'TM-T20' } },
    'store.exportProfile': {},
    'print.test': {},
    'print.preview': { document: 'receipt', tabId: tab.id },
    'print.document': { document: 'z', zNumber: 1 },
  };
});
afterAll(() => l.cleanup());

/**
 * Every field of free text a person types, and the key that refuses it when nothing readable is
 * left (none: it may be empty). The last test below fails when a sample gains a text field that
 * is missing here.
 */
type TextField = { path: (string | number)[]; required: ErrorKey | null };
const name = (path: string | number, ...rest: (string | number)[]): TextField => ({ path: [path, ...rest], required: 'errors.field.nameRequired' });
const optional = (path: string): TextField => ({ path: [path], required: null });
const reasonField = (path: string): TextField => ({ path: [path], required: 'errors.field.reason' });
const textFields: { [N in CommandName]?: TextField[] } = {
  'store.update': [
    name('name'),
    name('taxRates', 0, 'label'),
    optional('payAfterTerms'),
    optional('legalName'),
    { path: ['address', 0], required: 'errors.field.addressLine' },
    { path: ['address', 1], required: 'errors.field.addressLine' },
    optional('taxNumber'),
  ],
  'staff.create': [name('name')],
  'staff.update': [name('name')],
  'catalog.createCategory': [name('name')],
  'catalog.updateCategory': [name('name')],
  'catalog.createItem': [name('name'), optional('expectText')],
  'catalog.updateItem': [name('name'), optional('expectText')],
  'tab.open': [optional('name'), optional('label'), optional('note')],
  'tab.update': [optional('name'), optional('label'), optional('note')],
  'customer.search': [optional('query')],
  'customer.create': [name('name'), optional('notes')],
  'customer.update': [name('name'), optional('notes')],
  'appointment.book': [optional('note'), { path: ['deposit', 'reference'], required: null }],
  'appointment.update': [optional('note')],
  'appointment.takeDeposit': [optional('reference')],
  'appointment.cancel': [reasonField('refundAnyway')],
  'appointment.noShow': [reasonField('refundAnyway')],
  'deposit.refund': [reasonField('reason')],
  'tab.removeLine': [reasonField('reason')],
  'tab.compLine': [reasonField('reason')],
  'tab.void': [optional('reason')],
  'tab.writeOff': [reasonField('reason')],
  'settle.pay': [optional('reference')],
  'settle.voidLastPayment': [reasonField('reason')],
  'tab.refund': [reasonField('reason')],
  'drawer.move': [reasonField('reason')],
  'drawer.close': [optional('varianceReason')],
  'recovery.continue': [reasonField('reason')],
  'device.update': [{ path: ['printer', 'name'], required: null }],
};
/** Strings that are not words for people: a folder on disk takes whatever the system allows. */
const notText: { [N in CommandName]?: string[] } = { 'backup.configure': ['folder'], 'approval.grant': ['command'], 'firstRun.previewImport': ['text'] };
/** Where a text may be longer than the usual huge one: a profile file's text is refused just past its own limit. */
const hugeText: { [N in CommandName]?: number } = { 'firstRun.previewImport': PROFILE_TEXT_MAX + 1 };

type Leaf = { path: (string | number)[]; value: unknown };
function leaves(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value }];
}
function setAt(input: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = replacement;
  return copy;
}

describe.each(commandNames)('%s at the boundary', (name) => {
  it('accepts its sample input (so the refusals below are about the change alone)', () => {
    expect(contract[name].input.safeParse(samples[name]).success).toBe(true);
  });

  it('refuses unknown fields and inputs of the wrong shape, writing nothing', () => {
    for (const bad of [{ ...samples[name], sneaky: 1 }, 'hello', [], 42]) {
      expect(l.fail(name, bad).code).toBe('invalid_input');
    }
  });

  it('refuses negative, fractional, huge and wrongly typed numbers, writing nothing', () => {
    const numeric = leaves(samples[name]).filter((leaf) => typeof leaf.value === 'number' || leaf.value === null);
    for (const leaf of numeric) {
      for (const bad of [-1, 1.5, 1e20, Number.NaN, '12', true]) {
        const error = l.fail(name, setAt(samples[name], leaf.path, bad));
        expect(error.code, `${leaf.path.join('.')} = ${String(bad)}`).toBe('invalid_input');
      }
    }
  });

  it('refuses huge and wrongly typed strings and booleans, writing nothing', () => {
    const other = leaves(samples[name]).filter((leaf) => typeof leaf.value === 'string' || typeof leaf.value === 'boolean');
    for (const leaf of other) {
      const bads = typeof leaf.value === 'string' ? ['x'.repeat(hugeText[name] ?? 100_000), 42, null] : ['yes', 1];
      for (const bad of bads) {
        const error = l.fail(name, setAt(samples[name], leaf.path, bad));
        expect(error.code, `${leaf.path.join('.')} = ${String(bad).slice(0, 20)}`).toBe('invalid_input');
      }
    }
  });
});

describe.each(Object.keys(textFields) as CommandName[])('%s refuses text that cannot be read', (command) => {
  const fields = (): TextField[] => textFields[command] ?? [];
  const invisible = ['\u200b', '\u200b\u200b ', '\t\n', '\u2060\ufeff\u200d', '\u00ad'];
  const hidden = ['\u0000', 'Ana\u0000', '\u202e', 'Invoice \u202efdp.exe', 'x\u2066y\u2069', 'beep\u0007'];

  it('refuses NUL, other controls and direction overrides in every text field, writing nothing', () => {
    for (const field of fields()) {
      for (const bad of hidden) {
        const error = l.fail(command, setAt(samples[command], field.path, bad));
        expect([error.code, error.key, error.field], `${field.path.join('.')} = ${JSON.stringify(bad)}`).toEqual([
          'invalid_input',
          'errors.field.hiddenCharacters',
          field.path.join('.'),
        ]);
      }
    }
  });

  it('refuses a required text made only of invisible characters, writing nothing, and keeps an optional one empty', () => {
    for (const field of fields()) {
      for (const blank of invisible) {
        const input = setAt(samples[command], field.path, blank);
        const label = `${field.path.join('.')} = ${JSON.stringify(blank)}`;
        if (field.required === null) {
          const parsed = contract[command].input.parse(input);
          expect(
            field.path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], parsed),
            label,
          ).toBe('');
        } else {
          const error = l.fail(command, input);
          expect([error.code, error.key, error.field], label).toEqual(['invalid_input', field.required, field.path.join('.')]);
        }
      }
    }
  });
});

it('lists every field of free text in the samples (a new one must be checked above)', () => {
  for (const command of commandNames) {
    const words = leaves(samples[command])
      .filter((leaf) => typeof leaf.value === 'string')
      .filter((leaf) => contract[command].input.safeParse(setAt(samples[command], leaf.path, 'Plain words 42')).success)
      .map((leaf) => leaf.path.join('.'))
      .filter((path) => !(notText[command] ?? []).includes(path));
    expect(words, command).toEqual((textFields[command] ?? []).map((field) => field.path.join('.')));
  }
});
