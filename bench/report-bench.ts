import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CommandInput } from '../shared/contract';
import type { Staff, TabDetail } from '../shared/types';
import { openLedger, type Db } from '../electron/ledger/open';
import { bootstrapStore } from '../electron/services/bootstrap';
import { buildDayReport, servedReport } from '../electron/services/report-build';
import { seededRandom, type Random } from './seeded-random';
import { percentile, round, timeMs } from './stats';
import { LINES_PER_TAB } from './year-day';
import { createRunner, type CommandRunner } from './year-runner';

/** Issue 14: a Z on a busy day, and an X with a full board, each within these. */
export const Z_3000_TARGET_MS = 50;
export const X_1000_TARGET_MS = 20;

const DAY = '2025-03-03';
const MIN = 60_000;
const COMP_REASONS = ['regular', 'burnt', 'long wait', 'staff drink'];
const REMOVE_REASONS = ['wrong order', 'changed mind'];
const FLOAT = { kind: 'total' as const, totalMinor: 15_000 };

type Day = { db: Db; runner: CommandRunner; random: Random; items: number[]; cash: number };

/** A café's ledger in a temp file, written by the real services (year-runner), on one business day at 06:00. */
function newDay(file: string, seed: number): Day {
  const db = openLedger(file);
  // A throwaway bench file: as for the generated year, no fsync per business day.
  db.pragma('synchronous = OFF');
  const startMs = Date.parse(`${DAY}T06:00:00.000Z`);
  const staffId = bootstrapStore(db, new Date(startMs).toISOString(), 'UTC');
  const actor = db.prepare<[number], Staff>('SELECT id, name, role FROM staff WHERE id = ?').get(staffId);
  if (!actor) throw new Error('bootstrap left no owner');
  const random = seededRandom(seed);
  const runner = createRunner(db, actor, random, { commandLog: true, startMs });
  const items = db.transaction(() => {
    runner.run('store.update', { name: 'Aftertab bench café', tokenFirst: 1, tokenLast: 1000, dayBoundaryMinutes: 240, timeZone: 'UTC' });
    const catalog = runner.run('catalog.loadStarter', { kind: 'cafe' });
    // Food at the zero rate: the report then has two tax rates.
    const food = catalog.categories.find((c) => c.name === 'Food');
    for (const item of catalog.items.filter((i) => i.categoryId === food?.id)) runner.run('catalog.updateItem', { itemId: item.id, rateMilli: 0 });
    runner.setNow(startMs + 45 * MIN);
    runner.run('drawer.open', { float: FLOAT });
    return catalog.items.map((i) => i.id);
  })();
  return { db, runner, random, items, cash: FLOAT.totalMinor };
}

const detail = (day: Day, tabId: number): TabDetail => day.runner.run('tab.get', { tabId });

/** A tab opened with one to four lines, a comp or a removed line now and then. */
function openTab(day: Day): number {
  const {
    runner: { run },
    random: r,
  } = day;
  const tab = run('tab.open', r.chance(0.25) ? { name: r.pick(['Ana', 'Ben', 'Chloe', 'Dev']) } : {});
  for (let n = r.weighted(LINES_PER_TAB); n > 0; n -= 1) {
    run('tab.addLine', {
      tabId: tab.id,
      itemId: r.pick(day.items),
      qty: r.weighted([
        [1, 90],
        [2, 10],
      ] as const),
    });
  }
  if (r.chance(0.03)) {
    const line = r.pick(detail(day, tab.id).lines.filter((l) => l.state === 'active'));
    run('tab.compLine', { tabId: tab.id, lineId: line.id, kind: 'percent', value: r.pick([50, 100]), reason: r.pick(COMP_REASONS) });
  } else if (r.chance(0.02)) {
    const lines = detail(day, tab.id).lines.filter((l) => l.state === 'active');
    if (lines.length >= 2) run('tab.removeLine', { tabId: tab.id, lineId: r.pick(lines).id, reason: r.pick(REMOVE_REASONS) });
  }
  return tab.id;
}

/** Paid by card (a tip one time in three), cash (some left as a tip) or other; a rare walkout; a rating now and then. */
function settleTab(day: Day, tabId: number): void {
  const {
    runner: { run },
    random: r,
  } = day;
  const due = detail(day, tabId).dueMinor;
  if (due > 0 && r.chance(0.005)) {
    run('tab.writeOff', { tabId, reason: 'walked out' });
    return;
  }
  const method =
    due === 0
      ? 'card'
      : r.weighted([
          ['card', 62],
          ['cash', 33],
          ['other', 5],
        ] as const);
  let input: CommandInput<'settle.pay'>;
  if (method === 'card') input = { tabId, method, ...(due > 0 && r.chance(0.35) ? { tipPercent: r.pick([5, 10, 15]) } : {}) };
  else if (method === 'cash') {
    const tipMinor = r.chance(0.15) ? r.pick([20, 50, 100]) : 0;
    input = { tabId, method, tenderedMinor: Math.ceil((due + tipMinor) / 500) * 500, ...(tipMinor > 0 ? { tipMinor, confirmed: { tipMinor } } : {}) };
  } else input = { tabId, method, reference: 'voucher' };
  const paid = run('settle.pay', input);
  if (method === 'cash') day.cash += paid.owedMinor;
  if (r.chance(0.3))
    run('settle.rate', {
      tabId,
      rating: r.weighted([
        ['happy', 7],
        ['okay', 2],
        ['unhappy', 1],
      ] as const),
    });
}

/** `tabs` tabs through the day from 07:00, about forty open at a time, each settled later; the drawer paid out once. */
function settledTabs(day: Day, tabs: number): void {
  const { runner } = day;
  const step = Math.floor((11 * 60 * MIN) / tabs);
  const open: number[] = [];
  runner.setNow(Date.parse(`${DAY}T07:00:00.000Z`));
  for (let i = 0; i < tabs; i += 1) {
    runner.setNow(runner.now() + step);
    open.push(openTab(day));
    if (open.length > 40) settleTab(day, open.shift() as number);
    if (i === Math.floor(tabs / 2)) {
      runner.run('drawer.move', { kind: 'paid_out', amountMinor: 1250, reason: 'milk' });
      day.cash -= 1250;
    }
  }
  for (const tabId of open) settleTab(day, tabId);
}

function medianOf5(fn: () => void): number {
  fn(); // warm the statement cache and the page cache
  return percentile(
    Array.from({ length: 5 }, () => timeMs(fn)),
    50,
  );
}

/**
 * A Z on a day of 3,000 settled tabs (z_3000_tabs_ms: the report day.close freezes, built again
 * from the ledger as day.close builds it, and checked equal to the Z it froze), and the X of a day
 * of 300 settled tabs with 1,000 tabs open on the board (x_1000_open_ms). Each day is written by
 * the real services in one transaction, into its own temp ledger.
 */
export function reportFigures(): Record<string, number | boolean> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-bench-reports-'));
  const started = process.hrtime.bigint();
  try {
    const z = newDay(path.join(dir, 'z.sqlite'), 3000);
    z.db.transaction(() => {
      settledTabs(z, 3000);
      z.runner.setNow(Date.parse(`${DAY}T19:00:00.000Z`));
      z.runner.run('drawer.count', { count: { kind: 'total', totalMinor: z.cash } });
      z.runner.run('drawer.close', { varianceReason: '' });
      z.runner.run('day.close', { businessDate: DAY });
    })();
    const frozen = z.db
      .prepare<[], { z_number: number; closed_at: string; report_json: string; name: string }>(
        'SELECT z.z_number, z.closed_at, z.report_json, s.name FROM z_reports z JOIN staff s ON s.id = z.closed_by',
      )
      .get();
    if (!frozen) throw new Error('the 3,000-tab day was not closed');
    const zHeader = { kind: 'z' as const, zNumber: frozen.z_number, generatedAt: frozen.closed_at, generatedBy: frozen.name };
    let rebuilt = '';
    const zMs = medianOf5(() => void (rebuilt = JSON.stringify(buildDayReport(z.db, DAY, zHeader))));
    const { chain } = JSON.parse(frozen.report_json) as { chain: unknown };
    const zMatches = JSON.stringify({ ...JSON.parse(rebuilt), chain }) === frozen.report_json;
    const zTabs = z.db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM tabs WHERE status = 'settled'").get()?.n ?? 0;
    z.db.close();

    const x = newDay(path.join(dir, 'x.sqlite'), 1000);
    x.db.transaction(() => {
      settledTabs(x, 300);
      for (let i = 0; i < 1000; i += 1) {
        x.runner.setNow(x.runner.now() + 2000);
        openTab(x);
      }
    })();
    const openTabs = x.db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM tabs WHERE status = 'open'").get()?.n ?? 0;
    const xHeader = { kind: 'x' as const, zNumber: null, generatedAt: new Date(x.runner.now() + MIN).toISOString(), generatedBy: 'Owner' };
    let carried = 0;
    const xMs = medianOf5(() => void (carried = servedReport(x.db, buildDayReport(x.db, DAY, xHeader)).carried.length));
    x.db.close();
    return {
      report_gen_s: round(Number(process.hrtime.bigint() - started) / 1e9, 1),
      z_3000_settled_tabs: zTabs,
      z_3000_tabs_ms: round(zMs),
      z_3000_target_ms: Z_3000_TARGET_MS,
      z_3000_ratio: round(zMs / Z_3000_TARGET_MS),
      z_3000_matches_frozen: zMatches,
      x_1000_open_tabs: openTabs,
      x_1000_carried: carried,
      x_1000_open_ms: round(xMs),
      x_1000_target_ms: X_1000_TARGET_MS,
      x_1000_ratio: round(xMs / X_1000_TARGET_MS),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
