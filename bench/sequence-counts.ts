import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { observeStatements } from '../electron/ledger/sqlite-driver';
import { benchItems, settleSequence, signedInClient } from './client';
import { round } from './stats';

/**
 * What one settle sequence (open, three lines, card with a tip) costs the disk and SQLite,
 * counted rather than estimated: every statement SQLite runs for it (better-sqlite3's `verbose`
 * sees each one, BEGIN and COMMIT included, and the reads after the commit: the seal's, the
 * board's), and every fsync and fdatasync the process makes for it, seal included (strace).
 */
const SEQUENCES = 20;

export async function statementsPerSequence(): Promise<{ perSequence: number; top: [string, number][] }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-statements-'));
  let counting = false;
  const seen = new Map<string, number>();
  observeStatements((sql) => {
    if (!counting) return;
    const shape = sql
      .replace(/\s+/g, ' ')
      .replace(/'[^']*'|\b\d+(\.\d+)?\b/g, '?')
      .slice(0, 90);
    seen.set(shape, (seen.get(shape) ?? 0) + 1);
  });
  try {
    const client = await signedInClient(root);
    const items = await benchItems(client);
    for (let i = 0; i < 3; i += 1) await settleSequence(client, items);
    counting = true;
    for (let i = 0; i < SEQUENCES; i += 1) await settleSequence(client, items);
    counting = false;
    client.core.close();
  } finally {
    observeStatements(undefined);
    fs.rmSync(root, { recursive: true, force: true });
  }
  const total = [...seen.values()].reduce((s, n) => s + n, 0);
  const top = [...seen].sort((a, b) => b[1] - a[1]).map(([sql, n]): [string, number] => [sql, round(n / SEQUENCES, 2)]);
  return { perSequence: round(total / SEQUENCES, 1), top };
}

/** Runs bench/fsync-probe.ts under strace and counts the syscalls between its two markers; null when strace is not installed. */
export function fsyncsPerSequence(): { perSequence: number; sequences: number } | { unmeasured: string } {
  const which = spawnSync('sh', ['-c', 'command -v strace'], { encoding: 'utf8' });
  if (which.status !== 0) return { unmeasured: 'strace is not installed on this machine' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-fsyncs-'));
  const trace = path.join(dir, 'trace.txt');
  try {
    const probe = spawnSync(
      'strace',
      [
        '-f',
        '-qq',
        '-e',
        'trace=fsync,fdatasync,openat',
        '-o',
        trace,
        process.execPath,
        '--import',
        'tsx',
        path.join(__dirname, 'fsync-probe.ts'),
        dir,
        String(SEQUENCES),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (probe.status !== 0) return { unmeasured: `the probe failed under strace: ${probe.stderr.slice(0, 300)}` };
    const lines = fs.readFileSync(trace, 'utf8').split('\n');
    const start = lines.findIndex((l) => l.includes('fsync-probe-start'));
    const end = lines.findIndex((l) => l.includes('fsync-probe-end'));
    if (start < 0 || end < start) return { unmeasured: 'the probe left no markers in the trace' };
    const syncs = lines.slice(start, end).filter((l) => /\b(fsync|fdatasync)\(/.test(l)).length;
    return { perSequence: round(syncs / SEQUENCES, 2), sequences: SEQUENCES };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
