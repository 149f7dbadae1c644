import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityPage, BackupInfo, RecoveryStatus } from '../../shared/closing-types';
import Database from 'better-sqlite3';
import { chainHead, registerChainFunctions } from '../ledger/chain';
import { ledgerPath } from '../ledger/open';
import { readSeal, sealKeyFrom, sealPath } from '../ledger/seal';
import { observeStatements } from '../ledger/sqlite-driver';
import { loadPepper } from '../auth/pepper';
import { OWNER_PIN, testCores, windowClient, type TestCore } from '../test-support/test-core';

const start = testCores('aftertab-seal-');
const backupDirs: string[] = [];
afterEach(() => {
  for (const dir of backupDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A core whose backups go to a folder of their own (so a test can empty the data folder). */
async function trading(dataDir?: string): Promise<{ core: TestCore; owner: ReturnType<typeof windowClient> }> {
  const core = start(dataDir ? { dataDir } : {});
  const owner = windowClient(core, 1);
  if (!dataDir) {
    await owner.setup();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-seal-backups-'));
    backupDirs.push(folder);
    await owner.call('backup.configure', { folder });
  } else if (core.ledger()) {
    await owner.signIn(1, OWNER_PIN);
  }
  return { core, owner };
}

async function sell(owner: ReturnType<typeof windowClient>, tabs: number): Promise<void> {
  for (let i = 0; i < tabs; i += 1) await owner.call('tab.open', { name: `Guest ${i}` });
}

function sealOf(core: TestCore) {
  return readSeal(core.dir, sealKeyFrom(loadPepper(core.dir)));
}

async function stop(core: TestCore): Promise<void> {
  await core.idle();
  await core.host.sealIdle();
  core.close();
}

async function recovery(core: TestCore): Promise<RecoveryStatus> {
  return windowClient(core, 9).call('recovery.status', {});
}

describe('the seal beside the ledger', () => {
  it('is written at the first start and follows every command; a clean restart reaches it and trades', async () => {
    const { core, owner } = await trading();
    expect(sealOf(core)).toMatchObject({ state: 'ok' });
    await sell(owner, 3);
    await core.host.sealIdle();
    const head = chainHead(core.ledger()!.db);
    expect(sealOf(core)).toMatchObject({ state: 'ok', seal: { seq: head.seq, hash: head.hash } });
    // "Check everything" through the router: the whole chain, up to the head the seal holds.
    expect((await owner.call('ledger.check', { full: true })).chain).toMatchObject({
      full: true,
      fromSeq: 0,
      headSeq: head.seq,
      headHash: head.hash,
      broken: null,
    });
    const dir = core.dir;
    await stop(core);
    const again = await trading(dir);
    expect(again.core.ledger()).not.toBeNull();
    expect((await again.owner.call('tab.listOpen', {})).length).toBe(3);
  });

  it('a command hands the seal the head it committed: nothing reads the chain after its commit, and a row written outside a command is still sealed', async () => {
    let seen: string[] | null = null;
    observeStatements((sql) => seen?.push(sql.replace(/\s+/g, ' ')));
    try {
      const { core, owner } = await trading();
      await sell(owner, 1);
      seen = [];
      const opened = await owner.call('tab.open', { name: 'Watched' });
      const statements = seen;
      seen = null;
      const commit = statements.lastIndexOf('COMMIT');
      expect(commit).toBeGreaterThan(0);
      // The head is never read: the command's own last chain row is it. The row sealed last is
      // read once, in the command's last statement, inside the transaction.
      expect(statements.filter((sql) => /ledger_chain ORDER BY seq DESC/.test(sql))).toEqual([]);
      const chainReads = statements.filter((sql) => /ledger_chain/.test(sql));
      expect(chainReads).toHaveLength(1);
      expect(chainReads[0]).toMatch(/^INSERT INTO command_results .* RETURNING \(SELECT hash FROM ledger_chain WHERE seq = /);
      expect(statements.slice(commit + 1).filter((sql) => /ledger_chain/.test(sql))).toEqual([]);
      await core.host.sealIdle();
      const head = chainHead(core.ledger()!.db);
      expect(sealOf(core)).toMatchObject({ state: 'ok', seal: { seq: head.seq, hash: head.hash } });
      expect(opened).toMatchObject({ name: 'Watched' });
      // A wrong PIN is an audit row written by the sign-in, not by a ledger command: it is sealed too.
      const wrong = await windowClient(core, 2).refuse('session.signIn', { staffId: 1, pin: '9999' });
      expect(wrong.code).toBe('wrong_pin');
      await core.host.sealIdle();
      const after = chainHead(core.ledger()!.db);
      expect(after.seq).toBeGreaterThan(head.seq);
      expect(sealOf(core)).toMatchObject({ state: 'ok', seal: { seq: after.seq, hash: after.hash } });
    } finally {
      observeStatements(undefined);
    }
  });

  it('a deleted ledger with a seal beside it is not a first run: recovery says how far it reached, and nothing is created', async () => {
    const { core, owner } = await trading();
    await sell(owner, 2);
    const backup = (await owner.call('backup.now', {})) as BackupInfo;
    await sell(owner, 1);
    const dir = core.dir;
    await stop(core);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${ledgerPath(dir)}${suffix}`, { force: true });
    const { core: next } = await trading(dir);
    expect(next.ledger()).toBeNull();
    expect(fs.existsSync(ledgerPath(dir))).toBe(false);
    const status = await recovery(next);
    expect(status).toMatchObject({ damaged: true, seal: { cause: 'ledger_missing', ledgerSeq: null, needsPin: true, owners: [{ id: 1, name: 'Owner' }] } });
    expect(status.problem).toMatch(/^the ledger file is missing: the seal beside it says the ledger reached entry [\d,]+ at \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    // The backup was made before the last sale: it does not reach the seal, and plain restore refuses it.
    expect(status.backups.find((b) => b.name === backup.name)).toMatchObject({ reachesSeal: false, chain: { seq: expect.any(Number) } });
    const refused = await windowClient(next, 9).refuse('recovery.restore', { name: backup.name });
    expect(refused.key).toBe('errors.recovery.behindSeal');
    expect(next.ledger()).toBeNull();
  });

  it('a deleted ledger and seal with backups beside them is not a first run either', async () => {
    const { core, owner } = await trading();
    await sell(owner, 1);
    await owner.call('backup.now', {});
    const dir = core.dir;
    await stop(core);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${ledgerPath(dir)}${suffix}`, { force: true });
    fs.rmSync(sealPath(dir));
    const { core: next } = await trading(dir);
    expect(next.ledger()).toBeNull();
    // The backups carry a signed copy of the seal in their index: deleting the seal alone hides nothing.
    const status = await recovery(next);
    expect(status).toMatchObject({ damaged: true, seal: { cause: 'ledger_missing', sealedSeq: expect.any(Number) } });
    expect(status.problem).toMatch(/^the ledger file is missing: the seal beside it says/);
  });

  it('an older copy put back ends before the seal; the newest backup that reaches it is offered and restores', async () => {
    const { core, owner } = await trading();
    await sell(owner, 1);
    const dir = core.dir;
    await core.host.sealIdle();
    // A copy of the ledger as it stands now (checkpointed into one file).
    core.ledger()!.db.pragma('wal_checkpoint(TRUNCATE)');
    const older = path.join(dir, 'older.sqlite');
    fs.copyFileSync(ledgerPath(dir), older);
    await sell(owner, 2);
    const reaching = (await owner.call('backup.now', {})) as BackupInfo;
    await stop(core);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${ledgerPath(dir)}${suffix}`, { force: true });
    fs.copyFileSync(older, ledgerPath(dir));
    const { core: next } = await trading(dir);
    expect(next.ledger()).toBeNull();
    const status = await recovery(next);
    expect(status.seal?.cause).toBe('behind');
    expect(status.problem).toMatch(/^the ledger ends at entry [\d,]+ of [\d,]+, recorded /);
    expect(status.seal!.ledgerSeq!).toBeLessThan(status.seal!.sealedSeq!);
    expect(status.backups.find((b) => b.name === reaching.name)?.reachesSeal).toBe(true);
    await windowClient(next, 9).call('recovery.restore', { name: reaching.name });
    expect(next.ledger()).not.toBeNull();
    const owner2 = windowClient(next, 2);
    await owner2.signIn(1, OWNER_PIN);
    expect((await owner2.call('tab.listOpen', {})).length).toBe(3);
  });

  it('a WAL lost after a crash rolls the ledger back behind the seal, and that is caught', async () => {
    const { core, owner } = await trading();
    await sell(owner, 2);
    await core.host.sealIdle();
    // What a crash leaves when the -wal file is lost: the main file without the commits still in the WAL.
    const crashed = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-seal-crash-'));
    backupDirs.push(crashed);
    for (const name of fs.readdirSync(core.dir)) {
      if (name.endsWith('-wal') || name.endsWith('-shm')) continue;
      const from = path.join(core.dir, name);
      if (fs.statSync(from).isFile()) fs.copyFileSync(from, path.join(crashed, name));
    }
    const next = start({ dataDir: crashed });
    expect(next.ledger()).toBeNull();
    expect((await recovery(next)).seal?.cause).toBe('behind');
  });

  it('a missing seal stops trading until an owner continues knowingly with a PIN and a reason, which the audit keeps', async () => {
    const { core, owner } = await trading();
    await sell(owner, 2);
    const dir = core.dir;
    await stop(core);
    fs.rmSync(sealPath(dir));
    const { core: next } = await trading(dir);
    expect(next.ledger()).toBeNull();
    expect(await recovery(next)).toMatchObject({ seal: { cause: 'seal_missing', needsPin: true } });
    const pad = windowClient(next, 9);
    expect((await pad.refuse('recovery.continue', { staffId: 1, pin: '0000', reason: 'seal lost when the PC was moved' })).key).toBe(
      'errors.recovery.ownerPin',
    );
    expect((await pad.refuse('recovery.continue', { reason: 'seal lost when the PC was moved' })).key).toBe('errors.recovery.ownerNeeded');
    expect(next.ledger()).toBeNull();
    await pad.call('recovery.continue', { staffId: 1, pin: OWNER_PIN, reason: 'seal lost when the PC was moved' });
    expect(next.ledger()).not.toBeNull();
    await next.host.sealIdle();
    const head = chainHead(next.ledger()!.db);
    expect(readSeal(dir, sealKeyFrom(loadPepper(dir)))).toMatchObject({ state: 'ok', seal: { seq: head.seq } });
    await pad.signIn(1, OWNER_PIN);
    const activity = (await pad.call('audit.list', {})) as ActivityPage;
    const continued = activity.rows.find((row) => row.command === 'ledger.continue');
    expect(continued).toBeDefined();
    expect(JSON.stringify(continued)).toContain('seal lost when the PC was moved');
    // And the next start trades as usual.
    await stop(next);
    expect(start({ dataDir: dir }).ledger()).not.toBeNull();
  });

  it('five wrong owner PINs make continuing wait, and a restart does not reset it; each further five waits twice as long', async () => {
    const { core, owner } = await trading();
    await sell(owner, 1);
    const dir = core.dir;
    await stop(core);
    fs.rmSync(sealPath(dir));
    const first = start({ dataDir: dir });
    const pad = windowClient(first, 9);
    const tryWrong = () => pad.refuse('recovery.continue', { staffId: 1, pin: '0000', reason: 'the seal was lost' });
    for (let i = 0; i < 5; i += 1) expect((await tryWrong()).key).toBe('errors.recovery.ownerPin');
    expect(await pad.refuse('recovery.continue', { staffId: 1, pin: OWNER_PIN, reason: 'the seal was lost' })).toMatchObject({
      code: 'locked_out',
      params: { minutes: 5 },
    });
    first.close();
    // A restart, at the same moment: still waiting.
    const second = start({ dataDir: dir });
    const again = windowClient(second, 9);
    expect((await again.refuse('recovery.continue', { staffId: 1, pin: OWNER_PIN, reason: 'the seal was lost' })).code).toBe('locked_out');
    second.advance(5 * 60_000 + 1);
    for (let i = 0; i < 5; i += 1)
      expect((await again.refuse('recovery.continue', { staffId: 1, pin: '0000', reason: 'the seal was lost' })).key).toBe('errors.recovery.ownerPin');
    expect(await again.refuse('recovery.continue', { staffId: 1, pin: OWNER_PIN, reason: 'the seal was lost' })).toMatchObject({
      code: 'locked_out',
      params: { minutes: 10 },
    });
    second.advance(10 * 60_000 + 1);
    await again.call('recovery.continue', { staffId: 1, pin: OWNER_PIN, reason: 'the seal was lost' });
    expect(second.ledger()).not.toBeNull();
    expect(fs.existsSync(path.join(dir, 'recovery-tries.json'))).toBe(false);
  });

  it('another ledger carrying the same number of entries is caught: its sealed entry differs', async () => {
    const first = await trading();
    await sell(first.owner, 2);
    const second = await trading();
    await sell(second.owner, 2);
    await stop(first.core);
    await stop(second.core);
    // The second shop's ledger put into the first shop's folder (same PIN key copied too, so the seal verifies).
    fs.copyFileSync(ledgerPath(second.core.dir), ledgerPath(first.core.dir));
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${ledgerPath(first.core.dir)}${suffix}`, { force: true });
    const next = start({ dataDir: first.core.dir });
    expect(next.ledger()).toBeNull();
    expect((await recovery(next)).seal?.cause).toBe('diverged');
  });

  it('a chain rewritten by another program while the app runs is never sealed: trading stops and recovery says why', async () => {
    const { core, owner } = await trading();
    await sell(owner, 2);
    await core.host.sealIdle();
    const sealed = chainHead(core.ledger()!.db);
    // Another program rewrites the newest rows of the chain (re-linked, so the chain alone still holds).
    const other = new Database(ledgerPath(core.dir));
    registerChainFunctions(other);
    other.exec('DROP TRIGGER ledger_chain_no_update');
    other.prepare('UPDATE ledger_chain SET hash = randomblob(32) WHERE seq = ?').run(sealed.seq);
    other.close();
    const lastSale = await owner.send('tab.open', {});
    expect(core.ledger()).toBeNull();
    const after = await owner.refuse('tab.listOpen', {});
    expect(after.code).toBe('ledger_damaged');
    const status = await recovery(core);
    expect(status.seal).toMatchObject({ cause: 'diverged', sealedSeq: sealed.seq });
    expect(status.problem).toMatch(/was rewritten by another program while Aftertab had it open/);
    // The seal still holds the last head signed before the rewrite.
    expect(sealOf(core)).toMatchObject({ state: 'ok', seal: { seq: sealed.seq, hash: sealed.hash } });
    expect(lastSale.ok).toBe(true);
  });

  it('a clean stop after such a rewrite leaves the seal as it was, so the next start stops', async () => {
    const { core, owner } = await trading();
    await sell(owner, 2);
    await core.host.sealIdle();
    const sealed = chainHead(core.ledger()!.db);
    const other = new Database(ledgerPath(core.dir));
    other.exec('DROP TRIGGER ledger_chain_no_update');
    other.prepare('UPDATE ledger_chain SET hash = randomblob(32) WHERE seq = ?').run(sealed.seq);
    other.close();
    const dir = core.dir;
    await stop(core);
    expect(readSeal(dir, sealKeyFrom(loadPepper(dir)))).toMatchObject({ state: 'ok', seal: { seq: sealed.seq, hash: sealed.hash } });
    const next = start({ dataDir: dir });
    expect(next.ledger()).toBeNull();
    expect((await recovery(next)).seal?.cause).toBe('diverged');
  });

  it('a seal not signed with this computer\u2019s key is refused', async () => {
    const { core } = await trading();
    const dir = core.dir;
    await stop(core);
    const raw = JSON.parse(fs.readFileSync(sealPath(dir), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(sealPath(dir), JSON.stringify({ ...raw, seq: (raw.seq as number) - 1 }));
    const next = start({ dataDir: dir });
    expect(next.ledger()).toBeNull();
    expect(await recovery(next)).toMatchObject({
      seal: { cause: 'seal_invalid' },
      problem: "the seal beside the ledger is not signed with this computer's key",
    });
  });
});
