import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildVerifyWorker } from '../test-support/worker-build';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { registerChainFunctions, verifyChain } from './chain';
import { verifyChainOffThread } from './chain-off-thread';

const ledgers: TestLedger[] = [];
let workerFile = '';
let removeWorker = (): void => undefined;

beforeAll(async () => {
  ({ workerFile, remove: removeWorker } = await buildVerifyWorker('chain-worker'));
});

afterAll(() => {
  removeWorker();
  for (const l of ledgers.splice(0)) l.cleanup();
});

function traded(): TestLedger {
  const l = makeLedger('2026-11-24T09:00:00.000Z', { drawer: false });
  ledgers.push(l);
  const item = l.call('catalog.createItem', { categoryId: null, name: 'Latte', kind: 'product', priceMinor: 440, rateMilli: 0, expectText: '' });
  for (let i = 0; i < 5; i += 1) {
    const tab = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: tab.id, itemId: item.id });
    l.call('settle.pay', { tabId: tab.id, method: 'card' });
  }
  return l;
}

describe('the full chain check off the main thread', () => {
  it('gives the same verdict in the worker as on the main thread, while the live ledger stays open', async () => {
    const l = traded();
    const log = vi.fn();
    const inWorker = await verifyChainOffThread(l.file, { workerFile, log });
    expect(inWorker).toEqual(verifyChain(l.db));
    expect(inWorker.broken).toBeNull();
    expect(log).not.toHaveBeenCalled();
  });

  it('names the same break in the worker', async () => {
    const l = traded();
    const db = new Database(l.file);
    registerChainFunctions(db);
    for (const { name } of db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'postings'").all())
      db.exec(`DROP TRIGGER ${name}`);
    db.prepare('UPDATE postings SET amount_minor = amount_minor WHERE id = 3').run();
    db.prepare("UPDATE postings SET account = 'card_clearing' WHERE id = (SELECT min(id) FROM postings WHERE account = 'tabs_receivable')").run();
    db.close();
    const inWorker = await verifyChainOffThread(l.file, { workerFile, log: () => undefined });
    expect(inWorker.broken).not.toBeNull();
    expect(inWorker.broken).toEqual(verifyChain(l.db).broken);
  });

  it('runs on the main thread when there is no worker file (run from source)', async () => {
    const l = traded();
    const log = vi.fn();
    expect(await verifyChainOffThread(l.file, { workerFile: path.join(path.dirname(workerFile), 'missing.cjs'), log })).toEqual(verifyChain(l.db));
    expect(log).not.toHaveBeenCalled();
  });
});
