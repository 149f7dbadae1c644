import { type CommandName, type CommandResult, type ParsedInput } from '../../shared/contract';
import { DomainError, type ErrorCode, type Result } from '../../shared/errors';
import type { AppEvent, Staff } from '../../shared/types';
import type { Auth, Caller } from '../auth/auth-commands';
import { callerKey, isAuthCommand } from '../auth/auth-commands';
import type { BackupService } from '../backup/backup-service';
import type { LedgerApp } from '../ledger-host/ledger-app';
import type { LedgerHost } from '../ledger-host/ledger-host';
import { consoleLogger, logErrorsTo, type ErrorLog, type Logger } from '../logger';
import { systemClock, type Clock, type Prepared } from '../services/context';
import { ledgerStorageError, storageFaultOf } from '../storage-fault';
import { lastZHead, type ChainVerification } from '../ledger/chain';
import { verifyChainOffThread } from '../ledger/chain-off-thread';
import { admit, parseCommand } from './admission';
import { claimsFor, createSettleClaims, type SettleClaims } from '../auth/settle-claims';

/** The contract's commands flagged `host: true` that copy or replace the ledger file itself. */
export const hostCommandNames = [
  'backup.status',
  'backup.configure',
  'backup.now',
  'backup.restore',
  'recovery.status',
  'recovery.restore',
  'recovery.continue',
  'firstRun.profile',
  'firstRun.applyProfile',
  'firstRun.previewImport',
  'firstRun.applyWizard',
  'device.get',
  'device.update',
  'store.exportProfile',
  'print.test',
  'print.preview',
  'print.document',
] as const;
export type HostCommandName = (typeof hostCommandNames)[number];

/** The code every command but recovery.* gets while the ledger failed its start-up check. */
export const LEDGER_DAMAGED_CODE: ErrorCode = 'ledger_damaged';

export type HostHandler<N extends HostCommandName> = (input: ParsedInput<N>, actor: Staff | null) => Promise<CommandResult<N>> | CommandResult<N>;
export type HostHandlers = { [N in HostCommandName]: HostHandler<N> };

/** What both transports call: every command, answered asynchronously, as the caller's signed-in person. */
export type CommandRouter = {
  dispatch(name: string, envelope: unknown, caller: Caller): Promise<Result<unknown>>;
  /** The caller is gone (its window closed): its session ends. */
  forget(caller: Caller): void;
  subscribe(listener: (event: AppEvent) => void): () => void;
};

/** Commands a screen sends on its own, on a timer: they keep no session from its idle lock. */
const untouched: ReadonlySet<string> = new Set(['settle.claim', 'settle.release']);

/** The sign-in commands that end or replace this caller's session: its settle claims go with it. */
const sessionChanges: ReadonlySet<CommandName> = new Set<CommandName>(['session.end', 'session.signIn', 'session.setup']);

function isHostCommand(name: CommandName): name is HostCommandName {
  return (hostCommandNames as readonly string[]).includes(name);
}

export function ledgerDamaged(problem: string): DomainError {
  return new DomainError(LEDGER_DAMAGED_CODE, 'errors.recovery.ledgerDamaged', { problem });
}

/**
 * Every command from every transport comes through here. The caller's session comes from the
 * transport (a window, a web client's token), never from a default; one admission step
 * (envelope, input, session, permissions, approval, command id) serves ledger, host and sign-in
 * commands alike. Ledger commands then run in one transaction in the current ledger's dispatcher;
 * host commands are awaited outside any transaction. With no ledger (recovery mode) only
 * recovery.* are answered; everything else is refused with errors.recovery.ledgerDamaged.
 */
export function createCommandRouter(options: {
  host: LedgerHost;
  handlers: HostHandlers;
  auth: Auth;
  clock?: Clock;
  log?: ErrorLog;
  /** Where a full or read-only disk is reported (a sign-in that records a wrong PIN writes too). */
  warn?: Logger['warn'];
  /** The bundled worker that walks a whole chain off the main thread (missing when run from source). */
  chainWorkerFile?: string;
  /**
   * Told of each ledger command that committed now (not a replay), after its answer is settled: this
   * PC's printer kicks the drawer or prints a receipt. It must not throw; nothing it does undoes the command.
   */
  afterCommit?: (committed: { name: CommandName; input: unknown; value: unknown; actor: Staff }) => void;
  /** Which window is settling which tab (in memory; made here unless given). */
  claims?: SettleClaims;
}): CommandRouter {
  const { host, handlers, auth } = options;
  const chainWorkerFile = options.chainWorkerFile ?? '';
  let walking: Promise<ChainVerification> | null = null;
  const clock = options.clock ?? systemClock;
  const log = options.log ?? logErrorsTo(consoleLogger, 'command failed');
  const warn = options.warn ?? consoleLogger.warn;
  let lastLedger: LedgerApp | null = null;
  const claims = options.claims ?? createSettleClaims(() => clock().getTime());

  async function route(name: string, envelope: unknown, caller: Caller): Promise<Result<unknown>> {
    const app = host.current();
    if (app !== lastLedger) {
      // A restore swapped the ledger (and its staff table): every session and approval ends.
      auth.sessions.endAll();
      auth.approvals.clear();
      claims.clear();
      lastLedger = app;
    }
    const parsed = parseCommand(name, envelope, auth.hasher.digest);
    if (parsed.name === 'recovery.status' || parsed.name === 'recovery.restore' || parsed.name === 'recovery.continue') {
      return { ok: true, value: await handlers[parsed.name](parsed.input as never, null) };
    }
    if (!app) throw ledgerDamaged(host.problem() ?? '');
    const key = callerKey(caller);
    const staffId = key === null ? null : auth.sessions.staffOf(key, () => auth.idleMs(app.db));
    const admitted = admit(parsed, { db: app.db, staffId, now: clock().toISOString(), approvals: auth.approvals, isCommitted: app.dispatcher.isCommitted });
    // The settle screen renews its claim by itself every few seconds: that is no one at the counter.
    if (key !== null && admitted.actor && !untouched.has(parsed.name)) auth.sessions.touch(key);
    if (isAuthCommand(parsed.name)) {
      try {
        return { ok: true, value: await auth.run(parsed.name, admitted, app, caller) };
      } finally {
        // A sign-out, a lock or a new sign-in here: whatever this session was settling is free again.
        if (key !== null && sessionChanges.has(parsed.name)) claims.releaseSession(key);
        // What the contract says a sign-in command changes (a PIN try, right or wrong, may lock a
        // person out or lift nothing), screens listing staff hear at once.
        for (const type of admitted.def.events?.changes ?? []) host.emit({ type });
      }
    }
    if (isHostCommand(parsed.name)) return { ok: true, value: await handlers[parsed.name](parsed.input as never, admitted.actor) };
    // Only a PIN command has slow work to do before its transaction, and not when it is a replay.
    const hasPin = typeof (admitted.input as { pin?: unknown }).pin === 'string';
    const fresh = (): boolean => !admitted.replay && !(admitted.commandId !== null && app.dispatcher.isCommitted(admitted.commandId));
    const prepared: Prepared = hasPin && fresh() ? await auth.prepare(app.db, admitted) : {};
    if (key !== null) prepared.claims = claimsFor(claims, key);
    // "Check everything", and any check of a ledger with no Z to start from, walks the whole chain:
    // on a year, far too long for the main thread. One walk at a time; a second asker shares it.
    if (parsed.name === 'ledger.check' && ((admitted.input as { full?: boolean }).full === true || lastZHead(app.db) === null)) {
      walking ??= verifyChainOffThread(app.file, { workerFile: chainWorkerFile, log }).finally(() => {
        walking = null;
      });
      prepared.chain = await walking;
    }
    const result = app.dispatcher.execute(admitted, prepared);
    // A repeated command id answers what it did the first time, and nothing follows it again.
    const firstTime = admitted.def.mutates && !admitted.replay && !result.replayed;
    if (result.ok && admitted.approverId !== null && admitted.commandId !== null) auth.approvals.consume(admitted.commandId);
    if (result.ok && firstTime && admitted.actor && options.afterCommit) {
      try {
        options.afterCommit({ name: parsed.name, input: admitted.input, value: result.value, actor: admitted.actor });
      } catch (error) {
        log(error, { command: parsed.name, after: 'commit' });
      }
    }
    return result.ok ? { ok: true, value: result.value } : result;
  }

  /** A command that threw, in words for the client; internal errors go to the log with their stacks. */
  function refusal(name: string, error: unknown): Result<unknown> {
    // A client sees `internal` for these two alike; both go to the log with their stacks.
    if (error instanceof DomainError && error.code !== 'internal') return { ok: false, error: error.toJSON() };
    // Ledger commands come back from the dispatcher already in words; this catches the
    // writes made outside it (a sign-in recording a wrong PIN) on a full or read-only disk.
    const fault = storageFaultOf(error, host.file);
    if (fault) {
      warn('command refused: the ledger could not be written', {
        command: name.slice(0, 80),
        code: fault.code,
        path: fault.path,
        problem: error instanceof Error ? error.message : String(error),
      });
      return { ok: false, error: ledgerStorageError(fault, host.file).toJSON() };
    }
    log(error, { command: name.slice(0, 80), code: 'internal' });
    if (error instanceof DomainError) return { ok: false, error: error.toJSON() };
    return { ok: false, error: new DomainError('internal', 'errors.internal').toJSON() };
  }

  return {
    async dispatch(name, envelope, caller) {
      try {
        return await route(name, envelope, caller);
      } catch (error) {
        return refusal(name, error);
      } finally {
        // Whatever the command wrote (a sale, a sign-in's audit row) extends the chain: seal it.
        host.sealSoon();
        // A Z is the end of a day's trading: its WAL goes into the ledger file straight after the
        // answer has gone (not inside it); anything else after a quiet second.
        if (name === 'day.close') setImmediate(() => host.checkpointNow());
        else host.checkpointSoon();
      }
    },
    forget(caller) {
      const key = callerKey(caller);
      if (key === null) return;
      auth.sessions.end(key);
      claims.releaseSession(key);
    },
    subscribe: (listener) => host.subscribe(listener),
  };
}

/** The host commands bound to the backup service (the first run's are bound in first-run-profile.ts). */
export function backupHandlers(
  backups: BackupService,
): Omit<
  HostHandlers,
  | 'firstRun.profile'
  | 'firstRun.applyProfile'
  | 'firstRun.previewImport'
  | 'firstRun.applyWizard'
  | 'device.get'
  | 'device.update'
  | 'store.exportProfile'
  | 'print.test'
  | 'print.preview'
  | 'print.document'
> {
  return {
    'backup.status': () => backups.status(),
    'backup.configure': (input) => backups.configure(input),
    'backup.now': () => backups.backupNow('manual'),
    'backup.restore': (input) => backups.restore(input.name),
    'recovery.status': () => backups.recoveryStatus(),
    'recovery.restore': (input) => backups.restore(input.name, { onlyInRecovery: true }),
    'recovery.continue': (input) => backups.continueKnowingly(input),
  };
}
