import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Random } from '../../bench/seeded-random';
import { commandNames, type CommandName } from '../../shared/contract';
import { DB_FILE_NAME } from '../../electron/ledger/open';
import { killHard, NoAnswer, ownerToken, rawPost, send, startHost, type RunningHost } from './host';
import { inputSchemaOf, isMalformed, malformedPayload, type Payload } from './mutator';
import { openProbe } from './probe';
import { Trader } from './trader';
import type { Tally } from './verdict';

/** Requests in flight at once: enough to keep the host busy, few enough to stay under its connection cap. */
const PARALLEL = 8;

/**
 * `perCommand` malformed payloads for every command in the contract, sent as the signed-in
 * owner to one host with some trading behind it. A crash is a dead host, a 5xx or an internal
 * error; a write is any table whose row count or largest rowid moved.
 */
export async function runFuzz(perCommand: number, random: Random, tally: Tally, notes: string[]): Promise<void> {
  if (perCommand === 0) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-torture-fuzz-'));
  const file = path.join(dataDir, DB_FILE_NAME);
  let host: RunningHost | null = null;
  try {
    const started = await startHost(dataDir);
    if (started.kind !== 'running') throw new Error(`the web host did not start for the fuzz: ${started.stderr}`);
    host = started.host;
    const token = await ownerToken(host);
    const newId = (): string => `fuzz-${random.uuid()}`;
    await Trader.prepare(host, token, newId);
    const trader = new Trader(random);
    await trader.resync(host, token);
    for (let i = 0; i < 30; i += 1) {
      const step = trader.next();
      const answer = await send(host, token, step.name, step.input, newId());
      if (answer.ok) await trader.observe(host, token, answer.value);
    }
    const before = fingerprint(file);
    let dead = false;
    const running: RunningHost = host;
    void running.exited.then(() => (dead = true));
    for (const name of commandNames) {
      const schema = inputSchemaOf(name);
      const payloads: Payload[] = [];
      let tries = 0;
      while (payloads.length < perCommand && tries < perCommand * 20) {
        tries += 1;
        const payload = malformedPayload(schema, random, newId());
        if (isMalformed(name as CommandName, payload)) payloads.push(payload);
      }
      if (payloads.length < perCommand) notes.push(`fuzz: only ${payloads.length} malformed payloads for ${name} in ${tries} tries`);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < payloads.length && !dead) {
          const payload = payloads[next] as Payload;
          next += 1;
          tally.fuzz_payloads += 1;
          try {
            const response = await rawPost(running, token, name, payload.body, payload.contentType);
            const internal = response.status < 500 && /"code":"internal"/.test(response.text);
            if (response.status >= 500 || internal) {
              tally.fuzz_crashes += 1;
              if (notes.length < 50)
                notes.push(`fuzz: ${name} (${payload.kind}) answered ${response.status} ${response.text.slice(0, 160)}; body ${payload.body.slice(0, 160)}`);
            }
          } catch (error) {
            if (!(error instanceof NoAnswer)) throw error;
            tally.fuzz_crashes += 1;
            notes.push(`fuzz: ${name} (${payload.kind}) got no answer (${error.message}); body ${payload.body.slice(0, 160)}`);
          }
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      if (dead) {
        notes.push(`fuzz: the web host died during ${name}: ${running.stderr().slice(-400)}`);
        break;
      }
    }
    const after = fingerprint(file);
    if (after !== before) {
      tally.fuzz_writes += 1;
      notes.push(`fuzz: the ledger changed: before ${before}; after ${after}`);
    }
  } finally {
    if (host) await killHard(host);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function fingerprint(file: string): string {
  const probe = openProbe(file);
  try {
    return probe.fingerprint();
  } finally {
    probe.close();
  }
}
