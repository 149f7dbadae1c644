import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BackupInfo } from '../shared/closing-types';
import type { Dashboard } from '../shared/dashboard-types';
import { addDays } from '../shared/domain/business-day';
import { copyLedger } from '../electron/backup/snapshot-copy';
import { verifyLedgerCopy } from '../electron/backup/verify';
import { loadPepper } from '../electron/auth/pepper';
import { chainHead, verifyChain } from '../electron/ledger/chain';
import { checkLedgerAtStart } from '../electron/ledger/health';
import { sealKeyFrom, writeSealSync } from '../electron/ledger/seal';
import { openDatabase } from '../electron/ledger/sqlite-driver';
import { ledgerPath } from '../electron/ledger/open';
import { buildDayReport } from '../electron/services/report-build';
import { call, signedInClient } from './client';
import { percentile, round, timeMs, timeMsAsync } from './stats';
import { generateYear, YEAR_DATA_VERSION } from './year-data';

export const Z_TARGET_MS = 200;
/** Issue 14: a verified backup of the year (copied, checked, listed) within 2 s. */
export const BACKUP_TARGET_MS = 2000;
/** The owner's dashboard (report.dashboard through the router): the 30 days to today, and the 366 days to today. */
export const DASHBOARD_MONTH_TARGET_MS = 100;
export const DASHBOARD_YEAR_TARGET_MS = 500;

/** The generated year, reused while the generator's version stays the same (bench/.cache is gitignored). */
export function yearCacheFile(): string {
  return path.join(__dirname, '.cache', `year-v${YEAR_DATA_VERSION}.sqlite`);
}

const median = (samples: number[]) => percentile(samples, 50);

function repeat(times: number, fn: () => void): number[] {
  fn(); // warm the statement cache and the page cache
  return Array.from({ length: times }, () => timeMs(fn));
}

async function repeatCommand(times: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm the statement cache and the page cache
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) samples.push(await timeMsAsync(fn));
  return samples;
}

async function repeatAsync(times: number, fn: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

type ZRow = { z_number: number; business_date: string; closed_at: string; closed_by_name: string; report_json: string };

/**
 * Z, X and a verified backup on a year of data, on a copy of the cached year in a temp data
 * folder (the copy is opened by the app's own start path; nothing writes to the cache).
 */
export async function yearFigures(log: (line: string) => void): Promise<Record<string, number | boolean>> {
  const cache = yearCacheFile();
  const figures: Record<string, number | boolean> = {};
  if (!fs.existsSync(cache)) {
    log(`  no cached year at ${path.relative(process.cwd(), cache)}: generating it (a few minutes, once)`);
    const generated = generateYear({ out: cache, onProgress: log });
    log(
      `  generated in ${round(generated.ms / 1000, 1)} s: ${generated.tabs} tabs, ${generated.entries} entries, ${generated.postings} postings, ${round(generated.fileBytes / 1e6, 1)} MB`,
    );
    figures.year_gen_s = round(generated.ms / 1000, 1);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-bench-year-'));
  try {
    const file = ledgerPath(dataDir);
    fs.copyFileSync(cache, file);
    // The generated year is this bench's own: it seals the copy for this data folder's new PIN key,
    // as the app does after every commit, so the app's start opens it for trading.
    const reader = openDatabase(file, { readonly: true, fileMustExist: true });
    let fullChainMs = 0;
    try {
      writeSealSync(dataDir, sealKeyFrom(loadPepper(dataDir)), { ...chainHead(reader), at: new Date().toISOString() });
      // The chain walked from its first row over the whole year: ledger.check's "Check everything".
      fullChainMs = timeMs(() => {
        const verified = verifyChain(reader);
        if (verified.broken) throw new Error(`the year's chain is broken: ${verified.broken.reason}`);
        figures.year_chain_rows = verified.rowsChecked;
      });
    } finally {
      reader.close();
    }
    // The start-up check the host runs on every launch (quick_check), on a year of data.
    const startCheck = median(
      repeat(3, () => {
        if (checkLedgerAtStart(file).state !== 'ok') throw new Error('the year file failed its start-up check');
      }),
    );
    // The clock stands just after the year's latest entry, on its open day, before the bench's
    // owner sets the first-run PIN (the generated year has none) and works on as a web client.
    let nowMs = 0;
    const client = await signedInClient(dataDir, {
      clock: () => new Date(nowMs),
      beforeSignIn: ({ db }) => {
        const latest = db.prepare<[], { at: string | null }>('SELECT max(created_at) AS at FROM journal_entries').get()?.at;
        if (!latest) throw new Error('the year file has no entries');
        nowMs = Date.parse(latest) + 60_000;
      },
    });
    try {
      const { db } = client.ledger;
      const n = (sql: string) => db.prepare<[], { n: number }>(sql).get()?.n ?? 0;
      Object.assign(figures, {
        year_days: n('SELECT COUNT(*) AS n FROM z_reports'),
        year_tabs: n('SELECT COUNT(*) AS n FROM tabs'),
        year_entries: n('SELECT COUNT(*) AS n FROM journal_entries'),
        year_postings: n('SELECT COUNT(*) AS n FROM postings'),
        year_db_mb: round(fs.statSync(file).size / 1e6, 1),
      });

      // One day's Z, mid-year, built the way day.close builds it; and the frozen Z read back.
      const zs = db
        .prepare<[], ZRow>(
          'SELECT z.z_number, z.business_date, z.closed_at, s.name AS closed_by_name, z.report_json FROM z_reports z JOIN staff s ON s.id = z.closed_by ORDER BY z.z_number',
        )
        .all();
      const mid = zs[Math.floor(zs.length / 2)];
      const last = zs[zs.length - 1];
      if (!mid || !last) throw new Error('the year has no Z');
      const zHeader = { kind: 'z' as const, zNumber: mid.z_number, generatedAt: mid.closed_at, generatedBy: mid.closed_by_name };
      let rebuilt = '';
      figures.z_report_ms = round(median(repeat(5, () => void (rebuilt = JSON.stringify(buildDayReport(db, mid.business_date, zHeader))))));
      // The frozen Z also carries the chain head it closed on, which day.close adds after building it.
      const frozenChain = (JSON.parse(mid.report_json) as { chain?: unknown }).chain;
      figures.z_report_matches_frozen =
        (frozenChain === undefined ? rebuilt : JSON.stringify({ ...JSON.parse(rebuilt), chain: frozenChain })) === mid.report_json;
      figures.z_report_cmd_ms = round(median(await repeatCommand(5, () => call(client, 'report.z', { zNumber: mid.z_number }))));

      // The current X: the open day after the last Z, as of just after its latest entry.
      const xHeader = { kind: 'x' as const, zNumber: null, generatedAt: new Date(nowMs).toISOString(), generatedBy: mid.closed_by_name };
      const openDate = ((await call(client, 'day.status', {})) as { currentBusinessDate: string }).currentBusinessDate;
      if (openDate <= last.business_date) throw new Error(`expected an open day after ${last.business_date}, the clock says ${openDate}`);
      let x = buildDayReport(db, openDate, xHeader);
      figures.x_report_ms = round(median(repeat(5, () => void (x = buildDayReport(db, openDate, xHeader)))));
      figures.x_report_cmd_ms = round(median(await repeatCommand(5, () => call(client, 'report.x', {}))));
      figures.x_open_day_entries = x.entryCount;
      figures.x_carried_tabs = x.carried.length;

      // The dashboard as the owner opens it: frozen Zs of the closed days plus the open day's X, the open tabs now.
      const dashboardOver = async (days: number) => {
        const input = { from: addDays(openDate, 1 - days), to: openDate };
        const answer = (await call(client, 'report.dashboard', input)) as Dashboard;
        if (answer.days.length !== days || answer.totals.closedDays !== days - 1)
          throw new Error(`the dashboard over ${days} days read ${answer.totals.closedDays} closed days`);
        return { ms: round(median(await repeatCommand(5, () => call(client, 'report.dashboard', input)))), answer };
      };
      const month = await dashboardOver(30);
      const year = await dashboardOver(366);
      // Its sales are the Zs' and the X's, never summed again from the journal.
      const zSales = zs
        .filter((z) => z.business_date > addDays(openDate, -366))
        .reduce((sum, z) => sum + (JSON.parse(z.report_json) as { sales: { netMinor: number } }).sales.netMinor, 0);
      figures.dashboard_year_sales_match = year.answer.totals.netSalesMinor === zSales + x.sales.netMinor;
      figures.dashboard_month_ms = month.ms;
      figures.dashboard_year_ms = year.ms;

      // One verified backup, asked for like the Backups screen does (copy, quick_check, balance, chain, index, rotation).
      const backupSamples = await repeatAsync(3, async () => {
        const info = (await call(client, 'backup.now', {})) as BackupInfo;
        if (!info.verified) throw new Error('the backup was not verified');
      });
      figures.backup_year_ms = round(median(backupSamples));
      // Its two halves, to see where the time goes: the copy as backup.now makes it (the file's own
      // bytes, held still by a reader; backup_copy_way false when it fell back to the online backup)
      // and SQLite's online backup alone, as every backup was made before.
      const copy = path.join(dataDir, 'copy.sqlite');
      let way = '';
      figures.backup_copy_ms = round(
        (await repeatAsync(1, async () => void (way = await copyLedger(db, client.core.host.file, client.core.host.checkpointNow(), copy))))[0] ?? 0,
      );
      figures.backup_copy_way_file = way === 'file';
      const online = path.join(dataDir, 'online.sqlite');
      figures.backup_online_copy_ms = round((await repeatAsync(1, async () => void (await db.backup(online))))[0] ?? 0);
      fs.rmSync(online, { force: true });
      figures.backup_verify_ms = round(
        timeMs(() => {
          const verdict = verifyLedgerCopy(copy);
          if (!verdict.ok) throw new Error(`the copy failed verification: ${verdict.problem}`);
        }),
      );
      figures.start_check_year_ms = round(startCheck);
      figures.chain_check_full_ms = round(fullChainMs);
      // ledger.check as the Backups screen's first button runs it: the chain from the newest Z's head on.
      figures.ledger_check_ms = round(median(await repeatCommand(3, () => call(client, 'ledger.check', {}))));
    } finally {
      await client.core.idle();
      client.core.close();
    }
    Object.assign(figures, {
      z_report_target_ms: Z_TARGET_MS,
      z_report_ok: (figures.z_report_ms as number) < Z_TARGET_MS,
      backup_target_ms: BACKUP_TARGET_MS,
      backup_ratio: round((figures.backup_year_ms as number) / BACKUP_TARGET_MS),
      backup_ok: (figures.backup_year_ms as number) <= BACKUP_TARGET_MS,
      dashboard_month_target_ms: DASHBOARD_MONTH_TARGET_MS,
      dashboard_month_ratio: round((figures.dashboard_month_ms as number) / DASHBOARD_MONTH_TARGET_MS),
      dashboard_month_ok: (figures.dashboard_month_ms as number) < DASHBOARD_MONTH_TARGET_MS,
      dashboard_year_target_ms: DASHBOARD_YEAR_TARGET_MS,
      dashboard_year_ratio: round((figures.dashboard_year_ms as number) / DASHBOARD_YEAR_TARGET_MS),
      dashboard_year_ok: (figures.dashboard_year_ms as number) < DASHBOARD_YEAR_TARGET_MS,
    });
    return figures;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
