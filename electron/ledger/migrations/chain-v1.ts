/**
 * The hash chain's canonical encoding, version 1 (docs/LEDGER-CHAIN.md). Frozen: migration 011
 * built its triggers from it and every chain row written since was hashed by it, so the chain
 * check reads the same lists. A later schema change chains a new kind or writes a version 2;
 * it never edits this file.
 *
 *   content = SHA-256 of the UTF-8 text of SQLite's json_array(<the row's columns in the order below>)
 *   hash    = SHA-256 of  previous hash ‖ kind ‖ 0x0A ‖ ref ‖ 0x0A ‖ content   (hashes as 32 raw bytes)
 *
 * The first row's previous hash is 32 zero bytes. `ref` is the row's key, written as text.
 * A row keeps its content hash only where the row itself may change or go (a tab's status, a
 * pruned command result); every other row's content is recomputed from the row when checked.
 */

/** SHA-256 of a text's UTF-8 bytes, as 32 bytes. */
export const CHAIN_SHA256 = 'aftertab_sha256';
/** The link rule above, as 32 bytes: (previous hash, kind, ref, content hash). */
export const CHAIN_LINK = 'aftertab_link';

export const CHAIN_GENESIS_HEX = '0'.repeat(64);

export type ChainedTable = {
  /** The chain row's kind. */
  kind: string;
  table: string;
  /** The key column a chain row's ref names. */
  key: string;
  /** Whether the key is a whole number (else text). */
  intKey: boolean;
  columns: readonly string[];
  /** Whether the chain row keeps the content hash (the row may later be deleted). */
  keepsContent: boolean;
};

/** Rows that are written once and never change: each insert appends one chain row. */
export const CHAINED_ROWS_V1: readonly ChainedTable[] = [
  {
    kind: 'entry',
    table: 'journal_entries',
    key: 'id',
    intKey: true,
    keepsContent: false,
    columns: ['id', 'created_at', 'kind', 'tab_id', 'staff_id', 'command_id', 'memo', 'business_date', 'approved_by'],
  },
  { kind: 'posting', table: 'postings', key: 'id', intKey: true, keepsContent: false, columns: ['id', 'entry_id', 'account', 'amount_minor'] },
  {
    kind: 'audit',
    table: 'audit',
    key: 'id',
    intKey: true,
    keepsContent: false,
    columns: ['id', 'at', 'staff_id', 'command', 'tab_id', 'detail', 'approved_by', 'command_id'],
  },
  {
    kind: 'z',
    table: 'z_reports',
    key: 'z_number',
    intKey: true,
    keepsContent: false,
    columns: ['z_number', 'business_date', 'closed_at', 'closed_by', 'last_entry_id', 'report_json', 'chain_seq', 'chain_hash', 'chain_counts'],
  },
  { kind: 'command', table: 'commands', key: 'id', intKey: false, keepsContent: false, columns: ['id', 'name', 'payload_hash', 'staff_id', 'at'] },
  // The Z deletes replay results older than the Z before it, so their content stays in the chain.
  { kind: 'result', table: 'command_results', key: 'command_id', intKey: false, keepsContent: true, columns: ['command_id', 'result_json'] },
  {
    kind: 'payment',
    table: 'payments',
    key: 'id',
    intKey: true,
    keepsContent: false,
    columns: [
      'id',
      'tab_id',
      'entry_id',
      'method',
      'amount_minor',
      'tip_minor',
      'tendered_minor',
      'change_minor',
      'rounding_minor',
      'reference',
      'part_no',
      'staff_id',
      'created_at',
    ],
  },
  {
    kind: 'payment_void',
    table: 'payment_voids',
    key: 'payment_id',
    intKey: true,
    keepsContent: false,
    columns: ['payment_id', 'entry_id', 'reason', 'staff_id', 'at'],
  },
  {
    kind: 'drawer',
    table: 'drawer_movements',
    key: 'id',
    intKey: true,
    keepsContent: false,
    columns: ['id', 'session_id', 'kind', 'amount_minor', 'reason', 'entry_id', 'staff_id', 'at'],
  },
  {
    kind: 'comp',
    table: 'comp_postings',
    key: 'id',
    intKey: true,
    keepsContent: false,
    columns: ['id', 'entry_id', 'tax_rate_milli', 'reason', 'amount_minor'],
  },
];

/**
 * A tab's lines change while it is open; what is frozen is the tab as it closed. Each close of
 * a tab appends a chain row whose content is the tab's status fields, its lines and its split
 * parts at that moment, so a line or part edited after the close no longer matches the tab's
 * last close. The rating is left out: a settled tab may still be rated until its day's Z (each
 * rating is an audit row, which is chained).
 */
export const TAB_STATUS_KIND = 'tab';
/** A settled tab reopened by voiding its last payment: recorded, and its lines may change again. */
export const TAB_REOPEN_KIND = 'tab_reopen';
const LINE_COLUMNS = [
  'id',
  'item_id',
  'name',
  'unit_minor',
  'tax_rate_milli',
  'qty',
  'staff_id',
  'state',
  'remove_reason',
  'comp_kind',
  'comp_value',
  'comp_reason',
  'comp_qty',
  'created_at',
];

/** The canonical content of tab `t` (an alias or NEW) as SQL: used by the trigger and by the check alike. */
export function tabStatusContentSql(t: string): string {
  const line = `json_array(${LINE_COLUMNS.map((c) => `l.${c}`).join(', ')})`;
  return `json_array(${t}.id, ${t}.token, ${t}.status, ${t}.closed_at, ${t}.close_reason, ${t}.closed_business_date,
    (SELECT json_group_array(${line} ORDER BY l.id) FROM tab_lines l WHERE l.tab_id = ${t}.id),
    (SELECT json_group_array(json_array(s.part_no, s.amount_minor, s.payment_id) ORDER BY s.part_no) FROM split_parts s WHERE s.tab_id = ${t}.id))`;
}

/** The canonical content of a chained row `t` (an alias or NEW) as SQL. */
export function rowContentSql(spec: ChainedTable, t: string): string {
  return `json_array(${spec.columns.map((c) => `${t}.${c}`).join(', ')})`;
}

/** The SQL that appends one chain row for (kind, ref, content JSON), linked to the chain's current head. */
function appendSql(kind: string, refSql: string, contentJsonSql: string, keepsContent: boolean): string {
  return `INSERT INTO ledger_chain (kind, ref, content, hash)
  SELECT '${kind}', r, ${keepsContent ? 'c' : 'NULL'}, ${CHAIN_LINK}(p, '${kind}', r, c)
  FROM (SELECT ${refSql} AS r, ${CHAIN_SHA256}(${contentJsonSql}) AS c,
        coalesce((SELECT hash FROM ledger_chain ORDER BY seq DESC LIMIT 1), zeroblob(32)) AS p);`;
}

/** The trigger that chains every insert into a chained table. */
export function rowTriggerSql(spec: ChainedTable): string {
  return `CREATE TRIGGER ${spec.table}_chain AFTER INSERT ON ${spec.table}
BEGIN
  ${appendSql(spec.kind, `NEW.${spec.key}`, rowContentSql(spec, 'NEW'), spec.keepsContent)}
END;`;
}

/** The triggers that chain every change of a tab's status: a close, and a reopen by a voided payment. */
export function tabStatusTriggerSql(): string {
  return `CREATE TRIGGER tabs_close_chain AFTER UPDATE OF status ON tabs WHEN OLD.status = 'open' AND NEW.status <> 'open'
BEGIN
  ${appendSql(TAB_STATUS_KIND, 'NEW.id', tabStatusContentSql('NEW'), true)}
END;
CREATE TRIGGER tabs_reopen_chain AFTER UPDATE OF status ON tabs WHEN OLD.status <> 'open' AND NEW.status = 'open'
BEGIN
  ${appendSql(TAB_REOPEN_KIND, 'NEW.id', tabStatusContentSql('NEW'), true)}
END;`;
}

/** Chains the rows already in a table (the backfill when the chain is first made), in key order. */
export function backfillRowsSql(spec: ChainedTable): string {
  return `SELECT t.${spec.key} AS ref, ${rowContentSql(spec, 't')} AS json FROM ${spec.table} t ORDER BY t.${spec.key}`;
}

/** The closed tabs already there when the chain is first made, each as its close. */
export function backfillTabsSql(): string {
  return `SELECT t.id AS ref, ${tabStatusContentSql('t')} AS json FROM tabs t WHERE t.status <> 'open' ORDER BY t.id`;
}
