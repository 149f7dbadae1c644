import fs from 'node:fs';
import path from 'node:path';
import { benchItems, settleSequence, signedInClient } from './client';

/**
 * Run under strace by sequence-counts.ts: warms up, then marks the start and the end of N settle
 * sequences by opening two marker files, so the trace's fsyncs between them are the sequences'
 * own. Each sequence also waits for its seal to be written, which fsyncs too.
 */
async function main(): Promise<void> {
  const [dir = '', count = '20'] = process.argv.slice(2);
  const client = await signedInClient(path.join(dir, 'ledger'));
  const items = await benchItems(client);
  for (let i = 0; i < 3; i += 1) await settleSequence(client, items);
  await client.core.host.sealIdle();
  fs.closeSync(fs.openSync(path.join(dir, 'fsync-probe-start'), 'w'));
  for (let i = 0; i < Number(count); i += 1) {
    await settleSequence(client, items);
    await client.core.host.sealIdle();
  }
  fs.closeSync(fs.openSync(path.join(dir, 'fsync-probe-end'), 'w'));
  client.core.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
