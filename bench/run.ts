import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unbalancedEntries } from '../electron/ledger/balance';
import { benchItems, call, settleSequence, signedInClient, type BenchClient } from './client';
import { fsyncsPerSequence, statementsPerSequence } from './sequence-counts';
import { floorRunner, openFloorDb } from './floor';
import { percentile, round, timeMs, timeMsAsync } from './stats';
import { reportFigures } from './report-bench';
import { yearFigures } from './year-bench';

/**
 * Opens, fills and settles N tabs through the app's command router, as a signed-in web client
 * would (admission, session, permissions, then the dispatcher's one transaction per command), on
 * a fresh file database with the production pragmas; then does the same transactions with bare
 * statements as the floor. Then a Z on a day of 3,000 tabs and an X with 1,000 open
 * (bench/report-bench.ts; BENCH_REPORTS=0 skips them). Then, on a year of generated data
 * (bench/year-data.ts, cached in bench/.cache; BENCH_YEAR=0 skips it): one day's Z, the current X
 * and one verified backup.
 */
const N = Number(process.env.BENCH_TABS ?? 400);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-bench-'));

function close(client: BenchClient): void {
  client.core.close();
}

/** Both paths run interleaved, tab by tab, so the disk and the CPU treat them alike. */
async function fullAndFloor(): Promise<{ full: number[]; floor: number[]; seal: number[] }> {
  const client = await signedInClient(path.join(root, 'full'));
  const items = await benchItems(client);
  const fullTab = () => settleSequence(client, items);
  const db = openFloorDb(path.join(root, 'floor', 'floor.sqlite'));
  const floorTab = floorRunner(db);
  for (let i = 0; i < 20; i += 1) {
    await fullTab();
    floorTab((i % 1000) + 1);
  }
  const full: number[] = [];
  const floor: number[] = [];
  const seal: number[] = [];
  for (let i = 0; i < N; i += 1) {
    full.push(await timeMsAsync(fullTab));
    // The seal beside the ledger is written off the command's path (no command waits for it);
    // what is left of its write is timed apart, and never lands in the floor's time.
    seal.push(await timeMsAsync(() => client.core.host.sealIdle()));
    floor.push(timeMs(() => floorTab((i % 1000) + 1)));
  }
  const check = (await call(client, 'ledger.check', {})) as { balanced: boolean; problems: string[] };
  if (!check.balanced || check.problems.length > 0) throw new Error(`the bench left the ledger unbalanced: ${check.problems.join('; ')}`);
  if (unbalancedEntries(db).length !== 0) throw new Error('the floor wrote unbalanced entries');
  close(client);
  db.close();
  return { full, floor, seal };
}

async function listOpen200(): Promise<number> {
  const client = await signedInClient(path.join(root, 'list'));
  await call(client, 'store.update', { tokenLast: 1000 });
  const items = ((await call(client, 'catalog.loadStarter', { kind: 'cafe' })) as { items: { id: number }[] }).items.slice(0, 3);
  for (let i = 0; i < 200; i += 1) {
    const tab = (await call(client, 'tab.open', {})) as { id: number };
    for (const item of items) await call(client, 'tab.addLine', { tabId: tab.id, itemId: item.id });
  }
  const runs: number[] = [];
  for (let i = 0; i < 30; i += 1) runs.push(await timeMsAsync(() => call(client, 'tab.listOpen', {})));
  const listed = (await call(client, 'tab.listOpen', {})) as unknown[];
  if (listed.length !== 200) throw new Error(`expected 200 open tabs, listed ${listed.length}`);
  close(client);
  return percentile(runs, 50);
}

async function ledgerSection(): Promise<void> {
  const { full: fullSamples, floor: floorSamples, seal: sealSamples } = await fullAndFloor();
  const tabsPerSecond = (samples: number[]) => (samples.length * 1000) / samples.reduce((s, x) => s + x, 0);
  const fullRate = tabsPerSecond(fullSamples);
  const floorRate = tabsPerSecond(floorSamples);
  const list = await listOpen200();
  console.log(`Aftertab bench: ${N} tabs, each opened, given 3 lines and settled by card with a tip (5 transactions, synchronous=FULL, WAL)`);
  console.log(
    `  full (dispatcher):   ${round(fullRate, 1)} tabs/s (${round(fullRate * 5, 1)} commands/s), p50 ${round(percentile(fullSamples, 50))} ms, p99 ${round(percentile(fullSamples, 99))} ms per tab`,
  );
  console.log(
    `  floor (bare SQL):    ${round(floorRate, 1)} tabs/s (${round(floorRate * 5, 1)} commands/s), p50 ${round(percentile(floorSamples, 50))} ms, p99 ${round(percentile(floorSamples, 99))} ms per tab`,
  );
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
    // The tail against the floor's: a checkpoint inside a user's commit shows here.
    p99_ratio: round(percentile(fullSamples, 99) / percentile(floorSamples, 99)),
    // What was left of the seal's write (a temp file, fsync, rename) once a tab's last answer came.
    seal_wait_p50_ms: round(percentile(sealSamples, 50)),
    // The same ratio had every tab also waited for its seal to be on the disk.
    settle_ratio_sealed: round(tabsPerSecond(fullSamples.map((ms, i) => ms + (sealSamples[i] ?? 0))) / floorRate),
    list_open_200_ms: round(list),
  };
  for (const [key, value] of Object.entries(lines)) console.log(`${key}=${value}`);
  const statements = await statementsPerSequence();
  console.log(`  statements per sequence, the most frequent (per sequence):`);
  for (const [sql, n] of statements.top.slice(0, 12)) console.log(`    ${n}  ${sql}`);
  console.log(`statements_per_sequence=${statements.perSequence}`);
  console.log(`statements_target=60`);
  console.log(`statements_ratio=${round(statements.perSequence / 60)}`);
  const fsyncs = fsyncsPerSequence();
  console.log('perSequence' in fsyncs ? `fsyncs_per_sequence=${fsyncs.perSequence}` : `fsyncs_per_sequence=unmeasured (${fsyncs.unmeasured})`);
}

async function yearSection(): Promise<void> {
  console.log(`Aftertab bench: a year of data (365 closed business days of about 300 tabs, then one open day; load average ${round(os.loadavg()[0] ?? 0, 1)})`);
  const year = await yearFigures((line) => console.log(line));
  console.log(`  Z of one mid-year day:  ${year.z_report_ms} ms (median of 5; target < ${year.z_report_target_ms} ms)`);
  console.log(`  X of the open day:      ${year.x_report_ms} ms (median of 5)`);
  console.log(`  verified backup:        ${year.backup_year_ms} ms (median of 3; target ${year.backup_target_ms} ms, ratio ${year.backup_ratio})`);
  console.log(
    `  dashboard, 30 days:     ${year.dashboard_month_ms} ms (median of 5; target < ${year.dashboard_month_target_ms} ms, ratio ${year.dashboard_month_ratio})`,
  );
  console.log(
    `  dashboard, 366 days:    ${year.dashboard_year_ms} ms (median of 5; target < ${year.dashboard_year_target_ms} ms, ratio ${year.dashboard_year_ratio})`,
  );
  for (const [key, value] of Object.entries(year)) console.log(`${key}=${value}`);
}

/** A Z on a 3,000-tab day and an X with 1,000 tabs open, each on a ledger of its own (BENCH_REPORTS=0 skips them). */
function reportSection(): void {
  const figures = reportFigures();
  console.log(`Aftertab bench: reports on busy days (written in ${figures.report_gen_s} s)`);
  console.log(
    `  Z of ${figures.z_3000_settled_tabs} settled tabs:  ${figures.z_3000_tabs_ms} ms (median of 5; target ${figures.z_3000_target_ms} ms, ratio ${figures.z_3000_ratio})`,
  );
  console.log(
    `  X with ${figures.x_1000_open_tabs} open tabs:   ${figures.x_1000_open_ms} ms (median of 5; target ${figures.x_1000_target_ms} ms, ratio ${figures.x_1000_ratio})`,
  );
  for (const [key, value] of Object.entries(figures)) console.log(`${key}=${value}`);
}

async function main(): Promise<void> {
  try {
    await ledgerSection();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  if (process.env.BENCH_REPORTS !== '0') reportSection();
  if (process.env.BENCH_YEAR !== '0') await yearSection();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
