import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FrozenDayReport } from '../../shared/closing-types';
import type { DepositPolicy } from '../../shared/salon-types';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { ITEM_RATINGS_SQL } from './dashboard-items';

/**
 * The dashboard on a small ledger whose every figure is known: Tuesday 24 November 2026 closed
 * with a Z (two tabs settled, one walked out, a comp, a tab carried), then Wednesday the 25th so
 * far, the store in UTC with the day ending at 04:00. Amounts are tax-inclusive at 10 % (water 0 %).
 */
const DAY1 = '2026-11-24';
const DAY2 = '2026-11-25';
let l: TestLedger;
let people: { ana: number; ben: number };
let items: { latte: number; cake: number; water: number };
let tabs: { carried: number };

const at = (date: string, hhmm: string) => l.setNow(`${date}T${hhmm}:00.000Z`);

function open(lines: [item: number, staffId: number][], name = ''): number {
  const tab = l.call('tab.open', { name });
  for (const [itemId, staffId] of lines) l.call('tab.addLine', { tabId: tab.id, itemId, staffId });
  return tab.id;
}

function settle(tabId: number, rating: 'happy' | 'okay' | 'unhappy' | null): void {
  l.call('settle.pay', { tabId, method: 'card' });
  if (rating) l.call('settle.rate', { tabId, rating });
}

/** Day 1: A (Ana: 2 lattes, a cake) happy; B (Ben: latte, cake comped in full by the owner) unhappy; C (Ana) walked out; D (Ben) left open. */
function day1(): void {
  at(DAY1, '09:00');
  const a = open(
    [
      [items.latte, people.ana],
      [items.latte, people.ana],
      [items.cake, people.ana],
    ],
    'Ana’s table',
  );
  const b = open([
    [items.latte, people.ben],
    [items.cake, people.ben],
  ]);
  const cake = l.call('tab.get', { tabId: b }).lines.find((line) => line.name === 'Cake')!;
  l.call('tab.compLine', { tabId: b, lineId: cake.id, kind: 'percent', value: 100, reason: 'burnt' });
  const c = open([
    [items.water, people.ana],
    [items.latte, people.ana],
  ]);
  at(DAY1, '10:00');
  settle(a, 'happy');
  settle(b, 'unhappy');
  at(DAY1, '11:00');
  l.call('tab.writeOff', { tabId: c, reason: 'walked out' });
  at(DAY1, '13:15');
  tabs.carried = open([[items.latte, people.ben]], 'Dee');
  at(DAY1, '18:00');
  l.call('day.close', { businessDate: DAY1 });
}

/** Day 2 so far (11:00): E (Ana: water) settled okay; F, G, H open 40, 10 and 90 minutes. */
function day2(): void {
  at(DAY2, '09:30');
  open([[items.cake, people.ben]], 'H');
  const e = open([[items.water, people.ana]]);
  at(DAY2, '10:00');
  settle(e, 'okay');
  at(DAY2, '10:20');
  open([[items.latte, people.ana]], 'F');
  at(DAY2, '10:50');
  open([[items.water, people.ana]], 'G');
  at(DAY2, '11:00');
}

beforeEach(() => {
  l = makeLedger(`${DAY1}T09:00:00.000Z`, { drawer: false });
  const hire = (name: string) =>
    Number(l.db.prepare("INSERT INTO staff (name, role, active, created_at) VALUES (?, 'staff', 1, '2026-11-01T00:00:00.000Z')").run(name).lastInsertRowid);
  people = { ana: hire('Ana'), ben: hire('Ben') };
  const item = (name: string, priceMinor: number, rateMilli: number) =>
    l.call('catalog.createItem', { categoryId: null, name, kind: 'product', priceMinor, rateMilli, expectText: '' }).id;
  items = { latte: item('Latte', 440, 10_000), cake: item('Cake', 350, 10_000), water: item('Water', 200, 0) };
  tabs = { carried: 0 };
});
afterEach(() => l.cleanup());

const frozenZ = (date: string) =>
  JSON.parse(
    l.db.prepare<[string], { report_json: string }>('SELECT report_json FROM z_reports WHERE business_date = ?').get(date)!.report_json,
  ) as FrozenDayReport;

describe('a closed day, from its frozen Z', () => {
  beforeEach(day1);

  it('has the exact walkout rate (tabs and amount), comp rate by reason and money owed at the close', () => {
    const d = l.call('report.dashboard', { from: DAY1, to: DAY1 });
    expect(d.days).toHaveLength(1);
    // Net sales: lattes 400 each, cake 318, water 200; 2836 gross, 318 comped; charged 2750 with tax.
    expect(d.days[0]).toEqual({
      businessDate: DAY1,
      source: 'z',
      zNumber: 1,
      netSalesMinor: 2518,
      grossSalesMinor: 2836,
      chargedMinor: 2750,
      compsMinor: 318,
      settled: 2,
      walkouts: 1,
      walkoutMinor: 640,
      paidMinor: 1670,
      // 1 of 3 closed tabs; 640 of what they came to, 1670 paid + 640 walked out = 27.71 %.
      walkoutTabsBp: 3333,
      walkoutAmountBp: 2771,
      averageSecondsToPay: 3600,
      // Dee's latte, still open at the close.
      owedAtCloseMinor: 440,
      openAtClose: 1,
      appointmentsDone: 0,
      noShows: 0,
      lateCancels: 0,
      forfeitedMinor: 0,
    });
    // 318 of 2836 gross = 11.21 %.
    expect(d.comps).toEqual([{ reason: 'burnt', count: 1, amountMinor: 318, rateBp: 1121 }]);
    expect(d.totals).toMatchObject({ compRateBp: 1121, walkoutTabsBp: 3333, walkoutAmountBp: 2771, closedDays: 1, openDays: 0 });
    expect(d.salon).toBe(false);
  });

  it('has each person’s ratings and comps given, and each item’s', () => {
    const d = l.call('report.dashboard', { from: DAY1, to: DAY1 });
    expect(d.staff).toEqual([
      { staffId: people.ana, staffName: 'Ana', tabsServed: 2, happy: 1, okay: 0, unhappy: 0, walkouts: 1, compsCount: 0, compsMinor: 0 },
      { staffId: people.ben, staffName: 'Ben', tabsServed: 1, happy: 0, okay: 0, unhappy: 1, walkouts: 0, compsCount: 0, compsMinor: 0 },
      // The owner gave the comp and served nothing.
      { staffId: 1, staffName: 'Owner', tabsServed: 0, happy: 0, okay: 0, unhappy: 0, walkouts: 0, compsCount: 1, compsMinor: 318 },
    ]);
    // Each rated tab counts once per item on it; the walked-out water was never rated.
    expect(d.items).toEqual([
      { itemId: items.cake, name: 'Cake', happy: 1, okay: 0, unhappy: 1, compsCount: 1, compsMinor: 318 },
      { itemId: items.latte, name: 'Latte', happy: 1, okay: 0, unhappy: 1, compsCount: 0, compsMinor: 0 },
    ]);
  });

  it('keeps what open tabs owed through a day without trading, whether or not the period starts on it', () => {
    // Nothing is posted on the 25th; Dee's latte is still owed at its close, and on the 26th so far.
    at('2026-11-26', '10:00');
    const d = l.call('report.dashboard', { from: DAY1, to: '2026-11-26' });
    expect(d.days.map((day) => [day.businessDate, day.source, day.owedAtCloseMinor, day.openAtClose])).toEqual([
      [DAY1, 'z', 440, 1],
      [DAY2, 'none', 440, 1],
      ['2026-11-26', 'x', 440, 1],
    ]);
    expect(l.call('report.dashboard', { from: DAY2, to: DAY2 }).days[0]).toMatchObject({ source: 'none', owedAtCloseMinor: 440, openAtClose: 1 });
    // Before the ledger began nothing was owed.
    expect(l.call('report.dashboard', { from: '2026-11-20', to: '2026-11-20' }).days[0]).toMatchObject({ owedAtCloseMinor: 0, openAtClose: 0 });
    const rows = parse(l.call('report.dashboardCsv', { from: DAY2, to: DAY2, table: 'days' }).text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.business_date, r.owed_at_close_minor, r.open_at_close])).toEqual([[DAY2, '440', '1']]);
  });

  it('reads the Z as frozen: its sales are the Z’s sales', () => {
    const z = frozenZ(DAY1);
    const d = l.call('report.dashboard', { from: DAY1, to: DAY1 });
    expect(d.totals.netSalesMinor).toBe(z.sales.netMinor);
    expect(d.days[0]?.owedAtCloseMinor).toBe(z.receivable.carriedForwardMinor);
  });
});

describe('a period of closed days and today so far', () => {
  beforeEach(() => {
    day1();
    day2();
  });

  it('puts what is open now in age bands by a fixed clock, with the oldest tab', () => {
    const { now } = l.call('report.dashboard', { from: DAY2, to: DAY2 });
    expect(now.businessDate).toBe(DAY2);
    expect(now.openTabs).toBe(4);
    // Dee 440 (since yesterday 13:15), H 350 (90 min), F 440 (40 min), G 200 (10 min).
    expect(now.owedMinor).toBe(1430);
    expect(now.bands).toEqual([
      { band: 'under30', tabs: 1, owedMinor: 200 },
      { band: 'from30to60', tabs: 1, owedMinor: 440 },
      { band: 'from60to120', tabs: 1, owedMinor: 350 },
      { band: 'over120', tabs: 1, owedMinor: 440 },
    ]);
    expect(now.oldest).toMatchObject({ tabId: tabs.carried, name: 'Dee', ageMinutes: 24 * 60 - 135, dueMinor: 440 });
    expect(now.tokens).toMatchObject({ total: 40, out: 4, missing: 0 });
    expect(now.depositsHeld).toEqual({ count: 0, amountMinor: 0 });
    // Twenty minutes later G and F have each moved up a band (the clock, not a stored age).
    l.advance(20 * 60_000);
    expect(l.call('report.dashboard', { from: DAY2, to: DAY2 }).now.bands.map((b) => b.tabs)).toEqual([0, 1, 2, 1]);
  });

  it('counts a token not handed back as out, also one from outside the pool’s range since it changed', () => {
    const paid = open([[items.water, people.ana]]);
    settle(paid, null);
    const token = l.call('token.markMissing', { tabId: paid }).token;
    expect(l.call('report.dashboard', { from: DAY2, to: DAY2 }).now.tokens).toEqual({ total: 40, out: 5, missing: 1 });
    // The pool ends below that token now: it is still out, one more in circulation than the range.
    l.call('store.update', { tokenFirst: 1, tokenLast: token - 1 });
    expect(l.call('report.dashboard', { from: DAY2, to: DAY2 }).now.tokens).toEqual({ total: token, out: 5, missing: 1 });
  });

  it('adds the closed day’s Z to today’s X: the period’s sales are the sum of its days’ reports', () => {
    const d = l.call('report.dashboard', { from: DAY1, to: '2026-11-30' });
    // Days after today have not begun: the period stops at today.
    expect(d.days.map((day) => [day.businessDate, day.source])).toEqual([
      [DAY1, 'z'],
      [DAY2, 'x'],
    ]);
    const x = l.call('report.x', { businessDate: DAY2 });
    expect(d.totals.netSalesMinor).toBe(frozenZ(DAY1).sales.netMinor + x.sales.netMinor);
    // Today: H's cake 318, E's water 200, F's latte 400, G's water 200.
    expect(d.days[1]).toMatchObject({
      netSalesMinor: 1118,
      chargedMinor: 1190,
      settled: 1,
      walkouts: 0,
      owedAtCloseMinor: 1430,
      openAtClose: 4,
      averageSecondsToPay: 1800,
    });
    // 1 walkout of 4 closed tabs; 640 of 1670 + 200 paid + 640 walked out = 25.50 %.
    expect(d.totals).toMatchObject({ settled: 3, walkouts: 1, paidMinor: 1870, walkoutTabsBp: 2500, walkoutAmountBp: 2550, closedDays: 1, openDays: 1 });
    // (3600 s × 2 tabs + 1800 s × 1) / 3.
    expect(d.totals.averageSecondsToPay).toBe(3000);
    expect(d.staff.find((s) => s.staffId === people.ana)).toMatchObject({ tabsServed: 3, happy: 1, okay: 1, walkouts: 1 });
    expect(d.items.find((i) => i.name === 'Water')).toMatchObject({ okay: 1, happy: 0 });
  });

  it('lists a day without trading as empty, and a month before any trading as all empty', () => {
    const d = l.call('report.dashboard', { from: '2026-11-22', to: DAY2 });
    expect(d.days.map((day) => day.source)).toEqual(['none', 'none', 'z', 'x']);
    expect(d.days[0]).toMatchObject({ netSalesMinor: 0, walkoutTabsBp: null, averageSecondsToPay: null });
    const before = l.call('report.dashboard', { from: '2026-10-01', to: '2026-10-31' });
    expect(before.totals).toMatchObject({ netSalesMinor: 0, walkoutTabsBp: null, compRateBp: null, closedDays: 0, openDays: 0 });
    expect(before.comps).toEqual([]);
    expect(before.items).toEqual([]);
    expect(l.call('report.dashboard', { from: '2026-12-01', to: '2026-12-31' }).days).toEqual([]);
  });

  it('gives each table as CSV with the numbers shown', () => {
    const csv = (table: 'owed' | 'days' | 'comps' | 'staff' | 'items' | 'appointments') => l.call('report.dashboardCsv', { from: DAY1, to: DAY2, table });
    const days = csv('days');
    expect(days.filename).toBe(`aftertab-dashboard-days-${DAY1}-${DAY2}.csv`);
    const rows = parse(days.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.business_date, r.source, r.net_sales, r.walkouts, r.walkout, r.walkout_tabs_percent, r.owed_at_close])).toEqual([
      [DAY1, 'z', '25.18', '1', '6.40', '33.33', '4.40'],
      [DAY2, 'x', '11.18', '0', '0.00', '0.00', '14.30'],
    ]);
    const owed = parse(csv('owed').text, { columns: true }) as Record<string, string>[];
    expect(owed.map((r) => [r.band, r.tabs, r.owed_minor])).toEqual([
      ['under30', '1', '200'],
      ['from30to60', '1', '440'],
      ['from60to120', '1', '350'],
      ['over120', '1', '440'],
      ['total', '4', '1430'],
    ]);
    expect(parse(csv('comps').text, { columns: true })).toEqual([
      { reason: 'burnt', count: '1', amount_minor: '318', amount: '3.18', percent_of_gross_sales: '8.04' },
    ]);
    expect((parse(csv('items').text, { columns: true }) as Record<string, string>[]).map((r) => [r.item, r.happy, r.okay, r.unhappy, r.comps_minor])).toEqual([
      ['Cake', '1', '0', '1', '318'],
      ['Latte', '1', '0', '1', '0'],
      ['Water', '0', '1', '0', '0'],
    ]);
  });
});

describe('a run of closed days', () => {
  it('has period sales, comps and walkouts equal to the sums of the frozen Zs', () => {
    const dates = ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
    dates.forEach((date, i) => {
      at(date, '09:00');
      const paid = open([[items.latte, people.ana], ...Array.from({ length: i }, (): [number, number] => [items.cake, people.ben])]);
      const line = l.call('tab.get', { tabId: paid }).lines.at(-1)!;
      if (i % 2 === 1) l.call('tab.compLine', { tabId: paid, lineId: line.id, kind: 'percent', value: 50, reason: i === 1 ? 'slow' : 'cold' });
      settle(paid, 'happy');
      if (i === 2) l.call('tab.writeOff', { tabId: open([[items.water, people.ana]]), reason: 'walked out' });
      at(date, '20:00');
      l.call('day.close', { businessDate: date });
    });
    at('2026-11-28', '10:00');
    const zs = dates.map(frozenZ);
    const d = l.call('report.dashboard', { from: dates[0]!, to: '2026-11-28' });
    const sum = (pick: (z: FrozenDayReport) => number) => zs.reduce((s, z) => s + pick(z), 0);
    expect(d.days.map((day) => day.source)).toEqual(['z', 'z', 'z', 'z', 'x']);
    expect(d.days.slice(0, 4).map((day) => day.netSalesMinor)).toEqual(zs.map((z) => z.sales.netMinor));
    // Nothing is posted on the 28th yet, so the period is its Zs alone.
    expect(d.totals.netSalesMinor).toBe(sum((z) => z.sales.netMinor));
    expect(d.totals.compsMinor).toBe(sum((z) => z.sales.compsMinor));
    expect(d.totals.walkoutMinor).toBe(sum((z) => z.walkouts.amountMinor));
    expect(d.totals).toMatchObject({ walkouts: 1, settled: 4, closedDays: 4, openDays: 1 });
    expect(d.comps.map((c) => c.reason).sort()).toEqual(['cold', 'slow']);
    expect(d.comps.reduce((s, c) => s + c.amountMinor, 0)).toBe(sum((z) => z.sales.compsMinor));
  });
});

describe('on a year', () => {
  it('finds the period’s rated tabs through the closed-day index, not every settled tab', () => {
    const plan = l.db.prepare(`EXPLAIN QUERY PLAN ${ITEM_RATINGS_SQL}`).all(DAY1, DAY2) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('; ')).toMatch(/SEARCH t USING INDEX tabs_closed_day \(closed_business_date>\? AND closed_business_date<\?\)/);
    expect(plan.map((p) => p.detail).join('; ')).toMatch(/SEARCH l USING INDEX tab_lines_tab/);
  });
});

describe('refused input', () => {
  it('refuses a period that ends before it begins, or is longer than 400 days, in words, writing nothing', () => {
    expect(l.fail('report.dashboard', { from: DAY2, to: DAY1 })).toMatchObject({ code: 'invalid_input', key: 'errors.dashboard.periodOrder', field: 'to' });
    expect(l.fail('report.dashboard', { from: '2025-01-01', to: '2026-02-05' })).toMatchObject({
      code: 'invalid_input',
      key: 'errors.dashboard.periodTooLong',
      params: { days: 401, max: 400 },
    });
    expect(l.fail('report.dashboardCsv', { from: DAY2, to: DAY1, table: 'days' })).toMatchObject({ key: 'errors.dashboard.periodOrder' });
    expect(l.fail('report.dashboard', { from: '2026-02-30', to: DAY1 })).toMatchObject({ code: 'invalid_input' });
    expect(l.fail('report.dashboardCsv', { from: DAY1, to: DAY1, table: 'everything' })).toMatchObject({ code: 'invalid_input' });
    // 400 days is the most.
    expect(l.call('report.dashboard', { from: '2025-01-01', to: '2026-02-04' }).days.length).toBeGreaterThan(0);
  });
});

describe('a salon', () => {
  const policy: DepositPolicy = { mode: 'fixed', fixedMinor: 1000, percent: 0, freeCancelHours: 24, forfeitPercent: 100 };

  it('shows no-shows, late cancels and forfeited deposits, and the deposits held now', () => {
    l.call('store.update', { depositPolicy: policy, openingHours: [0, 1, 2, 3, 4, 5, 6].map(() => ({ open: 0, close: 1440 })) as never });
    const cut = l.call('catalog.createItem', {
      categoryId: null,
      name: 'Cut',
      kind: 'service',
      priceMinor: 3000,
      rateMilli: 0,
      expectText: 'Washed and cut.',
      durationMinutes: 60,
    }).id;
    const customer = l.call('customer.create', { name: 'Ana' }).id;
    const book = (date: string, startMinute: number) =>
      l.call('appointment.book', { customerId: customer, staffId: 1, date, startMinute, itemIds: [cut], deposit: { method: 'card', reference: '' } });
    expect(l.call('report.dashboard', { from: DAY1, to: DAY1 }).salon).toBe(true);
    const noShow = book(DAY1, 600);
    const late = book(DAY2, 540);
    book('2026-12-10', 600);
    l.advance(61 * 60_000);
    l.call('appointment.noShow', { appointmentId: noShow.id });
    l.call('appointment.cancel', { appointmentId: late.id });
    const d = l.call('report.dashboard', { from: DAY1, to: DAY1 });
    expect(d.totals).toMatchObject({ noShows: 1, lateCancels: 1, appointmentsDone: 0, noShowRateBp: 5000, forfeitedMinor: 2000 });
    expect(d.now.depositsHeld).toEqual({ count: 1, amountMinor: 1000 });
    const rows = parse(l.call('report.dashboardCsv', { from: DAY1, to: DAY1, table: 'appointments' }).text, { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { business_date: DAY1, done: '0', no_shows: '1', late_cancels: '1', no_show_percent: '50.00', forfeited_minor: '2000', forfeited: '20.00' },
    ]);
  });
});
