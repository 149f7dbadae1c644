import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Random } from '../../bench/seeded-random';
import { DB_FILE_NAME } from '../../electron/ledger/open';
import type { LedgerCheck } from '../../shared/types';
import { killHard, NoAnswer, ownerToken, send, startHost, type RunningHost } from './host';
import { openProbe } from './probe';
import { Trader } from './trader';
import type { Tally } from './verdict';

type Sent = {
  id: string;
  name: string;
  input: unknown;
  /** acked: an ok answer came back; refused: a refusal came back; inflight: no answer (the kill). */
  status: 'acked' | 'refused' | 'inflight';
  /** What the ledger held for it the first time it was seen there: entries/audit rows/result kept. */
  posted: string | null;
  value?: unknown;
};

export type KillReport = { restartMs: number[]; fullCheck: boolean; notes: string[] };

/**
 * The ledger's own check after a start: `{ full: true }` (the whole hash chain) where the
 * contract takes it, else the check as it stands. Returns the problems it named.
 */
export async function ledgerCheck(host: RunningHost, token: string): Promise<{ problems: string[]; full: boolean }> {
  let answer = await send(host, token, 'ledger.check', { full: true });
  let full = true;
  if (!answer.ok && answer.error.code === 'invalid_input') {
    answer = await send(host, token, 'ledger.check', {});
    full = false;
  }
  if (!answer.ok) return { problems: [`ledger.check was refused (${answer.error.code}): ${answer.error.message}`], full };
  const check = answer.value as LedgerCheck;
  const problems = [...check.problems];
  if (!check.balanced) problems.push('ledger.check says the journal does not balance');
  return { problems, full };
}

/**
 * Kill -9 at a random moment during a stream of valid commands, `kills` times, then after each
 * start: every acknowledged command is in the ledger, every in-flight one is there once or not
 * at all (and re-sending it replays rather than posts again), nothing a command posted grew, and
 * integrity_check, foreign_key_check and ledger.check pass.
 */
export async function runKills(kills: number, random: Random, tally: Tally, say: (line: string) => void): Promise<KillReport> {
  const report: KillReport = { restartMs: [], fullCheck: true, notes: [] };
  if (kills === 0) return report;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-torture-kills-'));
  const file = path.join(dataDir, DB_FILE_NAME);
  const sent: Sent[] = [];
  const byId = new Map<string, Sent>();
  const newId = (): string => `torture-${random.uuid()}`;
  const trader = new Trader(random);
  let host: RunningHost | null = null;
  try {
    const first = await startHost(dataDir);
    if (first.kind !== 'running') throw new Error(`the web host did not start on a fresh folder: ${first.stderr}`);
    host = first.host;
    let token = await ownerToken(host);
    await Trader.prepare(host, token, newId);
    await trader.resync(host, token);

    for (let k = 0; k < kills; k += 1) {
      const running: RunningHost = host;
      let killed = false;
      const window = random.int(5, 300);
      const killing = new Promise<void>((resolve) =>
        setTimeout(() => {
          killed = true;
          void killHard(running).then(resolve);
        }, window),
      );
      while (!killed) {
        const step = trader.next();
        const record: Sent = { id: newId(), name: step.name, input: step.input, status: 'inflight', posted: null };
        sent.push(record);
        byId.set(record.id, record);
        tally.commands += 1;
        try {
          const answer = await send(running, token, step.name, step.input, record.id);
          if (answer.ok) {
            record.status = 'acked';
            record.value = answer.value;
            tally.acknowledged += 1;
            await trader.observe(running, token, answer.value);
          } else {
            record.status = 'refused';
            if (answer.error.code === 'internal') report.notes.push(`${step.name} answered internal: ${answer.error.message}`);
          }
        } catch (error) {
          if (!(error instanceof NoAnswer) && !killed) throw error;
          break;
        }
      }
      await killing;
      tally.kills += 1;

      const started = await startHost(dataDir);
      if (started.kind !== 'running') {
        tally.integrity_failures += 1;
        throw new Error(`after kill ${k + 1} the web host did not start again (exit ${started.code}): ${started.stderr.trim()}`);
      }
      host = started.host;
      report.restartMs.push(started.restartMs);
      verify(file, sent, tally, report, `after kill ${k + 1}`);
      token = await ownerToken(host);
      const check = await ledgerCheck(host, token);
      if (!check.full) report.fullCheck = false;
      if (check.problems.length > 0) {
        tally.integrity_failures += 1;
        report.notes.push(`after kill ${k + 1}: ${check.problems.join('; ')}`);
      }

      // Re-send what got no answer, and the last acknowledged command: each must replay, never post twice.
      const inflight = sent.filter((c) => c.status === 'inflight');
      const lastAcked = [...sent].reverse().find((c) => c.status === 'acked');
      for (const command of [...inflight, ...(lastAcked ? [lastAcked] : [])]) {
        const wasThere = command.posted !== null;
        const answer = await send(host, token, command.name, command.input, command.id);
        if (answer.ok) {
          if (command.status === 'acked' && JSON.stringify(answer.value) !== JSON.stringify(command.value)) {
            tally.double_posted += 1;
            report.notes.push(`${command.name} ${command.id} replayed a different result than it first gave`);
          }
          if (command.status !== 'acked') tally.acknowledged += 1;
          command.status = 'acked';
          command.value = answer.value;
          await trader.observe(host, token, answer.value);
        } else if (wasThere) {
          tally.double_posted += 1;
          report.notes.push(`${command.name} ${command.id} was in the ledger but its re-send was refused (${answer.error.code}): ${answer.error.message}`);
        } else {
          command.status = 'refused';
        }
      }
      verify(file, sent, tally, report, `after the re-sends of kill ${k + 1}`);
      await trader.resync(host, token);
      if ((k + 1) % 50 === 0 || k + 1 === kills) say(`kills: ${k + 1}/${kills}, ${tally.commands} commands, ${tally.acknowledged} acknowledged`);
    }
    return report;
  } finally {
    if (host) await killHard(host);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Compares what was sent with the file: acknowledged commands present, refused ones absent,
 * and what each command posted unchanged since it was first seen (a second posting grows it).
 */
function verify(file: string, sent: Sent[], tally: Tally, report: KillReport, when: string): void {
  const probe = openProbe(file);
  try {
    const ids = probe.commandIds();
    const posted = probe.postedBy();
    for (const command of sent) {
      const now = posted.get(command.id) ?? null;
      if (!ids.has(command.id)) {
        if (command.status === 'acked' && command.posted !== 'lost') {
          tally.lost_acknowledged += 1;
          report.notes.push(`${when}: acknowledged ${command.name} ${command.id} is not in the ledger`);
          command.posted = 'lost';
        }
        continue;
      }
      if (command.status === 'refused' && command.posted === null) {
        tally.double_posted += 1;
        report.notes.push(`${when}: refused ${command.name} ${command.id} is in the ledger`);
      }
      if (command.posted === null || command.posted === 'lost') command.posted = now;
      else if (command.posted !== now) {
        tally.double_posted += 1;
        report.notes.push(`${when}: ${command.name} ${command.id} posted ${command.posted} before and ${now ?? 'nothing'} now`);
        command.posted = now;
      }
    }
    const problems = probe.integrity();
    if (problems.length > 0) {
      tally.integrity_failures += 1;
      report.notes.push(`${when}: ${problems.join('; ')}`);
    }
  } finally {
    probe.close();
  }
}
