import fs from 'node:fs';
import path from 'node:path';
import { addDays } from '../shared/domain/business-day';
import type { Staff } from '../shared/types';
import { openLedger, type Db } from '../electron/ledger/open';
import { bootstrapStore } from '../electron/services/bootstrap';
import { seededRandom } from './seeded-random';
import { runBusinessDay, type DayWorld, type MenuItem } from './year-day';
import { createRunner } from './year-runner';

/** Bump whenever the generator writes different data: the bench then regenerates its cached year. */
export const YEAR_DATA_VERSION = 9;

export type YearOptions = {
  /** The ledger file to write (replaced if it exists). */
  out: string;
  /** Business days closed with a Z; one more, left open, follows them. */
  days?: number;
  /** Average tabs per day, before the weekday pattern and the noise. */
  tabsPerDay?: number;
  seed?: number;
  /** The first business day, YYYY-MM-DD. */
  startDate?: string;
  /** Store the dispatcher's `commands` rows (replay log with result JSON), as the app does. */
  commandLog?: boolean;
  onProgress?: (line: string) => void;
  /** Days between progress lines. */
  progressEvery?: number;
};

export type YearSummary = {
  file: string;
  days: number;
  firstDate: string;
  openDate: string;
  tabs: number;
  entries: number;
  postings: number;
  commands: number;
  fileBytes: number;
  ms: number;
};

/** Quieter Mondays, busier weekends (index 0 is Sunday), normalised so the week averages 1. */
const WEEKDAY = [1.15, 0.8, 0.9, 0.95, 1.0, 1.1, 1.25];
const WEEKDAY_MEAN = WEEKDAY.reduce((s, x) => s + x, 0) / WEEKDAY.length;
/** How often each starter item is ordered; anything else on the menu counts 1. */
const POPULARITY: Record<string, number> = {
  Espresso: 10,
  Americano: 10,
  Cappuccino: 16,
  Latte: 18,
  'Flat white': 12,
  'Pot of tea': 7,
  'Hot chocolate': 5,
  'Fresh orange juice': 4,
  Croissant: 9,
  'Banana bread': 6,
  'Toasted sandwich': 8,
};

/** Tabs on a date: the weekday's share of the average, ±15 % noise. */
export function tabsOn(date: string, average: number, noise: number): number {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return Math.max(1, Math.round(((average * (WEEKDAY[weekday] ?? 1)) / WEEKDAY_MEAN) * (1 + (noise * 2 - 1) * 0.15)));
}

function removeLedgerFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

function count(db: Db, table: string): number {
  return db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n ?? 0;
}

/**
 * A year of a café's ledger written by the real services: `days` business days closed with a
 * Z, then one more day left open at 14:30 (drawer open, tabs open) for the current X. Each day
 * is one transaction. The file is written beside `out` and renamed into place once complete.
 */
export function generateYear(options: YearOptions): YearSummary {
  const started = process.hrtime.bigint();
  const days = options.days ?? 365;
  const average = options.tabsPerDay ?? 300;
  const firstDate = options.startDate ?? '2025-01-06';
  const progress = options.onProgress ?? (() => undefined);
  const temp = `${options.out}.partial`;
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  removeLedgerFiles(temp);
  const db = openLedger(temp);
  try {
    // Generation only, never the app (openLedger insists on FULL): the file is a disposable
    // bench fixture rebuilt from the seed if a crash cuts it short, so fsync buys nothing here,
    // and it would add a disk flush per business day to a run that only measures afterwards.
    // A 128 MB page cache for the same reason (the app keeps SQLite's default).
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -131072');
    const startMs = Date.parse(`${firstDate}T06:00:00.000Z`);
    const staffId = bootstrapStore(db, new Date(startMs).toISOString(), 'UTC');
    const actor = db.prepare<[number], Staff>('SELECT id, name, role FROM staff WHERE id = ?').get(staffId);
    if (!actor) throw new Error('bootstrap left no owner');
    const random = seededRandom(options.seed ?? 20_250_106);
    const runner = createRunner(db, actor, random, { commandLog: options.commandLog ?? true, startMs });
    const world: DayWorld = db.transaction(() => {
      const store = runner.run('store.update', { name: 'Aftertab bench café', tokenLast: 99, dayBoundaryMinutes: 240, timeZone: 'UTC' });
      const catalog = runner.run('catalog.loadStarter', { kind: 'cafe' });
      // Food at the zero rate, drinks at the standard one: the Z then has two tax rates.
      const food = catalog.categories.find((c) => c.name === 'Food');
      for (const item of catalog.items.filter((i) => i.categoryId === food?.id)) runner.run('catalog.updateItem', { itemId: item.id, rateMilli: 0 });
      const menu = catalog.items.map((item): readonly [MenuItem, number] => {
        const weight = POPULARITY[item.name] ?? 1;
        return [{ id: item.id, weight }, weight];
      });
      return { runner, random, menu, currency: store.currency, carried: [] };
    })();

    let tabs = 0;
    const runDay = db.transaction((date: string, close: boolean) => {
      const planned = tabsOn(date, average, random.next());
      const result = close ? runBusinessDay(world, { date, tabs: planned, close }) : runBusinessDay(world, { date, tabs: planned, close, stopAt: '14:30' });
      tabs += result.tabsOpened;
      return result;
    });
    for (let d = 0; d < days; d += 1) {
      const date = addDays(firstDate, d);
      runDay(date, true);
      if ((d + 1) % (options.progressEvery ?? 30) === 0) progress(`  day ${d + 1}/${days} (${date}): ${tabs} tabs so far, ${seconds(started)} s`);
    }
    const openDate = addDays(firstDate, days);
    runDay(openDate, false);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const summary = {
      days,
      firstDate,
      openDate,
      tabs: count(db, 'tabs'),
      entries: count(db, 'journal_entries'),
      postings: count(db, 'postings'),
      commands: count(db, 'commands'),
    };
    db.close();
    removeLedgerFiles(options.out);
    fs.renameSync(temp, options.out);
    return { file: options.out, ...summary, fileBytes: fs.statSync(options.out).size, ms: Number(process.hrtime.bigint() - started) / 1e6 };
  } catch (error) {
    if (db.open) db.close();
    removeLedgerFiles(temp);
    throw error;
  }
}

function seconds(since: bigint): string {
  return String(Math.round(Number(process.hrtime.bigint() - since) / 1e8) / 10);
}
