import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../../bench/seeded-random';
import { parseArgs } from './args';
import { runDamaged } from './damaged';
import { runDiskFull } from './disk-full';
import { runFuzz } from './fuzz';
import { WEB_HOST_FILE } from './host';
import { runKills } from './kills';
import { runTamper } from './tamper';
import { emptyTally, failures, formatTally, percentile } from './verdict';

const ROOT = path.join(__dirname, '..', '..');
const SOURCES = ['electron', 'shared', 'renderer', 'package.json', 'scripts/build-node.mjs', 'vite.config.mts'];

function newestSource(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestSource(path.join(entry, child)));
  return newest;
}

/** Builds only when the bundle is missing or older than a source: CI has just built it. */
function ensureBuilt(say: (line: string) => void): void {
  const built = fs.existsSync(WEB_HOST_FILE) ? fs.statSync(WEB_HOST_FILE).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((entry) => newestSource(path.join(ROOT, entry))));
  if (built >= newest) return;
  say(built === 0 ? 'no built web host: running npm run build' : 'the built web host is older than the sources: running npm run build');
  execSync('npm run build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Milliseconds as seconds to one decimal, for the progress lines. */
function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const say = (line: string): void => void process.stderr.write(`${line}\n`);
  ensureBuilt(say);
  const began = performance.now();
  const tally = emptyTally();
  const notes: string[] = [];
  const extra: string[] = [];
  const timed = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    say(`${label} took ${seconds(performance.now() - start)} s`);
    return result;
  };
  // Each phase has its own generator from the seed, so --kills does not change what the fuzz sends.
  const kills = await timed('kills', () => runKills(options.kills, seededRandom(options.seed), tally, say));
  notes.push(...kills.notes);
  tally.restart_p50_ms = percentile(kills.restartMs, 50);
  tally.restart_p99_ms = percentile(kills.restartMs, 99);
  if (!kills.fullCheck) say('ledger.check refused { full: true } as invalid input: the check ran without it');
  await timed('fuzz', () => runFuzz(options.payloads, seededRandom(options.seed + 1), tally, notes));
  await timed('damaged starts', () => runDamaged(seededRandom(options.seed + 2), tally, say));
  await timed('tamper', () => runTamper(seededRandom(options.seed + 3), tally, say));
  const disk = await timed('disk full', () => runDiskFull(seededRandom(options.seed + 4), tally, say));
  if (disk.skipped) say(`disk full: skipped: ${disk.skipped}`);
  for (const problem of disk.problems) extra.push(`disk full: ${problem}`);

  for (const note of notes.slice(0, 40)) say(`note: ${note}`);
  if (notes.length > 40) say(`note: ${notes.length - 40} more`);
  say(`torture run took ${seconds(performance.now() - began)} s (seed ${options.seed})`);
  process.stdout.write(formatTally(tally));
  const failed = failures(tally, extra);
  for (const failure of failed) say(`FAILED: ${failure}`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`the torture run stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
});
