import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Random } from '../../bench/seeded-random';
import { DB_FILE_NAME } from '../../electron/ledger/open';
import { killHard, NoAnswer, ownerToken, send, startHost, type RunningHost } from './host';
import { openProbe } from './probe';
import { Trader } from './trader';
import type { Tally } from './verdict';

/** What the disk-full run found: skipped (and why), or the problems it saw (none: it passed). */
export type DiskFullReport = { skipped: string | null; problems: string[]; refusals: number };

const TMPFS_SIZE = '8m';

/** Writes a filler file until the disk says ENOSPC, in smaller and smaller pieces, to the last byte. */
function fillDisk(file: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const size of [1 << 20, 1 << 16, 1 << 12, 512, 1]) {
      const chunk = Buffer.alloc(size, 0x55);
      for (;;) {
        try {
          fs.writeSync(fd, chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Trading on a small tmpfs that fills up: every command then is refused with disk_full (never
 * an internal error or a dead host), nothing acknowledged is lost, and once space is freed the
 * same host takes commands again without a restart. Needs root for mount; skipped otherwise.
 */
export async function runDiskFull(random: Random, tally: Tally, say: (line: string) => void): Promise<DiskFullReport> {
  const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-torture-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE}`, 'tmpfs', mountPoint], { stdio: 'pipe' });
  } catch (error) {
    fs.rmSync(mountPoint, { recursive: true, force: true });
    const why = error instanceof Error && 'stderr' in error ? String((error as { stderr: Buffer }).stderr).trim() : String(error);
    return { skipped: `cannot mount a tmpfs here (${why || 'mount failed'})`, problems: [], refusals: 0 };
  }
  const report: DiskFullReport = { skipped: null, problems: [], refusals: 0 };
  const dataDir = path.join(mountPoint, 'data');
  const acked: string[] = [];
  let host: RunningHost | null = null;
  try {
    const started = await startHost(dataDir);
    if (started.kind !== 'running') throw new Error(`the web host did not start on the tmpfs: ${started.stderr}`);
    host = started.host;
    const token = await ownerToken(host);
    const newId = (): string => `full-${random.uuid()}`;
    await Trader.prepare(host, token, newId);
    const trader = new Trader(random);
    await trader.resync(host, token);
    const step = async (): Promise<'ok' | 'full' | 'refused'> => {
      const next = trader.next();
      const id = newId();
      let answer;
      try {
        answer = await send(host as RunningHost, token, next.name, next.input, id);
      } catch (error) {
        report.problems.push(`${next.name} got no answer on a full disk: ${error instanceof Error ? error.message : String(error)}`);
        throw error instanceof NoAnswer ? new Error('the web host died on a full disk') : error;
      }
      if (answer.ok) {
        acked.push(id);
        await trader.observe(host as RunningHost, token, answer.value);
        return 'ok';
      }
      if (answer.error.code === 'disk_full') return 'full';
      if (answer.error.code === 'internal') report.problems.push(`${next.name} answered internal instead of disk_full: ${answer.error.message}`);
      return 'refused';
    };
    for (let i = 0; i < 30; i += 1) await step();
    const filler = path.join(mountPoint, 'filler');
    fillDisk(filler);
    // A checkpointed WAL is reused in place, so a few commands may still fit; keep trading until
    // the disk refuses, then check that the refusals go on (nothing half-written gets through).
    let full = 0;
    for (let i = 0; i < 3000 && full < 20; i += 1) {
      if ((await step()) === 'full') full += 1;
      if (full === 1 && i % 50 === 0) fillDisk(filler);
    }
    report.refusals = full;
    if (full === 0) report.problems.push('the disk filled up but no command was refused with disk_full');
    fs.rmSync(filler);
    let okAfter = 0;
    for (let i = 0; i < 30; i += 1) {
      const outcome = await step();
      if (outcome === 'ok') okAfter += 1;
      if (outcome === 'full') report.problems.push('still refused with disk_full after space was freed');
    }
    if (okAfter === 0) report.problems.push('no command went through after space was freed (without a restart)');
    await killHard(host);
    host = null;
    const probe = openProbe(path.join(dataDir, DB_FILE_NAME));
    try {
      const ids = probe.commandIds();
      const lost = acked.filter((id) => !ids.has(id)).length;
      tally.lost_acknowledged += lost;
      if (lost > 0) report.problems.push(`${lost} acknowledged commands were lost around the full disk`);
      const integrity = probe.integrity();
      if (integrity.length > 0) {
        tally.integrity_failures += 1;
        report.problems.push(...integrity);
      }
    } finally {
      probe.close();
    }
    say(`disk full: ${full} commands refused with disk_full, ${okAfter}/30 went through after freeing space, ${acked.length} acknowledged kept`);
    return report;
  } finally {
    if (host) await killHard(host);
    try {
      execFileSync('umount', [mountPoint], { stdio: 'pipe' });
    } catch (error) {
      report.problems.push(`could not unmount ${mountPoint}: ${error instanceof Error ? error.message : String(error)}`);
    }
    fs.rmSync(mountPoint, { recursive: true, force: true });
  }
}
