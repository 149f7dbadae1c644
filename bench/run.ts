import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { startLedgerApp, type LedgerApp } from '../electron/app-core';
import { floorRunner, openFloorDb } from './floor';
import { percentile, round, timeMs } from './stats';
import { yearFigures } from './year-bench';

/**
 * Opens, fills and settles N tabs through the real dispatcher on a fresh file database with the
 * production pragmas, then does the same transactions with bare statements as the floor. Then,
 * on a year of generated data (bench/year-data.ts, cached in bench/.cache; BENCH_YEAR=0 skips
 * it): one day's Z, the current X and one verified backup.
 */
const N = Number(process.env.BENCH_TABS ?? 400);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-bench-'));

function call(app: LedgerApp, name: string, input: unknown): unknown {
  const result = app.dispatcher.dispatch(name, { input, commandId: randomUUID() }, app.session);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/** Both paths run interleaved, tab by tab, so the disk and the CPU treat them alike. */
function fullAndFloor(): { full: number[]; floor: number[] } {
  const app = startLedgerApp({ dataDir: path.join(root, 'full') });
  call(app, 'store.update', { tokenLast: 1000 });
  const items = (call(app, 'catalog.loadStarter', { kind: 'cafe' }) as { items: { id: number }[] }).items.slice(0, 3);
  const fullTab = () => {
    const tab = call(app, 'tab.open', {}) as { id: number };
    for (const item of items) call(app, 'tab.addLine', { tabId: tab.id, itemId: item.id });
    call(app, 'settle.pay', { tabId: tab.id, method: 'card', tipMinor: 150 });
  };
  const db = openFloorDb(path.join(root, 'floor', 'floor.sqlite'));
  const floorTab = floorRunner(db);
  for (let i = 0; i < 20; i += 1) {
    fullTab();
    floorTab((i % 1000) + 1);
  }
  const full: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < N; i += 1) {
    full.push(timeMs(fullTab));
    floor.push(timeMs(() => floorTab((i % 1000) + 1)));
  }
  const check = call(app, 'ledger.check', {}) as { balanced: boolean; problems: string[] };
  if (!check.balanced || check.problems.length > 0) throw new Error(`the bench left the ledger unbalanced: ${check.problems.join('; ')}`);
  const off = db.prepare('SELECT COUNT(*) AS n FROM (SELECT entry_id FROM postings GROUP BY entry_id HAVING SUM(amount_minor) <> 0)').get() as { n: number };
  if (off.n !== 0) throw new Error('the floor wrote unbalanced entries');
  app.close();
  db.close();
  return { full, floor };
}

function listOpen200(): number {
  const app = startLedgerApp({ dataDir: path.join(root, 'list') });
  call(app, 'store.update', { tokenLast: 1000 });
  const items = (call(app, 'catalog.loadStarter', { kind: 'cafe' }) as { items: { id: number }[] }).items.slice(0, 3);
  for (let i = 0; i < 200; i += 1) {
    const tab = call(app, 'tab.open', {}) as { id: number };
    for (const item of items) call(app, 'tab.addLine', { tabId: tab.id, itemId: item.id });
  }
  const runs = Array.from({ length: 30 }, () => timeMs(() => call(app, 'tab.listOpen', {})));
  const listed = call(app, 'tab.listOpen', {}) as unknown[];
  if (listed.length !== 200) throw new Error(`expected 200 open tabs, listed ${listed.length}`);
  app.close();
  return percentile(runs, 50);
}

try {
  const { full: fullSamples, floor: floorSamples } = fullAndFloor();
  const tabsPerSecond = (samples: number[]) => (samples.length * 1000) / samples.reduce((s, x) => s + x, 0);
  const fullRate = tabsPerSecond(fullSamples);
  const floorRate = tabsPerSecond(floorSamples);
  const list = listOpen200();
  console.log(`Aftertab bench: ${N} tabs, each opened, given 3 lines and settled by card with a tip (5 transactions, synchronous=FULL, WAL)`);
  console.log(`  full (dispatcher):   ${round(fullRate, 1)} tabs/s (${round(fullRate * 5, 1)} commands/s), p50 ${round(percentile(fullSamples, 50))} ms, p99 ${round(percentile(fullSamples, 99))} ms per tab`);
  console.log(`  floor (bare SQL):    ${round(floorRate, 1)} tabs/s (${round(floorRate * 5, 1)} commands/s), p50 ${round(percentile(floorSamples, 50))} ms, p99 ${round(percentile(floorSamples, 99))} ms per tab`);
  console.log(`  list 200 open tabs:  ${round(list)} ms (median of 30)`);
  const lines = {
    tabs: N,
    full_tabs_per_s: round(fullRate, 1),
    floor_tabs_per_s: round(floorRate, 1),
    // Each tab is five commands (open, three lines, settle), each its own transaction.
    full_ops_per_s: round(fullRate * 5, 1),
    floor_ops_per_s: round(floorRate * 5, 1),
    full_p50_ms: round(percentile(fullSamples, 50)),
    full_p99_ms: round(percentile(fullSamples, 99)),
    floor_p50_ms: round(percentile(floorSamples, 50)),
    floor_p99_ms: round(percentile(floorSamples, 99)),
    settle_ratio: round(fullRate / floorRate),
    list_open_200_ms: round(list),
  };
  for (const [key, value] of Object.entries(lines)) console.log(`${key}=${value}`);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}

async function yearSection(): Promise<void> {
  console.log(`Aftertab bench: a year of data (365 closed business days of about 300 tabs, then one open day; load average ${round(os.loadavg()[0] ?? 0, 1)})`);
  const year = await yearFigures((line) => console.log(line));
  console.log(`  Z of one mid-year day:  ${year.z_report_ms} ms (median of 5; target < ${year.z_report_target_ms} ms)`);
  console.log(`  X of the open day:      ${year.x_report_ms} ms (median of 5)`);
  console.log(`  verified backup:        ${year.backup_year_ms} ms (median of 3; target < ${year.backup_target_ms} ms)`);
  for (const [key, value] of Object.entries(year)) console.log(`${key}=${value}`);
}

if (process.env.BENCH_YEAR !== '0') {
  yearSection().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
