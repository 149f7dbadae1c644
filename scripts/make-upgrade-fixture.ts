/**
 * Writes electron/ledger/fixtures/ledger-v0.1-schema15.sqlite: a small ledger as Aftertab 0.1
 * (schema 15) leaves it on a shop's disk, made by the real services through the dispatcher, for
 * the upgrade test (electron/ledger/upgrade.test.ts). Two business days of a café that also
 * books salon appointments: tabs settled by cash and by card with tips, a comp, a walkout, a
 * voided card payment paid again in cash, a drawer opened, counted and closed each day, two Zs,
 * a customer with a stamp card, a booking whose deposit was applied and one whose deposit is
 * still held.
 *
 * The file stands for what 0.1 users have on disk. NEVER regenerate it after a schema change
 * (a new migration): the new code would write the new schema and the test would stop proving
 * anything about upgrading a 0.1 ledger. Regenerate it only while the app still writes schema
 * 15, and only to record more of 0.1's data:
 *
 *   npx tsx scripts/make-upgrade-fixture.ts [--out <file>]
 *
 * The script refuses to run when this version's schema is not 15. A later release that wants a
 * fixture of its own adds a new file (ledger-v0.2-schema16.sqlite, say) beside this one.
 *
 * Only the ledger file is kept. The seal and the install secret (the PIN key) that a real data
 * folder holds beside it belong to one install, not to the schema: the test opens the file
 * through the ledger's own open-and-migrate path (startLedgerApp), which is where an upgrade
 * happens, and signs nothing. No PIN is set, so the file carries no PIN hash either.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { CommandInput, CommandName, CommandResult } from '../shared/contract';
import { startLedgerApp } from '../electron/ledger-host/ledger-app';
import { LATEST_VERSION } from '../electron/ledger/migrate';

const FIXTURE_SCHEMA = 15;
const FIXTURE_FILE = path.join('electron', 'ledger', 'fixtures', `ledger-v0.1-schema${FIXTURE_SCHEMA}.sqlite`);

function outArgument(argv: readonly string[]): string {
  const at = argv.indexOf('--out');
  if (at === -1) return FIXTURE_FILE;
  const value = argv[at + 1];
  if (!value) throw new Error('--out needs a file name');
  return value;
}

function makeUpgradeFixture(out: string): { bytes: number } {
  if (LATEST_VERSION !== FIXTURE_SCHEMA) {
    throw new Error(`this version writes schema ${LATEST_VERSION}, not ${FIXTURE_SCHEMA}: the 0.1 fixture must never be regenerated after a schema change`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-upgrade-fixture-'));
  let now = Date.parse('2026-11-24T08:30:00.000Z');
  const at = (iso: string): void => {
    now = Date.parse(iso);
  };
  const app = startLedgerApp({ dataDir: dir, clock: () => new Date(now), log: (error) => console.error(error), timeZone: 'UTC' });
  const call = <N extends CommandName>(name: N, input: CommandInput<N>): CommandResult<N> => {
    const result = app.dispatcher.dispatch(name, { input, commandId: randomUUID() }, app.session);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as CommandResult<N>;
  };
  try {
    // The store: a deposit of 10.00 per booking, and every 5th coffee free.
    call('store.update', { name: 'Corner Café', depositPolicy: { mode: 'fixed', fixedMinor: 1000, percent: 0, freeCancelHours: 24, forfeitPercent: 100 } });
    const coffee = call('catalog.createCategory', { name: 'Coffee' }).id;
    const cakes = call('catalog.createCategory', { name: 'Cakes' }).id;
    const item = (categoryId: number | null, name: string, priceMinor: number, rateMilli: number): number =>
      call('catalog.createItem', { categoryId, name, kind: 'product', priceMinor, rateMilli, expectText: '' }).id;
    const latte = item(coffee, 'Latte', 380, 10_000);
    const espresso = item(coffee, 'Espresso', 250, 10_000);
    const cake = item(cakes, 'Carrot cake', 320, 10_000);
    const water = item(null, 'Still water', 200, 0);
    const cut = call('catalog.createItem', {
      categoryId: null,
      name: 'Cut',
      kind: 'service',
      priceMinor: 3000,
      rateMilli: 10_000,
      expectText: 'Washed, cut and dried.',
      durationMinutes: 45,
    }).id;
    const colour = call('catalog.createItem', {
      categoryId: null,
      name: 'Colour',
      kind: 'service',
      priceMinor: 5500,
      rateMilli: 10_000,
      expectText: 'One shade, roots done.',
      durationMinutes: 90,
    }).id;
    call('store.update', { loyalty: { scheme: 'stamps', categoryId: coffee, stampsEvery: 5, pointsSpendMinor: 100, pointValueMinor: 1, pointsMin: 100 } });
    const ana = call('customer.create', { name: 'Ana Example', phone: '+34 600 000 000' }).id;

    // Day 1, Tuesday 24 November 2026.
    at('2026-11-24T08:45:00.000Z');
    call('drawer.open', {
      float: {
        kind: 'denominations',
        counts: [
          { denominationMinor: 2000, qty: 2 },
          { denominationMinor: 500, qty: 2 },
        ],
      },
    });
    // A booking made ahead with its deposit held: Friday's colour.
    at('2026-11-24T08:50:00.000Z');
    call('appointment.book', {
      customerId: ana,
      staffId: app.session.staffId,
      date: '2026-11-27',
      startMinute: 600,
      itemIds: [colour],
      deposit: { method: 'card', reference: '' },
    });
    // Today's cut, booked with a deposit in cash.
    const booked = call('appointment.book', {
      customerId: ana,
      staffId: app.session.staffId,
      date: '2026-11-24',
      startMinute: 780,
      itemIds: [cut],
      deposit: { method: 'cash', reference: '' },
    });

    at('2026-11-24T09:00:00.000Z');
    const a = call('tab.open', { name: 'Window table' });
    call('tab.addLine', { tabId: a.id, itemId: latte, qty: 2 });
    call('tab.addLine', { tabId: a.id, itemId: cake });
    call('tab.setCustomer', { tabId: a.id, customerId: ana });
    at('2026-11-24T09:05:00.000Z');
    const b = call('tab.open', {});
    call('tab.addLine', { tabId: b.id, itemId: espresso });
    const burnt = call('tab.addLine', { tabId: b.id, itemId: cake }).lineId;
    call('tab.compLine', { tabId: b.id, lineId: burnt, kind: 'percent', value: 100, reason: 'burnt' });
    at('2026-11-24T09:10:00.000Z');
    const c = call('tab.open', {});
    call('tab.addLine', { tabId: c.id, itemId: water });
    call('tab.addLine', { tabId: c.id, itemId: latte });
    at('2026-11-24T10:00:00.000Z');
    call('settle.pay', { tabId: a.id, method: 'cash', tenderedMinor: 1500 });
    call('settle.rate', { tabId: a.id, rating: 'happy' });
    at('2026-11-24T10:20:00.000Z');
    call('settle.pay', { tabId: b.id, method: 'card', tipMinor: 50 });
    at('2026-11-24T11:00:00.000Z');
    call('tab.writeOff', { tabId: c.id, reason: 'walked out' });
    at('2026-11-24T11:30:00.000Z');
    const d = call('tab.open', {});
    call('tab.addLine', { tabId: d.id, itemId: espresso, qty: 2 });
    const wrong = call('settle.pay', { tabId: d.id, method: 'card' });
    call('settle.voidLastPayment', { tabId: d.id, paymentId: wrong.payment.id, reason: 'wrong card' });
    call('settle.pay', { tabId: d.id, method: 'cash', tenderedMinor: 500 });
    at('2026-11-24T12:00:00.000Z');
    call('drawer.move', { kind: 'paid_out', amountMinor: 300, reason: 'milk' });
    at('2026-11-24T13:00:00.000Z');
    const checkedIn = call('appointment.checkIn', { appointmentId: booked.id });
    const depositId = booked.deposits[0]?.id;
    if (depositId === undefined) throw new Error('the booking took no deposit');
    at('2026-11-24T13:50:00.000Z');
    call('deposit.apply', { tabId: checkedIn.tabId, depositId });
    call('settle.pay', { tabId: checkedIn.tabId, method: 'card', tipMinor: 300 });
    call('settle.rate', { tabId: checkedIn.tabId, rating: 'happy' });
    at('2026-11-24T18:00:00.000Z');
    // Expected: 50.00 float + 10.00 cash deposit + 10.80 + 5.00 cash sales - 3.00 paid out = 72.80; 20 cents short.
    call('drawer.count', { count: { kind: 'total', totalMinor: 7260 } });
    call('drawer.close', { varianceReason: 'short change' });
    call('day.close', { businessDate: '2026-11-24' });

    // Day 2, Wednesday 25 November 2026.
    at('2026-11-25T08:45:00.000Z');
    call('drawer.open', { float: { kind: 'total', totalMinor: 5000 } });
    at('2026-11-25T09:30:00.000Z');
    const e = call('tab.open', {});
    call('tab.addLine', { tabId: e.id, itemId: latte, qty: 3 });
    call('tab.setCustomer', { tabId: e.id, customerId: ana });
    call('settle.pay', { tabId: e.id, method: 'card', tipMinor: 50 });
    at('2026-11-25T10:15:00.000Z');
    const f = call('tab.open', { name: 'Two at the bar' });
    call('tab.addLine', { tabId: f.id, itemId: espresso, qty: 2 });
    call('tab.addLine', { tabId: f.id, itemId: cake, qty: 2 });
    call('settle.split', { tabId: f.id, mode: 'even', parts: 2 });
    call('settle.pay', { tabId: f.id, method: 'cash', partNo: 1, tenderedMinor: 600 });
    call('settle.pay', { tabId: f.id, method: 'card', partNo: 2 });
    at('2026-11-25T17:30:00.000Z');
    // Expected: 50.00 float + 5.70 (the cash half of the split): counted exactly.
    call('drawer.count', { count: { kind: 'total', totalMinor: 5570 } });
    call('drawer.close', { varianceReason: '' });
    call('day.close', { businessDate: '2026-11-25' });
  } finally {
    // The last connection to close checkpoints the WAL into the file and removes it.
    app.close();
  }
  const made = path.join(dir, 'aftertab.sqlite');
  if (fs.existsSync(`${made}-wal`)) throw new Error('the ledger kept a -wal file after closing');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.copyFileSync(made, out);
  fs.rmSync(dir, { recursive: true, force: true });
  return { bytes: fs.statSync(out).size };
}

const out = outArgument(process.argv.slice(2));
const { bytes } = makeUpgradeFixture(out);
console.log(`wrote ${out} (${bytes.toLocaleString('en')} bytes, schema ${FIXTURE_SCHEMA})`);
