import Database from 'better-sqlite3';
import { registerChainFunctions } from './chain';

/**
 * Which compiled better-sqlite3 this process loads. Node (tests, the web host, the bench) uses
 * the build `npm install` made inside node_modules; Electron's main process runs another ABI and
 * loads a build of its own (see electron/native/). It is a fact about the process, so it is set
 * once at start, before the first open, by the entry point that knows the runtime, and handed
 * on to worker threads (they load native modules afresh).
 */
let nativeBinding: string | undefined;

export function useNativeBinding(file: string | undefined): void {
  nativeBinding = file;
}

export function nativeBindingInUse(): string | undefined {
  return nativeBinding;
}

/**
 * Sees the text of every statement each connection opened after it is set runs (better-sqlite3's
 * `verbose`), so the bench counts statements rather than estimating them. Unset in the app: no
 * connection then pays for a callback per statement.
 */
let statementObserver: ((sql: string) => void) | undefined;

export function observeStatements(observer: ((sql: string) => void) | undefined): void {
  statementObserver = observer;
}

/**
 * Every connection the app makes goes through here, so each one loads the same build and has
 * the hash chain's SQL function (the chain's triggers call it on every insert).
 */
export function openDatabase(file: string, options: Database.Options = {}): Database.Database {
  const observer = statementObserver;
  const withObserver: Database.Options = observer ? { ...options, verbose: (sql) => observer(String(sql)) } : options;
  const db = new Database(file, nativeBinding === undefined ? withObserver : { ...withObserver, nativeBinding });
  registerChainFunctions(db);
  return db;
}
