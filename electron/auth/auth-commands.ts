import { randomBytes } from 'node:crypto';
import { contract, isCommandName, type CommandName, type ParsedInput } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import { isApprovable, mayApprove, roleAllows, type Role } from '../../shared/permissions';
import type { ApprovalGrant, SessionState, SignInResult, Staff } from '../../shared/types';
import type { LedgerApp } from '../ledger-host/ledger-app';
import { findActiveStaff, parseCommand, type Admitted } from '../ipc/admission';
import { writeAudit } from '../ledger/journal';
import type { Db } from '../ledger/open';
import { statement } from '../ledger/statements';
import { ledgerIsFresh } from '../services/store-profile-apply';
import type { Clock, Prepared } from '../services/context';
import { APPROVAL_MS, createApprovalStore, type ApprovalStore } from './approvals';
import { permissionsFor } from './escalation';
import type { PinHasher } from './pin-hash';
import { createSessionStore, type SessionStore } from './sessions';

/** Five wrong PINs in a row lock that person out for five minutes (an owner can lift it sooner). */
export const MAX_WRONG_PINS = 5;
export const LOCKOUT_MS = 5 * 60_000;

/** Who is calling, as its transport knows it: an Electron window, or a web client and its session token. */
export type Caller = { kind: 'window'; windowId: number } | { kind: 'web'; token: string | null };

export function callerKey(caller: Caller): string | null {
  if (caller.kind === 'window') return `window:${caller.windowId}`;
  return caller.token === null ? null : `web:${caller.token}`;
}

export const authCommandNames = ['session.state', 'session.signIn', 'session.setup', 'session.end', 'session.current', 'approval.grant'] as const;
export type AuthCommandName = (typeof authCommandNames)[number];
export function isAuthCommand(name: CommandName): name is AuthCommandName {
  return (authCommandNames as readonly string[]).includes(name);
}

type PinRow = { id: number; name: string; role: Role; pin_hash: string | null; failed_pins: number; locked_until: string | null };

export type Auth = {
  readonly sessions: SessionStore;
  readonly approvals: ApprovalStore;
  readonly hasher: PinHasher;
  /** How long a session may sit unused before it ends: the store's idle lock, plus a minute's grace. */
  idleMs(db: Db): number;
  run(name: AuthCommandName, admitted: Admitted, app: LedgerApp, caller: Caller): Promise<unknown>;
  /** The slow part of a PIN command, done before its transaction: the PIN is free, and its hash. */
  prepare(db: Db, admitted: Admitted): Promise<Prepared>;
};

function lockedText(db: Db, until: string): string {
  const zone = statement<[], { time_zone: string }>(db, 'SELECT time_zone FROM store_settings WHERE id = 1').get()?.time_zone ?? 'UTC';
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(until));
}

export function createAuth(options: { hasher: PinHasher; clock: Clock; sessions?: SessionStore; approvals?: ApprovalStore }): Auth {
  const { hasher, clock } = options;
  const nowMs = (): number => clock().getTime();
  const sessions = options.sessions ?? createSessionStore(nowMs);
  const approvals = options.approvals ?? createApprovalStore(nowMs);

  function pinRow(db: Db, staffId: number): PinRow {
    const row = statement<[number], PinRow>(db, 'SELECT id, name, role, pin_hash, failed_pins, locked_until FROM staff WHERE id = ? AND active = 1').get(
      staffId,
    );
    if (!row) throw new DomainError('not_found', 'errors.staff.missing', { id: staffId }, 'staffId');
    return row;
  }

  /**
   * PIN checks for one person run one at a time: a burst of tries sent together would otherwise
   * all read "not locked out" before the slow hash and get past the lockout.
   */
  const queues = new Map<number, Promise<unknown>>();
  function onePinCheckAtATime<T>(staffId: number, check: () => Promise<T>): Promise<T> {
    const before = queues.get(staffId) ?? Promise.resolve();
    const mine = before.then(check, check);
    const settled = mine.then(
      () => undefined,
      () => undefined,
    );
    queues.set(staffId, settled);
    void settled.then(() => {
      if (queues.get(staffId) === settled) queues.delete(staffId);
    });
    return mine;
  }

  function lockedOut(db: Db, row: Pick<PinRow, 'name' | 'locked_until'>, now: string): DomainError | null {
    if (row.locked_until === null || row.locked_until <= now) return null;
    return new DomainError('locked_out', 'errors.pin.lockedOut', { name: row.name, until: lockedText(db, row.locked_until) }, 'pin');
  }

  /**
   * Counts one wrong try against a person, in the caller's transaction: the fifth in a row locks
   * them out for LOCKOUT_MS. Returns the refusal to give.
   */
  function countWrong(db: Db, row: Pick<PinRow, 'id' | 'name'>, command: string, detail: Record<string, unknown>): DomainError {
    const at = clock().toISOString();
    const failed = (statement<[number], { f: number }>(db, 'SELECT failed_pins AS f FROM staff WHERE id = ?').get(row.id)?.f ?? 0) + 1;
    writeAudit(db, { at, staffId: row.id, command, tabId: null, detail: JSON.stringify({ ...detail, ok: false, wrong: failed }) });
    if (failed < MAX_WRONG_PINS) {
      statement(db, 'UPDATE staff SET failed_pins = ? WHERE id = ?').run(failed, row.id);
      return new DomainError('wrong_pin', 'errors.pin.wrong', { left: MAX_WRONG_PINS - failed }, 'pin');
    }
    const until = new Date(Date.parse(at) + LOCKOUT_MS).toISOString();
    statement(db, 'UPDATE staff SET failed_pins = 0, locked_until = ? WHERE id = ?').run(until, row.id);
    writeAudit(db, { at, staffId: row.id, command: 'staff.lockout', tabId: null, detail: JSON.stringify({ until, after: command }) });
    return new DomainError('locked_out', 'errors.pin.lockedOut', { name: row.name, until: lockedText(db, until) }, 'pin');
  }

  /**
   * One PIN attempt for a person, counted and audited whatever its outcome: a lockout refuses it
   * before the PIN is looked at; the fifth wrong one in a row locks the person out. The row is
   * read afresh once this person's earlier checks are done.
   */
  function tryPin(db: Db, staffId: number, pin: string, command: string, detail: Record<string, unknown>): Promise<PinRow> {
    return onePinCheckAtATime(staffId, async () => {
      const row = pinRow(db, staffId);
      const now = clock().toISOString();
      const locked = lockedOut(db, row, now);
      if (locked) {
        writeAudit(db, { at: now, staffId: row.id, command, tabId: null, detail: JSON.stringify({ ...detail, ok: false, refused: 'locked' }) });
        throw locked;
      }
      if (row.pin_hash === null) throw new DomainError('conflict', 'errors.pin.none', { name: row.name }, 'staffId');
      const right = await hasher.verify(pin, row.pin_hash);
      const refusal = db.transaction(() => {
        if (!right) return countWrong(db, row, command, detail);
        statement(db, 'UPDATE staff SET failed_pins = 0, locked_until = NULL WHERE id = ?').run(row.id);
        writeAudit(db, { at: clock().toISOString(), staffId: row.id, command, tabId: null, detail: JSON.stringify({ ...detail, ok: true }) });
        return null;
      })();
      if (refusal) throw refusal;
      return row;
    });
  }

  /** Whether another active staff member already signs in with this PIN (each hash is tried). */
  async function pinInUse(db: Db, pin: string, exceptId: number | null): Promise<boolean> {
    const rows = statement<[number], { pin_hash: string }>(db, 'SELECT pin_hash FROM staff WHERE active = 1 AND pin_hash IS NOT NULL AND id <> ?').all(
      exceptId ?? 0,
    );
    const matches = await Promise.all(rows.map((row) => hasher.verify(pin, row.pin_hash)));
    return matches.includes(true);
  }

  /** The ledger's PINs were made with a PIN key other than this install's: none of them can be checked. */
  function keyChanged(db: Db): boolean {
    const stored = statement<[], { k: string | null }>(db, 'SELECT pin_key_id AS k FROM store_settings WHERE id = 1').get()?.k ?? null;
    return stored !== null && stored !== hasher.keyId();
  }

  function needsSetup(db: Db): boolean {
    return keyChanged(db) || statement(db, "SELECT 1 FROM staff WHERE role = 'owner' AND active = 1 AND pin_hash IS NOT NULL").get() === undefined;
  }

  function startSession(caller: Caller, staff: Staff): SignInResult {
    const previous = callerKey(caller);
    if (caller.kind === 'window') {
      sessions.begin(previous ?? '', staff.id);
      return { staff };
    }
    // Switching person on a web client ends the old session; the new one has a new token.
    if (previous) sessions.end(previous);
    const token = randomBytes(32).toString('base64url');
    sessions.begin(`web:${token}`, staff.id);
    return { staff, token };
  }

  function state(db: Db, caller: Caller): SessionState {
    const store = statement<[], { name: string; locale: string; time_zone: string; idle_lock_minutes: number }>(
      db,
      'SELECT name, locale, time_zone, idle_lock_minutes FROM store_settings WHERE id = 1',
    ).get();
    const now = clock().toISOString();
    const staff = statement<[], PinRow>(
      db,
      "SELECT id, name, role, pin_hash, failed_pins, locked_until FROM staff WHERE active = 1 ORDER BY CASE role WHEN 'owner' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END, name COLLATE NOCASE, id",
    )
      .all()
      .map((row) => ({
        id: row.id,
        name: row.name,
        role: row.role,
        hasPin: row.pin_hash !== null,
        lockedUntil: row.locked_until !== null && row.locked_until > now ? row.locked_until : null,
      }));
    const changed = keyChanged(db);
    const setup = changed || needsSetup(db);
    const key = callerKey(caller);
    const staffId = key ? sessions.staffOf(key, () => auth.idleMs(db)) : null;
    const current = staffId === null ? null : (findActiveStaff(db, staffId) ?? null);
    return {
      storeName: store?.name ?? '',
      locale: store?.locale ?? 'en-IE',
      timeZone: store?.time_zone ?? 'UTC',
      staff,
      needsSetup: setup,
      pinKeyChanged: changed,
      // Only a store no one has a PIN in yet can be fresh; the question costs nothing otherwise.
      firstRun: setup && !changed && ledgerIsFresh(db),
      idleLockMinutes: store?.idle_lock_minutes ?? 5,
      current,
    };
  }

  async function signIn(db: Db, caller: Caller, input: ParsedInput<'session.signIn'>): Promise<SignInResult> {
    pinRow(db, input.staffId);
    // No PIN made with another key can be right here; trying would only count wrong PINs.
    if (keyChanged(db)) throw new DomainError('conflict', 'errors.pin.keyChanged', {}, 'pin');
    const row = await tryPin(db, input.staffId, input.pin, 'session.signIn', {});
    return startSession(caller, { id: row.id, name: row.name, role: row.role });
  }

  async function setup(db: Db, caller: Caller, input: ParsedInput<'session.setup'>): Promise<SignInResult> {
    const owner = statement<[], { id: number; name: string; role: Role }>(
      db,
      "SELECT id, name, role FROM staff WHERE role = 'owner' AND active = 1 ORDER BY id LIMIT 1",
    ).get();
    if (!needsSetup(db) || !owner) throw new DomainError('conflict', 'errors.setup.done');
    const newKey = keyChanged(db);
    if (!newKey && (await pinInUse(db, input.pin, owner.id))) throw new DomainError('conflict', 'errors.pin.taken', {}, 'pin');
    const hash = await hasher.hash(input.pin);
    db.transaction(() => {
      // Checked again inside the transaction: two first-run screens cannot both set it.
      if (!needsSetup(db)) throw new DomainError('conflict', 'errors.setup.done');
      // PINs made with another key cannot be checked here: everyone else gets a new one from the owner.
      if (newKey) statement(db, 'UPDATE staff SET pin_hash = NULL, failed_pins = 0, locked_until = NULL').run();
      statement(db, 'UPDATE staff SET pin_hash = ?, failed_pins = 0, locked_until = NULL WHERE id = ?').run(hash, owner.id);
      statement(db, 'UPDATE store_settings SET pin_key_id = ? WHERE id = 1').run(hasher.keyId());
      writeAudit(db, {
        at: clock().toISOString(),
        staffId: owner.id,
        command: 'session.setup',
        tabId: null,
        detail: JSON.stringify({ ok: true, ...(newKey ? { pinKeyChanged: true } : {}) }),
      });
    })();
    return startSession(caller, owner);
  }

  async function grant(app: LedgerApp, requester: Staff, input: ParsedInput<'approval.grant'>): Promise<ApprovalGrant> {
    const { db } = app;
    const target = input.command;
    if (!isCommandName(target) || contract[target].public || contract[target].host || !contract[target].mutates) {
      throw new DomainError('invalid_input', 'errors.approval.command', { name: target.slice(0, 80) }, 'command');
    }
    const parsed = parseCommand(target, { input: input.input, commandId: input.commandId }, hasher.digest);
    if (app.dispatcher.isCommitted(input.commandId)) throw new DomainError('conflict', 'errors.approval.notNeeded');
    const now = clock().toISOString();
    const missing = permissionsFor(db, parsed.name, parsed.input, requester, now).filter((p) => !roleAllows(requester.role, p));
    if (missing.length === 0) throw new DomainError('conflict', 'errors.approval.notNeeded');
    const refused = missing.find((p) => !isApprovable(p));
    if (refused) throw new DomainError('forbidden', 'errors.forbidden', { staff: requester.name, role: requester.role, permission: refused });
    if (input.approverId === requester.id) throw new DomainError('forbidden', 'errors.approval.ownPin', {}, 'approverId');
    const row = pinRow(db, input.approverId);
    if (!missing.every((p) => mayApprove(row.role, p))) {
      throw new DomainError('forbidden', 'errors.approval.notAllowed', { name: row.name, role: row.role }, 'approverId');
    }
    await tryPin(db, row.id, input.pin, 'approval.pin', { for: requester.id, command: target, commandId: input.commandId });
    const expiresAt = nowMs() + APPROVAL_MS;
    approvals.put(input.commandId, {
      command: target,
      payloadHash: parsed.payloadHash,
      requesterId: requester.id,
      approverId: row.id,
      permissions: missing,
      expiresAt,
    });
    writeAudit(db, {
      at: clock().toISOString(),
      staffId: requester.id,
      command: 'approval.grant',
      tabId: (parsed.input as { tabId?: number }).tabId ?? null,
      detail: JSON.stringify({ command: target, permissions: missing }),
      approvedBy: row.id,
      commandId: input.commandId,
    });
    return { approver: { id: row.id, name: row.name, role: row.role }, commandId: input.commandId, expiresAt: new Date(expiresAt).toISOString() };
  }

  const auth: Auth = {
    sessions,
    approvals,
    hasher,
    idleMs(db) {
      const minutes = statement<[], { m: number }>(db, 'SELECT idle_lock_minutes AS m FROM store_settings WHERE id = 1').get()?.m ?? 5;
      return (minutes + 1) * 60_000;
    },
    async run(name, admitted, app, caller) {
      const { db } = app;
      const input = admitted.input as never;
      switch (name) {
        case 'session.state':
          return state(db, caller);
        case 'session.signIn':
          return signIn(db, caller, input);
        case 'session.setup':
          return setup(db, caller, input);
        case 'session.current':
          return admitted.actor;
        case 'session.end': {
          const key = callerKey(caller);
          if (key) sessions.end(key);
          const actor = admitted.actor;
          if (actor) {
            const reason = (admitted.input as ParsedInput<'session.end'>).reason;
            writeAudit(db, { at: clock().toISOString(), staffId: actor.id, command: 'session.end', tabId: null, detail: JSON.stringify({ reason }) });
          }
          return null;
        }
        case 'approval.grant':
          if (!admitted.actor) throw new DomainError('unauthorized', 'errors.notSignedIn');
          return grant(app, admitted.actor, input);
      }
    },
    async prepare(db, admitted) {
      const pin = (admitted.input as { pin?: unknown }).pin;
      const actor = admitted.actor;
      if (typeof pin !== 'string' || !actor) return {};
      const staffId = (admitted.input as { staffId?: number }).staffId ?? null;
      // "That PIN is taken" says someone has it: each such answer counts as a wrong PIN against
      // whoever asked, so the staff screen cannot be used to find an owner's PIN by trying them.
      await onePinCheckAtATime(actor.id, async () => {
        const locked = lockedOut(db, pinRow(db, actor.id), clock().toISOString());
        if (locked) throw locked;
        if (!(await pinInUse(db, pin, staffId))) return;
        const counted = db.transaction(() => countWrong(db, actor, 'staff.pinTaken', { staffId }))();
        throw counted.code === 'locked_out' ? counted : new DomainError('conflict', 'errors.pin.taken', {}, 'pin');
      });
      return { pinHash: await hasher.hash(pin) };
    },
  };
  return auth;
}
