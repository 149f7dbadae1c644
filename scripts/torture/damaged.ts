import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Random } from '../../bench/seeded-random';
import { DB_FILE_NAME } from '../../electron/ledger/open';
import { killHard, ownerToken, startHost, stopHost } from './host';
import { startOutcome, trade, tradedLedger, type Outcome } from './scene';
import type { Tally } from './verdict';

type Case = { name: string; damage: (dataDir: string, random: Random) => Promise<void> | void };

const ledgerOf = (dataDir: string): string => path.join(dataDir, DB_FILE_NAME);

function removeLedger(dataDir: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${ledgerOf(dataDir)}${suffix}`, { force: true });
}

/** Starts the host on a copy, trades `steps` more commands, and stops it (cleanly, or with kill -9). */
async function tradeMore(dataDir: string, random: Random, steps: number, how: 'stop' | 'kill'): Promise<void> {
  const started = await startHost(dataDir);
  if (started.kind !== 'running') throw new Error(`the web host did not start on the copy: ${started.stderr}`);
  try {
    await trade(started.host, await ownerToken(started.host), random, steps);
  } finally {
    if (how === 'kill') await killHard(started.host);
    else await stopHost(started.host);
  }
}

/**
 * The starts that must not trade: each damages a copy of a traded ledger (backups beside it,
 * stopped cleanly) in one way a shop's disk or a person could, then starts the host on it.
 */
export const DAMAGED_CASES: readonly Case[] = [
  { name: 'ledger deleted, backups beside it', damage: (dir) => removeLedger(dir) },
  {
    name: 'a foreign SQLite file in its place',
    damage: (dir) => {
      removeLedger(dir);
      const db = new Database(ledgerOf(dir));
      db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('shopping list')");
      db.close();
    },
  },
  {
    name: 'kill -9 after commits, then the -wal file lost',
    damage: async (dir, random) => {
      await tradeMore(dir, random, 25, 'kill');
      if (!fs.existsSync(`${ledgerOf(dir)}-wal`)) throw new Error('no -wal file after kill -9: the case would test nothing');
      fs.rmSync(`${ledgerOf(dir)}-wal`);
      fs.rmSync(`${ledgerOf(dir)}-shm`, { force: true });
    },
  },
  {
    name: 'an older copy of the ledger put back',
    damage: async (dir, random) => {
      const older = path.join(dir, 'older-copy.sqlite');
      fs.copyFileSync(ledgerOf(dir), older);
      await tradeMore(dir, random, 25, 'stop');
      removeLedger(dir);
      fs.renameSync(older, ledgerOf(dir));
    },
  },
  { name: 'an empty file', damage: (dir) => fs.truncateSync(ledgerOf(dir), 0) },
  { name: 'a truncated file', damage: (dir) => fs.truncateSync(ledgerOf(dir), Math.floor(fs.statSync(ledgerOf(dir)).size / 2)) },
  {
    name: 'a scrambled header',
    damage: (dir, random) => {
      const fd = fs.openSync(ledgerOf(dir), 'r+');
      fs.writeSync(fd, Buffer.from(Array.from({ length: 100 }, () => random.int(0, 255))), 0, 100, 0);
      fs.closeSync(fd);
    },
  },
  {
    name: 'a page in the middle overwritten',
    damage: (dir, random) => {
      const file = ledgerOf(dir);
      const pages = Math.floor(fs.statSync(file).size / 4096);
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.from(Array.from({ length: 4096 }, () => random.int(0, 255))), 0, 4096, 4096 * Math.max(1, Math.floor(pages / 2)));
      fs.closeSync(fd);
    },
  },
  {
    name: "another shop's ledger in its place",
    damage: async (dir) => {
      const other = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-torture-other-'));
      try {
        const started = await startHost(other);
        if (started.kind !== 'running') throw new Error(`the other shop's host did not start: ${started.stderr}`);
        await ownerToken(started.host);
        await stopHost(started.host);
        removeLedger(dir);
        fs.copyFileSync(ledgerOf(other), ledgerOf(dir));
      } finally {
        fs.rmSync(other, { recursive: true, force: true });
      }
    },
  },
];

/** Every damaged-start case on its own copy: recovery or refusal passes, anything else is silent. */
export async function runDamaged(random: Random, tally: Tally, say: (line: string) => void): Promise<void> {
  const golden = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-torture-golden-'));
  try {
    await tradedLedger(golden, random);
    for (const damagedCase of DAMAGED_CASES) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-torture-damaged-'));
      try {
        fs.cpSync(golden, dir, { recursive: true });
        await damagedCase.damage(dir, random);
        const outcome: Outcome = await startOutcome(dir, { check: false });
        tally.damaged_cases += 1;
        const caught = outcome.kind === 'refused' || outcome.kind === 'recovery';
        if (!caught) tally.damaged_silent += 1;
        say(`damaged start: ${damagedCase.name}: ${caught ? 'caught' : 'SILENT'} (${outcome.kind}: ${outcome.detail})`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    fs.rmSync(golden, { recursive: true, force: true });
  }
}
