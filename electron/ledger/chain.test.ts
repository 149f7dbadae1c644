import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerCheck } from '../../shared/types';
import { makeLedger, type TestLedger } from '../test-support/ledger-fixture';
import { CHAIN_GENESIS, CHANGED, chainHead, describeBreak, EMPTY_HEAD, lastZHead, linkHash, registerChainFunctions, sha256Hex, verifyChain } from './chain';
import { migrations } from './migrations';
import { migrate } from './migrate';

const ledgers: TestLedger[] = [];
afterEach(() => {
  for (const l of ledgers.splice(0)) l.cleanup();
});

/** A day's trading: a tab with two lines paid by card, a walkout, a comp. */
function tradedLedger(): TestLedger {
  const l = makeLedger('2026-11-24T09:00:00.000Z', { drawer: false });
  ledgers.push(l);
  const latte = l.call('catalog.createItem', { categoryId: null, name: 'Latte', kind: 'product', priceMinor: 440, rateMilli: 0, expectText: '' });
  const bread = l.call('catalog.createItem', { categoryId: null, name: 'Banana bread', kind: 'product', priceMinor: 380, rateMilli: 0, expectText: '' });
  const tab = l.call('tab.open', {});
  l.call('tab.addLine', { tabId: tab.id, itemId: latte.id, qty: 2 });
  const breadLine = l.call('tab.addLine', { tabId: tab.id, itemId: bread.id, qty: 1 }).lineId;
  l.call('tab.compLine', { tabId: tab.id, lineId: breadLine, kind: 'percent', value: 50, reason: 'Not satisfied' });
  l.call('settle.pay', { tabId: tab.id, method: 'card' });
  const walk = l.call('tab.open', {});
  l.call('tab.addLine', { tabId: walk.id, itemId: latte.id, qty: 1 });
  l.call('tab.writeOff', { tabId: walk.id, reason: 'Left without paying' });
  return l;
}

/**
 * Another program's connection, as the sqlite3 shell would open it: recursive_triggers off. An
 * editor who knows the encoding brings the chain's function along, and may drop triggers.
 */
function editor(l: TestLedger): Database.Database {
  const db = new Database(l.file);
  registerChainFunctions(db);
  return db;
}

function dropTriggers(db: Database.Database, table: string): void {
  const names = db.prepare<[string], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").all(table);
  for (const { name } of names) db.exec(`DROP TRIGGER ${name}`);
}

/** ledger.check on a ledger the test tampered with: `call` would stop at its own invariant check first. */
function check(l: TestLedger, input: { full?: boolean }): LedgerCheck {
  const result = l.raw('ledger.check', input, null);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as LedgerCheck;
}

describe('the hash chain', () => {
  it('links every entry, posting, audit row, command, result and payment, and verifies from its first row', () => {
    const l = tradedLedger();
    const head = chainHead(l.db);
    const kinds = l.db
      .prepare<[], { kind: string }>('SELECT DISTINCT kind FROM ledger_chain ORDER BY kind')
      .all()
      .map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['audit', 'command', 'comp', 'entry', 'payment', 'posting', 'result', 'tab']));
    const verified = verifyChain(l.db);
    expect(verified.broken).toBeNull();
    expect(verified.rowsChecked).toBe(head.seq);
    // The rule written in docs/LEDGER-CHAIN.md, recomputed here by hand for the first row.
    // The rule written in docs/LEDGER-CHAIN.md, recomputed here by hand for the first posting's row.
    const posting = l.db
      .prepare<[], { seq: number; json: string; ref: number; hash: Buffer; previous: Buffer | null }>(
        `SELECT c.seq, json_array(p.id, p.entry_id, p.account, p.amount_minor) AS json, c.ref, c.hash, (SELECT hash FROM ledger_chain WHERE seq = c.seq - 1) AS previous
         FROM ledger_chain c JOIN postings p ON p.id = c.ref WHERE c.kind = 'posting' ORDER BY c.seq LIMIT 1`,
      )
      .get();
    if (!posting) throw new Error('no posting in the chain');
    const content = Buffer.from(sha256Hex(posting.json), 'hex');
    const previous = posting.previous ?? Buffer.from(CHAIN_GENESIS, 'hex');
    expect(linkHash(previous, 'posting', String(posting.ref), content).equals(posting.hash)).toBe(true);
  });

  it('names the audit row an INSERT OR REPLACE rewrote on a connection without recursive_triggers', () => {
    const l = tradedLedger();
    const db = editor(l);
    const row = db.prepare<[], { id: number }>("SELECT id FROM audit WHERE command = 'tab.compLine'").get();
    if (!row) throw new Error('no comp audit row');
    dropTriggers(db, 'audit');
    db.prepare(
      "INSERT OR REPLACE INTO audit (id, at, staff_id, command, tab_id, detail) VALUES (?, '2026-11-24T09:00:00.000Z', 1, 'tab.compLine', 1, '{}')",
    ).run(row.id);
    db.close();
    const broken = verifyChain(l.db).broken;
    expect(broken).toMatchObject({ kind: 'audit', ref: String(row.id), reason: CHANGED });
    expect(describeBreak(broken!)).toMatch(new RegExp(`^the chain breaks at row [\\d,]+ \\(audit row #${row.id}\\)`));
  });

  it('catches a balanced rewrite of two postings with the triggers dropped', () => {
    const l = tradedLedger();
    const db = editor(l);
    dropTriggers(db, 'postings');
    const [a, b] = db.prepare<[], { id: number; account: string }>('SELECT id, account FROM postings ORDER BY id LIMIT 2').all();
    if (!a || !b) throw new Error('no postings');
    db.prepare('UPDATE postings SET account = ? WHERE id = ?').run(b.account, a.id);
    db.prepare('UPDATE postings SET account = ? WHERE id = ?').run(a.account, b.id);
    db.close();
    expect(check(l, { full: true }).chain.broken).toMatch(/posting #\d+/);
  });

  it('catches a forged command result, a deleted row, a row added behind its back and a rewritten link', () => {
    const forged = tradedLedger();
    let db = editor(forged);
    dropTriggers(db, 'command_results');
    db.prepare('UPDATE command_results SET result_json = \'{"forged":true}\' WHERE rowid = (SELECT max(rowid) FROM command_results)').run();
    db.close();
    expect(verifyChain(forged.db).broken).toMatchObject({ kind: 'result', reason: 'the row no longer has the content it was recorded with' });

    const deleted = tradedLedger();
    db = editor(deleted);
    dropTriggers(db, 'payments');
    db.prepare('DELETE FROM payments').run();
    db.close();
    expect(verifyChain(deleted.db).broken).toMatchObject({ kind: 'payment', reason: 'the row it records is gone' });

    // A replay result deleted before any Z could prune it.
    const unpruned = tradedLedger();
    db = editor(unpruned);
    dropTriggers(db, 'command_results');
    db.prepare('DELETE FROM command_results WHERE rowid = (SELECT min(rowid) FROM command_results)').run();
    db.close();
    expect(verifyChain(unpruned.db).broken).toMatchObject({ kind: 'result', reason: 'the row it records is gone' });

    const added = tradedLedger();
    db = editor(added);
    dropTriggers(db, 'audit');
    db.prepare("INSERT INTO audit (at, staff_id, command, tab_id, detail) VALUES ('2026-11-24T09:30:00.000Z', 1, 'tab.open', NULL, '{}')").run();
    db.close();
    expect(verifyChain(added.db).broken?.reason).toMatch(
      /^the chain records [\d,]+ rows of audit but the ledger holds [\d,]+: a row was added or removed outside Aftertab$/,
    );

    const relinked = tradedLedger();
    db = editor(relinked);
    dropTriggers(db, 'ledger_chain');
    db.prepare('UPDATE ledger_chain SET hash = randomblob(32) WHERE seq = 5').run();
    db.close();
    expect(verifyChain(relinked.db).broken).toMatchObject({ seq: 5, reason: CHANGED });

    // A row that keeps its content hash (a command result) tells a rewritten link apart.
    const result = tradedLedger();
    db = editor(result);
    dropTriggers(db, 'ledger_chain');
    const seq = db.prepare<[], { seq: number }>("SELECT seq FROM ledger_chain WHERE kind = 'result' ORDER BY seq LIMIT 1").get()?.seq;
    db.prepare('UPDATE ledger_chain SET hash = randomblob(32) WHERE seq = ?').run(seq);
    db.close();
    expect(verifyChain(result.db).broken).toMatchObject({ seq, kind: 'result', reason: 'its hash does not follow from the row before it' });
  });

  it("catches a settled tab's line edited after it closed", () => {
    const l = tradedLedger();
    const db = editor(l);
    dropTriggers(db, 'tab_lines');
    db.prepare("UPDATE tab_lines SET qty = 1 WHERE name = 'Latte' AND tab_id = 1").run();
    db.close();
    expect(verifyChain(l.db).broken).toMatchObject({ kind: 'tab', ref: '1', reason: 'the tab no longer has the status, lines or parts it closed with' });
  });

  it('a reopened tab (a voided payment) is open on the record, and changes again freely', () => {
    const l = makeLedger('2026-11-24T09:00:00.000Z', { drawer: false });
    ledgers.push(l);
    const latte = l.call('catalog.createItem', { categoryId: null, name: 'Latte', kind: 'product', priceMinor: 440, rateMilli: 0, expectText: '' });
    const tab = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: tab.id, itemId: latte.id, qty: 1 });
    const paid = l.call('settle.pay', { tabId: tab.id, method: 'card' });
    const payment = paid.payment;
    if (!payment) throw new Error('no payment');
    l.call('settle.voidLastPayment', { tabId: tab.id, paymentId: payment.id, reason: 'Wrong tab' });
    l.call('tab.addLine', { tabId: tab.id, itemId: latte.id, qty: 1 });
    expect(l.db.prepare("SELECT kind FROM ledger_chain WHERE kind LIKE 'tab%' ORDER BY seq").all()).toEqual([{ kind: 'tab' }, { kind: 'tab_reopen' }]);
    expect(verifyChain(l.db).broken).toBeNull();
    // Closed again behind the chain's back: the record says it is open.
    const db = editor(l);
    dropTriggers(db, 'tabs');
    db.prepare("UPDATE tabs SET status = 'settled' WHERE id = ?").run(tab.id);
    db.close();
    expect(verifyChain(l.db).broken?.reason).toBe('the tab was reopened on the record but is closed without one');
  });

  it('a Z keeps the head it closed on; the default check starts there, and only the full one reaches back', () => {
    const l = tradedLedger();
    l.setNow('2026-11-25T08:00:00.000Z');
    const report = l.call('day.close', { businessDate: '2026-11-24' });
    const zHead = lastZHead(l.db);
    expect(zHead).not.toBeNull();
    expect(report.chain).toEqual(zHead);
    const after = l.call('ledger.check', {});
    expect(after.chain).toMatchObject({ full: false, fromSeq: zHead?.seq, broken: null });
    expect(after.chain.rowsChecked).toBe(after.chain.headSeq - (zHead?.seq ?? 0));

    const db = editor(l);
    dropTriggers(db, 'audit');
    db.prepare("UPDATE audit SET detail = '{}' WHERE id = 1").run();
    db.close();
    // Before the Z: the quick check from the Z's head does not read it; the full one does.
    expect(check(l, {}).chain.broken).toBeNull();
    const full = check(l, { full: true });
    expect(full.chain.broken).toMatch(/audit row #1\b/);
    expect(full.problems).toContain(full.chain.broken);

    // After the Z: a row added behind the chain's back is counted from the Z's counts on.
    const late = editor(l);
    dropTriggers(late, 'postings');
    late.prepare("INSERT INTO postings (entry_id, account, amount_minor) VALUES (1, 'cash_drawer', 0 + 1), (1, 'cash_drawer', -1)").run();
    late.close();
    expect(check(l, {}).chain.broken).toMatch(/rows of postings but the ledger holds/);
  });

  it('a Z prunes old command results and the chain still holds; a pruned result is allowed to be gone', () => {
    const l = tradedLedger();
    l.setNow('2026-11-25T08:00:00.000Z');
    l.call('day.close', { businessDate: '2026-11-24' });
    l.setNow('2026-11-25T09:00:00.000Z');
    const next = l.call('tab.open', {});
    l.call('tab.addLine', { tabId: next.id, itemId: 1 });
    l.setNow('2026-11-26T08:00:00.000Z');
    l.call('day.close', { businessDate: '2026-11-25' });
    const pruned = l.db
      .prepare<[], { n: number }>(
        "SELECT count(*) AS n FROM ledger_chain c WHERE c.kind = 'result' AND NOT EXISTS (SELECT 1 FROM command_results r WHERE r.command_id = c.ref)",
      )
      .get()?.n;
    expect(pruned).toBeGreaterThan(0);
    expect(verifyChain(l.db, { from: EMPTY_HEAD }).broken).toBeNull();
  });

  it('chains the rows a ledger already held when it is upgraded', () => {
    const l = tradedLedger();
    const file = l.file;
    // The same trading as a schema-9 ledger (before closed-is-closed and the chain): rebuild one from the rows through the shipped migrations.
    const old = new Database(`${file}.v9`);
    old.transaction(() => {
      for (const m of migrations.slice(0, 9)) m.up(old);
      old.pragma('user_version = 9');
    })();
    old.exec(`ATTACH '${file}' AS live`);
    old.pragma('foreign_keys = OFF');
    for (const table of [
      'store_settings',
      'staff',
      'items',
      'tabs',
      'tab_lines',
      'journal_entries',
      'postings',
      'audit',
      'commands',
      'command_results',
      'payments',
    ]) {
      const columns = old
        .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
        .all()
        .map((c) => c.name)
        .join(', ');
      old.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM live.${table}`);
    }
    old.exec('DETACH live');
    migrate(old);
    expect(old.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(verifyChain(old).broken).toBeNull();
    const counts = old.prepare<[], { n: number }>("SELECT count(*) AS n FROM ledger_chain WHERE kind = 'posting'").get()?.n;
    expect(counts).toBe(old.prepare<[], { n: number }>('SELECT count(*) AS n FROM postings').get()?.n);
    old.close();
  });

  it('a connection without the chain function cannot add a chained row at all', () => {
    const l = tradedLedger();
    const db = new Database(l.file);
    expect(() => db.prepare("INSERT INTO audit (at, staff_id, command, tab_id, detail) VALUES ('2026-11-24T09:30:00.000Z', 1, 'x', NULL, '{}')").run()).toThrow(
      /no such function: aftertab_sha256/,
    );
    db.close();
    expect(verifyChain(l.db).broken).toBeNull();
  });
});
